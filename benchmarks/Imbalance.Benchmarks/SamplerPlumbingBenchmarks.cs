using BenchmarkDotNet.Attributes;
using Imbalance.Neighbors;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.Benchmarks;

/// <summary>
/// The per-call work every cheap sampler does before and around its own step (issue #18, "cheap samplers' per-call
/// overheads"), on 100,000 rows x 30 features with 5% minority: the finite-value scan of X, the label encoding and
/// class index, the shuffle behind RandomUnderSampler's choice without replacement, the bulk randint and uniform
/// draws of RandomOverSampler and SMOTE, and a small brute-force self-search (SMOTE's minority of 1,000 rows x 20
/// features) with the precompiled Vector256 kernels and with the Vector512 ones.
/// </summary>
[MemoryDiagnoser]
public class SamplerPlumbingBenchmarks
{
    private double[,] _x = null!;
    private int[] _y = null!;
    private int[] _codes = null!;
    private int[] _permutation = null!;
    private double[] _small = null!;
    private double[,] _smallMatrix = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_x, _y) = BenchmarkData.Binary(100_000, 30, 0.05);
        _codes = LabelEncoder<int>.Fit(_y).Codes;
        _permutation = new int[95_000];
        (_smallMatrix, _) = BenchmarkData.Binary(1_000, 20, 0.05);
        _small = new double[_smallMatrix.Length];
        MatrixRows.Of(_smallMatrix).CopyTo(_small);
    }

    [Benchmark]
    public bool AllFinite() => InputGuard.AllFinite(MatrixRows.Of(_x));

    [Benchmark]
    public int EncodeLabels() => LabelEncoder<int>.Fit(_y).ClassCount;

    [Benchmark]
    public int ClassIndex() => new ClassIndex(_codes, 2).Minority;

    [Benchmark]
    public int Shuffle95k()
    {
        for (var i = 0; i < _permutation.Length; i++)
        {
            _permutation[i] = i;
        }

        new RandomState(0).Shuffle(_permutation.AsSpan());
        return _permutation[0];
    }

    [Benchmark]
    public int RandInt90k() => new RandomState(0).RandInt(0, 5_000, 90_000)[0];

    [Benchmark]
    public double Uniform90k() => new RandomState(0).Uniform(0.0, 1.0, 90_000)[0];

    [Benchmark]
    public int BruteSmallVector256() => SmallSearch(allowVector512: false);

    [Benchmark]
    public int BruteSmallWidest() => SmallSearch(allowVector512: true);

    private int SmallSearch(bool allowVector512)
    {
        var search = new BruteForceSearch(_small, 1_000, 20, DistanceMetric.Euclidean, allowVector512: allowVector512);
        var indices = new int[1_000 * 6];
        var distances = new double[1_000 * 6];
        search.Search(new RowSource(_smallMatrix), 6, indices, distances, 1, CancellationToken.None);
        return indices[^1];
    }
}
