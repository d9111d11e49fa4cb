using Imbalance.Metrics;

namespace Imbalance.Tests.Metrics;

/// <summary>imblearn #1180 and #1096 are fixed; expected values computed by hand (comments give the arithmetic).</summary>
public class ImblearnBugFixTests
{
    [Fact]
    public void Weighted_specificity_never_exceeds_one_issue_1180()
    {
        // Class 1: tp = 5, fp = 1, total weight 6 so tn = 6 - (tp + fp + fn) = 0 and specificity = 0 / (0 + 1) = 0.
        // imblearn 0.10.0 uses n_samples = 2: tn = 2 - 6 = -4 and specificity = -4 / -3 = 1.33.
        int[] yTrue = [0, 1];
        int[] yPred = [1, 1];
        double[] w = [1, 5];
        ImbalancedMetrics.SpecificityScore(yTrue, yPred, sampleWeight: w).Should().Be(0.0);
        ImbalancedMetrics.SensitivityScore(yTrue, yPred, sampleWeight: w).Should().Be(1.0);
        ImbalancedMetrics.GeometricMeanScore(yTrue, yPred, average: Average.Binary, sampleWeight: w).Should().Be(0.0);
    }

    [Fact]
    public void Weighted_per_class_specificity_uses_total_weight_issue_1180()
    {
        // Total weight 8. Class 0: tp 4, fp 0, fn 1 -> tn 3, spe 1. Class 1: tp 1, fp 1, fn 1 -> tn 5, spe 5/6.
        // Class 2: tp 1, fp 1, fn 0 -> tn 6, spe 6/7. (imblearn 0.10.0: [0, 2/3, 3/4].)
        int[] yTrue = [0, 0, 1, 1, 2];
        int[] yPred = [0, 1, 1, 2, 2];
        double[] w = [4, 1, 1, 1, 1];
        var spe = ImbalancedMetrics.SpecificityScorePerClass(yTrue, yPred, sampleWeight: w);
        spe.Values.Should().Equal(1.0, 5.0 / 6.0, 6.0 / 7.0);
        ImbalancedMetrics.SpecificityScore(yTrue, yPred, average: Average.Macro, sampleWeight: w)
            .Should().BeApproximately((1.0 + (5.0 / 6.0) + (6.0 / 7.0)) / 3.0, 1e-15);

        // Micro: sum tn = 3 + 5 + 6 = 14, sum fp = 2 -> 14 / 16.
        ImbalancedMetrics.SpecificityScore(yTrue, yPred, average: Average.Micro, sampleWeight: w).Should().BeApproximately(14.0 / 16.0, 1e-15);

        // Integer weights equal repeated samples: the weighted result is the result on the expanded data.
        int[] expandedTrue = [0, 0, 0, 0, 0, 1, 1, 2];
        int[] expandedPred = [0, 0, 0, 0, 1, 1, 2, 2];
        ImbalancedMetrics.SpecificityScorePerClass(expandedTrue, expandedPred).Values.Should().Equal(spe.Values);
    }

    [Fact]
    public void Macro_and_weighted_geometric_mean_average_per_class_g_means_issue_1096()
    {
        // Sensitivity [1, 1/2, 2/3], specificity [4/5, 1, 2/3], support [1, 2, 3];
        // per-class G = [sqrt(0.8), sqrt(0.5), 2/3].
        // imblearn 0.10.0: macro sqrt(mean sen x mean spe) = 0.7706..., weighted 0.7302...
        int[] yTrue = [0, 1, 1, 2, 2, 2];
        int[] yPred = [0, 1, 2, 2, 2, 0];
        var perClass = ImbalancedMetrics.GeometricMeanScorePerClass(yTrue, yPred).Values;
        perClass[0].Should().BeApproximately(Math.Sqrt(0.8), 1e-15);
        perClass[1].Should().BeApproximately(Math.Sqrt(0.5), 1e-15);
        perClass[2].Should().BeApproximately(2.0 / 3.0, 1e-15);

        var macro = (Math.Sqrt(0.8) + Math.Sqrt(0.5) + (2.0 / 3.0)) / 3.0;
        var weighted = ((1 * Math.Sqrt(0.8)) + (2 * Math.Sqrt(0.5)) + (3 * (2.0 / 3.0))) / 6.0;
        ImbalancedMetrics.GeometricMeanScore(yTrue, yPred, average: Average.Macro).Should().BeApproximately(macro, 1e-15);
        ImbalancedMetrics.GeometricMeanScore(yTrue, yPred, average: Average.Weighted).Should().BeApproximately(weighted, 1e-15);
        macro.Should().NotBeApproximately(0.7706018170844312, 1e-3);
        weighted.Should().NotBeApproximately(0.7302967433402214, 1e-3);

        // The multiclass default is unaffected: the geometric mean of the sensitivities (1 x 1/2 x 2/3)^(1/3).
        ImbalancedMetrics.GeometricMeanScore(yTrue, yPred).Should().BeApproximately(Math.Cbrt(1.0 / 3.0), 1e-15);
    }
}
