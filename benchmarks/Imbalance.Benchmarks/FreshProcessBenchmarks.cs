using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Imbalance.OverSampling;
using Imbalance.UnderSampling;

namespace Imbalance.Benchmarks;

/// <summary>
/// The first call in a fresh process (issue #18's small-data case, 1,000 x 10): one cold launch per measurement, so
/// the time includes JIT compilation of the library's code paths. This project references the IL-only library (what
/// platforms without a ReadyToRun image in the package get); benchmarks/SideBySide runs the package's precompiled
/// image for this machine and measures the same against imblearn.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1)]
public class FreshProcessBenchmarks
{
    private double[,] _x = null!;
    private int[] _y = null!;

    [GlobalSetup]
    public void Setup() => (_x, _y) = BenchmarkData.Binary(1_000, 10, 0.05);

    [Benchmark]
    public int Smote() => new Smote { RandomState = 0 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int TomekLinks() => new TomekLinks().FitResample(_x, _y).Count;

    [Benchmark]
    public int EditedNearestNeighbours() => new EditedNearestNeighbours().FitResample(_x, _y).Count;

    [Benchmark]
    public int NearMiss1() => new NearMiss { Version = 1 }.FitResample(_x, _y).Count;
}
