using BenchmarkDotNet.Attributes;
using Imbalance.OverSampling;
using Imbalance.UnderSampling;

namespace Imbalance.Benchmarks;

/// <summary>
/// RandomOverSampler (plain and smoothed bootstrap) and RandomUnderSampler on imblearn-sized inputs, float64, 5%
/// minority. The imblearn 0.10 timings for the same shapes are in benchmarks/README.md.
/// </summary>
[MemoryDiagnoser]
public class RandomSamplerBenchmarks
{
    private double[,] _x = null!;
    private int[] _y = null!;

    [Params(100_000, 1_000_000)]
    public int Rows { get; set; }

    [Params(20)]
    public int Features { get; set; }

    [GlobalSetup]
    public void Setup() => (_x, _y) = BenchmarkData.Binary(Rows, Features, 0.05);

    [Benchmark]
    public int RandomOverSampler() => new RandomOverSampler { RandomState = 0 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int RandomOverSamplerShrinkage() => new RandomOverSampler { RandomState = 0, Shrinkage = 1.0 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int RandomUnderSampler() => new RandomUnderSampler { RandomState = 0 }.FitResample(_x, _y).Count;
}
