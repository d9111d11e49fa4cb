using System.Globalization;
using Imbalance.Learning;
using Imbalance.Randomness;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Ensemble;

/// <summary>
/// A random forest whose every tree learns from a randomly under-sampled, balanced copy of the data: imblearn 0.10.0's
/// <c>BalancedRandomForestClassifier(n_estimators=100, criterion="gini", max_depth=None, min_samples_split=2,
/// min_samples_leaf=1, max_features="sqrt", bootstrap=True, sampling_strategy="auto", replacement=False,
/// n_jobs=None, random_state=None, class_weight=None)</c> (Chen, Liaw and Breiman, "Using random forest to learn
/// imbalanced data", 2004). <see cref="Fit{TLabel}"/> returns an immutable
/// <see cref="BalancedRandomForestClassifierModel{TLabel}"/>. Reach for it first on imbalanced tabular data.
/// </summary>
/// <remarks>
/// <para>When to use it: the first choice on tabular data: each tree is grown on a bootstrap under-sampled to
/// balance, so no row is discarded overall and no resampling step is needed. Its probabilities are biased towards
/// the minority class; wrap it in CalibratedClassifierCV or apply PriorCorrection when probabilities are used as
/// probabilities.</para>
/// <para>Each tree: a <see cref="RandomUnderSampler"/> (<see cref="SamplingStrategy"/>, <see cref="Replacement"/>)
/// under-samples the full data, then the tree grows on a bootstrap sample of the balanced rows (when
/// <see cref="Bootstrap"/>), exactly as <see cref="RandomForestClassifier"/> grows its trees.</para>
/// <para>The paper's algorithm, which imblearn 0.13 made the default, is one line:
/// <c>new BalancedRandomForestClassifier { SamplingStrategy = SamplingStrategy.All, Replacement = true, Bootstrap = false }</c>
/// (every class drawn with replacement to the minority size, no second bootstrap).</para>
/// <para>Seeding as imblearn: one generator seeded by <see cref="RandomState"/> draws, per tree, the tree's seed then
/// the sampler's seed (scikit-learn's <c>_set_random_states</c> on the tree, then on the sampler). Trees grow in
/// parallel, each from its own seeds into its own slot, so the forest never depends on
/// <see cref="MaxDegreeOfParallelism"/>. Parity: for the same integer seed the trees, every sampler's
/// <c>sample_indices_</c> and <c>predict_proba</c> equal imblearn 0.10.0's bit for bit on tie-free data
/// (probabilities are summed in tree order, imblearn's <c>n_jobs=None</c> result; with more jobs imblearn's own
/// sums move in the last bit).</para>
/// </remarks>
/// <example>
/// <code>
/// var forest = new BalancedRandomForestClassifier { NEstimators = 100, RandomState = 0 }.Fit(x, y);   // each tree on a balanced draw
/// var paper = new BalancedRandomForestClassifier                                                     // Chen et al. 2004 (imblearn 0.13)
/// {
///     SamplingStrategy = SamplingStrategy.All, Replacement = true, Bootstrap = false, RandomState = 0,
/// };
/// </code>
/// </example>
public sealed class BalancedRandomForestClassifier : IClassifier
{
    private readonly int _nEstimators = 100;
    private readonly SplitCriterion _criterion = SplitCriterion.Gini;
    private readonly int? _maxDepth;
    private readonly int _minSamplesSplit = 2;
    private readonly int _minSamplesLeaf = 1;
    private readonly int? _randomState;
    private readonly int? _maxDegreeOfParallelism;
    private readonly SamplingStrategy _samplingStrategy = SamplingStrategy.Auto;

