using BenchmarkDotNet.Attributes;
using Imbalance.OverSampling;

namespace Imbalance.Benchmarks;

/// <summary>
/// Smote (defaults, k = 5) on 20,000 x 20 and 100,000 x 30 float64 data with 5% minority, plus BorderlineSmote and
/// Adasyn on the same data. imblearn 0.10's times on the same shapes are in benchmarks/README.md.
/// </summary>
[MemoryDiagnoser]
public class SmoteBenchmarks
{
    private double[,] _x = null!;
    private int[] _y = null!;

    [Params("20000x20", "100000x30")]
    public string Shape { get; set; } = "20000x20";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shape.Split('x');
        (_x, _y) = BenchmarkData.Binary(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), 0.05);
    }

    [Benchmark(Baseline = true)]
    public int Smote() => new Smote { RandomState = 0 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int BorderlineSmote() => new BorderlineSmote { RandomState = 0 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int Adasyn() => new Adasyn { RandomState = 0 }.FitResample(_x, _y).Count;
}

/// <summary>
/// SvmSmote (built-in SVC, libsvm-style solver) and KMeansSmote (built-in k-means) on 20,000 x 20 with 5% minority:
/// the SVM and clustering dominate, so only the smaller shape is run.
/// </summary>
[MemoryDiagnoser]
public class SvmKMeansSmoteBenchmarks
{
    private double[,] _x = null!;
    private int[] _y = null!;

    [GlobalSetup]
    public void Setup() => (_x, _y) = BenchmarkData.Binary(20_000, 20, 0.05);

    [Benchmark]
    public int SvmSmote() => new SvmSmote { RandomState = 0 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int KMeansSmote() => new KMeansSmote { RandomState = 0, ClusterBalanceThreshold = 0.0 }.FitResample(_x, _y).Count;
}
