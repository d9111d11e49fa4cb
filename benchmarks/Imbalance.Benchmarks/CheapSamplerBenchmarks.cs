using System.Globalization;
using BenchmarkDotNet.Attributes;
using Imbalance.OverSampling;
using Imbalance.UnderSampling;

namespace Imbalance.Benchmarks;

/// <summary>
/// The samplers whose cost is mostly building the output (issue #18, "cheap samplers, NearMiss, memory"):
/// RandomOverSampler, RandomUnderSampler and Smote, whose new rows are written in place into the output matrix, and
/// NearMiss 1-3, on the side-by-side shapes 20,000 x 20, 10,000 x 200 and 100,000 x 30 with 5% minority. The
/// allocated column is the figure to watch: the output matrix plus small per-class arrays.
/// </summary>
[MemoryDiagnoser]
public class CheapSamplerBenchmarks
{
    private double[,] _x = null!;
    private int[] _y = null!;

    [Params("20000x20", "10000x200", "100000x30")]
    public string Shape { get; set; } = "20000x20";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shape.Split('x');
        (_x, _y) = BenchmarkData.Binary(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), 0.05);
    }

    [Benchmark(Baseline = true)]
    public int RandomOverSampler() => new RandomOverSampler { RandomState = 0 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int RandomUnderSampler() => new RandomUnderSampler { RandomState = 0 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int Smote() => new Smote { RandomState = 0 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int NearMiss1() => new NearMiss { Version = 1 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int NearMiss2() => new NearMiss { Version = 2 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int NearMiss3() => new NearMiss { Version = 3 }.FitResample(_x, _y).Count;
}
