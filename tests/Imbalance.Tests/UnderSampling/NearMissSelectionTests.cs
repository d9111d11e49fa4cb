using Imbalance.Randomness;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.UnderSampling;

/// <summary>
/// NearMiss keeps the first n_keep rows of a stable sort of the scores (Python's <c>sorted</c>, ascending or with
/// <c>reverse=True</c>). The selection that moves the kept rows to the front before sorting only them must give
/// exactly that prefix: checked against LINQ's stable sort on random scores full of ties, for every kept count.
/// </summary>
public class NearMissSelectionTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(7, 4)]
    [InlineData(64, 5)]
    [InlineData(500, 6)]
    [InlineData(4097, 7)]
    public void Best_equals_the_prefix_of_a_stable_sort(int n, int seed)
    {
        var rng = new RandomState(seed);
        foreach (var kind in new[] { "distinct", "ties", "constant", "sorted", "reversed", "infinite" })
        {
            var scores = new double[n];
            for (var i = 0; i < n; i++)
            {
                scores[i] = kind switch
                {
                    "ties" => rng.RandInt(0, 5),
                    "constant" => 2.5,
                    "sorted" => i,
                    "reversed" => n - i,
                    "infinite" => rng.RandInt(0, 4) == 0 ? double.PositiveInfinity : rng.StandardNormal(),
                    _ => rng.StandardNormal(),
                };
            }

            var copy = (double[])scores.Clone();
            var counts = new[] { 0, 1, 2, n / 3, n / 2 - 1, n / 2, n - 1, n, n + 5 }.Where(c => c >= 0).Distinct();
            foreach (var largest in new[] { false, true })
            {
                var ascending = Enumerable.Range(0, n).OrderBy(i => largest ? -scores[i] : scores[i]).ThenBy(i => i).ToArray();
                foreach (var count in counts)
                {
                    var expected = ascending.Take(count).ToArray();
                    NearMiss.Best(scores, count, largest).ToArray().Should().Equal(expected, $"{kind} n={n} count={count} largest={largest}");
                }
            }

            scores.Should().Equal(copy, "the scores are not modified");
        }
    }
}
