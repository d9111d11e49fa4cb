using Imbalance.Learning;
using Imbalance.Randomness;

namespace Imbalance.Tests.Learning;

/// <summary>
/// With whole weights (none, or bootstrap multiplicities) <c>CartBuilder</c> splits a node's rows by copying the best
/// feature's sorted list or by a stable branch-free partition instead of scikit-learn's in-place partition, and skips
/// partitioning the sorted lists when both children are leaves. The trees must equal, to the bit, those the reference
/// partition grows (<c>referencePartition: true</c>): many ties, duplicate rows, a constant feature, large
/// multiplicities, both criteria, depth and leaf limits, sorted lists, sorting on float bits and on ranks.
/// </summary>
public class WholeWeightPartitionTests
{
    [Theory]
    [InlineData(40, 3, 2, 0, 1)]
    [InlineData(300, 5, 2, 1, 2)]
    [InlineData(600, 8, 3, 2, 3)]
    [InlineData(900, 4, 4, 1, 4)]
    [InlineData(500, 30, 2, 0, 5)]
    [InlineData(700, 6, 5, 3, 6)]
    public void Grows_the_reference_partition_tree(int n, int d, int k, int weighting, int seed)
    {
        var rng = new RandomState(seed);
        var columns = new float[n * d];
        for (var f = 0; f < d; f++)
        {
            var levels = f % 3 == 0 ? 1 + rng.RandInt(1, 5) : 0;
            for (var i = 0; i < n; i++)
            {
                var v = rng.StandardNormal();
                columns[(f * n) + i] = f == d - 1 && seed % 2 == 0 ? 1.5f : (float)(levels > 0 ? Math.Round(v * levels) : v);
            }
        }

        for (var i = 1; i < n; i += 4)
        {
            for (var f = 0; f < d; f++)
            {
                columns[(f * n) + i] = columns[(f * n) + i - 1];
            }
        }

        var y = new int[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = i < k ? i : (rng.RandomSample() < 0.6 ? 0 : rng.RandInt(0, k));
        }

        double[]? w = weighting switch
        {
            0 => null,
            1 => Enumerable.Range(0, n).Select(_ => (double)rng.RandInt(0, 4)).ToArray(),
            2 => RandomForestClassifier.BootstrapWeights(seed, null, y, k, subsample: false),
            _ => Enumerable.Range(0, n).Select(_ => (double)rng.RandInt(0, 3) * 1_000_000_007.0).ToArray(),
        };
        if (w is not null && w.All(v => v == 0.0))
        {
            w[0] = 1.0;
        }

        var presorted = CartBuilder.Presort(columns, n, d);
        var ranks = CartBuilder.Ranks(columns, presorted, n, d);
        foreach (var entropy in new[] { false, true })
        {
            foreach (var (minLeaf, maxDepth, maxFeatures) in new[] { (1, int.MaxValue, Math.Max(1, (int)Math.Sqrt(d))), (2, int.MaxValue, d), (1, 4, Math.Max(1, d / 2)) })
            {
                var settings = new CartSettings(entropy, maxFeatures, maxDepth, 2 * minLeaf, minLeaf, 0.0);
                foreach (var lists in new[] { false, true })
                {
                    var reference = new CartBuilder(columns, n, d, y, k, w, settings, (uint)seed + 3, sortedLists: lists, referencePartition: true).Build(default);
                    Same(new CartBuilder(columns, n, d, y, k, w, settings, (uint)seed + 3, sortedLists: lists).Build(default), reference);
                    Same(new CartBuilder(columns, n, d, y, k, w, settings, (uint)seed + 3, presorted, sortedLists: lists, ranks: lists ? null : ranks).Build(default), reference);
                }
            }
        }
    }

    /// <summary>Predicting while growing (the cross-validation path) gives the reference tree's leaf fractions.</summary>
    [Fact]
    public void Predicts_while_growing_as_the_reference_partition_tree()
    {
        const int n = 400;
        const int d = 6;
        const int k = 3;
        var rng = new RandomState(9);
        var columns = new float[n * d];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = (float)Math.Round(rng.StandardNormal() * 3);
        }

        var y = Enumerable.Range(0, n).Select(i => i % k == 0 ? rng.RandInt(0, k) : i % k).ToArray();
        var w = RandomForestClassifier.BootstrapWeights(4, null, y, k, subsample: false);
        var rows = new float[n * d];
        for (var i = 0; i < n; i++)
        {
            for (var f = 0; f < d; f++)
            {
                rows[(i * d) + f] = columns[(f * n) + i] + (i % 5 == 0 ? 0.5f : 0f);
            }
        }

        var settings = new CartSettings(false, 2, int.MaxValue, 2, 1, 0.0);
        foreach (var lists in new[] { false, true })
        {
            var expected = new double[n * k];
            var actual = new double[n * k];
            new CartBuilder(columns, n, d, y, k, w, settings, 17u, sortedLists: lists, referencePartition: true).BuildAndPredict(rows, n, expected, new int[n], default);
            new CartBuilder(columns, n, d, y, k, w, settings, 17u, sortedLists: lists).BuildAndPredict(rows, n, actual, new int[n], default);
            actual.Select(BitConverter.DoubleToInt64Bits).Should().Equal(expected.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    private static void Same(CartTree actual, CartTree expected) => CartTreeAssert.Same(actual, expected);
}
