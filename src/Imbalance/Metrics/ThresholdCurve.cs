namespace Imbalance.Metrics;

/// <summary>
/// The result of <see cref="ThresholdMoving.TuneThreshold{TLabel}"/>: the metric at every candidate threshold and
/// the best one.
/// </summary>
/// <param name="Thresholds">
/// Candidate thresholds in decreasing order: +infinity (nothing predicted positive), then every distinct score. A
/// sample is predicted positive when its score is &gt;= the threshold.
/// </param>
/// <param name="Values">The metric at each threshold.</param>
/// <param name="BestIndex">The index of the best threshold (the highest threshold among equally good ones).</param>
/// <param name="Objective">The metric tuned.</param>
public sealed record ThresholdCurve(IReadOnlyList<double> Thresholds, IReadOnlyList<double> Values, int BestIndex, ThresholdObjective Objective)
{
    /// <summary>The best threshold: predict positive when score &gt;= this value.</summary>
    public double BestThreshold => Thresholds[BestIndex];

    /// <summary>The metric at <see cref="BestThreshold"/>.</summary>
    public double BestValue => Values[BestIndex];
}
