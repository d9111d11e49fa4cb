using System.Globalization;
using Imbalance.Learning;
using Imbalance.Metrics;
using Imbalance.ModelSelection;
using Imbalance.Sampling;

namespace Imbalance.Anomaly;

/// <summary>
/// Anomaly detection as a binary classifier: fits an <see cref="IOutlierDetector"/> on the majority (normal) class
/// only, scores rows by how abnormal the detector finds them, and predicts the minority class above a threshold
/// chosen on labelled validation rows. Because it is an <see cref="IClassifier"/>, it plugs into
/// <see cref="Pipelines.Pipeline"/>, <see cref="CrossValidation"/>, the metrics and threshold tuning like any learner.
/// </summary>
/// <remarks>
/// <para>When to use it: extreme imbalance, when the minority class is too rare or too heterogeneous to learn from
/// but a few labelled rows exist to choose the threshold: the detector learns only the normal class. Prefer a
/// supervised learner (BalancedRandomForestClassifier, class weights) once there are enough minority rows.</para>
/// <para><see cref="Fit{TLabel}"/> splits the rows (stratified, <see cref="ValidationFraction"/> held out, seeded by
/// <see cref="RandomState"/>), fits the detector on the majority rows of the training part, and picks the threshold
/// on the anomaly scores (minus the detector's <c>score_samples</c>) of the held-out part that maximises
/// <see cref="Objective"/> (<see cref="ThresholdMoving.TuneThreshold{TLabel}"/>). Use it when the minority is so rare
/// (well under 1 %) or so varied that a classifier cannot learn it, but normal rows are plentiful.</para>
/// <para><see cref="IClassificationModel{TLabel}.PredictProba"/> is a monotone map of the anomaly score (a logistic
/// curve through 0.5 at the threshold, scaled by the spread of the validation scores), good for ranking metrics
/// such as PR-AUC but not calibrated. There is no scikit-learn / imblearn equivalent.</para>
/// </remarks>
/// <example>
/// <code>
/// var classifier = new OutlierDetectorClassifier { Detector = new IsolationForest { RandomState = 0 }, RandomState = 0 };
/// var model = classifier.Fit(x, y);     // the detector learns class 0 only; the threshold is tuned on validation rows
/// </code>
/// </example>
public sealed class OutlierDetectorClassifier : IClassifier
{
    private readonly IOutlierDetector _detector = new IsolationForest();
    private readonly double _validationFraction = 0.3;
    private readonly int? _randomState;
    private readonly double _beta = 1.0;

    /// <summary>The detector fitted on the majority class; default <c>new IsolationForest()</c>.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IOutlierDetector Detector
    {
        get => _detector;
        init => _detector = value ?? throw new ArgumentNullException(nameof(Detector));
    }

    /// <summary>The share of rows held out (stratified) to choose the threshold; default 0.3, in (0, 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, 1).</exception>
    public double ValidationFraction
    {
        get => _validationFraction;
        init => _validationFraction = value is > 0.0 and < 1.0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ValidationFraction), value, "ValidationFraction must be in (0, 1).");
    }

    /// <summary>The metric the threshold maximises on the validation rows; default F-beta (with <see cref="Beta"/>).
    /// <see cref="ThresholdObjective.ExpectedCost"/> is not offered here.</summary>
    /// <exception cref="ArgumentException">The value is <see cref="ThresholdObjective.ExpectedCost"/> or undefined.</exception>
    public ThresholdObjective Objective
    {
        get;
        init => field = value is ThresholdObjective.FBeta or ThresholdObjective.GeometricMean or ThresholdObjective.BalancedAccuracy
            ? value
            : throw new ArgumentException("Objective must be FBeta, GeometricMean or BalancedAccuracy.", nameof(Objective));
    }

    /// <summary>The beta of <see cref="ThresholdObjective.FBeta"/>; default 1 (F1). Larger values favour recall.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public double Beta
    {
        get => _beta;
        init => _beta = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(Beta), value, "Beta must be positive.");
    }

    /// <summary>At most this many normal rows (drawn at random, seeded by <see cref="RandomState"/>) train the
    /// detector; <see langword="null"/> (default) uses all. Use it to bound a <see cref="OneClassSvm"/>'s O(n^2) cost.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int? MaxNormalRows
    {
        get;
        init => field = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxNormalRows), value, "MaxNormalRows must be at least 1.");
    }

    /// <summary>Seed of the validation split (and of the <see cref="MaxNormalRows"/> draw); null draws a fresh one.
    /// The detector has its own seed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>Fits the detector on the majority class and tunes the threshold.</summary>
    /// <typeparam name="TLabel">The label type; exactly two classes.</typeparam>
    /// <param name="x">The training rows, finite.</param>
    /// <param name="y">The class of each row; the more frequent class is "normal", the other is predicted for anomalies.</param>
    /// <param name="sampleWeight">Not supported; must be null.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The inputs are invalid, y does not have exactly two classes, sample
    /// weights are given, or the validation part lacks a class.</exception>
    public OutlierDetectorClassifierModel<TLabel> Fit<TLabel>(
        double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        var encoder = LearnerInput.Encode(x, y);
        if (sampleWeight is not null)
        {
            throw new ArgumentException("OutlierDetectorClassifier does not support sample weights.", nameof(sampleWeight));
        }

        if (encoder.ClassCount != 2)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"OutlierDetectorClassifier needs exactly 2 classes; y has {encoder.ClassCount}."), nameof(y));
        }

        var counts = new int[2];
        foreach (var code in encoder.Codes)
        {
            counts[code]++;
        }

        var normal = counts[1] > counts[0] ? 1 : 0;
        var anomaly = 1 - normal;
        var split = DataSplit.TrainTestSplit(x, encoder.Codes, testSize: ValidationFraction, randomState: RandomState, stratify: true);
        var normalRows = split.TrainIndices.Where(i => encoder.Codes[i] == normal).ToArray();
        if (MaxNormalRows is { } most && most < normalRows.Length)
        {
            var picks = new Randomness.SeedSource(RandomState).CheckRandomState().Choice(normalRows.Length, most, replace: false);
            normalRows = [.. picks.Order().Select(p => normalRows[p])];
        }

        var model = Detector.Fit(MatrixRows.Take(x, normalRows), cancellationToken);
        var scores = Negate(model.ScoreSamples(split.XTest, cancellationToken));
        var curve = ThresholdMoving.TuneThreshold(split.YTest, scores, Objective, posLabel: anomaly, beta: Beta);
        var threshold = curve.BestThreshold;
        if (double.IsPositiveInfinity(threshold))
        {
            threshold = scores.Max() + 1e-12;
        }

        var mean = scores.Average();
        var spread = Math.Sqrt(scores.Select(s => (s - mean) * (s - mean)).Average());
        return new OutlierDetectorClassifierModel<TLabel>(
            [.. encoder.Classes], anomaly, model, threshold, spread > 0 ? spread : 1.0, curve.BestValue);
    }

    /// <inheritdoc />
    IClassificationModel<TLabel> IClassifier.Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight, CancellationToken cancellationToken) =>
        Fit(x, y, sampleWeight, cancellationToken);

    /// <summary>Minus each value: the detector's normality score becomes an anomaly score.</summary>
    internal static double[] Negate(double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = -values[i];
        }

        return values;
    }
}
