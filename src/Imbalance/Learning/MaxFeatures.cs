using System.Globalization;

namespace Imbalance.Learning;

/// <summary>
/// How many features a tree draws at random as split candidates at each node (scikit-learn's <c>max_features</c>):
/// <see cref="Sqrt"/>, <see cref="Log2"/>, a <see cref="Count"/> or a <see cref="Fraction"/> of the features.
/// A learner's <c>MaxFeatures</c> set to <see langword="null"/> means scikit-learn's <c>None</c>: every feature.
/// </summary>
/// <remarks>
/// <para>When to use it: tuning the diversity of a forest: fewer features per split (Sqrt, the classification
/// default) decorrelates the trees, more (or all) makes each tree stronger but the forest less varied. Keep Sqrt
/// unless a search says otherwise; use all features for a single tree or when only a few features are
/// informative.</para>
/// As in scikit-learn, a node keeps drawing past the limit while every feature drawn so far is constant
/// there.</remarks>
public sealed class MaxFeatures
{
    private readonly int _kind; // 0 sqrt, 1 log2, 2 count, 3 fraction
    private readonly double _value;

    private MaxFeatures(int kind, double value)
    {
        _kind = kind;
        _value = value;
    }

    /// <summary>scikit-learn's <c>"sqrt"</c>: <c>max(1, floor(sqrt(n_features)))</c>.</summary>
    public static MaxFeatures Sqrt { get; } = new(0, 0);

    /// <summary>scikit-learn's <c>"log2"</c>: <c>max(1, floor(log2(n_features)))</c>.</summary>
    public static MaxFeatures Log2 { get; } = new(1, 0);

    /// <summary>An integer <c>max_features</c>: exactly <paramref name="count"/> features (at most the number of
    /// features, checked at fit).</summary>
    /// <param name="count">At least 1.</param>
    /// <returns>The setting.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public static MaxFeatures Count(int count) =>
        count >= 1
            ? new MaxFeatures(2, count)
            : throw new ArgumentOutOfRangeException(nameof(count), count, "The 'MaxFeatures' parameter must be an int in the range [1, inf).");

    /// <summary>A float <c>max_features</c>: <c>max(1, floor(fraction * n_features))</c> features.</summary>
    /// <param name="fraction">In (0, 1].</param>
    /// <returns>The setting.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is not in (0, 1].</exception>
    public static MaxFeatures Fraction(double fraction) =>
        fraction is > 0.0 and <= 1.0
            ? new MaxFeatures(3, fraction)
            : throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The 'MaxFeatures' parameter must be a float in the range (0.0, 1.0].");

    /// <inheritdoc />
    public override string ToString() => _kind switch
    {
        0 => "sqrt",
        1 => "log2",
        2 => ((int)_value).ToString(CultureInfo.InvariantCulture),
        _ => _value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Whether this is a count or a fraction (not <c>sqrt</c> / <c>log2</c>).</summary>
    internal bool IsCountOrFraction => _kind >= 2;

    /// <summary>The number of features for data with <paramref name="features"/> columns (scikit-learn's
    /// <c>max_features_</c>); null means all.</summary>
    internal static int Resolve(MaxFeatures? setting, int features, string parameterName)
    {
        if (setting is null)
        {
            return features;
        }

        var count = setting._kind switch
        {
            0 => Math.Max(1, (int)Math.Sqrt(features)),
            1 => Math.Max(1, (int)Math.Log2(features)),
            2 => (int)setting._value,
            _ => Math.Max(1, (int)(setting._value * features)),
        };
        return count <= features
            ? count
            : throw new ArgumentException("MaxFeatures must be in (0, n_features]", parameterName);
    }
}
