using Imbalance.Metrics;
using Microsoft.ML;

namespace Imbalance.MLNet.Tests;

public class ImbalancedEvaluationTests
{
    public sealed class ScoredRow
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public bool PredictedLabel { get; set; }
    }

    private static ScoredRow[] Scored()
    {
        var rng = new Random(5);
        return [.. Enumerable.Range(0, 120).Select(i =>
        {
            var label = i % 6 == 0;
            var score = (float)(TestData.Gaussian(rng) + (label ? 1.2 : 0));
            return new ScoredRow { Label = label, Score = score, PredictedLabel = score > 0.8f };
        })];
    }

    [Fact]
    public void Binary_metrics_equal_the_core_metrics_of_the_same_labels_and_scores()
    {
        var ml = new MLContext(seed: 1);
        var rows = Scored();
        var y = rows.Select(r => r.Label).ToArray();
        var scores = rows.Select(r => (double)r.Score).ToArray();
        var predicted = rows.Select(r => r.PredictedLabel).ToArray();

        var metrics = ml.BinaryClassification.EvaluateImbalanced(ml.Data.LoadFromEnumerable(rows));

        metrics.RocAuc.Should().Be(ScoreMetrics.RocAucScore(y, scores));
        metrics.AveragePrecision.Should().Be(ScoreMetrics.AveragePrecisionScore(y, scores, true));
        metrics.PrAuc.Should().Be(ScoreMetrics.PrecisionRecallAucScore(y, scores, true));
        metrics.Recall.Should().Be(ClassificationMetrics.RecallScore(y, predicted, posLabel: true));
        metrics.F1.Should().Be(ClassificationMetrics.F1Score(y, predicted, posLabel: true));
        metrics.GeometricMean.Should().BeApproximately(ImbalancedMetrics.GeometricMeanScore(y, predicted, posLabel: true, average: Average.Binary), 1e-15);
        metrics.Specificity.Should().Be(ImbalancedMetrics.SpecificityScore(y, predicted, posLabel: true));
        metrics.Report.Text.Should().Be(ImbalancedMetrics.ClassificationReportImbalanced(y, predicted, zeroDivision: ZeroDivision.Zero).Text);
        var iba = ImbalancedMetrics.MakeIndexBalancedAccuracy<bool>((t, p) => ImbalancedMetrics.GeometricMeanScore(t, p, posLabel: true, average: Average.Binary), posLabel: true)(y, predicted);
        metrics.IndexBalancedAccuracy.Should().BeApproximately(iba, 1e-15);
        metrics.Threshold.Should().BeNull();
    }

    [Fact]
    public void A_tuned_threshold_is_the_cores_and_predicts_from_the_scores()
    {
        var ml = new MLContext(seed: 1);
        var rows = Scored();
        var view = ml.Data.LoadFromEnumerable(rows);
        var y = rows.Select(r => r.Label).ToArray();

        var curve = ml.BinaryClassification.TuneThreshold(view);
        var metrics = ml.BinaryClassification.EvaluateImbalanced(view, threshold: curve.BestThreshold);

        var core = ThresholdMoving.TuneThreshold(y, rows.Select(r => (double)r.Score).ToArray(), ThresholdObjective.GeometricMean, true);
        curve.BestThreshold.Should().Be(core.BestThreshold);
        metrics.Threshold.Should().Be(curve.BestThreshold);
        metrics.GeometricMean.Should().BeApproximately(core.BestValue, 1e-12);
        FluentActions.Invoking(() => ml.BinaryClassification.TuneThreshold(view, scoreColumnName: "Label"))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("scoreColumnName");
    }

    [Fact]
    public void The_multiclass_report_names_classes_by_their_key_values()
    {
        var ml = new MLContext(seed: 1);
        var rows = TestData.ThreeClasses();
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Transforms.Conversion.MapValueToKey("Label", "Class")
            .Append(ml.Transforms.Concatenate("Features", "A", "B"))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy())
            .Fit(data);

        var report = ml.MulticlassClassification.EvaluateImbalanced(model.Transform(data));

        report.Rows.Select(r => r.Label).Should().Equal("x", "y", "z");
        report.Rows.Select(r => r.Support).Should().Equal(80, 20, 10);
    }
}
