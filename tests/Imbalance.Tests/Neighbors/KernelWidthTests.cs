using System.Runtime.Intrinsics;
using Imbalance.Neighbors;
using Imbalance.Randomness;

namespace Imbalance.Tests.Neighbors;

/// <summary>
/// The brute-force search's kernels agree bit for bit whatever the vector width: the Vector512 path (taken where it is
/// accelerated), the Vector256 path (other CPUs) and the scalar path (no SIMD) return the same indices, in the same
/// order, and the same distance bits, on random shapes with duplicates, ties and k up to n.
/// </summary>
public class KernelWidthTests
{
    private static readonly DistanceMetric[] Metrics = [DistanceMetric.Euclidean, DistanceMetric.Manhattan, DistanceMetric.Chebyshev];

    public static TheoryData<int, int, int> Shapes()
    {
        // (d, n, seed): widths around the register tile (8 queries x 24 rows) and the tile tails, dimensions from 1
        // to 300, enough rows for several cache tiles at large d.
        var data = new TheoryData<int, int, int>();
        int[] dims = [1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 20, 23, 24, 31, 33, 47, 64, 100, 128, 200, 257, 300];
        var rng = new RandomState(2026);
        foreach (var d in dims)
        {
            // Keep n^2 d near 6e6 and n at most 500 in the normal run (it runs unoptimised in Debug; k goes up to n),
            // n^2 d near 3e7 and n up to 3,000 in the long run (LongRuns); several cache tiles at d >= 64 either way.
            var maxN = (int)Math.Min(LongRuns.Pick(500, 3000), Math.Sqrt(LongRuns.Pick(6e6, 3e7) / d));
            data.Add(d, rng.RandInt(1, 40), d);
            data.Add(d, rng.RandInt(40, maxN + 1), d + 1000);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_width_returns_the_same_bits(int d, int n, int seed)
    {
        var rng = new RandomState(seed);
        foreach (var kind in new[] { DataKind.Gaussian, DataKind.Grid, DataKind.Duplicates, DataKind.Offset })
        {
            var flat = Make(rng, n, d, kind);
            var queries = new double[Math.Min(n, 100) + 5, d];
            var m = queries.GetLength(0);
            for (var i = 0; i < m; i++)
            {
                for (var t = 0; t < d; t++)
                {
                    // Fitted rows themselves (distance 0, duplicates), then a few fresh rows.
                    queries[i, t] = i < m - 5 ? flat[(i * d) + t] : Math.Round(rng.StandardNormal(), 1);
                }
            }

            int[] ks = [1, Math.Min(n, 6), rng.RandInt(1, n + 1), n];
            foreach (var metric in Metrics)
            {
                foreach (var k in ks.Distinct())
                {
                    var wide = Run(new BruteForceSearch(flat, n, d, metric), queries, k);
                    var narrow = Run(new BruteForceSearch(flat, n, d, metric, allowVector512: false), queries, k);
                    var scalar = Run(new BruteForceSearch(flat, n, d, metric, allowSimd: false), queries, k);
                    var because = $"d={d}, n={n}, k={k}, {kind}, {metric.Name}";
                    wide.Indices.Should().Equal(scalar.Indices, because);
                    narrow.Indices.Should().Equal(scalar.Indices, because);
                    wide.Bits.Should().Equal(scalar.Bits, because);
                    narrow.Bits.Should().Equal(scalar.Bits, because);
                }
            }
        }
    }

    [Fact]
    public void Vector512_path_is_taken_where_it_is_accelerated()
    {
        var flat = new double[40 * 20];
        new BruteForceSearch(flat, 40, 20, DistanceMetric.Euclidean).UsesVector512.Should().Be(Vector512.IsHardwareAccelerated);
        new BruteForceSearch(flat, 40, 20, DistanceMetric.Euclidean, allowVector512: false).UsesVector512.Should().BeFalse();
        new BruteForceSearch(flat, 40, 20, DistanceMetric.Minkowski(3)).UsesVector512.Should().BeFalse();
    }

    public enum DataKind
    {
        Gaussian,
        Grid,
        Duplicates,
        Offset,
    }

    /// <summary>Test data: Gaussian rows, a small integer grid (ties, duplicates), rows copied from earlier ones, or
    /// Gaussian rows far from the origin (large norms).</summary>
    internal static double[] Make(RandomState rng, int n, int d, DataKind kind)
    {
        var flat = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            for (var t = 0; t < d; t++)
            {
                flat[(i * d) + t] = kind switch
                {
                    DataKind.Grid => rng.RandInt(0, 3), // many exact ties and duplicate rows
                    DataKind.Offset => 1e6 + rng.StandardNormal(), // large norms: the rounding proof is tight
                    _ => rng.StandardNormal(),
                };
            }

            if (kind == DataKind.Duplicates && i > 0 && rng.RandInt(0, 3) == 0)
            {
                var source = rng.RandInt(0, i);
                Array.Copy(flat, source * d, flat, i * d, d);
            }
        }

        return flat;
    }

    /// <summary>The search's answer, distances as their bit patterns (for exact comparison).</summary>
    internal static (int[] Indices, long[] Bits) Run(BruteForceSearch search, double[,] queries, int k)
    {
        var m = queries.GetLength(0);
        var indices = new int[m * k];
        var distances = new double[m * k];
        search.Search(new RowSource(queries), k, indices, distances, 2, CancellationToken.None);
        return (indices, distances.Select(BitConverter.DoubleToInt64Bits).ToArray());
    }
}
