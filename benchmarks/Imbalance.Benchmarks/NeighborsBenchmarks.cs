using BenchmarkDotNet.Attributes;
using Imbalance.Neighbors;

namespace Imbalance.Benchmarks;

/// <summary>
/// The k-NN engine's common case: every fitted row queried against the fitted set with k = 6 (imblearn's
/// "k + 1 neighbours, drop the first column" for k = 5), float64, with the algorithm <c>Auto</c> picks. Fit time is
/// included, as it is in imblearn's samplers. The two <c>Brute</c> benchmarks run the brute-force search itself at
/// each vector width (Vector512 where accelerated, and the Vector256 kernels other CPUs run), on the brute-force
/// shapes only (they return at once on the KD-tree shape).
/// </summary>
[MemoryDiagnoser]
public class NeighborsBenchmarks
{
    private double[,] _x = null!;
    private double[] _flat = null!;
    private int[] _indices = null!;
    private double[] _distances = null!;

    [Params("20000x20", "10000x200", "100000x30", "200000x3")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shape.Split('x');
        (_x, _) = BenchmarkData.Binary(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), 0.05);
        _flat = new double[_x.Length];
        Buffer.BlockCopy(_x, 0, _flat, 0, _x.Length * sizeof(double));
        _indices = new int[_x.GetLength(0) * 6];
        _distances = new double[_x.GetLength(0) * 6];
    }

    [Benchmark]
    public int SelfQueryK6()
    {
        var index = new NearestNeighbors { NNeighbors = 6 }.Fit(_x);
        return index.KNeighbors(_x).AllIndices[^1];
    }

    [Benchmark]
    public int BruteK6Widest() => Brute(allowVector512: true);

    [Benchmark]
    public int BruteK6Vector256() => Brute(allowVector512: false);

    private int Brute(bool allowVector512)
    {
        var (n, d) = (_x.GetLength(0), _x.GetLength(1));
        if (d <= 15)
        {
            return 0; // the KD-tree regime
        }

        var search = new BruteForceSearch(_flat, n, d, DistanceMetric.Euclidean, allowVector512: allowVector512);
        search.Search(new RowSource(_x), 6, _indices, _distances, Environment.ProcessorCount, CancellationToken.None);
        return _indices[^1];
    }
}
