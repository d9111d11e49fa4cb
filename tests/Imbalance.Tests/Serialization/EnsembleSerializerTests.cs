using System.Text;
using System.Text.Json.Nodes;
using Imbalance.Ensemble;
using Imbalance.Serialization;

namespace Imbalance.Tests.Serialization;

public class EnsembleSerializerTests
{
    [Theory]
    [InlineData("BalancedRandomForest", "model.trees", "[]", "$.model.trees: a forest needs at least one tree*")]
    [InlineData("BalancedRandomForest", "model.samplerIndices", "[[0]]", "$.model.samplerIndices: expected 6 values, found 1*")]
    [InlineData("BalancedRandomForest", "model.samplerIndices.0.0", "-3", "$.model.samplerIndices[0][0]: expected an integer in [0, *")]
    [InlineData("BalancedRandomForest", "model.oobScore", "1.5", "$.model.oobScore: expected a finite number in [0, 1]*")]
    [InlineData("BalancedRandomForest", "model.oobDecisionFunction", "null", "$.model.oobScore: the out-of-bag score and decision function are saved together*")]
    [InlineData("BalancedRandomForest", "model.trees.2.left.0", "0", "$.model.trees[2].left[0]: the nodes do not form a tree*")]
    [InlineData("BalancedRandomForest", "model.warnings", "[1]", "$.model.warnings[0]: expected a string*")]
    [InlineData("BalancedBagging", "model.estimators", "[]", "$.model.estimatorsFeatures: expected 0 values, found 4*")]
    [InlineData("BalancedBagging", "model.estimatorsFeatures.1", "[0]", "$.model.estimators[1]: expects 3 features but the ensemble gives it 1*")]
    [InlineData("BalancedBagging", "model.estimatorsFeatures.1.0", "4", "$.model.estimatorsFeatures[1][0]: expected an integer in [0, 3]*")]
    [InlineData("BalancedBagging", "model.estimators.0.classes", "[0, 5]", "$.model.estimators[0].classes: a member's classes must be class codes in [0, 1]*")]
    [InlineData("BalancedBagging", "model.estimators.0.kind", "\"Nope\"", "$.model.estimators[0].kind: unknown classifier kind \"Nope\"*")]
    [InlineData("BalancedBagging", "model.featureIndexing", "1", "$.model.featureIndexing: expected a boolean, found number*")]
    [InlineData("AdaBoost", "model.algorithm", "\"SAMME.X\"", "$.model.algorithm: unknown algorithm \"SAMME.X\"; expected SAMME or SAMME.R*")]
    [InlineData("AdaBoost", "model.estimatorWeights", "[1]", "$.model.estimatorWeights: expected at least one weight per member (6), found 1*")]
    [InlineData("AdaBoost", "model.estimatorErrors", "[0, 0, 0, 0, 0, 0, 0]", "$.model.estimatorErrors: expected 6 values, found 7*")]
    [InlineData("AdaBoost", "model.estimatorErrors.0", "\"x\"", "$.model.estimatorErrors[0]: expected a finite number*")]
    [InlineData("AdaBoost", "model.classes", "[0]", "$.model.classes: AdaBoost needs at least two classes*")]
    [InlineData("AdaBoost", "model.features", "2", "$.model.estimators[0]: expects 4 features but the ensemble gives it 2*")]
    [InlineData("RusBoost", "model.samplerIndices", "[]", "$.model.samplerIndices: expected 5 values, found 0*")]
    [InlineData("EasyEnsemble", "model.estimators.1.classes", "[0, 2]", "$.model.estimators[1].classes: a member's classes must be class codes in [0, 1]*")]
    public void Tampered_ensembles_are_rejected_with_their_path(string name, string path, string json, string message)
    {
        var (x, y) = ModelSerializerTests.Data(name);
        var bytes = ModelSerializer.ToBytes(ModelSerializerTests.Classifier(name).Fit(x, y));
        var act = () => ModelSerializer.FromBytes<int>(Tamper(bytes, path, json));
        act.Should().Throw<InvalidDataException>().WithMessage(message);
    }

    [Fact]
    public void Out_of_bag_results_and_warnings_survive_a_round_trip_including_rows_without_a_score()
    {
        var (x, y) = ModelSerializerTests.Data("BalancedBagging");
        var model = new BalancedBaggingClassifier { NEstimators = 2, OobScore = true, RandomState = 5 }.Fit(x, y);
        model.OobDecisionFunction!.Cast<double>().Should().Contain(double.NaN, "two estimators leave rows without an out-of-bag score");
        var loaded = (BalancedBaggingClassifierModel<int>)ModelSerializer.FromBytes<int>(ModelSerializer.ToBytes(model));
        loaded.OobScore.Should().Be(model.OobScore);
        loaded.Warnings.Should().Equal(model.Warnings).And.NotBeEmpty();
        loaded.OobDecisionFunction.Should().BeEquivalentTo(model.OobDecisionFunction, o => o.WithStrictOrdering());
        loaded.SamplerIndices.Should().BeEquivalentTo(model.SamplerIndices, o => o.WithStrictOrdering());
        loaded.EstimatorsSamples.Should().BeEquivalentTo(model.EstimatorsSamples, o => o.WithStrictOrdering());
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
