using System.Runtime.Intrinsics;
using Imbalance.Neighbors;
using Imbalance.Randomness;

namespace Imbalance.Tests.Neighbors;

/// <summary>
/// The Vector512 kernels' small-k candidate store (<see cref="SortedTopK"/>, at most 16 candidates per query in one or
/// two sorted vectors) keeps exactly the candidates the heap keeps: offer by offer in isolation, and inside the
/// brute-force search, where the kept (surrogate, index) pairs and the final neighbours equal, bit for bit, those of the
/// heap path, the Vector256 kernels and the scalar reference, for k = 1..13 (one vector, two, and heaps beyond) on
/// random shapes with exact ties and duplicate rows.
/// </summary>
public class SortedTopKTests
{
    private static readonly DistanceMetric[] Metrics = [DistanceMetric.Euclidean, DistanceMetric.Manhattan, DistanceMetric.Chebyshev];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(12)]
    [InlineData(15)]
    [InlineData(16)]
    public void Sorted_vector_keeps_what_the_heap_keeps_after_every_offer(int capacity)
    {
        if (!Vector512.IsHardwareAccelerated)
        {
            return; // the kernels that use it only run where Vector512 is accelerated (it is still correct elsewhere)
        }

        var rng = new RandomState(capacity);
        foreach (var levels in new[] { 2, 5, 1000 })
        {
            var heapValues = new double[capacity];
            var heapIndices = new int[capacity];
            TopK.Reset(heapValues, heapIndices);
            var width = SortedTopK.Width(capacity);
            var storedValues = new double[width];
            var storedIndices = new long[width];
            SortedTopK.Reset(storedValues, storedIndices, capacity, width);
            var values = Vector512.Create(storedValues);
            var indices = Vector512.Create(storedIndices);
            var secondValues = width == 16 ? Vector512.Create(storedValues.AsSpan(8)) : default;
            var secondIndices = width == 16 ? Vector512.Create(storedIndices.AsSpan(8)) : default;
            for (var index = 0; index < 300; index++)
            {
                // Few distinct levels: many exact ties, at the boundary too; +infinity now and then (padding rows).
                var value = rng.RandInt(0, 50) == 0 ? double.PositiveInfinity : rng.RandInt(0, levels) - (levels / 2.0);
                if (value < heapValues[0])
                {
                    // The kernels' heap rule: rows come in increasing index order, so only a smaller value can beat
                    // the root, and an infinite surrogate (a padding row) never enters.
                    TopK.SiftDown(heapValues, heapIndices, value, index);
                }

                if (width == 8)
                {
                    SortedTopK.Insert(ref values, ref indices, Vector512.Create(value), Vector512.Create((long)index));
                }
                else
                {
                    SortedTopK.Insert(ref values, ref secondValues, ref indices, ref secondIndices, Vector512.Create(value), Vector512.Create((long)index));
                }

                values.CopyTo(storedValues);
                indices.CopyTo(storedIndices);
                if (width == 16)
                {
                    secondValues.CopyTo(storedValues.AsSpan(8));
                    secondIndices.CopyTo(storedIndices.AsSpan(8));
                }

                var because = $"capacity {capacity}, {levels} levels, after offer {index}";
                for (var lane = 0; lane < width; lane++)
                {
                    if (lane >= capacity)
                    {
                        storedValues[lane].Should().Be(double.NegativeInfinity, because);
                    }
                    else if (lane > 0 && storedIndices[lane] != int.MaxValue)
                    {
                        // Descending by (value, index): lane - 1 comes after lane (or both are still empty).
                        TopK.Before(storedValues[lane], (int)storedIndices[lane], storedValues[lane - 1], (int)storedIndices[lane - 1])
                            .Should().BeTrue(because);
                    }
                }

                var (heapSorted, heapSortedIndices) = Sorted(heapValues, heapIndices);
                var kept = new double[capacity];
                var keptIndices = new int[capacity];
                for (var lane = 0; lane < capacity; lane++)
                {
                    kept[lane] = storedValues[lane];
                    keptIndices[lane] = (int)storedIndices[lane];
                }

                var (sorted, sortedIndices) = Sorted(kept, keptIndices);
                sortedIndices.Should().Equal(heapSortedIndices, because);
                sorted.Should().Equal(heapSorted, because);
            }
        }
    }

    public static TheoryData<int, int, int> Shapes()
    {
        // (d, n, seed): widths around the register tile (8 queries x 24 rows) and its tails, n from 1 to several
        // cache tiles (a tile holds 144 rows at d = 200), queries over several query groups.
        var data = new TheoryData<int, int, int>();
        int[] dims = [1, 2, 3, 5, 8, 9, 17, 24, 30, 33, 64, 200];
        var rng = new RandomState(1818);
        foreach (var d in dims)
        {
            var maxN = (int)Math.Min(LongRuns.Pick(200, 2500), Math.Sqrt(LongRuns.Pick(6e5, 2e7) / d));
            data.Add(d, rng.RandInt(1, 30), d);
            data.Add(d, rng.RandInt(30, maxN + 1), d + 500);
        }

        data.Add(200, 160, 77); // two cache tiles (144 rows each at d = 200): the stores carry over between tiles
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sorted_path_keeps_the_heap_paths_candidates_and_answers(int d, int n, int seed)
    {
        var rng = new RandomState(seed);
        foreach (var kind in new[] { KernelWidthTests.DataKind.Gaussian, KernelWidthTests.DataKind.Grid, KernelWidthTests.DataKind.Duplicates, KernelWidthTests.DataKind.Offset })
        {
            var flat = KernelWidthTests.Make(rng, n, d, kind);
            var queries = Queries(rng, flat, n, d);
            foreach (var metric in Metrics)
            {
                var sorted = new BruteForceSearch(flat, n, d, metric);
                var heap = new BruteForceSearch(flat, n, d, metric, allowSortedTopK: false);
                var narrow = new BruteForceSearch(flat, n, d, metric, allowVector512: false);
                var scalar = new BruteForceSearch(flat, n, d, metric, allowSimd: false);
                // Every k in the long run; in the normal run the store boundaries (one vector up to 8 kept, two up to
                // 16, heaps beyond; Euclidean keeps k + 4) and a few between.
                var ks = LongRuns.Enabled ? Enumerable.Range(1, 13) : [1, 2, 3, 4, 5, 8, 12, 13];
                foreach (var k in ks.Where(k => k <= n))
                {
                    var because = $"d={d}, n={n}, k={k}, {kind}, {metric.Name}";
                    var kept = Candidates(sorted, queries, k);
                    var heapKept = Candidates(heap, queries, k);
                    var narrowKept = Candidates(narrow, queries, k);
                    kept.Indices.Should().Equal(heapKept.Indices, because);
                    kept.Bits.Should().Equal(heapKept.Bits, because);
                    kept.Indices.Should().Equal(narrowKept.Indices, because);
                    kept.Bits.Should().Equal(narrowKept.Bits, because);

                    var answer = KernelWidthTests.Run(sorted, queries, k);
                    var reference = KernelWidthTests.Run(scalar, queries, k);
                    answer.Indices.Should().Equal(reference.Indices, because);
                    answer.Bits.Should().Equal(reference.Bits, because);
                }
            }
        }
    }

    [Fact]
    public void Kept_candidates_are_the_smallest_surrogates_with_ties_by_index()
    {
        // Every fitted row a duplicate of one of three points: the kept candidates of a query are whole tie groups
        // cut at the capacity, lowest indices first, the same on the sorted and the heap paths.
        const int n = 100;
        const int d = 20;
        var rng = new RandomState(7);
        var points = KernelWidthTests.Make(rng, 3, d, KernelWidthTests.DataKind.Gaussian);
        var flat = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            Array.Copy(points, rng.RandInt(0, 3) * d, flat, i * d, d);
        }

        var queries = new double[9, d];
        for (var i = 0; i < queries.GetLength(0); i++)
        {
            for (var t = 0; t < d; t++)
            {
                queries[i, t] = points[((i % 3) * d) + t];
            }
        }

        for (var k = 1; k <= 17; k++)
        {
            var sorted = new BruteForceSearch(flat, n, d, DistanceMetric.Manhattan);
            var kept = Candidates(sorted, queries, k);
            kept.Should().BeEquivalentTo(Candidates(new BruteForceSearch(flat, n, d, DistanceMetric.Manhattan, allowSortedTopK: false), queries, k), o => o.WithStrictOrdering());
            for (var i = 0; i < queries.GetLength(0); i++)
            {
                // Manhattan keeps k candidates: the first k duplicates of the query's point, in index order.
                var expected = Enumerable.Range(0, n).Where(r => flat.AsSpan(r * d, d).SequenceEqual(points.AsSpan((i % 3) * d, d))).Take(k);
                kept.Indices.Skip(i * k).Take(k).Should().Equal(expected, $"k={k}, query {i}");
            }
        }
    }

    /// <summary>Fitted rows themselves (distance 0, duplicates), then fresh rows: more than one query group.</summary>
    private static double[,] Queries(RandomState rng, double[] flat, int n, int d)
    {
        var fitted = Math.Min(n, 40);
        var queries = new double[fitted + 13, d];
        for (var i = 0; i < queries.GetLength(0); i++)
        {
            for (var t = 0; t < d; t++)
            {
                queries[i, t] = i < fitted ? flat[(i * d) + t] : Math.Round(rng.StandardNormal(), 1);
            }
        }

        return queries;
    }

    private static (int[] Indices, long[] Bits) Candidates(BruteForceSearch search, double[,] queries, int k)
    {
        var m = queries.GetLength(0);
        var size = search.CandidateCount(k);
        var indices = new int[m * size];
        var values = new double[m * size];
        search.SearchCandidates(new RowSource(queries), k, indices, values);
        return (indices, values.Select(BitConverter.DoubleToInt64Bits).ToArray());
    }

    private static (double[] Values, int[] Indices) Sorted(double[] values, int[] indices)
    {
        var v = (double[])values.Clone();
        var i = (int[])indices.Clone();
        var pairs = v.Zip(i).OrderBy(p => p.First).ThenBy(p => p.Second).ToArray();
        return (pairs.Select(p => p.First).ToArray(), pairs.Select(p => p.Second).ToArray());
    }
}
