using Imbalance.Calibration;
using Imbalance.Datasets;
using Imbalance.Learning;
using Imbalance.Metrics;
using Imbalance.ModelSelection;
using Imbalance.Pipelines;
using Imbalance.UnderSampling;

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

    [Fact]
    public void Decision_tools_without_leakage()
    {
        #region decision-tools
        var (x, y) = DataGenerators.MakeClassification(nSamples: 4_000, weights: [0.95, 0.05], flipY: 0.02, randomState: 7);
        var plain = Pipeline.Make(new StandardScaler(), new LogisticRegression());
        var underSampled = Pipeline.Make(new StandardScaler(), new RandomUnderSampler { RandomState = 0 }, new LogisticRegression());
        IClassifier[] candidates =
        [
            plain,
            new TunedThresholdClassifierCV { Estimator = plain, Scoring = Scoring.Get("f1") },          // F1-best cut on inner folds
            new CostSensitiveClassifier { Estimator = plain, Costs = new ClassificationCosts(FalsePositive: 1, FalseNegative: 20) },
            underSampled,
            new PriorCorrection { Estimator = underSampled },                                            // probabilities back to 5 %
            new CalibratedClassifierCV { Estimator = underSampled, Method = CalibrationMethod.Sigmoid },  // Platt on held-out folds
        ];
        Scorer[] scorers = [Scoring.Get("f1"), Scoring.Get("neg_brier_score"), Scoring.Get("average_precision")];
        var folds = new StratifiedKFold { NSplits = 5, Shuffle = true, RandomState = 0 }.Split(y);
        var results = new List<CrossValidationScores>();
        foreach (var model in candidates)
        {
            var result = CrossValidation.CrossValidate(model, x, y, scorers, folds);   // every tool refits inside each fold
            results.Add(result);
            Console.WriteLine($"{model.GetType().Name,-28} F1 {result.Mean("f1"):F3}  Brier {-result.Mean("neg_brier_score"):F4}  AP {result.Mean("average_precision"):F3}");
        }
        #endregion

        // The numbers docs/thresholds-costs-calibration.md quotes.
        double[][] expected =
        [
            [0.361, 0.0386, 0.500], [0.499, 0.0386, 0.500], [0.302, 0.0386, 0.500],
            [0.309, 0.1446, 0.459], [0.249, 0.0408, 0.459], [0.263, 0.0400, 0.485],
        ];
        for (var i = 0; i < expected.Length; i++)
        {
            results[i].Mean("f1").Should().BeApproximately(expected[i][0], 0.0005);
            (-results[i].Mean("neg_brier_score")).Should().BeApproximately(expected[i][1], 0.00005);
            results[i].Mean("average_precision").Should().BeApproximately(expected[i][2], 0.0005);
        }
    }

    private static double[] PositiveColumn(double[,] proba) => Enumerable.Range(0, proba.GetLength(0)).Select(i => proba[i, 1]).ToArray();
}
