using System.Globalization;
using BenchmarkDotNet.Attributes;
using Imbalance.Neighbors;
using Imbalance.Randomness;
using Imbalance.UnderSampling;

namespace Imbalance.Benchmarks;

/// <summary>
/// NearMiss's brute-force query (issue #18): every majority row's k nearest minority rows, as NearMiss-1 asks on the
/// side-by-side shapes (100,000 x 30 with 5 % minority: 95,000 queries against 5,000 rows; 20,000 x 20: 19,000 against
/// 1,000). <c>Sorted</c> is the Vector512 kernels' small-k candidate store (<c>SortedTopK</c>: one vector up to eight
/// kept candidates, two up to 16, i.e. k &lt;= 4 and k &lt;= 12 for Euclidean, which keeps k + 4), <c>Heap</c> the same
/// kernels with heaps (forced): both return the same bits; at k = 13 both use heaps. <c>Best</c> is NearMiss's
/// selection of the kept rows (the n_keep smallest of the class's scores, stable).
/// </summary>
[MemoryDiagnoser]
public class SmallKSearchBenchmarks
{
    private double[] _minority = null!;
    private double[,] _queries = null!;
    private int _m;
    private int _d;
    private int[] _indices = null!;
    private double[] _distances = null!;
    private double[] _scores = null!;

    [Params("95000x5000x30", "19000x1000x20")]
    public string Shape { get; set; } = "";

    [Params(1, 3, 6, 13)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shape.Split('x').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var (queries, m, d) = (parts[0], parts[1], parts[2]);
        (_m, _d) = (m, d);
        var (x, _) = BenchmarkData.Binary(queries + m, d, 0.0);
        _queries = new double[queries, d];
        _minority = new double[m * d];
        Buffer.BlockCopy(x, 0, _queries, 0, queries * d * sizeof(double));
        Buffer.BlockCopy(x, queries * d * sizeof(double), _minority, 0, m * d * sizeof(double));
        for (var i = 0; i < _minority.Length; i++)
        {
            _minority[i] += 1.0; // the minority class sits one unit away in every feature, as in BenchmarkData.Binary
        }

        _indices = new int[queries * K];
        _distances = new double[queries * K];
        var rng = new RandomState(1);
        _scores = new double[queries];
        for (var i = 0; i < queries; i++)
        {
            _scores[i] = Math.Abs(rng.StandardNormal()) * 3;
        }
    }

    [Benchmark(Baseline = true)]
    public int Sorted() => Search(allowSortedTopK: true);

    [Benchmark]
    public int Heap() => Search(allowSortedTopK: false);

    [Benchmark]
    public int Best() => NearMiss.Best(_scores, _m, largest: false)[^1];

    private int Search(bool allowSortedTopK)
    {
        var search = new BruteForceSearch(_minority, _m, _d, DistanceMetric.Euclidean, allowSortedTopK: allowSortedTopK);
        search.Search(new RowSource(_queries), K, _indices, _distances, Environment.ProcessorCount, CancellationToken.None);
        return _indices[^1];
    }
}
