using Imbalance.Metrics;

namespace Imbalance.Tests.Metrics;

public class ThresholdMovingTests
{
    private static readonly int[] Y = [0, 0, 1, 0, 1, 1, 0, 1];
    private static readonly double[] Scores = [0.1, 0.3, 0.35, 0.4, 0.6, 0.6, 0.7, 0.9];

    [Theory]
    [InlineData(ThresholdObjective.FBeta)]
    [InlineData(ThresholdObjective.GeometricMean)]
    [InlineData(ThresholdObjective.BalancedAccuracy)]
    public void Every_value_equals_the_metric_of_the_thresholded_predictions(ThresholdObjective objective)
    {
        var curve = ThresholdMoving.TuneThreshold(Y, Scores, objective, beta: 2.0);
        curve.Thresholds.Should().Equal(double.PositiveInfinity, 0.9, 0.7, 0.6, 0.4, 0.35, 0.3, 0.1);
        for (var i = 0; i < curve.Thresholds.Count; i++)
        {
            var t = curve.Thresholds[i];
            var predicted = Scores.Select(s => s >= t ? 1 : 0).ToArray();
            var expected = objective switch
            {
                ThresholdObjective.FBeta => ClassificationMetrics.FBetaScore(Y, predicted, 2.0, labels: [0, 1]),
                ThresholdObjective.GeometricMean => Math.Sqrt(ImbalancedMetrics.SensitivityScore(Y, predicted) * ImbalancedMetrics.SpecificityScore(Y, predicted)),
                _ => (ImbalancedMetrics.SensitivityScore(Y, predicted) + ImbalancedMetrics.SpecificityScore(Y, predicted)) / 2,
            };
            curve.Values[i].Should().BeApproximately(expected, 1e-15, $"threshold {t}");
        }

        curve.BestValue.Should().Be(curve.Values.Max());
        curve.Values.Take(curve.BestIndex).Should().OnlyContain(v => v < curve.BestValue, "the highest threshold wins ties");
    }

    [Fact]
    public void Best_balanced_accuracy_threshold_by_hand()
    {
        // At 0.6: predicted positive {0.6, 0.6, 0.7, 0.9}: tp 3 of 4, tn 3 of 4 -> 0.75; at 0.35: tp 4, tn 2 -> 0.75;
        // the higher threshold 0.6 wins the tie.
        var curve = ThresholdMoving.TuneThreshold(Y, Scores, ThresholdObjective.BalancedAccuracy);
        curve.BestThreshold.Should().Be(0.6);
        curve.BestValue.Should().Be(0.75);
        curve.Objective.Should().Be(ThresholdObjective.BalancedAccuracy);
    }

    [Fact]
    public void Expected_cost_is_minimised()
    {
        // Missing a positive costs 5, a false alarm 1: predicting everything positive (threshold 0.1) costs
        // 4 false alarms / 8 = 0.5; threshold 0.35 costs 2 / 8 = 0.25 (all positives caught), the minimum.
        var curve = ThresholdMoving.TuneThreshold(Y, Scores, ThresholdObjective.ExpectedCost, costs: new ClassificationCosts(FalsePositive: 1, FalseNegative: 5));
        curve.Values[0].Should().Be(20.0 / 8.0);
        curve.BestThreshold.Should().Be(0.35);
        curve.BestValue.Should().Be(0.25);
        curve.Values.Min().Should().Be(curve.BestValue);
    }

    [Fact]
    public void String_labels_with_positive_label_and_weights()
    {
        string[] y = Y.Select(v => v == 1 ? "fraud" : "ok").ToArray();
        var weighted = ThresholdMoving.TuneThreshold(y, Scores, ThresholdObjective.GeometricMean, posLabel: "fraud", sampleWeight: Enumerable.Repeat(2.0, 8).ToArray());
        var plain = ThresholdMoving.TuneThreshold(Y, Scores, ThresholdObjective.GeometricMean);
        weighted.Values.Should().Equal(plain.Values);
        weighted.BestThreshold.Should().Be(plain.BestThreshold);
    }
}
