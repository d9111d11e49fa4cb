using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.Learning;

/// <summary>
/// A CART decision tree classifier, configured like scikit-learn 1.2.1's <c>DecisionTreeClassifier(criterion="gini",
/// splitter="best", max_depth=None, min_samples_split=2, min_samples_leaf=1, max_features=None, random_state=None,
/// class_weight=None)</c>. <see cref="Fit{TLabel}"/> returns an immutable <see cref="DecisionTreeClassifierModel{TLabel}"/>.
/// </summary>
/// <remarks>
/// <para>When to use it: an interpretable model, or the base learner of bagging and boosting ensembles; needs no
/// scaling and handles interactions. A single tree over-fits and is unstable; prefer BalancedRandomForestClassifier
/// or RandomForestClassifier with class weights for accuracy on imbalanced data.</para>
/// The tree is grown exactly as scikit-learn grows it: features are compared in float32 (scikit-learn converts X to
/// float32), thresholds lie at midpoints between consecutive distinct values, candidate features are visited in the
/// order scikit-learn's own generator draws them for the same integer <see cref="RandomState"/>, and split
/// statistics are accumulated in the same order. The fitted tree, and so every prediction, is scikit-learn's for
/// the same seed whenever the row weights are integers (no weights, or integer sample weights, no class weights),
/// and on any data without tied feature values (tested on fixtures, including <see cref="MaxFeatures"/>
/// sub-sampling and tied data). With tied values and non-integer weights, tied rows are summed in a different
/// order (here by row index), so rounding can rarely decide between two equally good splits differently (on the
/// fixture with ties and balanced weights: the same predictions, 117 nodes against scikit-learn's 115).
/// </remarks>
/// <example>
/// <code>
/// var model = new DecisionTreeClassifier { MaxDepth = 4, RandomState = 0 }.Fit(x, y);
/// int[] predicted = model.Predict(x);
/// </code>
/// </example>
public sealed class DecisionTreeClassifier : IClassifier
{
    private readonly SplitCriterion _criterion = SplitCriterion.Gini;
    private readonly int? _maxDepth;
    private readonly int _minSamplesSplit = 2;
    private readonly int _minSamplesLeaf = 1;
    private readonly int? _randomState;
    private readonly ClassWeight? _classWeight;

