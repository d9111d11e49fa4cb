using BenchmarkDotNet.Attributes;
using Imbalance.Learning;
using Imbalance.OverSampling;

namespace Imbalance.Benchmarks;

/// <summary>
/// The built-in SVC (libsvm's solver with its kernel cache: fixed LRU column buffers, columns filled 32 rows at a time,
/// the exponential 8 lanes at a time) alone and under SvmSmote, on 20,000 x 20 and 10,000 x 200 with 5 % minority
/// (issue #18). scikit-learn's <c>SVC().fit</c> on the same shapes is the reference (benchmarks/README.md).
/// </summary>
[MemoryDiagnoser]
public class SupportVectorClassifierBenchmarks
{
    private double[,] _x = null!;
    private int[] _y = null!;

    [Params("20000x20", "10000x200")]
    public string Shape { get; set; } = "20000x20";

    [GlobalSetup]
    public void Setup() => (_x, _y) = Shape == "20000x20" ? BenchmarkData.Binary(20_000, 20, 0.05) : BenchmarkData.Binary(10_000, 200, 0.05);

    [Benchmark]
    public int FindSupportVectors() => new SupportVectorClassifier().FindSupportVectors(_x, _y).Count;

    [Benchmark]
    public int SvmSmote() => new SvmSmote { RandomState = 0 }.FitResample(_x, _y).Count;
}
