using Imbalance.Datasets;
using Imbalance.Learning;
using Imbalance.Metrics;
using Imbalance.ModelSelection;

namespace Imbalance.Docs.Tests.Snippets;

public class ThresholdSnippets
{
    [Fact]
    public void Threshold_moving_on_a_validation_split()
    {
        #region threshold-moving
        var (x, y) = DataGenerators.MakeClassification(nSamples: 4_000, weights: [0.95, 0.05], flipY: 0.02, randomState: 7);
        var outer = DataSplit.TrainTestSplit(x, y, testSize: 0.25, randomState: 0, stratify: true);
        // Tune on a validation part of the training rows, never on the test rows.
        var inner = DataSplit.TrainTestSplit(outer.XTrain, outer.YTrain, testSize: 0.3, randomState: 0, stratify: true);
        var model = new LogisticRegression().Fit(inner.XTrain, inner.YTrain);

        var validationScores = PositiveColumn(model.PredictProba(inner.XTest));
        var f1Curve = ThresholdMoving.TuneThreshold(inner.YTest, validationScores, ThresholdObjective.FBeta, beta: 1.0);
        // A missed positive costs 20 times a false alarm: minimise the expected cost instead.
        var costCurve = ThresholdMoving.TuneThreshold(inner.YTest, validationScores, ThresholdObjective.ExpectedCost,
            costs: new ClassificationCosts(FalsePositive: 1, FalseNegative: 20));

        var testScores = PositiveColumn(model.PredictProba(outer.XTest));
        var atHalf = testScores.Select(s => s >= 0.5 ? 1 : 0).ToArray();
        var atTuned = testScores.Select(s => s >= f1Curve.BestThreshold ? 1 : 0).ToArray();
        Console.WriteLine($"F1 at 0.5: {ClassificationMetrics.F1Score(outer.YTest, atHalf, posLabel: 1):F3}; " +
                          $"at {f1Curve.BestThreshold:F3}: {ClassificationMetrics.F1Score(outer.YTest, atTuned, posLabel: 1):F3}");
        Console.WriteLine($"least expected cost at threshold {costCurve.BestThreshold:F3}");
        #endregion

        ClassificationMetrics.F1Score(outer.YTest, atTuned, posLabel: 1).Should().BeGreaterThan(ClassificationMetrics.F1Score(outer.YTest, atHalf, posLabel: 1));
        f1Curve.BestThreshold.Should().BeLessThan(0.5);
        costCurve.BestThreshold.Should().BeLessThan(f1Curve.BestThreshold, "a costly miss pushes the threshold down");
    }

    private static double[] PositiveColumn(double[,] proba) => Enumerable.Range(0, proba.GetLength(0)).Select(i => proba[i, 1]).ToArray();
}
