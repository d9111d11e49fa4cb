using Imbalance.Sampling;

namespace Imbalance.OverSampling;

/// <summary>
/// The shrinkage factor of <see cref="RandomOverSampler"/>'s smoothed bootstrap (imblearn's <c>shrinkage</c>
/// parameter): one factor for every over-sampled class (a float in imblearn) or one per class (a dict).
/// A double converts implicitly: <c>new RandomOverSampler { Shrinkage = 1.0 }</c>.
/// </summary>
/// <remarks>
/// <para>When to use it: when plain random over-sampling over-fits because the learner memorises duplicated
/// minority rows: a smoothed bootstrap adds small Gaussian noise around each copy (numeric features only). Leave it
/// unset with categorical features or tree ensembles, which cope with duplicates; prefer Smote when new rows should
/// follow the class's local structure.</para>
/// <para>A factor of 0 gives a plain bootstrap (the rows are copied, but random normals are still drawn, as in
/// imblearn). Per-class factors must cover every class the strategy over-samples; labels that are not over-sampled
/// are otherwise ignored, but every factor must be valid (imblearn checks them all too). Instances are immutable.</para>
/// <para>Difference from imblearn 0.10.0: a per-class factor that is infinite or NaN is rejected when the
/// <see cref="Shrinkage"/> is created; imblearn only checks <c>&gt;= 0</c> for a dict and returns rows of
/// infinities and NaN.</para>
/// </remarks>
public sealed class Shrinkage
{
    private readonly double? _uniform;
    private readonly Func<LabelSet, int, double?>? _perClass;
    private readonly string _text;

    private Shrinkage(double? uniform, Func<LabelSet, int, double?>? perClass, string text)
    {
        _uniform = uniform;
        _perClass = perClass;
        _text = text;
    }

    /// <summary>The same shrinkage factor for every over-sampled class (imblearn: a float).</summary>
    /// <param name="factor">A finite factor &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is negative or not finite.</exception>
    public static Shrinkage Uniform(double factor)
    {
        CheckFactor(factor, null, nameof(factor));
        return new Shrinkage(factor, null, PythonFormat.Float(factor));
    }

    /// <summary>One shrinkage factor per class label (imblearn: a dict); it must name every over-sampled class.</summary>
    /// <param name="factors">Factor per class label, each finite and &gt;= 0; copied.</param>
    /// <exception cref="ArgumentOutOfRangeException">A factor is negative or not finite.</exception>
    public static Shrinkage PerClass<TLabel>(IReadOnlyDictionary<TLabel, double> factors)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(factors);
        var copy = factors.ToArray();
        foreach (var (label, factor) in copy)
        {
            CheckFactor(factor, label, nameof(factors));
        }

        return new Shrinkage(
            null,
            (labels, code) =>
            {
                labels.RequireKeyType<TLabel>(nameof(RandomOverSampler.Shrinkage));
                foreach (var (label, factor) in copy)
                {
                    if (labels.TryGetCode(label, out var c) && c == code)
                    {
                        return factor;
                    }
                }

                return null;
            },
            "{" + string.Join(", ", copy.Select(kv => LabelSet.FormatLabel(kv.Key) + ": " + PythonFormat.Float(kv.Value))) + "}");
    }

    /// <summary>The same factor for every class; the named alternative of the implicit conversion.</summary>
    /// <param name="factor">A finite factor &gt;= 0.</param>
    /// <returns><see cref="Uniform"/> of <paramref name="factor"/>.</returns>
    public static Shrinkage FromDouble(double factor) => Uniform(factor);

    /// <summary>Converts a double to <see cref="Uniform"/>.</summary>
    /// <param name="factor">A finite factor &gt;= 0.</param>
    public static implicit operator Shrinkage(double factor) => Uniform(factor);

    /// <inheritdoc />
    public override string ToString() => _text;

    /// <summary>The factor of each targeted class code, checking every over-sampled class has one.</summary>
    internal double[] Resolve(LabelSet labels, ClassTargets targets)
    {
        var factors = new double[targets.ClassCount];
        var missing = new List<string>();
        foreach (var code in targets.Targeted)
        {
            var factor = _uniform ?? _perClass!(labels, code);
            if (factor is null)
            {
                missing.Add(labels.Format(code));
            }
            else
            {
                factors[code] = factor.Value;
            }
        }

        if (missing.Count > 0)
        {
            throw InputGuard.Invalid(
                nameof(RandomOverSampler.Shrinkage),
                "`shrinkage` should contain a shrinkage factor for each class that will be resampled. The missing classes are: {"
                + string.Join(", ", missing) + "}");
        }

        return factors;
    }

    private static void CheckFactor(double factor, object? label, string parameterName)
    {
        if (factor >= 0.0 && !double.IsInfinity(factor))
        {
            return;
        }

        // imblearn's wording: parameter validation for a float, its own check for a per-class dict.
        var message = label is null
            ? $"The shrinkage factor needs to be in the range [0, inf). Got {PythonFormat.Float(factor)} instead."
            : factor < 0.0
                ? $"The shrinkage factor needs to be >= 0. Got {PythonFormat.Float(factor)} for class {LabelSet.FormatLabel(label)}."
                : $"The shrinkage factor needs to be finite. Got {PythonFormat.Float(factor)} for class {LabelSet.FormatLabel(label)}.";
        throw new ArgumentOutOfRangeException(parameterName, factor, message);
    }
}
