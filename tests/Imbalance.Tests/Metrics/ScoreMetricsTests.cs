using Imbalance.Metrics;

namespace Imbalance.Tests.Metrics;

public class ScoreMetricsTests
{
    [Fact]
    public void Binary_roc_auc_scores_the_greater_label_whatever_the_label_type()
    {
        int[] y = [0, 0, 1, 1, 0, 1];
        double[] score = [0.1, 0.4, 0.35, 0.8, 0.5, 0.9];

        // Pairs (positive, negative) ranked correctly: 0.35 beats 0.1 only; 0.8 and 0.9 beat all three -> 7 of 9.
        ScoreMetrics.RocAucScore(y, score).Should().BeApproximately(7.0 / 9.0, 1e-15);
        ScoreMetrics.RocAucScore(y.Select(v => v == 1 ? "yes" : "no").ToArray(), score).Should().BeApproximately(7.0 / 9.0, 1e-15);
        ScoreMetrics.RocAucScore(y.Select(v => v == 1 ? "a" : "b").ToArray(), score).Should().BeApproximately(2.0 / 9.0, 1e-15);
    }

    [Fact]
    public void Multiclass_roc_auc_checks_labels_and_strategy_options()
    {
        int[] y = [0, 1, 2, 2, 1, 0];
        var proba = new[,] { { 0.7, 0.2, 0.1 }, { 0.2, 0.6, 0.2 }, { 0.1, 0.2, 0.7 }, { 0.3, 0.3, 0.4 }, { 0.5, 0.4, 0.1 }, { 0.4, 0.4, 0.2 } };
        var plain = ScoreMetrics.RocAucScore(y, proba, MultiClassStrategy.OneVsRest);
        ScoreMetrics.RocAucScore(y, proba, MultiClassStrategy.OneVsRest, labels: [0, 1, 2]).Should().Be(plain);
        FluentActions.Invoking(() => ScoreMetrics.RocAucScore(y, proba, MultiClassStrategy.OneVsRest, labels: [0, 2, 1]))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "labels" && e.Message.StartsWith("Parameter 'labels' must be ordered"));
        FluentActions.Invoking(() => ScoreMetrics.RocAucScore(y, proba, MultiClassStrategy.OneVsOne, Average.Micro))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("average");
        FluentActions.Invoking(() => ScoreMetrics.RocAucScore(y, proba, MultiClassStrategy.OneVsOne, sampleWeight: [1, 1, 1, 1, 1, 1.0]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("sampleWeight");
        FluentActions.Invoking(() => ScoreMetrics.RocAucScore([0, 1, 1, 0, 1, 0], proba, MultiClassStrategy.OneVsRest))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("yScore");
    }

    [Fact]
    public void Log_loss_with_explicit_labels_for_a_single_class_target()
    {
        // y = [0, 0] with P(class 1) = [0.1, 0.2]: -(log 0.9 + log 0.8) / 2.
        ClassificationMetrics.LogLoss([0, 0], [0.1, 0.2], labels: [0, 1]).Should().BeApproximately(-(Math.Log(0.9) + Math.Log(0.8)) / 2, 1e-15);
        FluentActions.Invoking(() => ClassificationMetrics.LogLoss([0, 0], [0.1, 0.2]))
            .Should().Throw<ArgumentException>().WithMessage("y_true contains only one label (0)*");
    }

    [Fact]
    public void Auc_is_the_trapezoid_area_in_either_direction()
    {
        ScoreMetrics.Auc([0.0, 0.5, 1.0], [0.0, 1.0, 1.0]).Should().Be(0.75);
        ScoreMetrics.Auc([1.0, 0.5, 0.0], [1.0, 1.0, 0.0]).Should().Be(0.75);
        FluentActions.Invoking(() => ScoreMetrics.Auc([0.0, 1.0, 0.5], [0.0, 1.0, 1.0]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("x");
        FluentActions.Invoking(() => ScoreMetrics.Auc([0.0], [1.0]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("x");
    }

    [Fact]
    public void Curves_are_unchanged_by_sample_order()
    {
        var rng = new Imbalance.Randomness.RandomState(5);
        var y = rng.RandInt(0, 2, 300);
        var score = y.Select(v => Math.Round((0.3 * v) + (0.7 * rng.RandomSample()), 2)).ToArray();
        var order = rng.Permutation(300);
        var roc = ScoreMetrics.RocCurve(y, score);
        var shuffled = ScoreMetrics.RocCurve(order.Select(i => y[i]).ToArray(), order.Select(i => score[i]).ToArray());
        shuffled.FalsePositiveRates.Should().Equal(roc.FalsePositiveRates);
        shuffled.TruePositiveRates.Should().Equal(roc.TruePositiveRates);
        shuffled.Thresholds.Should().Equal(roc.Thresholds);
        roc.FalsePositiveRates[^1].Should().Be(1.0);
        roc.TruePositiveRates[^1].Should().Be(1.0);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(5000)]
    [InlineData(70000)]
    public void Radix_sort_orders_like_array_sort(int n)
    {
        var rng = new Imbalance.Randomness.RandomState(n);
        var keys = Enumerable.Range(0, n).Select(i => (i % 7) switch
        {
            0 => Math.Round(rng.StandardNormal(), 1),
            1 => -rng.RandomSample() * 1e-300,
            2 => 0.0,
            3 => -0.0,
            4 => rng.StandardNormal() * 1e300,
            _ => rng.StandardNormal(),
        }).ToArray();
        var order = Enumerable.Range(0, n).ToArray();
        var sorted = (double[])keys.Clone();
        Imbalance.Metrics.BinaryCurve.SortAscending(sorted, order, n);
        var expected = keys.OrderBy(k => k).ToArray();
        sorted.Should().Equal(expected);
        order.Select(i => keys[i]).Should().Equal(sorted);
        order.Distinct().Should().HaveCount(n);
    }
}
