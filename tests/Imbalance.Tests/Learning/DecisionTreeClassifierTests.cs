using Imbalance.Learning;

namespace Imbalance.Tests.Learning;

public class DecisionTreeClassifierTests
{
    public static TheoryData<string> TreeCases => LearnerFixture.Names("decision_tree");

    public static TheoryData<string> TiedCases => LearnerFixture.Names("decision_tree", exact: false);

    internal static DecisionTreeClassifier FromCase(LearnerCase c) => new()
    {
        Criterion = c.Has("criterion") && c.String("criterion") == "entropy" ? SplitCriterion.Entropy : SplitCriterion.Gini,
        MaxDepth = c.Has("max_depth") ? c.Int("max_depth") : null,
        MinSamplesSplit = c.Has("min_samples_split") ? c.Int("min_samples_split") : 2,
        MinSamplesLeaf = c.Has("min_samples_leaf") ? c.Int("min_samples_leaf") : 1,
        MaxFeatures = c.MaxFeatures(null),
        RandomState = c.Has("random_state") ? c.Int("random_state") : 0,
        ClassWeight = c.ClassWeight,
    };

    [Theory]
    [MemberData(nameof(TreeCases))]
    public void Grows_the_tree_scikit_learn_grows(string name)
    {
        var c = LearnerFixture.Case("decision_tree", name);
        var model = FromCase(c).Fit(c.X, c.Y, c.SampleWeight);
        model.NodeCount.Should().Be(c["node_count"].GetInt32());
        model.Depth.Should().Be(c["depth"].GetInt32());
        model.LeafCount.Should().Be(c["n_leaves"].GetInt32());
        model.Predict(c.XTest).Should().Equal(c.Ints("predict"));
        model.Predict(c.X).Should().Equal(c.Ints("train_predict"));
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
        // Rows with tied values may be ordered differently from scikit-learn's introsort; the tree stays a valid
        // CART tree. Measured agreement on the fixture: see the learners note.
        var c = LearnerFixture.Case("decision_tree", name);
        var model = FromCase(c).Fit(c.X, c.Y, c.SampleWeight);
        LearnerFixture.Agreement(model.Predict(c.XTest), c.Ints("predict")).Should().BeGreaterThanOrEqualTo(0.9);
        LearnerFixture.Agreement(model.Predict(c.X), c.Ints("train_predict")).Should().BeGreaterThanOrEqualTo(0.9);
    }
}
