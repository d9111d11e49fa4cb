using BenchmarkDotNet.Attributes;
using Imbalance.Learning;

namespace Imbalance.Benchmarks;

/// <summary>
/// Full-batch KMeans (<c>NInit = 10</c>, as ClusterCentroids fits each class) on the shapes of ClusterCentroids' slow
/// cases, through the reference path (KD-tree seeding with box pruning, k-NN engine queries per Lloyd step) and the
/// fast path (seeding pruned by each row's closest centre with SIMD distances, SIMD centre scan with Hamerly bounds)
/// and the grouped path (the same seeding, SIMD centre scan with Yinyang group bounds, the default from 64 centres):
/// all give the same bits; see benchmarks/README.md (#18, "ClusterCentroids and k-means").
/// </summary>
[MemoryDiagnoser]
public class KMeansBenchmarks
{
    private double[,] _x = null!;

    /// <summary>Rows x features / clusters: 1k x 10 into 50, 19k x 20 into 1,000, 9.5k x 200 into 500, 21k x 16 into
    /// 900 (the majority classes of the standard shapes and of the 30k x 16 four-class one).</summary>
    [Params("950x10/50", "19000x20/1000", "9500x200/500", "21000x16/900")]
    public string Shape { get; set; } = "950x10/50";

    /// <summary>The <see cref="KMeansPath"/>: Reference, Fast (Hamerly) or Grouped (Yinyang).</summary>
    [Params("Reference", "Fast", "Grouped")]
    public string Path { get; set; } = "Grouped";

    [GlobalSetup]
    public void Setup()
    {
        var (rows, features, _) = Parse(Shape);
        (_x, _) = BenchmarkData.Binary(rows, features, 0.05);
    }

    [Benchmark]
    public int Fit()
    {
        var (_, _, clusters) = Parse(Shape);
        return new KMeans { NClusters = clusters, NInit = 10, RandomState = 0, Path = Enum.Parse<KMeansPath>(Path) }.FitPredict(_x).Length;
    }

    private static (int Rows, int Features, int Clusters) Parse(string shape)
    {
        var parts = shape.Split('x', '/');
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }
}
