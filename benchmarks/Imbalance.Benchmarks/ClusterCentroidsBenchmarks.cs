using BenchmarkDotNet.Attributes;
using Imbalance.UnderSampling;

namespace Imbalance.Benchmarks;

/// <summary>
/// ClusterCentroids with its defaults (k-means with 10 initialisations, soft voting) and with hard voting on
/// 10,000 x 200, 5% minority: the 9,500 majority rows are clustered into 500 centres. imblearn 0.10.0 (scikit-learn
/// 1.2.1 KMeans, n_init=10) takes about 195 s on this shape; see benchmarks/README.md. 200,000 x 3 (issue #18)
/// clusters 190,000 rows into 10,000 centres.
/// </summary>
[MemoryDiagnoser]
public class ClusterCentroidsBenchmarks
{
    private double[,] _x = null!;
    private int[] _y = null!;

    // 200,000 x 3 is issue #18's KD-tree shape (10,000 centres): the k-means++ seeding tree and the Hamerly bounds.
    [Params(10_000, 200_000)]
    public int Rows { get; set; }

    [Params(3, 200)]
    public int Features { get; set; }

    [GlobalSetup]
    public void Setup() => (_x, _y) = BenchmarkData.Binary(Rows, Features, 0.05);

    [Benchmark]
    public int ClusterCentroidsSoft() => new ClusterCentroids { RandomState = 0 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int ClusterCentroidsHard() => new ClusterCentroids { RandomState = 0, Voting = ClusterCentroidsVoting.Hard }.FitResample(_x, _y).Count;
}
