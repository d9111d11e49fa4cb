namespace Imbalance.Metrics;

/// <summary>scikit-learn's <c>precision_recall_curve</c> result.</summary>
/// <param name="Precision">Precision at each threshold, then a final 1 (0 where nothing is predicted positive).</param>
/// <param name="Recall">Decreasing recall at each threshold, then a final 0 (1 everywhere when <c>y_true</c> has no positives).</param>
/// <param name="Thresholds">Increasing thresholds (the distinct scores); one fewer than <see cref="Precision"/>.</param>
public sealed record PrecisionRecallCurve(IReadOnlyList<double> Precision, IReadOnlyList<double> Recall, IReadOnlyList<double> Thresholds);
