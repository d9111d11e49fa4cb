using System.Globalization;
using Imbalance.Learning;
using Imbalance.Randomness;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Ensemble;

/// <summary>
/// Bagging whose every member resamples its bag before learning: imblearn 0.10.0's
/// <c>BalancedBaggingClassifier(estimator=None, n_estimators=10, max_samples=1.0, max_features=1.0, bootstrap=True,
/// bootstrap_features=False, oob_score=False, sampling_strategy="auto", replacement=False, n_jobs=None,
/// random_state=None, sampler=None)</c> (Maclin and Opitz 1997; with SMOTE as the sampler, "SMOTE-bagging", Wang and
/// Yao 2009). <see cref="Fit{TLabel}"/> returns an immutable <see cref="BalancedBaggingClassifierModel{TLabel}"/>.
/// </summary>
/// <remarks>
/// <para>When to use it: when you want to keep your own base learner (not a tree) but get the benefit of balanced
/// bootstraps: each member is trained on a resampled sample (random under-sampling by default, any sampler
/// allowed). Prefer BalancedRandomForestClassifier with trees on tabular data.</para>
/// <para>Each member: rows (and features) drawn as scikit-learn's bagging draws them, then the bag resampled by a
/// copy of <see cref="Sampler"/> whose strategy is set to <see cref="SamplingStrategy"/> (as imblearn does, unless
/// the sampler is a bypass sampler), then the learner fitted on the resampled bag. The bag is drawn first and
/// balanced second (imblearn's docstring says the reverse; its code does this).</para>
/// <para>Seeding as imblearn: one generator seeded by <see cref="RandomState"/> draws one seed per member
/// (<c>randint(2**31 - 1, size=NEstimators)</c>); a fresh generator on that seed gives the member's random states in
/// sorted parameter-name order (the classifier's before the sampler's), another fresh one draws the bag (features
/// first, then rows). Members are fitted in parallel, each into its own slot, and probabilities are summed in member
/// order (imblearn's <c>n_jobs=None</c> result), so nothing depends on <see cref="MaxDegreeOfParallelism"/>. Parity:
/// for the same integer seed the bags, every sampler's <c>sample_indices_</c> and <c>predict_proba</c> equal imblearn
/// 0.10.0's bit for bit with the default tree on tie-free data.</para>
/// <para>A supplied <see cref="Estimator"/> or <see cref="Sampler"/> is copied per member with its <c>RandomState</c>
/// properties (nested ones included) re-seeded, as scikit-learn's <c>_set_random_states</c> does; a
/// <see cref="Pipelines.Pipeline"/> learner is used as configured.</para>
/// </remarks>
/// <example>
/// <code>
/// var bagging = new BalancedBaggingClassifier { NEstimators = 10, RandomState = 0 };                     // under-sampled bags of trees
/// var smoteBagging = new BalancedBaggingClassifier { Sampler = new Smote(), NEstimators = 10, RandomState = 0 };
/// var model = bagging.Fit(x, y);
/// </code>
/// </example>
public sealed class BalancedBaggingClassifier : IClassifier
{
    private readonly int _nEstimators = 10;
    private readonly double _maxSamples = 1.0;
    private readonly double _maxFeatures = 1.0;
    private readonly int? _randomState;
    private readonly int? _maxDegreeOfParallelism;
    private readonly SamplingStrategy _samplingStrategy = SamplingStrategy.Auto;

    /// <summary>The learner of each member (imblearn's <c>estimator</c>); <see langword="null"/> (the default) for a
    /// fully grown <see cref="DecisionTreeClassifier"/>.</summary>
    public IClassifier? Estimator { get; init; }

    /// <summary>The resampler of each member's bag (imblearn's <c>sampler</c>); <see langword="null"/> (the default)
    /// for <c>new RandomUnderSampler { Replacement = Replacement }</c>. Any <see cref="ISampler"/> works, e.g.
    /// <c>Smote</c> for SMOTE-bagging.</summary>
    public ISampler? Sampler { get; init; }

