using Imbalance.Calibration;
using Imbalance.Learning;
using Imbalance.Metrics;
using Imbalance.Pipelines;
using Imbalance.UnderSampling;
using static Imbalance.Tests.ModelSelection.DecisionTestKit;

namespace Imbalance.Tests.Calibration;

public class PriorCorrectionTests
{
    [Fact]
    public void Binary_undersampling_correction_is_dal_pozzolo_closed_form()
    {
        var (x, y) = BinaryWithIds(400, 3);
        var pipeline = Pipeline.Make(new RandomUnderSampler { RandomState = 0 }, new LogisticRegression());
        var fitted = pipeline.Fit(x, y);
        var negatives = y.Count(v => v == 0);
        var positives = y.Length - negatives;
        fitted.ClassCountsBeforeResampling.Should().BeEquivalentTo(new Dictionary<int, int> { [0] = negatives, [1] = positives });
        fitted.ClassCountsAfterResampling.Should().BeEquivalentTo(new Dictionary<int, int> { [0] = positives, [1] = positives });

        var corrected = new PriorCorrection { Estimator = pipeline }.Fit(x, y);
        var beta = positives / (double)negatives; // the share of negatives kept
        var raw = fitted.PredictProba(x);
        var proba = corrected.PredictProba(x);
        for (var i = 0; i < y.Length; i++)
        {
            var ps = raw[i, 1];
            proba[i, 1].Should().BeApproximately(beta * ps / ((beta * ps) - ps + 1), 1e-12);
            (proba[i, 0] + proba[i, 1]).Should().BeApproximately(1, 1e-12);
        }

        corrected.PriorRatios.Should().Equal([2.0 * negatives / y.Length, 2.0 * positives / y.Length], (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Correction_brings_the_mean_probability_back_to_the_original_prior()
    {
        var (x, y) = BinaryWithIds(600, 5);
        var model = new PriorCorrection { Estimator = Pipeline.Make(new RandomUnderSampler { RandomState = 1 }, new LogisticRegression()) }.Fit(x, y);
        var prior = y.Average();
        var rawMean = Mean(model.Model.PredictProba(x));
        var correctedMean = Mean(model.PredictProba(x));
        Math.Abs(correctedMean - prior).Should().BeLessThan(Math.Abs(rawMean - prior));
        var brierRaw = ClassificationMetrics.BrierScoreLoss(y, Column1(model.Model.PredictProba(x)));
        var brierCorrected = ClassificationMetrics.BrierScoreLoss(y, Column1(model.PredictProba(x)));
        brierCorrected.Should().BeLessThan(brierRaw);
    }

    [Fact]
    public void From_resample_and_without_resampling()
    {
        var (x, y) = BinaryWithIds(200, 6);
        var resampled = new RandomUnderSampler { RandomState = 0 }.FitResample(x, y);
        var lr = new LogisticRegression().Fit(resampled.X, resampled.Y);
        var fromResample = PriorCorrection.FromResample(lr, y, resampled);
        var fromPipeline = new PriorCorrection { Estimator = Pipeline.Make(new RandomUnderSampler { RandomState = 0 }, new LogisticRegression()) }.Fit(x, y);
        DecisionTestKitExtensions.Max(fromResample.PredictProba(x), fromPipeline.PredictProba(x)).Should().BeLessThan(1e-12);

        var plain = new PriorCorrection { Estimator = new LogisticRegression() }.Fit(x, y);
        plain.PriorRatios.Should().Equal(1.0, 1.0);
        plain.PredictProba(x).Should().BeEquivalentTo(plain.Model.PredictProba(x));
    }

    [Fact]
    public void Correct_rejects_missing_counts()
    {
        var act = () => PriorCorrection.Correct(new double[1, 2], [0, 1], new Dictionary<int, int> { [0] = 3 }, new Dictionary<int, int> { [0] = 1, [1] = 1 });
        act.Should().Throw<ArgumentException>();
        var width = () => PriorCorrection.Correct(new double[1, 3], [0, 1], new Dictionary<int, int>(), new Dictionary<int, int>());
        width.Should().Throw<ArgumentException>().WithParameterName("probabilities");
    }

    private static double Mean(double[,] p) => Enumerable.Range(0, p.GetLength(0)).Average(i => p[i, 1]);

    private static double[] Column1(double[,] p) => Enumerable.Range(0, p.GetLength(0)).Select(i => p[i, 1]).ToArray();
}

internal static class DecisionTestKitExtensions
{
    public static double Max(double[,] a, double[,] b) => Imbalance.Tests.ModelSelection.DecisionsFixture.MaxAbsDifference(a, b);
}
