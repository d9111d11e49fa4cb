using Imbalance.Metrics;

namespace Imbalance.Tests.Metrics;

public class ConfusionMatrixTests
{
    [Fact]
    public void Counts_and_one_vs_rest_cells_follow_the_definition()
    {
        // Rows true, columns predicted over labels [0, 1, 2]:
        // [[2, 1, 0], [0, 1, 1], [1, 0, 2]]
        int[] yTrue = [0, 0, 0, 1, 1, 2, 2, 2];
        int[] yPred = [0, 0, 1, 1, 2, 0, 2, 2];
        var cm = ClassificationMetrics.ConfusionMatrix(yTrue, yPred);
        cm.ToArray().Should().BeEquivalentTo(new double[,] { { 2, 1, 0 }, { 0, 1, 1 }, { 1, 0, 2 } });
        cm[0, 1].Should().Be(1);
        cm[2, 0].Should().Be(1);
        cm[5, 0].Should().Be(0);
        cm.Labels.Should().Equal(0, 1, 2);
        cm.TruePositives.Values.Should().Equal(2, 1, 2);
        cm.FalsePositives.Values.Should().Equal(1, 1, 1);
        cm.FalseNegatives.Values.Should().Equal(1, 1, 1);
        cm.TrueNegatives.Values.Should().Equal(4, 5, 4);
        cm.Support.Values.Should().Equal(3, 2, 3);
        cm.PredictedCounts.Values.Should().Equal(3, 2, 3);
        cm.SampleCount.Should().Be(8);
        cm.TotalWeight.Should().Be(8);
        cm.IsWeighted.Should().BeFalse();
        cm.Accuracy().Should().Be(5.0 / 8.0);
        cm.Accuracy(normalize: false).Should().Be(5);
        cm.BalancedAccuracy().Should().BeApproximately(((2.0 / 3.0) + 0.5 + (2.0 / 3.0)) / 3.0, 1e-15);
    }

    [Fact]
    public void Many_classes_seen_in_any_order_are_counted_and_sorted()
    {
        // 40 classes first seen in shuffled order (the single-pass table grows and is permuted at the end).
        var rng = new Imbalance.Randomness.RandomState(3);
        var yTrue = rng.RandInt(0, 40, 2000);
        var yPred = yTrue.Select((y, i) => i % 3 == 0 ? (y + 7) % 40 : y).ToArray();
        var cm = ClassificationMetrics.ConfusionMatrix(yTrue, yPred);
        cm.Labels.Should().Equal(Enumerable.Range(0, 40));
        cm.Accuracy(normalize: false).Should().Be(yTrue.Where((y, i) => yPred[i] == y).Count());
        var recall = cm.RecallPerClass();
        for (var c = 0; c < 40; c++)
        {
            var rows = Enumerable.Range(0, yTrue.Length).Where(i => yTrue[i] == c).ToArray();
            recall[c].Should().Be((double)rows.Count(i => yPred[i] == c) / rows.Length);
            cm[c, (c + 7) % 40].Should().Be(rows.Count(i => i % 3 == 0));
        }
    }

    [Fact]
    public void Labels_argument_orders_and_extends_the_report()
    {
        int[] yTrue = [0, 0, 1, 2];
        int[] yPred = [0, 1, 1, 2];
        var cm = ClassificationMetrics.ConfusionMatrix(yTrue, yPred, labels: [2, 9, 0]);
        cm.Labels.Should().Equal(2, 9, 0);
        cm.AllLabels.Should().Equal(0, 1, 2, 9);
        cm.Support.Values.Should().Equal(1, 0, 2);
        cm.RecallPerClass().Values.Should().Equal(1.0, 0.0, 0.5);
        cm.RecallPerClass(ZeroDivision.One).Values.Should().Equal(1.0, 1.0, 0.5);
        cm.RecallPerClass()[0].Should().Be(0.5);
        FluentActions.Invoking(() => cm.RecallPerClass()[1]).Should().Throw<KeyNotFoundException>();

        // Accuracy and MCC ignore labels, as scikit-learn's have none.
        cm.Accuracy().Should().Be(0.75);
    }

    [Fact]
    public void Enum_and_bool_labels_work_with_their_natural_defaults()
    {
        Fruit[] yTrue = [Fruit.Apple, Fruit.Banana, Fruit.Cherry, Fruit.Cherry];
        Fruit[] yPred = [Fruit.Apple, Fruit.Cherry, Fruit.Cherry, Fruit.Cherry];
        var cm = ClassificationMetrics.ConfusionMatrix(yTrue, yPred);
        cm.Labels.Should().Equal(Fruit.Apple, Fruit.Banana, Fruit.Cherry);
        cm.PrecisionPerClass()[Fruit.Cherry].Should().BeApproximately(2.0 / 3.0, 1e-15);
        FluentActions.Invoking(() => cm.Precision(Average.Macro)).Should().NotThrow();

        bool[] t = [false, true, true, false];
        bool[] p = [false, true, false, false];
        ClassificationMetrics.RecallScore(t, p).Should().Be(0.5);
        ImbalancedMetrics.SpecificityScore(t, p).Should().Be(1.0);
        ScoreMetrics.RocAucScore(t, [0.1, 0.9, 0.4, 0.3]).Should().Be(1.0);
    }