    /// <summary>The number of members (imblearn's <c>n_estimators</c>); default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NEstimators
    {
        get => _nEstimators;
        init => _nEstimators = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(NEstimators), value, "The 'n_estimators' parameter must be an int in the range [1, inf).");
    }

    /// <summary>The fraction of rows drawn into each bag (a float <c>max_samples</c>: <c>int(MaxSamples * n)</c> rows);
    /// default 1.0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1].</exception>
    public double MaxSamples
    {
        get => _maxSamples;
        init => _maxSamples = value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxSamples), value, "The 'max_samples' parameter must be a float in the range (0.0, 1.0].");
    }

    /// <summary>The fraction of features drawn for each member (a float <c>max_features</c>:
    /// <c>max(1, int(MaxFeatures * d))</c> features); default 1.0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1].</exception>
    public double MaxFeatures
    {
        get => _maxFeatures;
        init => _maxFeatures = value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxFeatures), value, "The 'max_features' parameter must be a float in the range (0.0, 1.0].");
    }

    /// <summary>Whether rows are drawn with replacement (<c>bootstrap</c>); default true.</summary>
    public bool Bootstrap { get; init; } = true;

    /// <summary>Whether to score each row with the members whose bag left it out (imblearn's <c>oob_score</c>);
    /// default false. Needs <see cref="Bootstrap"/>. The model then has <c>OobScore</c> and
    /// <c>OobDecisionFunction</c>.</summary>
    public bool OobScore { get; init; }

    /// <summary>Whether features are drawn with replacement (<c>bootstrap_features</c>); default false.</summary>
    public bool BootstrapFeatures { get; init; }

    /// <summary>Which classes each bag's sampler resamples and to what size (imblearn's <c>sampling_strategy</c>,
    /// interpreted by the sampler's kind); default <see cref="SamplingStrategy.Auto"/>.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public SamplingStrategy SamplingStrategy
    {
        get => _samplingStrategy;
        init => _samplingStrategy = value ?? throw new ArgumentNullException(nameof(SamplingStrategy));
    }

    /// <summary>Whether the default under-sampler draws with replacement (imblearn's <c>replacement</c>); default false.</summary>
    public bool Replacement { get; init; }

    /// <summary>The seed (imblearn's <c>random_state</c>); <see langword="null"/> for an unpredictable ensemble.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>The most members fitted or queried at once (imblearn's <c>n_jobs</c>); <see langword="null"/> (the
    /// default) for every core. Results never depend on it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = InputGuard.CheckParallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <summary>Fits the members (imblearn's <c>fit(X, y)</c>).</summary>
    /// <typeparam name="TLabel">The label type; classes are kept in sorted order.</typeparam>
    /// <param name="x">The training rows, finite.</param>
    /// <param name="y">The class of each row; at least two classes.</param>
    /// <param name="sampleWeight">Must be null: imblearn's balanced bagging takes no sample weights.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fitted ensemble.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The inputs are empty, hold NaN or infinity, differ in length, hold one
    /// class, sample weights are given, or a bag cannot be resampled with <see cref="SamplingStrategy"/>.</exception>
    public BalancedBaggingClassifierModel<TLabel> Fit<TLabel>(
        double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        var encoder = LearnerInput.Encode(x, y);
        if (sampleWeight is not null)
        {
            throw new ArgumentException("BalancedBaggingClassifier does not support sample weights.", nameof(sampleWeight));
        }

        AdaBoostClassifier.RequireTwoClasses(encoder.ClassCount, nameof(y));
        var n = x.GetLength(0);
        var d = x.GetLength(1);
        var k = encoder.ClassCount;
        var maxSamples = (int)(MaxSamples * n);
        if (maxSamples < 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"max_samples={MaxSamples} keeps no rows of {n}."), nameof(x));
        }

        var maxFeatures = Math.Max(1, (int)(MaxFeatures * d));
        if (OobScore && !Bootstrap)
        {
            throw InputGuard.Invalid(nameof(OobScore), "Out of bag estimation only available if bootstrap=True");
        }

        var sampler = Sampler ?? new RandomUnderSampler { Replacement = Replacement };
        if (sampler.SamplingType != SamplingType.Bypass)
        {
            sampler = EstimatorParameters.With(sampler, nameof(ISampler.SamplingStrategy), SamplingStrategy);
        }

        var estimator = Estimator ?? new DecisionTreeClassifier();
        if (estimator is DecisionTreeClassifier)
        {
            LearnerInput.CheckFloat32(x, nameof(x));
        }

        var rng = new SeedSource(RandomState).CheckRandomState();
        var seeds = rng.RandInt(0, Randomness.RandomState.MaxInt, NEstimators);
        var codeOf = new Dictionary<TLabel, int>();
        for (var c = 0; c < k; c++)
        {
            codeOf[encoder.Classes[c]] = c;
        }

        var members = new IClassificationModel<int>[NEstimators];
        var features = new int[NEstimators][];
        var samples = new int[NEstimators][];
        var samplerIndices = new int[]?[NEstimators];
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = MaxDegreeOfParallelism ?? -1,
        };
        var featureIndexing = BootstrapFeatures || maxFeatures != d;
        ParallelLoop.For(0, NEstimators, options, e =>
        {
            var steps = EstimatorParameters.SetRandomStates(new Randomness.RandomState(seeds[e]), ("classifier", estimator), ("sampler", sampler));
            var bagRng = new Randomness.RandomState(seeds[e]);
            var cols = BootstrapFeatures ? bagRng.RandInt(0, d, maxFeatures) : bagRng.SampleWithoutReplacement(d, maxFeatures);
            var rows = Bootstrap ? bagRng.RandInt(0, n, maxSamples) : bagRng.SampleWithoutReplacement(n, maxSamples);
            var bagX = featureIndexing ? GatherBag(x, rows, cols) : EnsembleMembers.GatherRows(x, rows);
            var bagY = new TLabel[rows.Length];
            for (var j = 0; j < rows.Length; j++)
            {
                bagY[j] = y[rows[j]];
            }

            var resampled = ((ISampler)steps[1]).FitResample(bagX, bagY, cancellationToken);
            var resCodes = resampled.Y.Select(label => codeOf[label]).ToArray();
            var resX = resampled.X;
            var columns = CartBuilder.Columns(MatrixRows.Of(resX), resX.GetLength(0), resX.GetLength(1));
            members[e] = EnsembleMembers.Fit((IClassifier)steps[0], resX, columns, null, resCodes, k, null, cancellationToken);
            features[e] = cols;
            samples[e] = rows;
            samplerIndices[e] = resampled.SampleIndices;
        });

        var model = new BalancedBaggingClassifierModel<TLabel>(members, features, samples, samplerIndices, encoder.Classes, d, featureIndexing, MaxDegreeOfParallelism);
        return OobScore ? model.WithOob(x, encoder.Codes, cancellationToken) : model;
    }

    /// <inheritdoc />
    IClassificationModel<TLabel> IClassifier.Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight, CancellationToken cancellationToken) =>
        Fit(x, y, sampleWeight, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"BalancedBaggingClassifier(n_estimators={NEstimators}, max_samples={MaxSamples}, max_features={MaxFeatures}, bootstrap={Bootstrap}, sampling_strategy={SamplingStrategy}, random_state={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "None"})");

    /// <summary>NumPy's <c>X[rows][:, cols]</c>.</summary>
    internal static double[,] GatherBag(double[,] x, int[] rows, int[] cols)
    {
        var result = new double[rows.Length, cols.Length];
        for (var j = 0; j < rows.Length; j++)
        {
            for (var f = 0; f < cols.Length; f++)
            {
                result[j, f] = x[rows[j], cols[f]];
            }
        }

        return result;
    }
}
