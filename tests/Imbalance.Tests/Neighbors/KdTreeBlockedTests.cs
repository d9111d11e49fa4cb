using Imbalance.Neighbors;
using Imbalance.Randomness;

namespace Imbalance.Tests.Neighbors;

/// <summary>
/// The blocked KD-tree search (queries sharing a leaf searched together, eight SIMD lanes at a time) against the
/// one-query-at-a-time search it replaces and against a brute-force scalar reference: indices, their order and
/// distances equal bit for bit, on Gaussian data, integer grids full of ties, duplicated rows, constant columns, tiny
/// data sets and k up to n.
/// </summary>
public class KdTreeBlockedTests
{
    private static readonly DistanceMetric[] Metrics =
        [DistanceMetric.Euclidean, DistanceMetric.Manhattan, DistanceMetric.Chebyshev];

    private enum Kind
    {
        Gaussian,
        Grid,
        Duplicates,
        ConstantColumns,
        Clustered,
    }

    private static double[] Make(RandomState rng, Kind kind, int n, int d)
    {
        var x = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            for (var t = 0; t < d; t++)
            {
                x[(i * d) + t] = kind switch
                {
                    Kind.Grid => rng.RandInt(0, 4),
                    Kind.ConstantColumns => t % 2 == 0 ? 1.5 : rng.RandInt(0, 3),
                    Kind.Clustered => (rng.RandInt(0, 3) * 100.0) + (rng.StandardNormal() * 1e-3),
                    _ => rng.StandardNormal(),
                };
            }
        }

        if (kind == Kind.Duplicates && n > 1)
        {
            // Every row after the first few copies an earlier one.
            for (var i = Math.Min(3, n - 1); i < n; i++)
            {
                var from = rng.RandInt(0, i);
                Array.Copy(x, from * d, x, i * d, d);
            }
        }