    [Fact]
    public void Weighted_counts_are_sums_of_weights()
    {
        string[] yTrue = ["a", "b", "b"];
        string[] yPred = ["a", "a", "b"];
        var cm = ClassificationMetrics.ConfusionMatrix(yTrue, yPred, sampleWeight: [0.5, 2.0, 1.5]);
        cm.IsWeighted.Should().BeTrue();
        cm.TotalWeight.Should().Be(4.0);
        cm["b", "a"].Should().Be(2.0);
        cm.Accuracy().Should().Be(0.5);
        cm.Accuracy(normalize: false).Should().Be(2.0);
    }

    [Fact]
    public void Matthews_and_kappa_hand_values()
    {
        // Binary tp 2, tn 1, fp 1, fn 0: MCC = (2*1 - 1*0) / sqrt(3 * 2 * 2 * 1) = 2 / sqrt(12).
        int[] yTrue = [1, 1, 0, 0];
        int[] yPred = [1, 1, 1, 0];
        ClassificationMetrics.MatthewsCorrCoef(yTrue, yPred).Should().BeApproximately(2.0 / Math.Sqrt(12.0), 1e-15);

        // Kappa: po = 3/4, pe = (2*3 + 2*1)/16 = 1/2 -> (0.75 - 0.5) / 0.5 = 0.5.
        ClassificationMetrics.CohenKappaScore(yTrue, yPred).Should().BeApproximately(0.5, 1e-15);

        // Constant predictions have no variance: MCC 0.
        ClassificationMetrics.MatthewsCorrCoef(yTrue, [1, 1, 1, 1]).Should().Be(0.0);
    }

    [Fact]
    public void Zero_division_options_set_ill_defined_ratios()
    {
        int[] yTrue = [0, 0, 1];
        int[] yPred = [0, 0, 0];
        ClassificationMetrics.PrecisionScore(yTrue, yPred).Should().Be(0.0);
        ClassificationMetrics.PrecisionScore(yTrue, yPred, zeroDivision: ZeroDivision.Zero).Should().Be(0.0);
        ClassificationMetrics.PrecisionScore(yTrue, yPred, zeroDivision: ZeroDivision.One).Should().Be(1.0);

        // F is 0 when recall is 0, whatever precision's zero-division value.
        ClassificationMetrics.F1Score(yTrue, yPred, zeroDivision: ZeroDivision.One).Should().Be(0.0);
    }

    [Fact]
    public void F_beta_with_infinite_beta_is_recall()
    {
        int[] yTrue = [0, 1, 1, 1, 0];
        int[] yPred = [1, 1, 0, 1, 0];
        ClassificationMetrics.FBetaScore(yTrue, yPred, double.PositiveInfinity).Should().Be(ClassificationMetrics.RecallScore(yTrue, yPred));
    }

    [Fact]
    public void Index_balanced_accuracy_wraps_any_metric()
    {
        // Binary: sensitivity 2/3, specificity 1/2 -> dominance 1/6. Accuracy 3/5 (unsquared): (1 + 0.1/6) * 0.6.
        int[] yTrue = [0, 1, 1, 1, 0];
        int[] yPred = [1, 1, 0, 1, 0];
        var iba = ImbalancedMetrics.MakeIndexBalancedAccuracy<int>((t, p) => ClassificationMetrics.AccuracyScore(t, p), alpha: 0.1, squared: false);
        iba(yTrue, yPred).Should().BeApproximately((1 + (0.1 / 6.0)) * 0.6, 1e-15);
        var squared = ImbalancedMetrics.MakeIndexBalancedAccuracy<int>((t, p) => ClassificationMetrics.AccuracyScore(t, p));
        squared(yTrue, yPred).Should().BeApproximately((1 + (0.1 / 6.0)) * 0.36, 1e-15);
        FluentActions.Invoking(() => ImbalancedMetrics.MakeIndexBalancedAccuracy<int>(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Macro_averaged_mae_skips_labels_only_predicted()
    {
        // Class 0: errors [0, 2] -> 1. Class 1: errors [0] -> 0. Label 2 only predicted (imblearn 0.10.0 raises).
        ImbalancedMetrics.MacroAveragedMeanAbsoluteError([0, 0, 1], [0, 2, 1]).Should().Be(0.5);
        ImbalancedMetrics.MacroAveragedMeanAbsoluteError([0.0, 0.0, 1.0], [0.0, 2.0, 1.0], [1.0, 3.0, 1.0]).Should().Be(0.75);
    }

    [Fact]
    public void Single_class_binary_average_follows_each_library()
    {
        // scikit-learn scores the absent positive label 1 (all counts zero); imblearn returns 0 directly.
        int[] zeros = [0, 0, 0];
        ClassificationMetrics.PrecisionScore(zeros, zeros, zeroDivision: ZeroDivision.One).Should().Be(1.0);
        ImbalancedMetrics.SensitivitySpecificitySupport(zeros, zeros).Should().Be(new SensitivitySpecificity(0.0, 0.0));
    }
}
