using BenchmarkDotNet.Attributes;
using Imbalance.Neighbors;

namespace Imbalance.Benchmarks;

/// <summary>
/// The KD-tree regime of issue #18 (3 to 15 features): every fitted row's k nearest rows, as TomekLinks (k = 2),
/// the edited-nearest-neighbour family (k = 4) and the SMOTE family (k = 6) ask for them. <c>Blocked</c> is the
/// engine's search (queries sharing a leaf searched together, eight SIMD lanes at a time); <c>Single</c> is the
/// one-query-at-a-time search it replaced, on the same tree. Both return the same answer bit for bit. The tree is
/// built once in setup; <c>FitAndQuery</c> adds the fit, as a sampler pays it. <c>Build</c> is the tree
/// construction alone (feature-major columns, median selection, parallel subtrees); <c>FittedSubset</c> asks for the
/// neighbours of 95 % of the fitted rows by index, as the edited-nearest-neighbour family does. From five features
/// on, <c>Blocked</c> and <c>FittedSubset</c> also check each query's own bound at every node and scan leaves that few
/// queries of a group reach query by query (the 10- and 15-feature shapes): sixteen rows at a time in single
/// precision, then exact double values for the rows that pass; <c>BlockedUnscreened</c> is the same search with that
/// single-precision screen turned off (eight rows at a time in double).
/// </summary>
[MemoryDiagnoser]
public class KdTreeBenchmarks
{
    private double[,] _x = null!;
    private double[] _flat = null!;
    private KdTree _tree = null!;
    private KdTree _plainTree = null!;
    private int _n;
    private int _d;
    private int[] _indices = null!;
    private double[] _distances = null!;
    private NeighborsIndex _index = null!;
    private int[] _subset = null!;

    [Params("200000x3", "20000x10", "100000x10", "20000x15")]
    public string Shape { get; set; } = "";

    [Params(4, 6)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shape.Split('x');
        _n = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        _d = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        (_x, _) = BenchmarkData.Binary(_n, _d, 0.02);
        _flat = new double[_n * _d];
        Buffer.BlockCopy(_x, 0, _flat, 0, _flat.Length * sizeof(double));
        _tree = new KdTree(_flat, _n, _d, DistanceMetric.Euclidean, 30);
        _plainTree = new KdTree(_flat, _n, _d, DistanceMetric.Euclidean, 30) { ScreenDisabled = true };
        _indices = new int[_n * K];
        _distances = new double[_n * K];
        _index = new NearestNeighbors { NNeighbors = K, Algorithm = NeighborsAlgorithm.KdTree }.Fit(_x);
        _subset = Enumerable.Range(0, _n).Where(i => i % 20 != 0).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int Single()
    {
        _tree.SearchSingle(new RowSource(_flat, _n, _d), K, _indices, _distances, Environment.ProcessorCount, CancellationToken.None);
        return _indices[^1];
    }

    [Benchmark]
    public int Blocked()
    {
        _tree.SearchBlocked(new RowSource(_flat, _n, _d), K, _indices, _distances, Environment.ProcessorCount, CancellationToken.None);
        return _indices[^1];
    }

    [Benchmark]
    public int BlockedUnscreened()
    {
        _plainTree.SearchBlocked(new RowSource(_flat, _n, _d), K, _indices, _distances, Environment.ProcessorCount, CancellationToken.None);
        return _indices[^1];
    }

    [Benchmark]
    public int Build() => new KdTree(_flat, _n, _d, DistanceMetric.Euclidean, 30, Environment.ProcessorCount).Count;

    [Benchmark]
    public int FittedSubset() => _index.KNeighborsOfFitted(_subset, K).AllIndices[^1];

    [Benchmark]
    public int FitAndQuery()
    {
        var index = new NearestNeighbors { NNeighbors = K }.Fit(_x);
        return index.KNeighbors(_x).AllIndices[^1];
    }
}
