using Imbalance.Anomaly;

namespace Imbalance.Tests.Anomaly;

/// <summary>OneClassSvm against scikit-learn 1.2.1 (one_class_svm cases of sklearn_anomaly.json).</summary>
public class OneClassSvmTests
{
    public static TheoryData<string> Cases => AnomalyFixture.Names("one_class_svm");

    private static OneClassSvm FromCase(System.Text.Json.JsonElement c) => new()
    {
        Nu = c.HasParam("nu", out var nu) ? nu.GetDouble() : 0.5,
        Gamma = c.HasParam("gamma", out var g) ? g.GetDouble() : null,
    };

    private static double MaxDifference(double[] a, double[] b) => a.Zip(b).Max(p => Math.Abs(p.First - p.Second));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Support_vectors_and_decision_values_match_scikit_learn(string name)
    {
        var c = AnomalyFixture.Case("one_class_svm", name);
        var x = c.Matrix("x");
        var test = c.Matrix("x_test");
        var model = FromCase(c).Fit(x);
        model.Gamma.Should().Be(TestData.Number(c.GetProperty("gamma")));
        model.Support.Should().Equal(c.Ints("support"));
        MaxDifference([.. model.DualCoefficients], c.Vector("dual_coef")).Should().BeLessThan(1e-12);
        model.Offset.Should().BeApproximately(TestData.Number(c.GetProperty("offset")), 1e-12);
        MaxDifference(model.DecisionFunction(test), c.Vector("decision_function")).Should().BeLessThan(1e-12);
        MaxDifference(model.ScoreSamples(test), c.Vector("score_samples")).Should().BeLessThan(1e-12);
        MaxDifference(model.DecisionFunction(x), c.Vector("decision_function_train")).Should().BeLessThan(1e-12);
        model.Predict(test).Should().Equal(c.Ints("predict"));
    }

    [Fact]
    public void Nu_bounds_the_share_of_training_outliers_and_support_vectors()
    {
        var c = AnomalyFixture.Case("one_class_svm", "nu_0.05_scale");
        var x = c.Matrix("x");
        var model = new OneClassSvm { Nu = 0.1 }.Fit(x);
        var outliers = model.Predict(x).Count(p => p < 0) / (double)x.GetLength(0);
        outliers.Should().BeLessThanOrEqualTo(0.1 + 0.02);
        (model.Support.Count / (double)x.GetLength(0)).Should().BeGreaterThanOrEqualTo(0.1);
    }

    [Fact]
    public void Invalid_settings_and_inputs_are_rejected_by_name()
    {
        FluentActions.Invoking(() => new OneClassSvm { Nu = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Nu");
        FluentActions.Invoking(() => new OneClassSvm { Gamma = -1 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Gamma");
        FluentActions.Invoking(() => new OneClassSvm().Fit(new double[0, 2])).Should().Throw<ArgumentException>().WithParameterName("x");
        var model = new OneClassSvm().Fit(new[,] { { 1.0, 2 }, { 3, 4 }, { 5, 7 } });
        FluentActions.Invoking(() => model.DecisionFunction(new double[1, 3])).Should().Throw<ArgumentException>().WithParameterName("x");
    }
}
