using BenchmarkDotNet.Attributes;
using Imbalance.Learning;
using Imbalance.OverSampling;

namespace Imbalance.Benchmarks;

/// <summary>
/// MiniBatchKMeans (scikit-learn 1.2.1's defaults, reproduced bit for bit) and KMeansSmote with it as the default
/// clusterer, on 20,000 x 20 and 100,000 x 30 (5 % minority; KMeansSmote with <c>cluster_balance_threshold=0</c> so
/// that it synthesises rather than stopping at "no clusters found"). MiniBatchKMeans runs its scalar loops
/// (<c>Simd = false</c>) or its SIMD kernels (the default); both give the same bits.
/// </summary>
[MemoryDiagnoser]
public class MiniBatchKMeansBenchmarks
{
    private double[,] _x = null!;
    private int[] _y = null!;

    [Params(20_000, 100_000)]
    public int Rows { get; set; }

    /// <summary>False: MiniBatchKMeans's scalar reference loops; true: the SIMD kernels (the default).</summary>
    [Params(false, true)]
    public bool Simd { get; set; }

    [GlobalSetup]
    public void Setup() => (_x, _y) = BenchmarkData.Binary(Rows, Rows == 20_000 ? 20 : 30, 0.05);

    [Benchmark]
    public int FitPredict() => new MiniBatchKMeans { RandomState = 0, Path = Simd ? KMeansPath.Auto : KMeansPath.Reference }.FitPredict(_x).Length;

    [Benchmark]
    public int KMeansSmoteDefault() => new KMeansSmote { RandomState = 0, ClusterBalanceThreshold = 0.0 }.FitResample(_x, _y).Count;
}
