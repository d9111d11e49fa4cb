using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.Learning;

/// <summary>
/// Per-class weights for a learner (scikit-learn's <c>class_weight</c>): <see cref="Balanced"/>, forests'
/// <see cref="BalancedSubsample"/>, an explicit weight per label (<see cref="Explicit{TLabel}"/>), or the
/// class-balanced weights over the effective number of samples (<see cref="EffectiveNumber"/>, Cui et al. 2019). A learner's
/// <c>ClassWeight</c> property left <see langword="null"/> means scikit-learn's <c>class_weight=None</c> (every class
/// weighs 1). Class weights multiply the sample weights row by row, as scikit-learn's
/// <c>compute_sample_weight</c> does.
/// </summary>
/// <remarks><para>When to use it: the alternative to resampling when the learner accepts weights: no rows are
/// discarded or synthesised, which is often the better choice in high dimension, with few minority rows, or for
/// linear models. Prefer resampling when the learner has no weights or the minority region itself must be
/// reshaped.</para></remarks>
public sealed class ClassWeight
{
    private readonly object? _explicit;

    private ClassWeight(ClassWeightKind kind, object? explicitWeights, Type? labelType, double beta = 0.0)
    {
        Kind = kind;
        _explicit = explicitWeights;
        LabelType = labelType;
        Beta = beta;
    }

    /// <summary>scikit-learn's <c>"balanced"</c>: class <c>c</c> weighs <c>n_samples / (n_classes * count_c)</c>.</summary>
    public static ClassWeight Balanced { get; } = new(ClassWeightKind.Balanced, null, null);

    /// <summary>scikit-learn's <c>"balanced_subsample"</c> (random forests only): the balanced weights computed on
    /// each tree's bootstrap sample; without bootstrap it is <see cref="Balanced"/>.</summary>
    public static ClassWeight BalancedSubsample { get; } = new(ClassWeightKind.BalancedSubsample, null, null);

    /// <summary>Which kind of weighting this is.</summary>
    public ClassWeightKind Kind { get; }

    /// <summary>The label type of an <see cref="ClassWeightKind.Explicit"/> weighting; null otherwise.</summary>
    public Type? LabelType { get; }

    /// <summary>The <c>beta</c> of an <see cref="ClassWeightKind.EffectiveNumber"/> weighting; 0 otherwise.</summary>
    public double Beta { get; }

    /// <summary>
    /// The class-balanced weights of Cui et al., "Class-Balanced Loss Based on Effective Number of Samples" (CVPR
    /// 2019): class <c>c</c> with <c>n_c</c> rows weighs <c>(1 - beta) / (1 - beta^n_c)</c> (the inverse of its
    /// effective number of samples), normalised so the weights of the classes sum to the number of classes.
    /// <c>beta = 0</c> gives every class weight 1; as <c>beta</c> approaches 1 the weights approach inverse class
    /// frequency (proportional to <see cref="Balanced"/>). Cui et al. suggest 0.9, 0.99, 0.999 or 0.9999; use it when
    /// "balanced" over-weights a very rare class (duplicated rows add less and less information, which this models).
    /// scikit-learn has no equivalent.
    /// </summary>
    /// <param name="beta">In [0, 1).</param>
    /// <returns>The weighting.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is outside [0, 1) or NaN.</exception>
    public static ClassWeight EffectiveNumber(double beta) =>
        beta is >= 0.0 and < 1.0
            ? new ClassWeight(ClassWeightKind.EffectiveNumber, null, null, beta)
            : throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be in [0, 1).");

    /// <summary>
    /// The weight of each class of <paramref name="y"/> under this weighting (scikit-learn's
    /// <c>compute_class_weight</c>), keyed by label.
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="y">The labels.</param>
    /// <returns>Weight per class; <see cref="BalancedSubsample"/> resolves as <see cref="Balanced"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="y"/> is empty or an explicit weighting does not fit its labels.</exception>
    public IReadOnlyDictionary<TLabel, double> ComputeClassWeight<TLabel>(IReadOnlyList<TLabel> y)
        where TLabel : notnull
    {
        var encoder = EncodeLabels(y);
        var perClass = PerClass(encoder.Classes, encoder.Codes, nameof(y));
        var result = new Dictionary<TLabel, double>(perClass.Length);
        for (var c = 0; c < perClass.Length; c++)
        {
            result.Add(encoder.Classes[c], perClass[c]);
        }

        return result;
    }

    /// <summary>
    /// One weight per row of <paramref name="y"/>: the weight of the row's class (scikit-learn's
    /// <c>compute_sample_weight</c>). Use it for learners that take sample weights, or for a weighted batch sampler
    /// (<see cref="Batching.WeightedBatchSampler"/>).
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="y">The labels.</param>
    /// <returns>A new array of <c>y.Count</c> weights.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="y"/> is empty or an explicit weighting does not fit its labels.</exception>
    public double[] ComputeSampleWeight<TLabel>(IReadOnlyList<TLabel> y)
        where TLabel : notnull
    {
        var encoder = EncodeLabels(y);
        var perClass = PerClass(encoder.Classes, encoder.Codes, nameof(y));
        return RowWeights(null, perClass, encoder.Codes);
    }

