using BenchmarkDotNet.Attributes;
using Imbalance.Combine;

namespace Imbalance.Benchmarks;

/// <summary>
/// SmoteEnn and SmoteTomek with imblearn's defaults on 10,000 x 200 with 5% minority (imblearn 0.10 on this machine:
/// SMOTEENN 45.9 s, SMOTETomek 44.4 s).
/// </summary>
[MemoryDiagnoser]
public class CombineBenchmarks
{
    private double[,] _x = null!;
    private int[] _y = null!;

    [GlobalSetup]
    public void Setup() => (_x, _y) = BenchmarkData.Binary(10_000, 200, 0.05);

    [Benchmark]
    public int SmoteEnn() => new SmoteEnn { RandomState = 0 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int SmoteTomek() => new SmoteTomek { RandomState = 0 }.FitResample(_x, _y).Count;
}
