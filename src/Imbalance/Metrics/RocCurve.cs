namespace Imbalance.Metrics;

/// <summary>scikit-learn's <c>roc_curve</c> result: false and true positive rates at decreasing thresholds.</summary>
/// <param name="FalsePositiveRates"><c>fpr</c>: increasing false positive rates, starting at 0 (NaN when <c>y_true</c> has no negatives).</param>
/// <param name="TruePositiveRates"><c>tpr</c>: increasing true positive rates, starting at 0 (NaN when <c>y_true</c> has no positives).</param>
/// <param name="Thresholds">
/// Decreasing thresholds: a sample is positive when its score is &gt;= the threshold. The first is the highest
/// score + 1 (scikit-learn 1.2's convention), so that the curve starts at (0, 0).
/// </param>
public sealed record RocCurve(IReadOnlyList<double> FalsePositiveRates, IReadOnlyList<double> TruePositiveRates, IReadOnlyList<double> Thresholds);