    /// <summary>scikit-learn's balanced formula <c>total / (present * count_c)</c> over class counts, 0 for a class
    /// with no rows (<c>present</c> is the number of classes with rows). The one place it is written.</summary>
    internal static double[] BalancedFromCounts(ReadOnlySpan<double> counts, double total)
    {
        var present = 0;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                present++;
            }
        }

        var weights = new double[counts.Length];
        for (var c = 0; c < weights.Length; c++)
        {
            // len(y) / (n_classes * bincount(y)) as scikit-learn evaluates it.
            weights[c] = counts[c] > 0 ? total / (present * counts[c]) : 0.0;
        }

        return weights;
    }

    /// <summary>Cui et al.'s weights <c>(1 - beta) / (1 - beta^n_c)</c> normalised to sum to the class count
    /// (classes with no rows get 0 and do not count).</summary>
    internal static double[] EffectiveNumberFromCounts(ReadOnlySpan<double> counts, double beta)
    {
        var weights = new double[counts.Length];
        var sum = 0.0;
        var present = 0;
        for (var c = 0; c < weights.Length; c++)
        {
            if (counts[c] <= 0)
            {
                continue;
            }

            // 1 - beta^n as -expm1(n log beta): exact for beta near 1, where 1 - beta^n would cancel.
            var effective = beta == 0.0 ? 1.0 : -ExpM1(counts[c] * Math.Log(beta));
            weights[c] = (1.0 - beta) / effective;
            sum += weights[c];
            present++;
        }

        for (var c = 0; c < weights.Length; c++)
        {
            weights[c] = weights[c] * present / sum;
        }

        return weights;
    }

    /// <summary><c>exp(v) - 1</c> without cancellation near 0, as <c>2 tanh(v/2) / (1 - tanh(v/2))</c>.</summary>
    private static double ExpM1(double v)
    {
        var t = Math.Tanh(0.5 * v);
        return 2.0 * t / (1.0 - t);
    }

    private static LabelEncoder<TLabel> EncodeLabels<TLabel>(IReadOnlyList<TLabel> y)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count == 0)
        {
            throw new ArgumentException("y must not be empty.", nameof(y));
        }

        return LabelEncoder<TLabel>.Fit(y);
    }

    /// <summary>
    /// An explicit weight per label (scikit-learn's <c>class_weight={label: weight}</c>). Classes absent from the
    /// dictionary weigh 1; as in scikit-learn, a label that is not a class of <c>y</c> is an error when some class
    /// is absent from the dictionary.
    /// </summary>
    /// <typeparam name="TLabel">The label type; must be the label type of the <c>y</c> the learner is fitted on.</typeparam>
    /// <param name="weights">Finite, non-negative weight per label; copied.</param>
    /// <returns>The weighting.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite.</exception>
    public static ClassWeight Explicit<TLabel>(IReadOnlyDictionary<TLabel, double> weights)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(weights);
        var copy = new Dictionary<TLabel, double>(weights.Count);
        foreach (var (label, weight) in weights)
        {
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(weights), weight, string.Create(CultureInfo.InvariantCulture, $"Class weights must be finite and non-negative; got {weight} for {label}."));
            }

            copy.Add(label, weight);
        }

        return new ClassWeight(ClassWeightKind.Explicit, copy, typeof(TLabel));
    }

    /// <summary>
    /// The weight of each class (scikit-learn's <c>compute_class_weight</c>) for the encoded labels
    /// <paramref name="codes"/> of <paramref name="classes"/>. <see cref="BalancedSubsample"/> resolves as
    /// <see cref="Balanced"/> here (the forest applies the per-tree part itself).
    /// </summary>
    internal double[] PerClass<TLabel>(IReadOnlyList<TLabel> classes, ReadOnlySpan<int> codes, string parameterName)
        where TLabel : notnull
    {
        if (Kind is ClassWeightKind.Balanced or ClassWeightKind.BalancedSubsample or ClassWeightKind.EffectiveNumber)
        {
            var counts = new double[classes.Count];
            foreach (var c in codes)
            {
                counts[c]++;
            }

            return Kind == ClassWeightKind.EffectiveNumber ? EffectiveNumberFromCounts(counts, Beta) : BalancedFromCounts(counts, codes.Length);
        }

        var weights = new double[classes.Count];

        if (_explicit is not Dictionary<TLabel, double> map)
        {
            throw new ArgumentException(
                $"ClassWeight holds labels of type {LabelType?.Name}, but y has labels of type {typeof(TLabel).Name}.", parameterName);
        }

        var unweighted = new List<TLabel>();
        for (var c = 0; c < weights.Length; c++)
        {
            if (map.TryGetValue(classes[c], out var w))
            {
                weights[c] = w;
            }
            else
            {
                weights[c] = 1.0;
                unweighted.Add(classes[c]);
            }
        }

        if (unweighted.Count > 0 && classes.Count - unweighted.Count != map.Count)
        {
            throw new ArgumentException(
                $"The classes, [{string.Join(", ", unweighted)}], are not in ClassWeight", parameterName);
        }

        return weights;
    }

    /// <summary>Row weights: <paramref name="sampleWeight"/> (or ones) times the weight of each row's class.</summary>
    internal static double[] RowWeights(double[]? sampleWeight, double[]? perClass, ReadOnlySpan<int> codes)
    {
        var result = new double[codes.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var w = sampleWeight is null ? 1.0 : sampleWeight[i];
            result[i] = perClass is null ? w : w * perClass[codes[i]];
        }

        return result;
    }

    /// <summary>Rejects <see cref="BalancedSubsample"/> for learners other than forests.</summary>
    internal static ClassWeight? RequireNotSubsample(ClassWeight? value, string propertyName) =>
        value is { Kind: ClassWeightKind.BalancedSubsample }
            ? throw new ArgumentException("ClassWeight='balanced_subsample' is only valid for random forests.", propertyName)
            : value;
}
