using Imbalance.Metrics;

namespace Imbalance.MLNet;

/// <summary>
/// Imbalance-aware metrics of a binary ML.NET model on a scored data view, computed by the core's metrics (same
/// definitions as imblearn and scikit-learn), with <see langword="true"/> as the positive class.
/// </summary>
/// <remarks>Returned by <see cref="ImbalancedEvaluationExtensions.EvaluateImbalanced(Microsoft.ML.BinaryClassificationCatalog, Microsoft.ML.IDataView, string, string, string, double?, double)"/>.</remarks>
public sealed class ImbalancedBinaryMetrics
{
    internal ImbalancedBinaryMetrics(
        ClassificationReport<bool> report, double rocAuc, double prAuc, double averagePrecision, double precision, double recall, double specificity,
        double f1, double geometricMean, double indexBalancedAccuracy, double? threshold)
    {
        Report = report;
        RocAuc = rocAuc;
        PrAuc = prAuc;
        AveragePrecision = averagePrecision;
        Precision = precision;
        Recall = recall;
        Specificity = specificity;
        F1 = f1;
        GeometricMean = geometricMean;
        IndexBalancedAccuracy = indexBalancedAccuracy;
        Threshold = threshold;
    }

    /// <summary>imblearn's <c>classification_report_imbalanced</c> of the predicted labels (rows <see langword="false"/>, <see langword="true"/>).</summary>
    public ClassificationReport<bool> Report { get; }

    /// <summary>Area under the ROC curve of the scores; scikit-learn's <c>roc_auc_score</c>.</summary>
    public double RocAuc { get; }

    /// <summary>Area under the precision-recall curve by the trapezoidal rule; <c>auc(recall, precision)</c>.</summary>
    public double PrAuc { get; }

    /// <summary>Average precision of the scores; scikit-learn's <c>average_precision_score</c> (the step-wise PR-AUC).</summary>
    public double AveragePrecision { get; }

    /// <summary>Precision of the positive class (0 when nothing is predicted positive).</summary>
    public double Precision { get; }

    /// <summary>Recall (sensitivity) of the positive class.</summary>
    public double Recall { get; }

    /// <summary>Specificity: recall of the negative class.</summary>
    public double Specificity { get; }

    /// <summary>F1 score of the positive class (0 when undefined).</summary>
    public double F1 { get; }

    /// <summary>G-mean, sqrt(sensitivity x specificity); imblearn's <c>geometric_mean_score(average="binary")</c>.</summary>
    public double GeometricMean { get; }

    /// <summary>Index balanced accuracy of the G-mean (alpha as given, squared); imblearn's <c>make_index_balanced_accuracy</c>.</summary>
    public double IndexBalancedAccuracy { get; }

    /// <summary>The score threshold the labels were predicted with, or <see langword="null"/> when the view's predicted-label column was used.</summary>
    public double? Threshold { get; }
}
