using Imbalance.Anomaly;
using Imbalance.Metrics;
using Imbalance.ModelSelection;

namespace Imbalance.Tests.Anomaly;

public class OutlierDetectorClassifierTests
{
    /// <summary>900 normal rows (label "normal") around the origin and 30 scattered anomalies ("fraud").</summary>
    private static (double[,] X, string[] Y) Data(int seed)
    {
        var rng = new Imbalance.Randomness.RandomState(seed);
        var x = new double[930, 3];
        var y = new string[930];
        for (var i = 0; i < 930; i++)
        {
            var anomaly = i >= 900;
            for (var j = 0; j < 3; j++)
            {
                x[i, j] = anomaly ? rng.Uniform(-6, 6) : rng.StandardNormal();
            }

            y[i] = anomaly ? "fraud" : "normal";
        }

        return (x, y);
    }

    [Fact]
    public void Learns_normal_rows_only_and_flags_anomalies_above_the_tuned_threshold()
    {
        var (x, y) = Data(0);
        var model = new OutlierDetectorClassifier { Detector = new IsolationForest { RandomState = 0 }, RandomState = 0 }.Fit(x, y);
        model.Classes.Should().Equal("fraud", "normal");
        model.AnomalyClass.Should().Be("fraud");
        var (test, yTest) = Data(1);
        var predicted = model.Predict(test);
        var recall = ClassificationMetrics.RecallScore(yTest, predicted, posLabel: "fraud");
        var precision = ClassificationMetrics.PrecisionScore(yTest, predicted, posLabel: "fraud");
        recall.Should().BeGreaterThan(0.4);
        precision.Should().BeGreaterThan(0.6);

        var scores = model.AnomalyScores(test);
        ScoreMetrics.AveragePrecisionScore(yTest, scores, posLabel: "fraud").Should().BeGreaterThan(0.6);
        var proba = model.PredictProba(test);
        for (var i = 0; i < yTest.Length; i++)
        {
            (proba[i, 0] + proba[i, 1]).Should().BeApproximately(1.0, 1e-12);
            (proba[i, 0] >= 0.5).Should().Be(scores[i] >= model.Threshold);
            (predicted[i] == "fraud").Should().Be(scores[i] >= model.Threshold);
        }
    }

    [Fact]
    public void Plugs_into_cross_validation_with_a_one_class_svm()
    {
        var (x, y) = Data(2);
        var classifier = new OutlierDetectorClassifier { Detector = new OneClassSvm { Nu = 0.05 }, RandomState = 1 };
        var proba = CrossValidation.CrossValPredictProba(classifier, x, y, new StratifiedKFold { NSplits = 3, Shuffle = true, RandomState = 0 }.Split(y));
        var fraud = Enumerable.Range(0, y.Length).Select(i => proba[i, 0]).ToArray();
        ScoreMetrics.AveragePrecisionScore(y, fraud, posLabel: "fraud").Should().BeGreaterThan(0.6);
    }

    [Fact]
    public void Rejects_weights_more_than_two_classes_and_bad_settings()
    {
        var (x, y) = Data(3);
        FluentActions.Invoking(() => new OutlierDetectorClassifier().Fit(x, y, Enumerable.Repeat(1.0, y.Length).ToArray())).Should().Throw<ArgumentException>().WithParameterName("sampleWeight");
        var three = y.Select((v, i) => i % 3 == 0 ? "other" : v).ToArray();
        FluentActions.Invoking(() => new OutlierDetectorClassifier().Fit(x, three)).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => new OutlierDetectorClassifier { ValidationFraction = 1 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("ValidationFraction");
        FluentActions.Invoking(() => new OutlierDetectorClassifier { Objective = ThresholdObjective.ExpectedCost }).Should().Throw<ArgumentException>().WithParameterName("Objective");
        FluentActions.Invoking(() => new OutlierDetectorClassifier { Detector = null! }).Should().Throw<ArgumentNullException>().WithParameterName("Detector");
    }
}
