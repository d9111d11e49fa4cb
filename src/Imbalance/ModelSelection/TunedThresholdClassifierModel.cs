using Imbalance.Learning;

namespace Imbalance.ModelSelection;

/// <summary>A fitted <see cref="TunedThresholdClassifierCV"/>: the inner model, the chosen threshold and the
/// cross-validated score curve it was chosen from (scikit-learn's <c>best_threshold_</c>, <c>best_score_</c> and
/// <c>cv_results_</c>).</summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class TunedThresholdClassifierModel<TLabel> : IClassificationModel<TLabel>
    where TLabel : notnull
{
    private readonly FixedThresholdClassifierModel<TLabel> _thresholded;
    private readonly double[] _thresholds;
    private readonly double[] _scores;

    internal TunedThresholdClassifierModel(
        IClassificationModel<TLabel> model, double threshold, TLabel positive, double bestScore, double[] thresholds, double[] scores, string scorerName)
    {
        _thresholded = new FixedThresholdClassifierModel<TLabel>(model, threshold, positive);
        BestScore = bestScore;
        _thresholds = thresholds;
        _scores = scores;
        ScorerName = scorerName;
    }

    /// <summary>The fitted inner model (scikit-learn's <c>estimator_</c>).</summary>
    public IClassificationModel<TLabel> Model => _thresholded.Model;

    /// <summary>The chosen threshold on the positive class's probability (scikit-learn's <c>best_threshold_</c>).</summary>
    public double BestThreshold => _thresholded.Threshold;

    /// <summary>The mean cross-validated score at <see cref="BestThreshold"/> (scikit-learn's <c>best_score_</c>).</summary>
    public double BestScore { get; }

    /// <summary>The positive class.</summary>
    public TLabel PositiveLabel => _thresholded.PositiveLabel;

    /// <summary>The name of the scorer maximised.</summary>
    public string ScorerName { get; }

    /// <summary>The thresholds evaluated, increasing (scikit-learn's <c>cv_results_["thresholds"]</c>).</summary>
    public IReadOnlyList<double> Thresholds => _thresholds;

    /// <summary>The score at each of <see cref="Thresholds"/>, averaged over the splits (scikit-learn's
    /// <c>cv_results_["scores"]</c>).</summary>
    public IReadOnlyList<double> Scores => _scores;

    /// <inheritdoc/>
    public IReadOnlyList<TLabel> Classes => _thresholded.Classes;

    /// <summary>The positive class when its probability is &gt;= <see cref="BestThreshold"/>, else the other class.</summary>
    /// <param name="x">Rows with the training width.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>One label per row.</returns>
    public TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default) => _thresholded.Predict(x, cancellationToken);

    /// <summary>The inner model's probabilities, unchanged.</summary>
    /// <param name="x">Rows with the training width.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>A new <c>rows x 2</c> matrix.</returns>
    public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default) => _thresholded.PredictProba(x, cancellationToken);
}
