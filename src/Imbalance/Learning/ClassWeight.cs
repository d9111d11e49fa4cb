using System.Globalization;
namespace Imbalance.Learning;

/// <summary>
/// Per-class weights for a learner (scikit-learn's <c>class_weight</c>): <see cref="Balanced"/>, forests'
/// <see cref="BalancedSubsample"/>, or an explicit weight per label (<see cref="Explicit{TLabel}"/>). A learner's
/// <c>ClassWeight</c> property left <see langword="null"/> means scikit-learn's <c>class_weight=None</c> (every class
/// weighs 1). Class weights multiply the sample weights row by row, as scikit-learn's
/// <c>compute_sample_weight</c> does.
/// </summary>
public sealed class ClassWeight
{
    private readonly object? _explicit;

    private ClassWeight(ClassWeightKind kind, object? explicitWeights, Type? labelType)
    {
        Kind = kind;
        _explicit = explicitWeights;
        LabelType = labelType;
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
        var weights = new double[classes.Count];
        if (Kind is ClassWeightKind.Balanced or ClassWeightKind.BalancedSubsample)
        {
            var counts = new long[classes.Count];
            foreach (var c in codes)
            {
                counts[c]++;
            }

            for (var c = 0; c < weights.Length; c++)
            {
                // len(y) / (n_classes * bincount(y)) as scikit-learn evaluates it.
                weights[c] = codes.Length / (classes.Count * (double)counts[c]);
            }

            return weights;
        }

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