    /// <summary>The impurity to minimise (scikit-learn's <c>criterion</c>); default <see cref="SplitCriterion.Gini"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined criterion.</exception>
    public SplitCriterion Criterion
    {
        get => _criterion;
        init => _criterion = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Criterion), value, "Unknown criterion.");
    }

    /// <summary>The deepest a leaf may be (scikit-learn's <c>max_depth</c>); <see langword="null"/> (the default)
    /// grows until leaves are pure or too small to split.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxDepth
    {
        get => _maxDepth;
        init => _maxDepth = value is null or >= 1 ? value : throw Range(nameof(MaxDepth), value, "The 'MaxDepth' parameter must be an int in the range [1, inf) or None.");
    }

    /// <summary>The fewest rows a node needs to be split (scikit-learn's integer <c>min_samples_split</c>); default 2.
    /// As in scikit-learn, the effective value is at least <c>2 * MinSamplesLeaf</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 2.</exception>
    public int MinSamplesSplit
    {
        get => _minSamplesSplit;
        init => _minSamplesSplit = value >= 2 ? value : throw Range(nameof(MinSamplesSplit), value, "The 'MinSamplesSplit' parameter must be an int in the range [2, inf).");
    }

    /// <summary>The fewest rows each leaf must keep (scikit-learn's integer <c>min_samples_leaf</c>); default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MinSamplesLeaf
    {
        get => _minSamplesLeaf;
        init => _minSamplesLeaf = value >= 1 ? value : throw Range(nameof(MinSamplesLeaf), value, "The 'MinSamplesLeaf' parameter must be an int in the range [1, inf).");
    }

    /// <summary>How many features are candidates at each split (scikit-learn's <c>max_features</c>);
    /// <see langword="null"/> (the default) means all of them.</summary>
    public MaxFeatures? MaxFeatures { get; init; }

    /// <summary>The seed of the feature draws (scikit-learn's <c>random_state</c>); <see langword="null"/> for an
    /// unpredictable one. Even with every feature a candidate, the seed decides between equally good splits.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>Per-class weights multiplied into the sample weights (scikit-learn's <c>class_weight</c>);
    /// <see langword="null"/> (the default) weighs classes equally. <see cref="ClassWeight.BalancedSubsample"/> is
    /// not allowed.</summary>
    /// <exception cref="ArgumentException">The value is <see cref="ClassWeight.BalancedSubsample"/>.</exception>
    public ClassWeight? ClassWeight
    {
        get => _classWeight;
        init => _classWeight = Learning.ClassWeight.RequireNotSubsample(value, nameof(ClassWeight));
    }

    /// <summary>Grows the tree (scikit-learn's <c>fit(X, y, sample_weight)</c>).</summary>
    /// <typeparam name="TLabel">The label type; classes are kept in sorted order (scikit-learn's <c>classes_</c>).</typeparam>
    /// <param name="x">The training rows, finite and within float32 range.</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="sampleWeight">Optional finite non-negative weight per row, not all zero.</param>
    /// <param name="cancellationToken">Cancels the fit between nodes.</param>
    /// <returns>The fitted tree.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The inputs are empty, hold NaN or infinity, differ in length, the sample
    /// weights are invalid, <see cref="MaxFeatures"/> exceeds the number of features, or an explicit
    /// <see cref="ClassWeight"/> does not fit the labels.</exception>
    public DecisionTreeClassifierModel<TLabel> Fit<TLabel>(
        double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        var encoder = LearnerInput.Encode(x, y);
        LearnerInput.CheckFloat32(x, nameof(x));
        var n = x.GetLength(0);
        var d = x.GetLength(1);
        var weights = LearnerInput.CheckSampleWeight(sampleWeight, n);
        var maxFeatures = Learning.MaxFeatures.Resolve(MaxFeatures, d, nameof(MaxFeatures));
        if (ClassWeight is not null)
        {
            var perClass = ClassWeight.PerClass(encoder.Classes, encoder.Codes, nameof(ClassWeight));
            weights = Learning.ClassWeight.RowWeights(weights, perClass, encoder.Codes);
        }

        var settings = Settings(Criterion, MaxDepth, MinSamplesSplit, MinSamplesLeaf, maxFeatures);
        var seed = (uint)new SeedSource(RandomState).CheckRandomState().RandInt(0, Randomness.RandomState.MaxInt);
        var columns = CartBuilder.Columns(MatrixRows.Of(x), n, d);
        var tree = new CartBuilder(columns, n, d, encoder.Codes, encoder.ClassCount, weights, settings, seed).Build(cancellationToken);
        return new DecisionTreeClassifierModel<TLabel>(tree, encoder.Classes, d);
    }

    /// <inheritdoc />
    IClassificationModel<TLabel> IClassifier.Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight, CancellationToken cancellationToken) =>
        Fit(x, y, sampleWeight, cancellationToken);

    /// <summary>Grows the tree on class codes already laid out as feature-major float32 columns (the ensembles' fast
    /// path; the same tree <see cref="Fit{TLabel}"/> grows on those rows, with every code a class).</summary>
    internal DecisionTreeClassifierModel<int> FitCodes(float[] columns, int n, int d, int[] codes, int k, double[]? weights, CancellationToken cancellationToken, int[]? presorted = null)
    {
        var maxFeatures = Learning.MaxFeatures.Resolve(MaxFeatures, d, nameof(MaxFeatures));
        var settings = Settings(Criterion, MaxDepth, MinSamplesSplit, MinSamplesLeaf, maxFeatures);
        var seed = (uint)new SeedSource(RandomState).CheckRandomState().RandInt(0, Randomness.RandomState.MaxInt);
        var tree = new CartBuilder(columns, n, d, codes, k, weights, settings, seed, presorted).Build(cancellationToken);
        return new DecisionTreeClassifierModel<int>(tree, Enumerable.Range(0, k).ToArray(), d);
    }

    /// <summary>scikit-learn's resolved tree settings (<c>min_samples_split = max(min_samples_split, 2 * min_samples_leaf)</c>).</summary>
    internal static CartSettings Settings(SplitCriterion criterion, int? maxDepth, int minSamplesSplit, int minSamplesLeaf, int maxFeatures) =>
        new(criterion == SplitCriterion.Entropy, maxFeatures, maxDepth ?? int.MaxValue, Math.Max(minSamplesSplit, 2 * minSamplesLeaf), minSamplesLeaf, 0.0);

    private static ArgumentOutOfRangeException Range(string name, object? value, string message) => new(name, value, message);
}
