using System.Globalization;
using Imbalance.Learning;
using Imbalance.Sampling;

namespace Imbalance.Ensemble;

/// <summary>
/// AdaBoost with random under-sampling in every round: imblearn 0.10.0's <c>RUSBoostClassifier(estimator=None,
/// n_estimators=50, learning_rate=1.0, algorithm="SAMME.R", sampling_strategy="auto", replacement=False,
/// random_state=None)</c> (Seiffert, Khoshgoftaar, Van Hulse and Napolitano, "RUSBoost", 2010).
/// <see cref="Fit{TLabel}"/> returns an immutable <see cref="AdaBoostClassifierModel{TLabel}"/> whose
/// <see cref="AdaBoostClassifierModel{TLabel}.SamplerIndices"/> are the rows each round kept.
/// </summary>
/// <remarks>
/// <para>When to use it: boosting on imbalanced data: random under-sampling before each boosting round keeps every
/// weak learner balanced, while boosting focuses on the hard rows. Boosting is sensitive to label noise; prefer
/// BalancedRandomForestClassifier on noisy data.</para>
/// <para>Each round under-samples the full data with a <see cref="UnderSampling.RandomUnderSampler"/>, fits the
/// learner on the balanced rows with their current boosting weights, and scores it on all rows to update the weights,
/// as scikit-learn's AdaBoost does (see <see cref="AdaBoostClassifier"/>). A SAMME round no better than chance is
/// dropped together with its sampler.</para>
/// <para>Seeding as imblearn: one generator seeded by <see cref="RandomState"/> draws, each round, the learner's
/// seed(s) then the sampler's. Parity: for the same integer seed the rounds (kept rows, stumps, weights, errors)
/// equal imblearn's and probabilities agree within 1e-12.</para>
/// </remarks>
/// <example>
/// <code>
/// var model = new RusBoostClassifier { NEstimators = 50, RandomState = 0 }.Fit(x, y);   // AdaBoost, under-sampling every round
/// </code>
/// </example>
public sealed class RusBoostClassifier : IClassifier
{
    private readonly int _nEstimators = 50;
    private readonly double _learningRate = 1.0;
    private readonly AdaBoostAlgorithm _algorithm = AdaBoostAlgorithm.SammeR;
    private readonly int? _randomState;
    private readonly SamplingStrategy _samplingStrategy = SamplingStrategy.Auto;

    /// <summary>The weak learner (imblearn's <c>estimator</c>); <see langword="null"/> (the default) for a
    /// <see cref="DecisionTreeClassifier"/> with <c>MaxDepth = 1</c>. It must accept sample weights.</summary>
    public IClassifier? Estimator { get; init; }

    /// <summary>The most boosting rounds (<c>n_estimators</c>); default 50.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NEstimators
    {
        get => _nEstimators;
        init => _nEstimators = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(NEstimators), value, "The 'n_estimators' parameter must be an int in the range [1, inf).");
    }

    /// <summary>The shrinkage of each learner's contribution (<c>learning_rate</c>); default 1.0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a positive finite number.</exception>
    public double LearningRate
    {
        get => _learningRate;
        init => _learningRate = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(LearningRate), value, "The 'learning_rate' parameter must be a float in the range (0, inf).");
    }

    /// <summary>The boosting algorithm (<c>algorithm</c>); default <see cref="AdaBoostAlgorithm.SammeR"/> (imblearn
    /// 0.10.0's default).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined algorithm.</exception>
    public AdaBoostAlgorithm Algorithm
    {
        get => _algorithm;
        init => _algorithm = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Algorithm), value, "The 'algorithm' parameter must be SAMME or SAMME.R.");
    }

    /// <summary>Which classes each round under-samples and to what size (imblearn's <c>sampling_strategy</c>);
    /// default <see cref="SamplingStrategy.Auto"/>.</summary>
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

    /// <summary>Boosts (imblearn's <c>fit(X, y, sample_weight)</c>).</summary>
    /// <typeparam name="TLabel">The label type; classes are kept in sorted order.</typeparam>
    /// <param name="x">The training rows, finite (and within float32 range for the default stump).</param>
    /// <param name="y">The class of each row; at least two classes.</param>
    /// <param name="sampleWeight">Optional finite non-negative initial weight per row, not all zero.</param>
    /// <param name="cancellationToken">Cancels the fit between rounds.</param>
    /// <returns>The fitted ensemble.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The inputs are empty, hold NaN or infinity, differ in length, hold one
    /// class, the sample weights are invalid, <see cref="SamplingStrategy"/> does not fit the labels, or under SAMME
    /// the first learner is no better than chance.</exception>
    public AdaBoostClassifierModel<TLabel> Fit<TLabel>(
        double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        var encoder = LearnerInput.Encode(x, y);
        var estimator = Estimator ?? new DecisionTreeClassifier { MaxDepth = 1 };
        if (estimator is DecisionTreeClassifier)
        {
            LearnerInput.CheckFloat32(x, nameof(x));
        }

        var weights = LearnerInput.CheckSampleWeight(sampleWeight, x.GetLength(0));
        AdaBoostClassifier.RequireTwoClasses(encoder.ClassCount, nameof(y));
        var classes = new ClassIndex(encoder.Codes, encoder.ClassCount);
        var targets = SamplingStrategy.Resolve(encoder, classes, SamplingType.UnderSampling);
        var ensemble = Boosting.Fit(
            estimator, Algorithm, NEstimators, LearningRate, RandomState, x, encoder.Codes, encoder.ClassCount, weights,
            new RoundSampling(classes, targets, Replacement), cancellationToken);
        return new AdaBoostClassifierModel<TLabel>(ensemble, encoder.Classes);
    }

    /// <inheritdoc />
    IClassificationModel<TLabel> IClassifier.Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight, CancellationToken cancellationToken) =>
        Fit(x, y, sampleWeight, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"RUSBoostClassifier(n_estimators={NEstimators}, learning_rate={LearningRate}, algorithm={(Algorithm == AdaBoostAlgorithm.SammeR ? "SAMME.R" : "SAMME")}, sampling_strategy={SamplingStrategy}, random_state={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "None"})");
}
