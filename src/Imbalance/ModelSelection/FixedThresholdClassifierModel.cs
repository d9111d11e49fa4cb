using Imbalance.Learning;

namespace Imbalance.ModelSelection;

/// <summary>A fitted <see cref="FixedThresholdClassifier"/> (or the result of
/// <see cref="FixedThresholdClassifier.FromModel{TLabel}"/>): the inner model and the threshold on its positive
/// class's probability.</summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class FixedThresholdClassifierModel<TLabel> : IClassificationModel<TLabel>
    where TLabel : notnull
{
    private readonly int _positiveColumn;

    internal FixedThresholdClassifierModel(IClassificationModel<TLabel> model, double threshold, TLabel positive)
    {
        Model = model;
        Threshold = threshold;
        PositiveLabel = positive;
        _positiveColumn = ModelResponse.IndexOf(model.Classes, positive);
    }

    /// <summary>The fitted inner model (scikit-learn's <c>estimator_</c>).</summary>
    public IClassificationModel<TLabel> Model { get; }

    /// <summary>The threshold: a row is predicted positive when its probability is &gt;= this value.</summary>
    public double Threshold { get; }

    /// <summary>The positive class.</summary>
    public TLabel PositiveLabel { get; }

    /// <inheritdoc/>
    public IReadOnlyList<TLabel> Classes => Model.Classes;

    /// <summary>The positive class when its probability is &gt;= <see cref="Threshold"/>, else the other class
    /// (scikit-learn's <c>_threshold_scores_to_class_labels</c>).</summary>
    /// <param name="x">Rows with the training width.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>One label per row.</returns>
    public TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default) =>
        Thresholded(ModelResponse.ColumnScores(Model, x, _positiveColumn, cancellationToken), Threshold, PositiveLabel, Classes[1 - _positiveColumn]);

    /// <summary>The inner model's probabilities, unchanged.</summary>
    /// <param name="x">Rows with the training width.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>A new <c>rows x 2</c> matrix.</returns>
    public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default) => Model.PredictProba(x, cancellationToken);

    /// <summary>Labels from scores and a threshold.</summary>
    internal static TLabel[] Thresholded(double[] scores, double threshold, TLabel positive, TLabel negative)
    {
        var labels = new TLabel[scores.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = scores[i] >= threshold ? positive : negative;
        }

        return labels;
    }
}
