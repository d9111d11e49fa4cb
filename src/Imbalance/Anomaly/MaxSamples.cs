using System.Globalization;

namespace Imbalance.Anomaly;

/// <summary>
/// How many rows each isolation tree is grown on (scikit-learn's <c>IsolationForest(max_samples=...)</c>):
/// <see cref="Auto"/> (<c>min(256, n_samples)</c>), a <see cref="Count"/>, or a <see cref="Fraction"/> of the rows.
/// </summary>
/// <remarks><para>When to use it: keep the default Auto (256 rows per tree) in most cases: small subsamples isolate
/// anomalies best and keep the forest fast. Raise it when anomalies form small dense groups that a small subsample
/// would miss (masking), lower it on very large data.</para></remarks>
public sealed class MaxSamples
{
    private readonly int _kind; // 0 auto, 1 count, 2 fraction
    private readonly double _value;

    private MaxSamples(int kind, double value)
    {
        _kind = kind;
        _value = value;
    }

    /// <summary>scikit-learn's <c>"auto"</c>: <c>min(256, n_samples)</c> rows, the subsample size of Liu et al.</summary>
    public static MaxSamples Auto { get; } = new(0, 0);

    /// <summary>A number of rows (scikit-learn's integer <c>max_samples</c>); more than the data has means all rows
    /// (scikit-learn warns).</summary>
    /// <param name="count">At least 1.</param>
    /// <returns>The setting.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public static MaxSamples Count(int count) =>
        count >= 1
            ? new MaxSamples(1, count)
            : throw new ArgumentOutOfRangeException(nameof(count), count, "The 'max_samples' parameter must be an int in the range [1, inf).");

    /// <summary>A fraction of the rows (scikit-learn's float <c>max_samples</c>): <c>int(fraction * n_samples)</c>.</summary>
    /// <param name="fraction">In (0, 1].</param>
    /// <returns>The setting.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is outside (0, 1].</exception>
    public static MaxSamples Fraction(double fraction) =>
        fraction is > 0.0 and <= 1.0
            ? new MaxSamples(2, fraction)
            : throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The 'max_samples' parameter must be a float in the range (0.0, 1.0].");

    /// <summary>The setting as scikit-learn writes it.</summary>
    /// <returns><c>auto</c>, the count or the fraction.</returns>
    public override string ToString() => _kind switch
    {
        0 => "auto",
        1 => ((int)_value).ToString(CultureInfo.InvariantCulture),
        _ => _value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>The number of rows for <paramref name="rows"/> training rows, as scikit-learn resolves it.</summary>
    internal int Resolve(int rows, string parameterName)
    {
        var count = _kind switch
        {
            0 => Math.Min(256, rows),
            1 => Math.Min((int)_value, rows),
            _ => (int)(_value * rows),
        };
        return count >= 1
            ? count
            : throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"max_samples={this} gives no rows for {rows} samples."), parameterName);
    }
}
