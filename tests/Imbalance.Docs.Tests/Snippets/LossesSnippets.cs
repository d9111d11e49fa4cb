using Imbalance.Anomaly;
using Imbalance.Batching;
using Imbalance.Datasets;
using Imbalance.Learning;
using Imbalance.Metrics;

namespace Imbalance.Docs.Tests.Snippets;

public class LossesSnippets
{
    private static readonly (double[,] X, int[] Y) Data =
        DataGenerators.MakeClassification(nSamples: 2_000, nFeatures: 8, weights: [0.95, 0.05], flipY: 0.0, randomState: 3);

    [Fact]
    public void Weights_and_focal_loss()
    {
        var (x, y) = Data;
        #region weights-and-focal-loss
        // Class-balanced weights over the effective number of samples (Cui et al. 2019): between uniform (beta = 0)
        // and inverse frequency (beta -> 1).
        var effective = new LogisticRegression { ClassWeight = ClassWeight.EffectiveNumber(0.999) }.Fit(x, y);
        double[] rowWeights = ClassWeight.EffectiveNumber(0.999).ComputeSampleWeight(y);

        // Focal loss (Lin et al. 2017) on the same optimiser: hard rows weigh more. Not convex for Gamma > 0.
        var focal = new LogisticRegression { FocalLoss = new FocalLoss { Gamma = 2, Alpha = 0.75 } }.Fit(x, y);
        #endregion

        rowWeights.Should().HaveCount(y.Length);
        rowWeights[Array.IndexOf(y, 1)].Should().BeGreaterThan(rowWeights[Array.IndexOf(y, 0)]);
        effective.Predict(x).Count(v => v == 1).Should().BeGreaterThan(0);
        focal.PredictProba(x).GetLength(1).Should().Be(2);
    }

    [Fact]
    public void Balanced_batches()
    {
        var (x, y) = Data;
        #region balanced-batches
        // imblearn's keras/tensorflow batch generators: under-sample once, shuffle once, cut into batches.
        var batches = new BalancedBatchSampler { BatchSize = 32, RandomState = 42 }.Fit(x, y);
        foreach (int[] rows in batches.KerasBatches())
        {
            // train on x[rows], y[rows]
        }

        // A new balanced draw every epoch, so every majority row is seen over time.
        foreach (var epoch in new BalancedBatchSampler { BatchSize = 32, RandomState = 42 }.Epochs(x, y).Take(5))
        {
            foreach (int[] rows in epoch.AllBatches()) { /* train */ }
        }

        // PyTorch's WeightedRandomSampler: rows drawn in proportion to per-row weights.
        var weighted = new WeightedBatchSampler(ClassWeight.Balanced.ComputeSampleWeight(y)) { BatchSize = 32, RandomState = 0 };
        int[][] firstEpoch = weighted.Epochs().First();
        #endregion

        batches.Indices.Count(i => y[i] == 1).Should().Be(batches.Indices.Count(i => y[i] == 0));
        batches.KerasBatches().Should().OnlyContain(b => b.Length == 32);
        firstEpoch.SelectMany(b => b).Count(i => y[i] == 1).Should().BeInRange(700, 1_300, "about half the draws are positives");
    }

    [Fact]
    public void Anomaly_detection_as_classification()
    {
        var (x, y) = Data;
        #region anomaly
        // Learn what normal looks like from the majority rows only; turn the anomaly score into a classifier whose
        // threshold is chosen on labelled validation rows. It is an IClassifier: pipelines, cross-validation and
        // metrics work as with any learner.
        var detector = new OutlierDetectorClassifier { Detector = new IsolationForest { RandomState = 0 }, RandomState = 0 };
        var model = detector.Fit(x, y);
        var proba = model.PredictProba(x);                      // a monotone map of the anomaly score: ranks, not calibrated
        var scores = Enumerable.Range(0, proba.GetLength(0)).Select(i => proba[i, 1]).ToArray();
        var averagePrecision = ScoreMetrics.AveragePrecisionScore(y, scores);
        #endregion

        averagePrecision.Should().BeInRange(0.0, 1.0);
        model.Predict(x).Should().HaveCount(y.Length);
    }
}
