using Imbalance.Learning;

namespace Imbalance.Anomaly;

/// <summary>
/// A fitted <see cref="OutlierDetectorClassifier"/>: the detector fitted on the normal class and the threshold on
/// its anomaly score. Immutable, safe to use from many threads.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class OutlierDetectorClassifierModel<TLabel> : IClassificationModel<TLabel>
    where TLabel : notnull
{
    private readonly TLabel[] _classes;
    private readonly int _anomaly;
    private readonly double _scale;

    internal OutlierDetectorClassifierModel(TLabel[] classes, int anomaly, IOutlierModel detector, double threshold, double scale, double validationScore)
    {
        _classes = classes;
        _anomaly = anomaly;
        Detector = detector;
        Threshold = threshold;
        _scale = scale;
        ValidationScore = validationScore;
    }

    /// <inheritdoc />
    public IReadOnlyList<TLabel> Classes => _classes;

    /// <summary>The class predicted for anomalies (the less frequent training class).</summary>
    public TLabel AnomalyClass => _classes[_anomaly];

    /// <summary>The detector fitted on the normal rows of the training part.</summary>
    public IOutlierModel Detector { get; }

    /// <summary>Rows whose <see cref="AnomalyScores"/> is at least this are predicted <see cref="AnomalyClass"/>.</summary>
    public double Threshold { get; }

    /// <summary>The objective's value at <see cref="Threshold"/> on the validation rows.</summary>
    public double ValidationScore { get; }

    /// <summary>The index in <see cref="Classes"/> of <see cref="AnomalyClass"/>.</summary>
    internal int AnomalyIndex => _anomaly;

    /// <summary>The spread that divides <c>score - Threshold</c> in <see cref="PredictProba"/>.</summary>
    internal double Scale => _scale;

    /// <summary>The anomaly score of each row: minus the detector's <see cref="IOutlierModel.ScoreSamples"/>.</summary>
    /// <param name="x">Rows with the training width.</param>
    /// <param name="cancellationToken">Cancels a long computation.</param>
    /// <returns>One score per row; higher is more abnormal.</returns>
    public double[] AnomalyScores(double[,] x, CancellationToken cancellationToken = default) =>
        OutlierDetectorClassifier.Negate(Detector.ScoreSamples(x, cancellationToken));

    /// <inheritdoc />
    public TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default) =>
        AnomalyScores(x, cancellationToken).Select(s => s >= Threshold ? _classes[_anomaly] : _classes[1 - _anomaly]).ToArray();

    /// <inheritdoc />
    /// <remarks>A logistic map of <c>(score - Threshold) / spread</c>: monotone in the anomaly score, 0.5 at the
    /// threshold, not calibrated.</remarks>
    public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default)
    {
        var scores = AnomalyScores(x, cancellationToken);
        var proba = new double[scores.Length, 2];
        for (var i = 0; i < scores.Length; i++)
        {
            var z = (scores[i] - Threshold) / _scale;
            var p = 1.0 / (1.0 + Math.Exp(-z));
            proba[i, _anomaly] = p;
            proba[i, 1 - _anomaly] = 1.0 - p;
        }

        return proba;
    }
}
