using Imbalance.Learning;
using Imbalance.Randomness;

namespace Imbalance.Tests.Learning;

/// <summary>
/// Growing a tree from sorted lists partitioned down the tree (<c>CartBuilder</c>'s sorted-list mode) must give, bit
/// for bit, the tree that sorting the drawn features at every node gives: same nodes, thresholds, class sums, weights
/// and impurities, on random data with many ties and duplicate rows, constant and integer-valued features, every
/// weighting (none, bootstrap counts with zeros, balanced class weights, arbitrary doubles), both criteria, several
/// leaf sizes, depth limits and feature draws, with and without a shared presorted order. The same holds for sorting
/// on ranks (<c>CartBuilder.Ranks</c>) and for builders reusing working arrays (<see cref="CartScratch"/>).
/// </summary>
public class SortedListsTests
{
    public static TheoryData<int, int, int, int, int, int> Cases()
    {
        var data = new TheoryData<int, int, int, int, int, int>();
        var seed = 100;
        foreach (var (n, d) in new[] { (1, 1), (2, 2), (9, 3), (50, 4), (400, 6), (1500, 10), (3000, 3) })
        {
            foreach (var k in new[] { 2, 4 })
            {
                foreach (var weighting in new[] { 0, 1, 2, 3 })
                {
                    foreach (var kind in new[] { 0, 1, 2 })
                    {
                        data.Add(n, d, k, weighting, kind, seed++);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Grows_the_sorting_tree_bit_for_bit(int n, int d, int k, int weighting, int kind, int seed)
    {
        var rng = new RandomState(seed);
        var columns = new float[n * d];
        for (var f = 0; f < d; f++)
        {
            // kind 0: continuous; 1: a few integer levels (many ties); 2: mixed, with a constant feature and
            // duplicated rows.
            var constant = kind == 2 && f == d - 1;
            var levels = kind == 1 || (kind == 2 && f % 2 == 0) ? 1 + rng.RandInt(1, 6) : 0;
            for (var i = 0; i < n; i++)
            {
                var v = rng.StandardNormal();
                columns[(f * n) + i] = constant ? 2.5f : (float)(levels > 0 ? Math.Round(v * levels) : v);
            }
        }

        if (kind == 2)
        {
            for (var i = 1; i < n; i += 3)
            {
                for (var f = 0; f < d; f++)
                {
                    columns[(f * n) + i] = columns[(f * n) + i - 1];
                }
            }
        }

        var y = new int[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = i < k ? i % k : (rng.RandomSample() < 0.7 ? 0 : rng.RandInt(0, k));
        }

        double[]? w = weighting switch
        {
            0 => null,
            1 => Enumerable.Range(0, n).Select(_ => (double)rng.RandInt(0, 4)).ToArray(),
            2 => y.Select(c => n / (k * (double)Math.Max(1, y.Count(v => v == c)))).ToArray(),
            _ => Enumerable.Range(0, n).Select(_ => rng.RandomSample() * 3.0).ToArray(),
        };
        if (w is not null && w.All(v => v == 0.0))
        {
            w[0] = 1.0;
        }

        var presorted = CartBuilder.Presort(columns, n, d);
        var ranks = CartBuilder.Ranks(columns, presorted, n, d);
        CartScratch? listScratch = null;
        CartScratch? sortScratch = null;
        foreach (var entropy in new[] { false, true })
        {
            foreach (var (minLeaf, maxDepth, maxFeatures) in new[] { (1, int.MaxValue, Math.Max(1, (int)Math.Sqrt(d))), (3, int.MaxValue, d), (1, 3, Math.Max(1, d / 2)), (2, 1, d) })
            {
                var settings = new CartSettings(entropy, maxFeatures, maxDepth, 2 * minLeaf, minLeaf, 0.0);
                var sorting = new CartBuilder(columns, n, d, y, k, w, settings, (uint)seed + 7, sortedLists: false).Build(default);
                var lists = new CartBuilder(columns, n, d, y, k, w, settings, (uint)seed + 7, sortedLists: true).Build(default);
                var shared = new CartBuilder(columns, n, d, y, k, w, settings, (uint)seed + 7, presorted, sortedLists: true).Build(default);
                Same(lists, sorting);
                Same(shared, sorting);

                // Sorting on ranks instead of float bits, and builders reusing another tree's working arrays (two
                // trees each, the second on arrays the first left dirty).
                var ranked = new CartBuilder(columns, n, d, y, k, w, settings, (uint)seed + 7, presorted, sortedLists: false, ranks: ranks).Build(default);
                Same(ranked, sorting);
                for (var t = 0; t < 2; t++)
                {
                    var freshSort = new CartBuilder(columns, n, d, y, k, w, settings, (uint)(seed + t), sortedLists: false).Build(default);
                    listScratch = CartScratch.For(listScratch, n, d, k, settings, lists: true);
                    sortScratch = CartScratch.For(sortScratch, n, d, k, settings, lists: false);
                    Same(new CartBuilder(columns, n, d, y, k, w, settings, (uint)(seed + t), presorted, sortedLists: true, scratch: listScratch).Build(default), freshSort);
                    Same(new CartBuilder(columns, n, d, y, k, w, settings, (uint)(seed + t), sortedLists: false, scratch: sortScratch, ranks: ranks).Build(default), freshSort);
                }
            }
        }
    }

    /// <summary>The vector class sums of the split scan (up to four classes in 256 bits, up to eight in 512) grow
    /// the tree the reference criterion loop grows, to the bit, with every weighting and many ties.</summary>
    [Theory]
    [InlineData(3, 0)]
    [InlineData(4, 1)]
    [InlineData(4, 3)]
    [InlineData(6, 2)]
    [InlineData(8, 3)]
    [InlineData(8, 1)]
    [InlineData(9, 0)]
    public void Vector_class_sums_grow_the_reference_tree(int k, int weighting)
    {
        foreach (var (n, d, levels) in new[] { (60, 3, 0), (700, 5, 2), (2500, 4, 0), (2500, 4, 5) })
        {
            var rng = new RandomState((n * 31) + k + weighting);
            var columns = new float[n * d];
            for (var i = 0; i < columns.Length; i++)
            {
                var v = rng.StandardNormal();
                columns[i] = (float)(levels > 0 ? Math.Round(v * levels) : v);
            }

            var y = new int[n];
            for (var i = 0; i < n; i++)
            {
                y[i] = i < k ? i : rng.RandInt(0, k);
            }

            double[]? w = weighting switch
            {
                0 => null,
                1 => Enumerable.Range(0, n).Select(_ => (double)rng.RandInt(0, 4)).ToArray(),
                2 => y.Select(c => n / (k * (double)Math.Max(1, y.Count(v => v == c)))).ToArray(),
                _ => Enumerable.Range(0, n).Select(_ => rng.RandomSample() * 3.0).ToArray(),
            };
            foreach (var entropy in new[] { false, true })
            {
                var settings = new CartSettings(entropy, Math.Max(1, d / 2), int.MaxValue, 2, 1, 0.0);
                var reference = new CartBuilder(columns, n, d, y, k, w, settings, 11u, referenceScan: true).Build(default);
                Same(new CartBuilder(columns, n, d, y, k, w, settings, 11u, sortedLists: true).Build(default), reference);
                Same(new CartBuilder(columns, n, d, y, k, w, settings, 11u, sortedLists: false).Build(default), reference);
            }
        }
    }

    [Fact]
    public void Chooses_lists_unless_the_features_far_outnumber_the_draws()
    {
        CartBuilder.UseSortedLists(3, 1).Should().BeTrue();
        CartBuilder.UseSortedLists(20, 4).Should().BeTrue();
        CartBuilder.UseSortedLists(30, 5).Should().BeTrue();
        CartBuilder.UseSortedLists(200, 14).Should().BeFalse();
    }

    private static void Same(CartTree actual, CartTree expected) => CartTreeAssert.Same(actual, expected);
}
