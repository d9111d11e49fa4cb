using BenchmarkDotNet.Attributes;
using Imbalance.UnderSampling;

namespace Imbalance.Benchmarks;

/// <summary>
/// ClusterCentroids with its defaults (k-means with 10 initialisations, soft voting) and with hard voting on
/// 10,000 x 200, 5% minority: the 9,500 majority rows are clustered into 500 centres. imblearn 0.10.0 (scikit-learn
/// 1.2.1 KMeans, n_init=10) takes about 195 s on this shape; see benchmarks/README.md.
/// </summary>
[MemoryDiagnoser]
public class ClusterCentroidsBenchmarks
{
    private double[,] _x = null!;
    private int[] _y = null!;

    [Params(10_000)]
    public int Rows { get; set; }

    [Params(200)]
    public int Features { get; set; }

    [GlobalSetup]
    public void Setup() => (_x, _y) = BenchmarkData.Binary(Rows, Features, 0.05);

    [Benchmark]
    public int ClusterCentroidsSoft() => new ClusterCentroids { RandomState = 0 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int ClusterCentroidsHard() => new ClusterCentroids { RandomState = 0, Voting = ClusterCentroidsVoting.Hard }.FitResample(_x, _y).Count;
}
