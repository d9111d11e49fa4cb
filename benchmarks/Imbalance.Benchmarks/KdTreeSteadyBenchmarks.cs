using BenchmarkDotNet.Attributes;
using Imbalance.Neighbors;

namespace Imbalance.Benchmarks;

/// <summary>
/// Small KD-tree searches repeated in one process (issue #18, the steady state after the first call): the tree's
/// build plus every fitted row's k nearest rows (the engine's blocked search, as <c>KNeighbors</c> runs it), as
/// TomekLinks (k = 2), the editing family (k = 4) and the SMOTE family (k = 6) ask for them, on shapes of at most
/// <c>KdTree.NarrowBlockedPairs</c> query x row pairs.
/// <c>Auto</c> is the engine's choice: by the time BenchmarkDotNet measures, the process has used up
/// <c>KdTree.NarrowBlockedTotalPairs</c>, so it takes the Vector512 kernels. <c>Narrow</c> forces the precompiled
/// Vector256 kernels, which every such search took before that budget existed (main at ddae80e); <c>Wide</c> forces
/// the Vector512 kernels (what every search took before the Vector256 twins). All return the same answer bit for bit.
/// </summary>
[MemoryDiagnoser]
public class KdTreeSteadyBenchmarks
{
    private double[] _flat = null!;
    private int _n;
    private int _d;
    private int[] _indices = null!;
    private double[] _distances = null!;

    [Params("1000x10:2", "2000x4:6", "1800x10:4", "2000x3:2")]
    public string Case { get; set; } = "";

    private int K => int.Parse(Case.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

    [GlobalSetup]
    public void Setup()
    {
        var parts = Case.Split(':')[0].Split('x');
        _n = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        _d = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var (x, _) = BenchmarkData.Binary(_n, _d, 0.05);
        _flat = new double[_n * _d];
        Buffer.BlockCopy(x, 0, _flat, 0, _flat.Length * sizeof(double));
        _indices = new int[_n * K];
        _distances = new double[_n * K];
    }

    [Benchmark(Baseline = true)]
    public int Auto() => Search(narrow: null);

    [Benchmark]
    public int Narrow() => Search(narrow: true);

    [Benchmark]
    public int Wide() => Search(narrow: false);

    private int Search(bool? narrow)
    {
        var tree = new KdTree(_flat, _n, _d, DistanceMetric.Euclidean, 30, Environment.ProcessorCount);
        tree.SearchBlocked(new RowSource(_flat, _n, _d), K, _indices, _distances, Environment.ProcessorCount, CancellationToken.None, narrow);
        return _indices[^1];
    }
}
