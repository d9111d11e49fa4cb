using Imbalance.Metrics;

namespace Imbalance.ModelSelection;

/// <summary>The ready-made scorers, scikit-learn's scoring strings (<c>"f1"</c>, <c>"recall"</c>, ...).</summary>
public static partial class Scoring
{
    /// <summary>scikit-learn's <c>"f1"</c> scorer: the binary F1 score of <paramref name="posLabel"/>.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="posLabel">The positive (usually minority) class.</param>
    /// <returns>A scorer named <c>"f1"</c>.</returns>
    public static Scorer<TLabel> F1<TLabel>(TLabel posLabel)
        where TLabel : notnull =>
        FromPredictions<TLabel>("f1", (t, p) => ClassificationMetrics.F1Score(t, p, posLabel: posLabel));

    /// <summary>scikit-learn's <c>"recall"</c> scorer: the binary recall (sensitivity) of <paramref name="posLabel"/>.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="posLabel">The positive class.</param>
    /// <returns>A scorer named <c>"recall"</c>.</returns>
    public static Scorer<TLabel> Recall<TLabel>(TLabel posLabel)
        where TLabel : notnull =>
        FromPredictions<TLabel>("recall", (t, p) => ClassificationMetrics.RecallScore(t, p, posLabel: posLabel));

    /// <summary>scikit-learn's <c>"precision"</c> scorer: the binary precision of <paramref name="posLabel"/>.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="posLabel">The positive class.</param>
    /// <returns>A scorer named <c>"precision"</c>.</returns>
    public static Scorer<TLabel> Precision<TLabel>(TLabel posLabel)
        where TLabel : notnull =>
        FromPredictions<TLabel>("precision", (t, p) => ClassificationMetrics.PrecisionScore(t, p, posLabel: posLabel));

    /// <summary>scikit-learn's <c>"balanced_accuracy"</c> scorer.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <returns>A scorer named <c>"balanced_accuracy"</c>.</returns>
    public static Scorer<TLabel> BalancedAccuracy<TLabel>()
        where TLabel : notnull =>
        FromPredictions<TLabel>("balanced_accuracy", (t, p) => ClassificationMetrics.BalancedAccuracyScore(t, p));

    /// <summary>imblearn's <c>make_scorer(geometric_mean_score)</c>: the G-mean, multiclass average (for two classes
    /// the square root of sensitivity times specificity).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <returns>A scorer named <c>"geometric_mean"</c>.</returns>
    public static Scorer<TLabel> GeometricMean<TLabel>()
        where TLabel : notnull =>
        FromPredictions<TLabel>("geometric_mean", (t, p) => ImbalancedMetrics.GeometricMeanScore(t, p));

    /// <summary>scikit-learn's <c>"average_precision"</c> scorer: the average precision of the predicted probability of
    /// <paramref name="posLabel"/>.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="posLabel">The positive class.</param>
    /// <returns>A scorer named <c>"average_precision"</c>.</returns>
    public static Scorer<TLabel> AveragePrecision<TLabel>(TLabel posLabel)
        where TLabel : notnull =>
        FromProbabilities<TLabel>("average_precision", (t, proba, classes) =>
            ScoreMetrics.AveragePrecisionScore(t, Column(proba, classes, posLabel), posLabel: posLabel));

    /// <summary>scikit-learn's <c>"roc_auc"</c> scorer: the ROC AUC of the predicted probability of
    /// <paramref name="posLabel"/>.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="posLabel">The positive class.</param>
    /// <returns>A scorer named <c>"roc_auc"</c>.</returns>
    public static Scorer<TLabel> RocAuc<TLabel>(TLabel posLabel)
        where TLabel : notnull =>
        FromProbabilities<TLabel>("roc_auc", (t, proba, classes) =>
            ScoreMetrics.RocAucScore(t.Select(v => EqualityComparer<TLabel>.Default.Equals(v, posLabel) ? 1 : 0).ToArray(), Column(proba, classes, posLabel)));

    /// <summary>The probability column of <paramref name="label"/> (0 when the fold's model never saw it).</summary>
    private static double[] Column<TLabel>(double[,] proba, IReadOnlyList<TLabel> classes, TLabel label)
        where TLabel : notnull
    {
        var column = -1;
        for (var c = 0; c < classes.Count; c++)
        {
            if (EqualityComparer<TLabel>.Default.Equals(classes[c], label))
            {
                column = c;
            }
        }

        var result = new double[proba.GetLength(0)];
        for (var i = 0; column >= 0 && i < result.Length; i++)
        {
            result[i] = proba[i, column];
        }

        return result;
    }
}
