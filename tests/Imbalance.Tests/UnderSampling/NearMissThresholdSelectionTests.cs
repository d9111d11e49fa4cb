using Imbalance.Randomness;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.UnderSampling;

/// <summary>
/// The threshold selection <see cref="NearMiss.Best"/> uses for a small share of many scores (the n_keep-th smallest
/// key, then every key below it and the ties at it in position order) gives the prefix of Python's stable sort, also
/// with signed zeros (equal, so ordered by position), infinities and NaN (which the general path orders first).
/// </summary>
public class NearMissThresholdSelectionTests
{
    [Theory]
    [InlineData(3000, 11)]
    [InlineData(20001, 12)]
    public void Threshold_selection_equals_the_prefix_of_a_stable_sort(int n, int seed)
    {
        var rng = new RandomState(seed);
        foreach (var kind in new[] { "zeros", "nan", "ties", "infinite", "distinct" })
        {
            var scores = new double[n];
            for (var i = 0; i < n; i++)
            {
                scores[i] = kind switch
                {
                    "zeros" => rng.RandInt(0, 3) switch { 0 => 0.0, 1 => -0.0, _ => rng.RandInt(1, 4) },
                    "nan" => i == n / 2 ? double.NaN : rng.RandInt(0, 50),
                    "ties" => rng.RandInt(0, 7),
                    "infinite" => rng.RandInt(0, 3) == 0 ? double.PositiveInfinity : rng.RandInt(0, 5) == 0 ? double.NegativeInfinity : rng.StandardNormal(),
                    _ => rng.StandardNormal(),
                };
            }

            var copy = (double[])scores.Clone();
            foreach (var largest in new[] { false, true })
            {
                // LINQ's OrderBy is stable and orders by double.CompareTo (NaN first, -0 equal to +0), as the sampler does.
                var ascending = Enumerable.Range(0, n).OrderBy(i => largest ? -scores[i] : scores[i]).ThenBy(i => i).ToArray();
                foreach (var count in new[] { 1, 2, 17, n / 20, n / 3, (n / 2) - 1 })
                {
                    NearMiss.Best(scores, count, largest).ToArray().Should().Equal(ascending.Take(count), $"{kind} n={n} count={count} largest={largest}");
                }
            }

            scores.Should().Equal(copy, "the scores are not modified");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(-1)]
    public void Pair_sort_orders_by_key_then_position_whatever_the_depth_budget(int depthBudget)
    {
        // Budget 0 is a pure heap sort, 1 and 3 mix quicksort with heap sorts of the ranges, -1 the default.
        var rng = new RandomState(5 + depthBudget);
        foreach (var n in new[] { 0, 1, 2, 15, 16, 17, 100, 1000 })
        {
            foreach (var levels in new[] { 1, 3, 1000 })
            {
                var keys = new double[n];
                for (var i = 0; i < n; i++)
                {
                    keys[i] = rng.RandInt(0, 20) == 0 ? double.NaN : rng.RandInt(0, 4) == 0 ? -0.0 : rng.RandInt(0, levels);
                }

                var positions = Enumerable.Range(0, n).Select(_ => rng.RandInt(0, 1 << 20)).Distinct().ToArray();
                keys = keys[..positions.Length];
                var expected = keys.Zip(positions).OrderBy(p => p.First).ThenBy(p => p.Second).ToArray();
                NearMiss.SortByKeyThenPosition(keys, positions, depthBudget);
                positions.Should().Equal(expected.Select(p => p.Second), $"n={n}, levels={levels}");
                keys.Select(BitConverter.DoubleToInt64Bits).Should().Equal(expected.Select(p => BitConverter.DoubleToInt64Bits(p.First)), $"n={n}, levels={levels}");
            }
        }
    }
}
