namespace Imbalance.Metrics;

/// <summary>
/// A binary cost matrix for <see cref="ThresholdObjective.ExpectedCost"/>: the cost of each outcome of a
/// prediction (negative costs are gains). The expected cost of a threshold is
/// (c_tp TP + c_fp FP + c_fn FN + c_tn TN) / total weight.
/// </summary>
/// <param name="FalsePositive">Cost of predicting positive for a negative sample.</param>
/// <param name="FalseNegative">Cost of predicting negative for a positive sample.</param>
/// <param name="TruePositive">Cost of a true positive (default 0).</param>
/// <param name="TrueNegative">Cost of a true negative (default 0).</param>
public readonly record struct ClassificationCosts(double FalsePositive, double FalseNegative, double TruePositive = 0.0, double TrueNegative = 0.0);
