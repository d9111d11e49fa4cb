using Imbalance.Neighbors;
using Imbalance.Randomness;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.UnderSampling;

/// <summary>
/// CondensedNearestNeighbour keeps its k-NN rule's predictions up to date instead of refitting. These tests run
/// imblearn's literal loop (refit <see cref="KNeighborsClassifier"/> on the store after every addition, including the
/// position-versus-index quirk) and require the same rows, on data with many duplicates and exact distance ties.
/// </summary>
public class CondensingEquivalenceTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 3, 1)]
    [InlineData(3, 3, 4)]
    [InlineData(4, 5, 2)]
    [InlineData(5, 2, 3)]
    public void Equals_the_refitting_loop_on_tied_data(int seed, int k, int seeds)
    {
        var rng = new RandomState(seed);
        var n = 160;
        var x = new double[n, 2];
        var y = new int[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = rng.RandInt(0, 10) switch { < 6 => 0, < 9 => 1, _ => 2 };
            x[i, 0] = rng.RandInt(0, 5) + (0.5 * y[i]);
            x[i, 1] = rng.RandInt(0, 4);
        }

        var expected = Literal(x, y, seed + 100, k, seeds);
        new CondensedNearestNeighbour { RandomState = seed + 100, NNeighbors = k, NSeedsS = seeds }.FitResample(x, y).SampleIndices
            .Should().Equal(expected);
    }

    private static int[] Literal(double[,] x, int[] y, int seed, int k, int seeds)
    {
        var rng = new RandomState(seed);
        var counts = y.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        var minority = y.Distinct().OrderBy(c => counts[c]).First();
        var targeted = SamplingStrategy.Auto.Resolve(y, SamplingType.CleanSampling).Keys.ToHashSet();
        var selected = new List<int>();
        foreach (var c in y.Distinct().Order())
        {
            var members = Enumerable.Range(0, y.Length).Where(i => y[i] == c).ToArray();
            if (!targeted.Contains(c))
            {
                selected.AddRange(members);
                continue;
            }

            var picks = rng.RandInt(0, members.Length, seeds).Select(p => members[p]).ToList();
            var store = Enumerable.Range(0, y.Length).Where(i => y[i] == minority).Concat(picks).ToList();
            var model = Fit(x, y, store, k);
            var good = new HashSet<int>(picks);
            for (var p = 0; p < members.Length; p++)
            {
                if (good.Contains(p))
                {
                    continue;
                }

                if (model.Predict(Rows(x, [members[p]]))[0] != c)
                {
                    picks.Add(members[p]);
                    store.Add(members[p]);
                    model = Fit(x, y, store, k);
                    var predictions = model.Predict(Rows(x, members));
                    good = new HashSet<int>(picks.Concat(Enumerable.Range(0, members.Length).Where(q => predictions[q] == c)));
                }
            }

            selected.AddRange(picks);
        }

        return selected.ToArray();
    }

    private static KNeighborsClassifierModel<int> Fit(double[,] x, int[] y, List<int> store, int k) =>
        new KNeighborsClassifier { NNeighbors = k }.Fit(Rows(x, store.ToArray()), store.Select(i => y[i]).ToArray());

    private static double[,] Rows(double[,] x, int[] rows)
    {
        var result = new double[rows.Length, x.GetLength(1)];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < x.GetLength(1); j++)
            {
                result[i, j] = x[rows[i], j];
            }
        }

        return result;
    }
}
