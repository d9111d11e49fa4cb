using BenchmarkDotNet.Attributes;
using Imbalance.Neighbors;

namespace Imbalance.Benchmarks;

/// <summary>
/// Small KD-tree searches (issue #18, first call on small data): every fitted row's k nearest rows on shapes of at most
/// <c>KdTree.NarrowBlockedPairs</c> query x row pairs, where the engine takes the blocked search's precompiled
/// Vector256 kernels (<c>Narrow</c>) instead of its JIT-compiled Vector512 ones (<c>Wide</c>, forced here), against
/// the one-query search (<c>Single</c>). All three return the same answer bit for bit; this measures what the
/// precompiled kernels cost in the steady state. <c>Build</c> is the tree
/// construction, which below <c>KdTree.WideMinMaxRows</c> rows uses the precompiled Vector256 min/max.
/// </summary>
[MemoryDiagnoser]
public class KdTreeSmallBenchmarks
{
    private double[] _flat = null!;
    private KdTree _tree = null!;
    private int _n;
    private int _d;
    private int[] _indices = null!;
    private double[] _distances = null!;

    [Params("1000x10", "2000x3", "2000x15")]
    public string Shape { get; set; } = "";

    [Params(2, 4)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shape.Split('x');
        _n = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        _d = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var (x, _) = BenchmarkData.Binary(_n, _d, 0.1);
        _flat = new double[_n * _d];
        Buffer.BlockCopy(x, 0, _flat, 0, _flat.Length * sizeof(double));
        _tree = new KdTree(_flat, _n, _d, DistanceMetric.Euclidean, 30);
        _indices = new int[_n * K];
        _distances = new double[_n * K];
    }

    [Benchmark(Baseline = true)]
    public int Wide()
    {
        _tree.SearchBlocked(new RowSource(_flat, _n, _d), K, _indices, _distances, 1, CancellationToken.None, narrow: false);
        return _indices[^1];
    }

    [Benchmark]
    public int Narrow()
    {
        _tree.SearchBlocked(new RowSource(_flat, _n, _d), K, _indices, _distances, 1, CancellationToken.None, narrow: true);
        return _indices[^1];
    }

    [Benchmark]
    public int Single()
    {
        _tree.SearchSingle(new RowSource(_flat, _n, _d), K, _indices, _distances, 1, CancellationToken.None);
        return _indices[^1];
    }

    [Benchmark]
    public int Build() => new KdTree(_flat, _n, _d, DistanceMetric.Euclidean, 30).Count;
}
