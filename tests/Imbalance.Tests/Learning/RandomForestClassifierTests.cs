using Imbalance.Learning;

namespace Imbalance.Tests.Learning;

public class RandomForestClassifierTests
{
    public static TheoryData<string> ForestCases => LearnerFixture.Names("random_forest");

    public static TheoryData<string> TiedCases => LearnerFixture.Names("random_forest", exact: false);

    internal static RandomForestClassifier FromCase(LearnerCase c, int? threads = null) => new()
    {
        NEstimators = c.Has("n_estimators") ? c.Int("n_estimators") : 100,
        Criterion = c.Has("criterion") && c.String("criterion") == "entropy" ? SplitCriterion.Entropy : SplitCriterion.Gini,
        MaxDepth = c.Has("max_depth") ? c.Int("max_depth") : null,
        MinSamplesLeaf = c.Has("min_samples_leaf") ? c.Int("min_samples_leaf") : 1,
        MaxFeatures = c.MaxFeatures(MaxFeatures.Sqrt),
        Bootstrap = !c.Params.TryGetProperty("bootstrap", out var b) || b.GetBoolean(),
        ClassWeight = c.ClassWeight,
        RandomState = c.Int("random_state"),
        MaxDegreeOfParallelism = threads,
    };

    [Theory]
    [MemberData(nameof(ForestCases))]
    public void Grows_the_forest_scikit_learn_grows(string name)
    {
        var c = LearnerFixture.Case("random_forest", name);
        var model = FromCase(c).Fit(c.X, c.Y, c.SampleWeight);
        model.TreeNodeCounts.Should().Equal(c.Ints("tree_node_counts"));
        model.Predict(c.XTest).Should().Equal(c.Ints("predict"));
        var proba = model.PredictProba(c.XTest);
        var expected = c.Matrix("proba");
        for (var i = 0; i < expected.GetLength(0); i++)
        {
            for (var j = 0; j < expected.GetLength(1); j++)
            {
                proba[i, j].Should().BeApproximately(expected[i, j], 1e-12, $"row {i} class {j}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(TiedCases))]
    public void With_tied_values_agrees_closely_with_scikit_learn(string name)
    {
        var c = LearnerFixture.Case("random_forest", name);
        var model = FromCase(c).Fit(c.X, c.Y, c.SampleWeight);
        var predicted = model.Predict(c.XTest);
        LearnerFixture.Agreement(predicted, c.Ints("predict")).Should().BeGreaterThanOrEqualTo(0.9);
        var accuracy = LearnerFixture.Agreement(predicted, c.Ints("y_test"));
        accuracy.Should().BeApproximately(c["accuracy"].GetDouble(), 0.05, "accuracy comparable with scikit-learn's");
    }
}
