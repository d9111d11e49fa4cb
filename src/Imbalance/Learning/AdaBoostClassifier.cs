using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.Learning;

/// <summary>
/// Adaptive boosting, configured like scikit-learn 1.2.1's <c>AdaBoostClassifier(estimator=None, n_estimators=50,
/// learning_rate=1.0, algorithm="SAMME.R", random_state=None)</c> (Zhu, Zou, Rosset and Hastie, "Multi-class
/// AdaBoost", 2009). <see cref="Fit{TLabel}"/> returns an immutable <see cref="AdaBoostClassifierModel{TLabel}"/>.
/// Use it on its own, or as <see cref="Ensemble.EasyEnsembleClassifier"/>'s learner (its default).
/// </summary>
/// <remarks>
/// <para>When to use it: boosting weak learners (shallow trees) on clean data; it concentrates on misclassified
/// rows, which helps the minority class but also amplifies label noise. On imbalanced data prefer
/// RusBoostClassifier or EasyEnsembleClassifier, which balance each round or member.</para>
/// <para>The rounds follow scikit-learn: weights normalised to sum to 1 and clipped to machine epsilon before every
/// round (zero weights stay zero); a perfect learner stops the boosting with weight 1; under SAMME a learner no better
/// than chance (error at least <c>1 - 1/K</c>) is dropped and stops it (the first one being so is an error); the
/// weights after the last round are not renormalised. Every round gives the learner's <c>RandomState</c> (and any
/// nested one) a fresh seed from one generator seeded by <see cref="RandomState"/>, as scikit-learn's
/// <c>_set_random_states</c> does.</para>
/// <para>Parity: for the same integer seed the members, their estimator weights and errors equal scikit-learn's on
/// tie-free data, and probabilities agree within 1e-12 (NumPy's vectorised <c>exp</c>/<c>log</c> differ from .NET's
/// in the last bit on some inputs). Members are fitted on class codes (indices into
/// <see cref="AdaBoostClassifierModel{TLabel}.Classes"/>).</para>
/// </remarks>
/// <example>
/// <code>
/// var model = new AdaBoostClassifier { NEstimators = 50, Algorithm = AdaBoostAlgorithm.SammeR, RandomState = 0 }.Fit(x, y);
/// </code>
/// </example>
public sealed class AdaBoostClassifier : IClassifier
{
    private readonly int _nEstimators = 50;
    private readonly double _learningRate = 1.0;
    private readonly AdaBoostAlgorithm _algorithm = AdaBoostAlgorithm.SammeR;
    private readonly int? _randomState;

    /// <summary>The weak learner (scikit-learn's <c>estimator</c>); <see langword="null"/> (the default) for a
    /// <see cref="DecisionTreeClassifier"/> with <c>MaxDepth = 1</c> (a stump). It must accept sample weights.</summary>
    public IClassifier? Estimator { get; init; }

    /// <summary>The most boosting rounds (scikit-learn's <c>n_estimators</c>); default 50. Boosting can stop earlier.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NEstimators
    {
        get => _nEstimators;
        init => _nEstimators = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(NEstimators), value, "The 'n_estimators' parameter must be an int in the range [1, inf).");
    }

    /// <summary>The shrinkage of each learner's contribution (scikit-learn's <c>learning_rate</c>); default 1.0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a positive finite number.</exception>
    public double LearningRate
    {
        get => _learningRate;
        init => _learningRate = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(LearningRate), value, "The 'learning_rate' parameter must be a float in the range (0, inf).");
    }

    /// <summary>The boosting algorithm (scikit-learn's <c>algorithm</c>); default <see cref="AdaBoostAlgorithm.SammeR"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined algorithm.</exception>
    public AdaBoostAlgorithm Algorithm
    {
        get => _algorithm;
        init => _algorithm = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Algorithm), value, "The 'algorithm' parameter must be SAMME or SAMME.R.");
    }

    /// <summary>The seed of the learners' seeds (scikit-learn's <c>random_state</c>); <see langword="null"/> for
    /// unpredictable ones.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>Boosts (scikit-learn's <c>fit(X, y, sample_weight)</c>).</summary>
    /// <typeparam name="TLabel">The label type; classes are kept in sorted order.</typeparam>
    /// <param name="x">The training rows, finite (and within float32 range for the default stump).</param>
    /// <param name="y">The class of each row; at least two classes.</param>
    /// <param name="sampleWeight">Optional finite non-negative initial weight per row, not all zero.</param>
    /// <param name="cancellationToken">Cancels the fit between rounds.</param>
    /// <returns>The fitted ensemble.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The inputs are empty, hold NaN or infinity, differ in length, hold one
    /// class, the sample weights are invalid, or under SAMME the first learner is no better than chance.</exception>
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
        RequireTwoClasses(encoder.ClassCount, nameof(y));
        var ensemble = Boosting.Fit(
            estimator, Algorithm, NEstimators, LearningRate, RandomState, x, encoder.Codes, encoder.ClassCount, weights, null, cancellationToken);
        return new AdaBoostClassifierModel<TLabel>(ensemble, encoder.Classes);
    }

    /// <inheritdoc />
    IClassificationModel<TLabel> IClassifier.Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight, CancellationToken cancellationToken) =>
        Fit(x, y, sampleWeight, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"AdaBoostClassifier(n_estimators={NEstimators}, learning_rate={LearningRate}, algorithm={(Algorithm == AdaBoostAlgorithm.SammeR ? "SAMME.R" : "SAMME")}, random_state={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "None"})");

    /// <summary>Boosting needs two classes (scikit-learn fails on one).</summary>
    internal static void RequireTwoClasses(int classCount, string parameterName)
    {
        if (classCount < 2)
        {
            throw new ArgumentException("The target needs samples of at least 2 classes in the data, but the data contains only one class.", parameterName);
        }
    }
}