    /// <summary>The number of trees (imblearn's <c>n_estimators</c>); default 100.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NEstimators
    {
        get => _nEstimators;
        init => _nEstimators = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(NEstimators), value, "The 'n_estimators' parameter must be an int in the range [1, inf).");
    }

    /// <summary>The impurity each tree minimises (<c>criterion</c>); default <see cref="SplitCriterion.Gini"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined criterion.</exception>
    public SplitCriterion Criterion
    {
        get => _criterion;
        init => _criterion = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Criterion), value, "Unknown criterion.");
    }

    /// <summary>The deepest a leaf may be (<c>max_depth</c>); <see langword="null"/> (the default) for fully grown trees.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxDepth
    {
        get => _maxDepth;
        init => _maxDepth = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDepth), value, "The 'max_depth' parameter must be an int in the range [1, inf) or None.");
    }

    /// <summary>The fewest rows a node needs to be split (integer <c>min_samples_split</c>); default 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 2.</exception>
    public int MinSamplesSplit
    {
        get => _minSamplesSplit;
        init => _minSamplesSplit = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(MinSamplesSplit), value, "The 'min_samples_split' parameter must be an int in the range [2, inf).");
    }

    /// <summary>The fewest rows each leaf must keep (integer <c>min_samples_leaf</c>); default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MinSamplesLeaf
    {
        get => _minSamplesLeaf;
        init => _minSamplesLeaf = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MinSamplesLeaf), value, "The 'min_samples_leaf' parameter must be an int in the range [1, inf).");
    }

    /// <summary>Candidate features per split (<c>max_features</c>); default <see cref="Learning.MaxFeatures.Sqrt"/>;
    /// <see langword="null"/> means all features.</summary>
    public MaxFeatures? MaxFeatures { get; init; } = Learning.MaxFeatures.Sqrt;

    /// <summary>Whether each tree learns from a bootstrap sample of its balanced rows (<c>bootstrap</c>); default
    /// true (imblearn 0.13 and the paper: false).</summary>
    public bool Bootstrap { get; init; } = true;

    /// <summary>Whether to score each row with the trees whose bootstrap left it out (<c>oob_score</c>); default
    /// false. Needs <see cref="Bootstrap"/>. The model then has <c>OobScore</c> and <c>OobDecisionFunction</c>.</summary>
    public bool OobScore { get; init; }

    /// <summary>Which classes each tree's under-sampler reduces and to what size (imblearn's
    /// <c>sampling_strategy</c>, under-sampling rules); default <see cref="SamplingStrategy.Auto"/> (imblearn 0.13 and
    /// the paper: <see cref="SamplingStrategy.All"/>).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public SamplingStrategy SamplingStrategy
    {
        get => _samplingStrategy;
        init => _samplingStrategy = value ?? throw new ArgumentNullException(nameof(SamplingStrategy));
    }

    /// <summary>Whether the under-sampler draws with replacement (imblearn's <c>replacement</c>); default false
    /// (imblearn 0.13 and the paper: true).</summary>
    public bool Replacement { get; init; }

    /// <summary>Per-class weights (<c>class_weight</c>): <see langword="null"/> (the default),
    /// <see cref="Learning.ClassWeight.Balanced"/> (on the whole training set, before under-sampling),
    /// <see cref="Learning.ClassWeight.BalancedSubsample"/> (on each tree's bootstrap sample) or explicit weights.</summary>
    public ClassWeight? ClassWeight { get; init; }

    /// <summary>The seed (imblearn's <c>random_state</c>); <see langword="null"/> for an unpredictable forest.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>The most threads used to grow trees and to predict (imblearn's <c>n_jobs</c>); <see langword="null"/>
    /// (the default) for every core. Results never depend on it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = InputGuard.CheckParallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <summary>Grows the forest (imblearn's <c>fit(X, y, sample_weight)</c>).</summary>
    /// <typeparam name="TLabel">The label type; classes are kept in sorted order.</typeparam>
    /// <param name="x">The training rows, finite and within float32 range.</param>
    /// <param name="y">The class of each row; at least two classes.</param>
    /// <param name="sampleWeight">Optional finite non-negative weight per row, not all zero; each tree uses the
    /// weights of the rows its sampler kept.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fitted forest.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The inputs are empty, hold NaN or infinity, differ in length, hold one
    /// class, the sample weights are invalid, <see cref="SamplingStrategy"/> does not fit the labels,
    /// <see cref="MaxFeatures"/> exceeds the number of features, or an explicit <see cref="ClassWeight"/> does not
    /// fit the labels.</exception>
    public BalancedRandomForestClassifierModel<TLabel> Fit<TLabel>(
        double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        var encoder = LabelEncoder<TLabel>.Fit(y ?? throw new ArgumentNullException(nameof(y)));
        InputGuard.CheckXy(x, y);
        LearnerInput.CheckFloat32(x, nameof(x));
        var n = x.GetLength(0);
        var d = x.GetLength(1);
        var codes = encoder.Codes;
        var k = encoder.ClassCount;
        var weights = LearnerInput.CheckSampleWeight(sampleWeight, n);
        var maxFeatures = Learning.MaxFeatures.Resolve(MaxFeatures, d, nameof(MaxFeatures));
        if (OobScore && !Bootstrap)
        {
            throw InputGuard.Invalid(nameof(OobScore), "Out of bag estimation only available if bootstrap=True");
        }

        var classes = new ClassIndex(codes, k);
        var targets = SamplingStrategy.Resolve(encoder, classes, SamplingType.UnderSampling);
        var subsample = Bootstrap && ClassWeight is { Kind: ClassWeightKind.BalancedSubsample };
        if (ClassWeight is not null && !subsample)
        {
            var perClass = ClassWeight.PerClass(encoder.Classes, codes, nameof(ClassWeight));
            weights = Learning.ClassWeight.RowWeights(weights, perClass, codes);
        }

        var settings = DecisionTreeClassifier.Settings(Criterion, MaxDepth, MinSamplesSplit, MinSamplesLeaf, maxFeatures);
        var rng = new SeedSource(RandomState).CheckRandomState();
        var treeSeeds = new int[NEstimators];
        var samplerSeeds = new int[NEstimators];
        for (var t = 0; t < NEstimators; t++)
        {
            treeSeeds[t] = rng.RandInt(0, Randomness.RandomState.MaxInt);
            samplerSeeds[t] = rng.RandInt(0, Randomness.RandomState.MaxInt);
        }

        var columns = CartBuilder.Columns(MatrixRows.Of(x), n, d);
        var trees = new CartTree[NEstimators];
        var kept = new int[NEstimators][];
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = MaxDegreeOfParallelism ?? -1,
        };
        ParallelLoop.For(0, NEstimators, options, t =>
        {
            var rows = RandomUnderSampler.Select(classes, targets, new Randomness.RandomState(samplerSeeds[t]), Replacement, cancellationToken);
            var m = rows.Length;
            var subColumns = EnsembleMembers.GatherColumns(columns, n, d, rows);
            var subCodes = EnsembleMembers.Gather(codes, rows);
            var subWeights = weights is null ? null : EnsembleMembers.Gather(weights, rows);
            var treeWeights = Bootstrap ? RandomForestClassifier.BootstrapWeights(treeSeeds[t], subWeights, subCodes, k, subsample) : subWeights;
            var randSeed = (uint)new Randomness.RandomState(treeSeeds[t]).RandInt(0, Randomness.RandomState.MaxInt);
            trees[t] = new CartBuilder(subColumns, m, d, subCodes, k, treeWeights, settings, randSeed).Build(cancellationToken);
            kept[t] = rows;
        });
        var model = new BalancedRandomForestClassifierModel<TLabel>(trees, kept, encoder.Classes, d, MaxDegreeOfParallelism);
        return OobScore ? model.WithOob(x, codes, treeSeeds, cancellationToken) : model;
    }

    /// <inheritdoc />
    IClassificationModel<TLabel> IClassifier.Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight, CancellationToken cancellationToken) =>
        Fit(x, y, sampleWeight, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"BalancedRandomForestClassifier(n_estimators={NEstimators}, sampling_strategy={SamplingStrategy}, replacement={Replacement}, bootstrap={Bootstrap}, random_state={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "None"})");
}
