using System.Text;
using System.Text.Json.Nodes;
using Imbalance.Calibration;
using Imbalance.Learning;
using Imbalance.OverSampling;
using Imbalance.Pipelines;
using Imbalance.Serialization;

namespace Imbalance.Tests.Serialization;

public class DecisionToolSerializerTests
{
    [Theory]
    [InlineData("FixedThreshold", "model.positiveLabel", "7", "$.model.positiveLabel: is not one of the classes*")]
    [InlineData("FixedThreshold", "model.positiveLabel", "\"1\"", "$.model.positiveLabel: expected a int32 label*")]
    [InlineData("FixedThreshold", "model.classes", "[0, 1, 2]", "$.model.classes: a threshold classifier has exactly two classes*")]
    [InlineData("FixedThreshold", "model.model.classes", "[0, 2]", "$.model.model.classes: do not match the classifier's classes*")]
    [InlineData("TunedThreshold", "model.scores", "[0.5]", "$.model.scores: expected 20 values, found 1*")]
    [InlineData("TunedThreshold", "model.threshold", "null", "$.model.threshold: expected a number, found null*")]
    [InlineData("CostSensitive", "model.costMatrix", "[[0, 1]]", "$.model.costMatrix: expected 2 values, found 1*")]
    [InlineData("CostSensitive", "model.minimiseExpectedCost", "\"yes\"", "$.model.minimiseExpectedCost: expected a boolean*")]
    [InlineData("CalibratedSigmoid", "model.method", "\"Platt\"", "$.model.method: unknown value \"Platt\"; expected one of Sigmoid, Isotonic*")]
    [InlineData("CalibratedSigmoid", "model.pairs", "[]", "$.model.pairs: a calibrated classifier needs at least one calibrated model*")]
    [InlineData("CalibratedSigmoid", "model.pairs.0.classOfColumn", "[1, 1]", "$.model.pairs[0].classOfColumn: expected 1 values, found 2*")]
    [InlineData("CalibratedSigmoid", "model.pairs.1.calibrators.0.a", "\"x\"", "$.model.pairs[1].calibrators[0].a: expected a number*")]
    [InlineData("CalibratedIsotonicMulti", "model.pairs.0.calibrators.0.y.0", "2", "$.model.pairs[0].calibrators[0].y[0]: expected a finite number in [0, 1]*")]
    [InlineData("CalibratedIsotonicMulti", "model.pairs.0.calibrators.0.x.1", "-1e300", "$.model.pairs[0].calibrators[0].x[1]: isotonic knots must be non-decreasing*")]
    [InlineData("PriorCorrectionPipeline", "model.resampledCounts.counts.0", "0", "$.model.resampledCounts: every class needs a positive count*")]
    [InlineData("PriorCorrectionPipeline", "model.originalCounts.labels", "[0, 0]", "$.model.originalCounts.labels[1]: labels must be distinct*")]
    [InlineData("PriorCorrectionPipeline", "model.model.classCountsBeforeResampling.counts", "[1]", "$.model.model.classCountsBeforeResampling.counts: expected 2 values, found 1*")]
    public void Tampered_decision_tools_are_rejected_with_their_path(string name, string path, string json, string message)
    {
        var (x, y) = ModelSerializerTests.Data(name);
        var bytes = ModelSerializer.ToBytes(ModelSerializerTests.Classifier(name).Fit(x, y));
        var act = () => ModelSerializer.FromBytes<int>(Tamper(bytes, path, json));
        act.Should().Throw<InvalidDataException>().WithMessage(message);
    }

    [Fact]
    public void A_loaded_pipeline_keeps_its_class_counts_so_prior_correction_still_applies()
    {
        var (x, y) = ModelSerializerTests.Data("PriorCorrectionPipeline");
        var pipeline = (PipelineModel<int>)Pipeline.Make(new Smote { RandomState = 0 }, new LogisticRegression()).Fit(x, y);
        var loaded = (PipelineModel<int>)ModelSerializer.FromBytes<int>(ModelSerializer.ToBytes(pipeline));
        loaded.ClassCountsBeforeResampling.Should().Equal(pipeline.ClassCountsBeforeResampling).And.NotBeEmpty();
        loaded.ClassCountsAfterResampling.Should().Equal(pipeline.ClassCountsAfterResampling);
        PriorCorrection.FromPipeline(loaded).PredictProba(x).Should().BeEquivalentTo(PriorCorrection.FromPipeline(pipeline).PredictProba(x), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Undefined_scores_of_a_tuned_threshold_are_saved_as_null_and_read_back_as_NaN()
    {
        // A scorer that divides by zero scores NaN; JSON has no NaN, so the file holds null there.
        var (x, y) = ModelSerializerTests.Data("TunedThreshold");
        var bytes = ModelSerializer.ToBytes(ModelSerializerTests.Classifier("TunedThreshold").Fit(x, y));
        var withNull = Tamper(Tamper(bytes, "model.scores.0", "null"), "model.bestScore", "null");
        var loaded = (Imbalance.ModelSelection.TunedThresholdClassifierModel<int>)ModelSerializer.FromBytes<int>(withNull);
        loaded.Scores[0].Should().Be(double.NaN);
        loaded.BestScore.Should().Be(double.NaN);
        ModelSerializer.ToBytes(loaded).Should().Equal(withNull);
        var text = () => ModelSerializer.FromBytes<int>(Tamper(bytes, "model.scores.1", "\"NaN\""));
        text.Should().Throw<InvalidDataException>().WithMessage("$.model.scores[1]: expected a finite number or null*");
    }

    [Fact]
    public void A_loaded_pipeline_keeps_the_warnings_its_steps_reported()
    {
        var (x, y) = ModelSerializerTests.Data("PriorCorrectionPipeline");
        var pipeline = (PipelineModel<int>)Pipeline.Make(new Smote { RandomState = 0 }, new LogisticRegression { MaxIter = 1 }).Fit(x, y);
        pipeline.Warnings.Should().NotBeEmpty("one L-BFGS iteration does not converge");
        var bytes = ModelSerializer.ToBytes(pipeline);
        var loaded = (PipelineModel<int>)ModelSerializer.FromBytes<int>(bytes);
        loaded.Warnings.Should().Equal(pipeline.Warnings);
        ModelSerializer.ToBytes(loaded).Should().Equal(bytes);
        var tampered = () => ModelSerializer.FromBytes<int>(Tamper(bytes, "model.warnings.0.kind", "\"Bogus\""));
        tampered.Should().Throw<InvalidDataException>().WithMessage("$.model.warnings[0].kind: unknown value \"Bogus\"*");
        var empty = () => ModelSerializer.FromBytes<int>(Tamper(bytes, "model.warnings.0.message", "\"\""));
        empty.Should().Throw<InvalidDataException>().WithMessage("$.model.warnings[0].message: must not be empty*");
    }

    private static byte[] Tamper(byte[] bytes, string path, string json)
    {
        var node = JsonNode.Parse(bytes)!;
        var parts = path.Split('.');
        var parent = node;
        foreach (var part in parts[..^1])
        {
            parent = int.TryParse(part, out var i) ? parent[i]! : parent[part]!;
        }

        var value = JsonNode.Parse(json);
        if (int.TryParse(parts[^1], out var index))
        {
            parent[index] = value;
        }
        else
        {
            parent[parts[^1]] = value;
        }

        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }
}
