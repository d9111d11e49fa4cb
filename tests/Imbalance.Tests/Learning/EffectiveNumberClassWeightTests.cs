using Imbalance.Learning;
using Imbalance.Metrics;

namespace Imbalance.Tests.Learning;

public class EffectiveNumberClassWeightTests
{
    private static readonly string[] Labels = [.. Enumerable.Repeat("a", 900), .. Enumerable.Repeat("b", 90), .. Enumerable.Repeat("c", 10)];

    [Fact]
    public void Weights_follow_cui_et_al_and_sum_to_the_class_count()
    {
        const double beta = 0.99;
        var weights = ClassWeight.EffectiveNumber(beta).ComputeClassWeight(Labels);
        double Raw(int n) => (1 - beta) / (1 - Math.Pow(beta, n));
        var sum = Raw(900) + Raw(90) + Raw(10);
        weights["a"].Should().BeApproximately(3 * Raw(900) / sum, 1e-13);
        weights["b"].Should().BeApproximately(3 * Raw(90) / sum, 1e-13);
        weights["c"].Should().BeApproximately(3 * Raw(10) / sum, 1e-13);
        weights.Values.Sum().Should().BeApproximately(3, 1e-13);
    }

    [Fact]
    public void Beta_zero_is_uniform_and_beta_near_one_is_inverse_frequency()
    {
        ClassWeight.EffectiveNumber(0).ComputeClassWeight(Labels).Values.Should().AllSatisfy(w => w.Should().Be(1.0));
        var near = ClassWeight.EffectiveNumber(1 - 1e-12).ComputeClassWeight(Labels);
        var balanced = ClassWeights.ComputeClassWeight(ClassWeightMode.Balanced, ["a", "b", "c"], Labels);
        var scale = 3 / balanced.Sum();
        near["a"].Should().BeApproximately(balanced[0] * scale, 1e-6);
        near["c"].Should().BeApproximately(balanced[2] * scale, 1e-6);
    }

    [Fact]
    public void Sample_weights_give_each_row_its_class_weight_and_learners_accept_the_weighting()
    {
        var weighting = ClassWeight.EffectiveNumber(0.999);
        var perClass = weighting.ComputeClassWeight(Labels);
        var rows = weighting.ComputeSampleWeight(Labels);
        rows.Should().HaveCount(Labels.Length);
        rows.Select((w, i) => w == perClass[Labels[i]]).Should().OnlyContain(b => b);

        var x = new double[Labels.Length, 1];
        for (var i = 0; i < Labels.Length; i++)
        {
            x[i, 0] = Labels[i] == "a" ? i % 7 : 3 + (i % 5);
        }

        var model = new LogisticRegression { ClassWeight = weighting }.Fit(x, Labels);
        model.Classes.Should().Equal("a", "b", "c");
        var tree = new DecisionTreeClassifier { ClassWeight = weighting, RandomState = 0 }.Fit(x, Labels);
        tree.Classes.Should().Equal("a", "b", "c");
    }

    [Fact]
    public void Balanced_weights_are_one_computation_for_learners_and_metrics()
    {
        var viaLearning = ClassWeight.Balanced.ComputeClassWeight(Labels);
        var viaMetrics = ClassWeights.ComputeClassWeight(ClassWeightMode.Balanced, ["a", "b", "c"], Labels);
        viaLearning.Values.Should().Equal(viaMetrics);
        ClassWeight.Balanced.ComputeSampleWeight(Labels).Should().Equal(ClassWeights.ComputeSampleWeight(ClassWeightMode.Balanced, Labels));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Beta_outside_zero_one_is_rejected(double beta) =>
        FluentActions.Invoking(() => ClassWeight.EffectiveNumber(beta)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(beta));
}
