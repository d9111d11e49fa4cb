using BenchmarkDotNet.Attributes;
using Imbalance.Metrics;
using Imbalance.Randomness;

namespace Imbalance.Benchmarks;

/// <summary>
/// Metrics on 1,000,000 predictions: imblearn's <c>classification_report_imbalanced</c> (the yardstick, timed in
/// Python on the same data), a confusion matrix with every count-based metric derived from it, and the O(n log n)
/// curves. Binary: 5% positives, 10% of predictions flipped. Four classes: priors 0.7/0.2/0.07/0.03, 20% of
/// predictions replaced by a uniform class. The data are NumPy-legacy draws, so Python can rebuild them exactly:
/// <code>
/// rng = np.random.RandomState(0); yt = (rng.random_sample(n) &lt; 0.05).astype(int)
/// keep = rng.random_sample(n) &lt; 0.9; yp = np.where(keep, yt, 1 - yt); score = np.clip(0.3 * yt + 0.7 * rng.random_sample(n), 0, 1)
/// rng = np.random.RandomState(1); yt4 = rng.choice(4, n, p=[0.7, 0.2, 0.07, 0.03])
/// keep = rng.random_sample(n) &lt; 0.8; other = rng.randint(0, 4, n); yp4 = np.where(keep, yt4, other)
/// </code>
/// </summary>
[MemoryDiagnoser]
public class MetricsBenchmarks
{
    private int[] _binaryTrue = null!;
    private int[] _binaryPred = null!;
    private double[] _binaryScore = null!;
    private int[] _fourTrue = null!;
    private int[] _fourPred = null!;

    [Params(1_000_000)]
    public int Predictions { get; set; }

    [GlobalSetup]
    public void Setup() =>
        (_binaryTrue, _binaryPred, _binaryScore, _fourTrue, _fourPred) = Data(Predictions);

    /// <summary>The benchmark data (also used by tests of the generator's description).</summary>
    internal static (int[] BinaryTrue, int[] BinaryPred, double[] BinaryScore, int[] FourTrue, int[] FourPred) Data(int n)
    {
        var rng = new RandomState(0);
        var yt = rng.RandomSample(n).Select(u => u < 0.05 ? 1 : 0).ToArray();
        var keep = rng.RandomSample(n);
        var yp = yt.Select((y, i) => keep[i] < 0.9 ? y : 1 - y).ToArray();
        var noise = rng.RandomSample(n);
        var score = yt.Select((y, i) => Math.Clamp((0.3 * y) + (0.7 * noise[i]), 0.0, 1.0)).ToArray();

        rng = new RandomState(1);
        var yt4 = rng.Choice(4, n, p: [0.7, 0.2, 0.07, 0.03]);
        var keep4 = rng.RandomSample(n);
        var other = rng.RandInt(0, 4, n);
        var yp4 = yt4.Select((y, i) => keep4[i] < 0.8 ? y : other[i]).ToArray();
        return (yt, yp, score, yt4, yp4);
    }

    [Benchmark]
    public int ReportBinary() => ImbalancedMetrics.ClassificationReportImbalanced(_binaryTrue, _binaryPred).Text.Length;

    [Benchmark]
    public int ReportFourClasses() => ImbalancedMetrics.ClassificationReportImbalanced(_fourTrue, _fourPred).Text.Length;

    [Benchmark]
    public double ConfusionMatrixAllMetricsFourClasses()
    {
        var cm = ClassificationMetrics.ConfusionMatrix(_fourTrue, _fourPred);
        return cm.Accuracy() + cm.BalancedAccuracy() + cm.F1(Average.Macro) + cm.MatthewsCorrelation()
            + cm.CohenKappa() + cm.GeometricMean() + cm.SensitivitySpecificity(Average.Weighted).Specificity;
    }

    [Benchmark]
    public double RocAucBinary() => ScoreMetrics.RocAucScore(_binaryTrue, _binaryScore);

    [Benchmark]
    public int PrecisionRecallCurveBinary() => ScoreMetrics.PrecisionRecallCurve(_binaryTrue, _binaryScore).Thresholds.Count;

    [Benchmark]
    public double BestF1Threshold() => ThresholdMoving.TuneThreshold(_binaryTrue, _binaryScore, ThresholdObjective.FBeta).BestThreshold;
}
