using System.Globalization;
using Imbalance.Learning;
using Imbalance.Sampling;

namespace Imbalance.Ensemble;

/// <summary>
/// An ensemble of boosted learners, each trained on a different balanced subset of the data: imblearn 0.10.0's
/// <c>EasyEnsembleClassifier(n_estimators=10, estimator=None, sampling_strategy="auto", replacement=False, n_jobs=None,
/// random_state=None)</c> (Liu, Wu and Zhou, "Exploratory undersampling for class-imbalance learning", 2009).
/// <see cref="Fit{TLabel}"/> returns an immutable <see cref="BalancedBaggingClassifierModel{TLabel}"/>.
/// </summary>
/// <remarks>
/// <para>When to use it: large majority classes that a single under-sampled learner would waste: each AdaBoost
/// member learns from a different balanced subset, so together they see most of the majority rows. Costlier than
/// one boosted model; prefer BalancedRandomForestClassifier as a first try.</para>
/// As in imblearn, this is a <see cref="BalancedBaggingClassifier"/> without bootstrap (every member sees all rows and
/// all features), whose every member under-samples at random and fits an <see cref="AdaBoostClassifier"/> (by
/// default with scikit-learn's defaults: 50 stumps, SAMME.R). Seeding, parallelism and summation order are those of
/// <see cref="BalancedBaggingClassifier"/>. Parity: for the same integer seed the balanced subsets equal imblearn's,
/// the boosted members have the same stumps, weights and errors, and probabilities agree within 1e-12.
/// </remarks>
/// <example>
/// <code>
/// var model = new EasyEnsembleClassifier { NEstimators = 10, RandomState = 0 }.Fit(x, y);   // balanced bags of AdaBoost
/// </code>
/// </example>
public sealed class EasyEnsembleClassifier : IClassifier
{
    private readonly int _nEstimators = 10;
    private readonly int? _randomState;
    private readonly int? _maxDegreeOfParallelism;
    private readonly SamplingStrategy _samplingStrategy = SamplingStrategy.Auto;

    /// <summary>The number of balanced subsets and boosted learners (imblearn's <c>n_estimators</c>); default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NEstimators
    {
        get => _nEstimators;
        init => _nEstimators = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(NEstimators), value, "The 'n_estimators' parameter must be an int in the range [1, inf).");
    }

    /// <summary>The learner of each subset (imblearn's <c>estimator</c>); <see langword="null"/> (the default) for
    /// <c>new AdaBoostClassifier()</c>.</summary>
    public IClassifier? Estimator { get; init; }

    /// <summary>Which classes each subset under-samples and to what size (imblearn's <c>sampling_strategy</c>); default
    /// <see cref="SamplingStrategy.Auto"/>.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public SamplingStrategy SamplingStrategy
    {
        get => _samplingStrategy;
        init => _samplingStrategy = value ?? throw new ArgumentNullException(nameof(SamplingStrategy));
    }

    /// <summary>Whether the under-sampler draws with replacement (imblearn's <c>replacement</c>); default false.</summary>
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
    /// <param name="sampleWeight">Must be null: imblearn's EasyEnsemble takes no sample weights.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fitted ensemble.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The inputs are empty, hold NaN or infinity, differ in length, hold one
    /// class, sample weights are given, or <see cref="SamplingStrategy"/> does not fit the labels.</exception>
    public BalancedBaggingClassifierModel<TLabel> Fit<TLabel>(
        double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        if (sampleWeight is not null)
        {
            throw new ArgumentException("EasyEnsembleClassifier does not support sample weights.", nameof(sampleWeight));
        }

        return new BalancedBaggingClassifier
        {
            Estimator = Estimator ?? new AdaBoostClassifier(),
            NEstimators = NEstimators,
            MaxSamples = 1.0,
            MaxFeatures = 1.0,
            Bootstrap = false,
            BootstrapFeatures = false,
            SamplingStrategy = SamplingStrategy,
            Replacement = Replacement,
            RandomState = RandomState,
            MaxDegreeOfParallelism = MaxDegreeOfParallelism,
        }.Fit(x, y, null, cancellationToken);
    }

    /// <inheritdoc />
    IClassificationModel<TLabel> IClassifier.Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight, CancellationToken cancellationToken) =>
        Fit(x, y, sampleWeight, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"EasyEnsembleClassifier(n_estimators={NEstimators}, sampling_strategy={SamplingStrategy}, replacement={Replacement}, random_state={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "None"})");
}
