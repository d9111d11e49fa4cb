namespace Imbalance.Metrics;

/// <summary>One class line of imblearn's <c>classification_report_imbalanced</c> (one entry of its <c>output_dict</c>).</summary>
/// <typeparam name="TLabel">The label type.</typeparam>
/// <param name="Label">The class.</param>
/// <param name="Name">The name printed in the table (the target name, or the label as Python prints it).</param>
/// <param name="Precision"><c>pre</c>: precision.</param>
/// <param name="Recall"><c>rec</c>: recall (sensitivity).</param>
/// <param name="Specificity"><c>spe</c>: specificity.</param>
/// <param name="F1"><c>f1</c>: F1 score.</param>
/// <param name="GeometricMean"><c>geo</c>: sqrt(sensitivity x specificity).</param>
/// <param name="IndexBalancedAccuracy"><c>iba</c>: the index balanced accuracy of the squared G-mean.</param>
/// <param name="Support"><c>sup</c>: the (weighted) number of true samples.</param>
public sealed record ClassificationReportRow<TLabel>(
    TLabel Label,
    string Name,
    double Precision,
    double Recall,
    double Specificity,
    double F1,
    double GeometricMean,
    double IndexBalancedAccuracy,
    double Support)
    where TLabel : notnull;
