using Imbalance.Learning;
using Imbalance.Randomness;

namespace Imbalance.Tests.Learning;

/// <summary>
/// The three-pass <see cref="SplitScan"/> must grow, bit for bit, the tree the position-by-position reference loop
/// (scikit-learn's criterion reset/update at every candidate) grows: same nodes, thresholds, class sums, weights and
/// impurities, on many shapes, with ties, every weighting (none, bootstrap counts, balanced class weights, arbitrary
/// doubles), both criteria and several leaf sizes.
/// </summary>
public class SplitScanTests
{
    public static TheoryData<int, int, int, int, int, int> Cases()
    {
        var data = new TheoryData<int, int, int, int, int, int>();
        var seed = 0;
        foreach (var (n, d) in new[] { (2, 1), (7, 3), (40, 2), (300, 5), (1200, 8), (3000, 3) })
        {
            foreach (var k in new[] { 2, 3, 5 })
            {
                foreach (var weighting in new[] { 0, 1, 2, 3 })
                {
                    foreach (var levels in new[] { 0, 3, 40 })
                    {
                        data.Add(n, d, k, weighting, levels, seed++);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Grows_the_reference_tree_bit_for_bit(int n, int d, int k, int weighting, int levels, int seed)
    {
        var rng = new RandomState(seed);
        var columns = new float[n * d];
        for (var i = 0; i < columns.Length; i++)
        {
            // levels > 0 quantises to a few values, so most rows tie with others.
            var v = rng.StandardNormal();
            columns[i] = (float)(levels > 0 ? Math.Round(v * levels / 3.0) : v);
        }

        var y = new int[n];
        for (var i = 0; i < n; i++)
        {
            // Skewed classes, every class present when n allows.
            y[i] = i < k ? i : (rng.RandomSample() < 0.7 ? 0 : rng.RandInt(0, k));
        }

        double[]? w = weighting switch
        {
            0 => null,
            1 => Enumerable.Range(0, n).Select(_ => (double)rng.RandInt(0, 4)).ToArray(), // bootstrap counts, zeros included
            2 => y.Select(c => n / (k * (double)Math.Max(1, y.Count(v => v == c)))).ToArray(), // balanced class weights
            _ => Enumerable.Range(0, n).Select(_ => rng.RandomSample() * 3.0).ToArray(),
        };
        if (w is not null && w.All(v => v == 0.0))
        {
            w[0] = 1.0;
        }

        foreach (var entropy in new[] { false, true })
        {
            foreach (var minLeaf in new[] { 1, 3 })
            {
                var settings = new CartSettings(entropy, Math.Max(1, d / 2), int.MaxValue, 2 * minLeaf, minLeaf, 0.0);
                var reference = new CartBuilder(columns, n, d, y, k, w, settings, (uint)seed + 1, referenceScan: true).Build(default);
                var scanned = new CartBuilder(columns, n, d, y, k, w, settings, (uint)seed + 1).Build(default);
                Same(scanned, reference);
            }
        }
    }

    private static void Same(CartTree actual, CartTree expected) => CartTreeAssert.Same(actual, expected, depth: false);
}