        return x;
    }

    private static (int[] Indices, double[] Distances) Run(KdTree tree, double[] queries, int m, int d, int k, bool blocked, int threads, bool? narrow = null)
    {
        var indices = new int[m * k];
        var distances = new double[m * k];
        var source = new RowSource(queries, m, d);
        if (blocked)
        {
            tree.SearchBlocked(source, k, indices, distances, threads, CancellationToken.None, narrow);
        }
        else
        {
            tree.SearchSingle(source, k, indices, distances, threads, CancellationToken.None);
        }

        return (indices, distances);
    }

    /// <summary>The specification: every row's direct-sum reduced distance, sorted by (distance, index).</summary>
    private static (int[] Indices, double[] Distances) Reference(double[] x, int n, double[] q, int m, int d, int k, DistanceMetric metric)
    {
        var indices = new int[m * k];
        var distances = new double[m * k];
        for (var i = 0; i < m; i++)
        {
            var all = new (double R, int J)[n];
            for (var j = 0; j < n; j++)
            {
                var r = 0.0;
                for (var t = 0; t < d; t++)
                {
                    var diff = Math.Abs(q[(i * d) + t] - x[(j * d) + t]);
                    r = metric.Name switch
                    {
                        "euclidean" => r + (diff * diff),
                        "manhattan" => r + diff,
                        _ => Math.Max(r, diff),
                    };
                }

                all[j] = (r, j);
            }

            var sorted = all.OrderBy(a => a.R).ThenBy(a => a.J).Take(k).ToArray();
            for (var j = 0; j < k; j++)
            {
                indices[(i * k) + j] = sorted[j].J;
                distances[(i * k) + j] = metric.Name == "euclidean" ? Math.Sqrt(sorted[j].R) : sorted[j].R;
            }
        }

        return (indices, distances);
    }

    public static TheoryData<int> Dimensions()
    {
        var data = new TheoryData<int>();
        for (var d = 1; d <= 15; d++)
        {
            data.Add(d);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void Blocked_search_equals_the_one_query_search_bit_for_bit(int d)
    {
        // The normal run stops at 257 rows (several leaves, more queries than a 64-query block); the long run adds
        // 1,500-row trees (LongRuns).
        var rng = new RandomState(1000 + d);
        foreach (var kind in Enum.GetValues<Kind>())
        {
            foreach (var n in LongRuns.Pick(new[] { 1, 2, 3, 9, 40, 257 }, new[] { 1, 2, 3, 9, 40, 257, 1500 }))
            {
                var x = Make(rng, kind, n, d);
                var leafSize = new[] { 1, 2, 5, 30 }[rng.RandInt(0, 4)];
                var metric = Metrics[rng.RandInt(0, Metrics.Length)];
                var tree = new KdTree(x, n, d, metric, leafSize);
                var other = Make(rng, kind, 1 + rng.RandInt(0, 70), d);
                var m = other.Length / d;
                foreach (var k in new[] { 1, 2, 4, 6, 33, n <= 257 ? n : 100 }.Where(k => k <= n).Distinct())
                {
                    foreach (var (queries, rows) in new[] { (x, n), (other, m) })
                    {
                        var threads = 1 + rng.RandInt(0, 2);
                        var single = Run(tree, queries, rows, d, k, blocked: false, threads);
                        var blocked = Run(tree, queries, rows, d, k, blocked: true, threads);
                        blocked.Indices.Should().Equal(single.Indices, $"{kind} n={n} d={d} k={k} leaf={leafSize} {metric}");
                        blocked.Distances.Should().Equal(single.Distances, $"{kind} n={n} d={d} k={k} leaf={leafSize} {metric}");
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void Vector256_kernels_equal_the_Vector512_kernels_bit_for_bit(int d)
    {
        // Small searches (at most KdTree.NarrowBlockedPairs pairs) take the precompiled Vector256 kernels, larger ones
        // the JIT'd Vector512 kernels: forced both ways, on the same trees and queries (ties, duplicates, constant
        // columns, padding lanes, k from 1 to n, both the query and the fitted-row entry points), the answers must be
        // identical, and equal to the one-query search.
        // The normal run stops at 150 rows; the long run adds 257 and 1,100-row trees with k up to 300 (LongRuns).
        var rng = new RandomState(5000 + d);
        foreach (var kind in Enum.GetValues<Kind>())
        {
            foreach (var n in LongRuns.Pick(new[] { 1, 2, 7, 9, 40, 150 }, new[] { 1, 2, 7, 9, 40, 257, 1100 }))
            {
                var x = Make(rng, kind, n, d);
                var leafSize = new[] { 1, 2, 5, 30 }[rng.RandInt(0, 4)];
                var metric = Metrics[rng.RandInt(0, Metrics.Length)];
                var tree = new KdTree(x, n, d, metric, leafSize);
                var other = Make(rng, kind, 1 + rng.RandInt(0, 90), d);
                var m = other.Length / d;
                var fitted = Enumerable.Range(0, 1 + rng.RandInt(0, n)).Select(_ => rng.RandInt(0, n)).ToArray();
                foreach (var k in new[] { 1, 3, 8, 9, 17, 33, n <= 257 ? n : 300 }.Where(k => k <= n).Distinct())
                {
                    var what = $"{kind} n={n} d={d} k={k} leaf={leafSize} {metric}";
                    foreach (var (queries, rows) in new[] { (x, n), (other, m) })
                    {
                        var threads = 1 + rng.RandInt(0, 2);
                        var source = new RowSource(queries, rows, d);
                        var narrowIndices = new int[rows * k];
                        var narrowDistances = new double[rows * k];
                        var wideIndices = new int[rows * k];
                        var wideDistances = new double[rows * k];
                        tree.SearchBlocked(source, k, narrowIndices, narrowDistances, threads, CancellationToken.None, narrow: true);
                        tree.SearchBlocked(source, k, wideIndices, wideDistances, threads, CancellationToken.None, narrow: false);
                        var single = Run(tree, queries, rows, d, k, blocked: false, threads);
                        narrowIndices.Should().Equal(wideIndices, what);
                        narrowDistances.Should().Equal(wideDistances, what);
                        narrowIndices.Should().Equal(single.Indices, what);
                        narrowDistances.Should().Equal(single.Distances, what);
                    }

                    var fittedNarrowIndices = new int[fitted.Length * k];
                    var fittedNarrowDistances = new double[fitted.Length * k];
                    var fittedWideIndices = new int[fitted.Length * k];
                    var fittedWideDistances = new double[fitted.Length * k];
                    tree.SearchFittedBlocked(fitted, k, fittedNarrowIndices, fittedNarrowDistances, 1, CancellationToken.None, narrow: true);
                    tree.SearchFittedBlocked(fitted, k, fittedWideIndices, fittedWideDistances, 2, CancellationToken.None, narrow: false);
                    fittedNarrowIndices.Should().Equal(fittedWideIndices, what + " fitted rows");
                    fittedNarrowDistances.Should().Equal(fittedWideDistances, what + " fitted rows");
                }
            }
        }
    }

    [Theory]
    [InlineData(1, 50)]
    [InlineData(2, 300)]
    [InlineData(3, 200)]
    [InlineData(7, 150)]
    [InlineData(15, 120)]
    public void Blocked_search_matches_the_brute_force_reference_on_ties(int d, int n)
    {
        var rng = new RandomState(2000 + d);
        foreach (var kind in new[] { Kind.Grid, Kind.Duplicates, Kind.Gaussian })
        {
            var x = Make(rng, kind, n, d);
            foreach (var metric in Metrics)
            {
                var tree = new KdTree(x, n, d, metric, 3);
                foreach (var k in new[] { 1, 5, 64, n }.Where(k => k <= n).Distinct())
                {
                    var (indices, distances) = Run(tree, x, n, d, k, blocked: true, threads: 2);
                    var (ri, rd) = Reference(x, n, x, n, d, k, metric);
                    indices.Should().Equal(ri, $"{kind} d={d} k={k} {metric}");
                    distances.Should().Equal(rd, $"{kind} d={d} k={k} {metric}");
                }
            }
        }
    }

    [Fact]
    public void Many_queries_in_one_leaf_and_more_than_a_block_are_split_correctly()
    {
        // A small tree (one or two leaves) queried by thousands of rows: blocks of 64 cut one leaf's run.
        var rng = new RandomState(7);
        const int d = 4;
        var x = Make(rng, Kind.Grid, 45, d);
        var q = Make(rng, Kind.Gaussian, 3001, d);
        foreach (var metric in Metrics)
        {
            var tree = new KdTree(x, 45, d, metric, 30);
            foreach (var k in new[] { 1, 6, 40 })
            {
                var (indices, distances) = Run(tree, q, 3001, d, k, blocked: true, threads: 2);
                var (ri, rd) = Reference(x, 45, q, 3001, d, k, metric);
                indices.Should().Equal(ri);
                distances.Should().Equal(rd);
            }
        }
    }

    [Fact]
    public void Public_kd_tree_self_query_equals_brute_force_on_a_tie_heavy_grid()
    {
        // The path the samplers use: NearestNeighbors with the KD-tree, queried with the fitted rows themselves.
        var rng = new RandomState(9);
        const int n = 1500;
        const int d = 3;
        var flat = Make(rng, Kind.Grid, n, d);
        var x = new double[n, d];
        Buffer.BlockCopy(flat, 0, x, 0, flat.Length * sizeof(double));
        foreach (var k in new[] { 2, 4, 6 })
        {
            var tree = new NearestNeighbors { NNeighbors = k, Algorithm = NeighborsAlgorithm.KdTree }.Fit(x).KNeighbors(x);
            var (ri, rd) = Reference(flat, n, flat, n, d, k, DistanceMetric.Euclidean);
            tree.AllIndices.ToArray().Should().Equal(ri);
            tree.AllDistances.ToArray().Should().Equal(rd);
        }
    }

    public static TheoryData<int> ManyFeatures()
    {
        var data = new TheoryData<int>();
        foreach (var d in new[] { 5, 6, 7, 10, 12, 15 })
        {
            data.Add(d);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ManyFeatures))]
    public void Per_lane_walk_and_leaf_scan_equal_the_one_query_search_on_larger_trees(int d)
    {
        // From five features the blocked walk checks each lane at every node and scans leaves that few lanes reach
        // lane by lane, eight rows at a time. Thousands of rows, leaves of 30 to 120 rows (so both leaf scans run),
        // ties, duplicates and clusters; the fitted rows themselves (the samplers' path), a subset of them by index,
        // and new rows. Both kernel widths are forced (small searches would otherwise take only the Vector256 one).
        // The normal run uses 400-700 rows and three values of k; the long run 2,000-5,000 rows and k = 1..8.
        var rng = new RandomState(3000 + d);
        foreach (var kind in Enum.GetValues<Kind>())
        {
            var n = LongRuns.Pick(400 + rng.RandInt(0, 300), 2000 + rng.RandInt(0, 3000));
            var x = Make(rng, kind, n, d);
            var metric = Metrics[rng.RandInt(0, Metrics.Length)];
            var leafSize = new[] { 30, 60, 120 }[rng.RandInt(0, 3)];
            var tree = new KdTree(x, n, d, metric, leafSize);
            var other = Make(rng, kind, 300 + rng.RandInt(0, 300), d);
            var m = other.Length / d;
            var subset = Enumerable.Range(0, 400).Select(_ => rng.RandInt(0, n)).ToArray();
            var subsetRows = new double[subset.Length * d];
            for (var i = 0; i < subset.Length; i++)
            {
                Array.Copy(x, subset[i] * d, subsetRows, i * d, d);
            }

            foreach (var k in LongRuns.Pick(new[] { 1, 3, 8 }, Enumerable.Range(1, 8).ToArray()))
            {
                var because = $"{kind} n={n} d={d} k={k} leaf={leafSize} {metric}";
                foreach (var (queries, rows) in new[] { (x, n), (other, m) })
                {
                    var single = Run(tree, queries, rows, d, k, blocked: false, threads: 1);
                    foreach (var narrow in new[] { true, false })
                    {
                        var blocked = Run(tree, queries, rows, d, k, blocked: true, threads: 2, narrow);
                        blocked.Indices.Should().Equal(single.Indices, because + (narrow ? " Vector256" : " Vector512"));
                        blocked.Distances.Should().Equal(single.Distances, because + (narrow ? " Vector256" : " Vector512"));
                    }
                }

                var expected = Run(tree, subsetRows, subset.Length, d, k, blocked: false, threads: 1);
                foreach (var narrow in new[] { true, false })
                {
                    var indices = new int[subset.Length * k];
                    var distances = new double[subset.Length * k];
                    tree.SearchFittedBlocked(subset, k, indices, distances, 2, CancellationToken.None, narrow);
                    indices.Should().Equal(expected.Indices, because + (narrow ? " fitted rows, Vector256" : " fitted rows, Vector512"));
                    distances.Should().Equal(expected.Distances, because + (narrow ? " fitted rows, Vector256" : " fitted rows, Vector512"));
                }
            }
        }
    }

    [Fact]
    public void Per_lane_search_matches_the_brute_force_reference_in_ten_features()
    {
        // 600 rows in the normal run, 2,500 in the long run; the reference is computed once for k = 8 and its first
        // k columns are the answer for smaller k (it is sorted by distance, then index).
        var rng = new RandomState(4010);
        var n = LongRuns.Pick(600, 2500);
        const int d = 10;
        const int kMax = 8;
        foreach (var kind in new[] { Kind.Gaussian, Kind.Grid, Kind.Duplicates })
        {
            var x = Make(rng, kind, n, d);
            foreach (var metric in Metrics)
            {
                var tree = new KdTree(x, n, d, metric, 30);
                var (allIndices, allDistances) = Reference(x, n, x, n, d, kMax, metric);
                foreach (var k in new[] { 1, 2, 4, kMax })
                {
                    var ri = Enumerable.Range(0, n * k).Select(p => allIndices[((p / k) * kMax) + (p % k)]).ToArray();
                    var rd = Enumerable.Range(0, n * k).Select(p => allDistances[((p / k) * kMax) + (p % k)]).ToArray();
                    foreach (var narrow in new[] { true, false })
                    {
                        var (indices, distances) = Run(tree, x, n, d, k, blocked: true, threads: 2, narrow);
                        indices.Should().Equal(ri, $"{kind} k={k} {metric} narrow={narrow}");
                        distances.Should().Equal(rd, $"{kind} k={k} {metric} narrow={narrow}");
                    }
                }
            }
        }
    }
}
