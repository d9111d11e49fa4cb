using System.Text.Json;
using Imbalance.Anomaly;
using Imbalance.Learning;

namespace Imbalance.Tests.Anomaly;

/// <summary>IsolationForest against scikit-learn 1.2.1 (isolation_forest cases of sklearn_anomaly.json).</summary>
public class IsolationForestTests
{
    public static TheoryData<string> Cases => AnomalyFixture.Names("isolation_forest");

    private static bool IsFloat(JsonElement e) => e.GetRawText().Contains('.', StringComparison.Ordinal);

    internal static IsolationForest FromCase(JsonElement c) => new()
    {
        RandomState = c.GetProperty("params").GetProperty("random_state").GetInt32(),
        NEstimators = c.HasParam("n_estimators", out var n) ? n.GetInt32() : 100,
        MaxSamples = !c.HasParam("max_samples", out var ms) ? MaxSamples.Auto
            : IsFloat(ms) ? MaxSamples.Fraction(ms.GetDouble()) : MaxSamples.Count(ms.GetInt32()),
        MaxFeatures = !c.HasParam("max_features", out var mf) ? null
            : IsFloat(mf) ? MaxFeatures.Fraction(mf.GetDouble()) : MaxFeatures.Count(mf.GetInt32()),
        Bootstrap = c.HasParam("bootstrap", out var b) && b.GetBoolean(),
        Contamination = c.HasParam("contamination", out var cont) ? cont.GetDouble() : null,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void First_tree_equals_scikit_learns(string name)
    {
        var c = AnomalyFixture.Case("isolation_forest", name);
        var model = FromCase(c).Fit(c.Matrix("x"));
        var expected = c.GetProperty("first_tree");
        var tree = model.Tree(0);
        tree.Feature.Should().Equal(expected.Ints("feature"));
        tree.Threshold.Should().Equal(expected.Vector("threshold"));
        tree.NodeSamples.Should().Equal(expected.Ints("n_node_samples"));
        model.MaxSamplesUsed.Should().Be(c.GetProperty("max_samples").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scores_offset_and_predictions_are_bit_exact(string name)
    {
        var c = AnomalyFixture.Case("isolation_forest", name);
        var x = c.Matrix("x");
        var test = c.Matrix("x_test");
        var model = FromCase(c).Fit(x);
        model.Offset.Should().Be(TestData.Number(c.GetProperty("offset")));
        model.ScoreSamples(x).Should().Equal(c.Vector("score_samples_train"));
        model.ScoreSamples(test).Should().Equal(c.Vector("score_samples"));
        model.DecisionFunction(test).Should().Equal(c.Vector("decision_function"));
        model.Predict(test).Should().Equal(c.Ints("predict"));
        model.Predict(x).Should().Equal(c.Ints("predict_train"));
    }

    [Fact]
    public void Outliers_score_lower_than_inliers_and_input_is_not_mutated()
    {
        var c = AnomalyFixture.Case("isolation_forest", "default_300x3");
        var x = c.Matrix("x");
        var copy = TestData.Copy(x);
        var scores = new IsolationForest { RandomState = 1 }.Fit(x).ScoreSamples(x);
        x.Should().BeEquivalentTo(copy);
        scores.Skip(285).Average().Should().BeLessThan(scores.Take(285).Average() - 0.1);
    }

    [Fact]
    public void Invalid_settings_and_inputs_are_rejected_by_name()
    {
        FluentActions.Invoking(() => new IsolationForest { NEstimators = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("NEstimators");
        FluentActions.Invoking(() => new IsolationForest { Contamination = 0.6 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Contamination");
        FluentActions.Invoking(() => new IsolationForest { MaxFeatures = MaxFeatures.Sqrt }).Should().Throw<ArgumentException>().WithParameterName("MaxFeatures");
        FluentActions.Invoking(() => MaxSamples.Fraction(0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("fraction");
        FluentActions.Invoking(() => new IsolationForest { MaxFeatures = MaxFeatures.Count(3) }.Fit(new double[5, 2])).Should().Throw<ArgumentException>().WithParameterName("MaxFeatures");
        FluentActions.Invoking(() => new IsolationForest().Fit(new[,] { { 1.0, double.NaN } })).Should().Throw<ArgumentException>().WithParameterName("x");
        var model = new IsolationForest { RandomState = 0, NEstimators = 3 }.Fit(new[,] { { 1.0, 2 }, { 3, 4 }, { 5, 7 } });
        FluentActions.Invoking(() => model.ScoreSamples(new double[2, 3])).Should().Throw<ArgumentException>().WithParameterName("x");
    }
}
