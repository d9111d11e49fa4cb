using Imbalance.Neighbors;
using Imbalance.Randomness;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.UnderSampling;

/// <summary>
/// The ENN family reuses one neighbour query across passes. These tests run imblearn's literal procedure over the
/// public k-NN engine (refit on the surviving rows in their current order, query k + 1, drop column 0) and require the
/// same rows, on data full of duplicates and exact distance ties (where the stored lists must re-sort tie runs and
/// re-query) and on noisy data where many candidates die.
/// </summary>
public class EditingEquivalenceTests
{
    public static TheoryData<int, int, SelectionKind> Settings => new()
    {
        { 1, 1, SelectionKind.All },
        { 2, 3, SelectionKind.All },
        { 3, 3, SelectionKind.Mode },
        { 4, 5, SelectionKind.All },
        { 5, 7, SelectionKind.Mode },
        { 6, 2, SelectionKind.Mode },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Repeated_enn_equals_the_literal_procedure_on_tied_data(int seed, int k, SelectionKind kind)
    {
        var (x, y) = GridData(seed, 150, 3);
        foreach (var strategy in new[] { SamplingStrategy.Auto, SamplingStrategy.All })
        {
            var expected = Literal(x, y, strategy, k, kind, maxPasses: 100, growing: false, allowMinority: false);
            var result = new RepeatedEditedNearestNeighbours { NNeighbors = k, KindSel = kind, SamplingStrategy = strategy }.FitResample(x, y);
            result.SampleIndices.Should().Equal(expected);
        }
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void AllKnn_equals_the_literal_procedure_on_tied_data(int seed, int k, SelectionKind kind)
    {
        var (x, y) = GridData(seed + 10, 150, 3);
        foreach (var allow in new[] { false, true })
        {
            var expected = Literal(x, y, SamplingStrategy.All, k, kind, maxPasses: k, growing: true, allowMinority: allow);
            var result = new AllKnn { NNeighbors = k, KindSel = kind, SamplingStrategy = SamplingStrategy.All, AllowMinority = allow }.FitResample(x, y);
            result.SampleIndices.Should().Equal(expected);
        }
    }

    [Theory]
    [InlineData(21, 3)]
    [InlineData(22, 9)]
    public void Repeated_enn_equals_the_literal_procedure_on_noisy_continuous_data(int seed, int k)
    {
        var rng = new RandomState(seed);
        var n = 400;
        var x = new double[n, 2];
        var y = new int[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = i % 3 == 0 ? 1 : 0;
            x[i, 0] = rng.StandardNormal() + (0.4 * y[i]);
            x[i, 1] = rng.StandardNormal();
        }

        var expected = Literal(x, y, SamplingStrategy.All, k, SelectionKind.Mode, maxPasses: 100, growing: false, allowMinority: false);
        new RepeatedEditedNearestNeighbours { NNeighbors = k, KindSel = SelectionKind.Mode, SamplingStrategy = SamplingStrategy.All }
            .FitResample(x, y).SampleIndices.Should().Equal(expected);
        var expectedAll = Literal(x, y, SamplingStrategy.All, k, SelectionKind.All, maxPasses: k, growing: true, allowMinority: true);
        new AllKnn { NNeighbors = k, SamplingStrategy = SamplingStrategy.All, AllowMinority = true }
            .FitResample(x, y).SampleIndices.Should().Equal(expectedAll);
    }

    [Fact]
    public void Single_enn_and_ncr_equal_the_literal_procedure_on_tied_data()
    {
        var (x, y) = GridData(31, 120, 3);
        foreach (var kind in new[] { SelectionKind.All, SelectionKind.Mode })
        {
            var expected = Literal(x, y, SamplingStrategy.Auto, 3, kind, maxPasses: 1, growing: false, allowMinority: true);
            new EditedNearestNeighbours { KindSel = kind }.FitResample(x, y).SampleIndices.Should().Equal(expected);
        }
    }

    [Theory]
    [InlineData(41, 1, SelectionKind.All)]
    [InlineData(42, 3, SelectionKind.Mode)]
    [InlineData(43, 5, SelectionKind.Mode)]
    public void Heavily_duplicated_rows_give_the_literal_answer(int seed, int k, SelectionKind kind)
    {
        // 400 rows on 12 distinct points: tie runs far longer than any stored list.
        var rng = new RandomState(seed);
        var n = 400;
        var x = new double[n, 2];
        var y = new int[n];
        for (var i = 0; i < n; i++)
        {
            x[i, 0] = rng.RandInt(0, 4);
            x[i, 1] = rng.RandInt(0, 3);
            y[i] = rng.RandInt(0, 10) < (x[i, 0] >= 2 ? 7 : 3) ? 1 : 0;
        }

        var expected = Literal(x, y, SamplingStrategy.All, k, kind, maxPasses: 100, growing: false, allowMinority: false);
        new RepeatedEditedNearestNeighbours { NNeighbors = k, KindSel = kind, SamplingStrategy = SamplingStrategy.All }
            .FitResample(x, y).SampleIndices.Should().Equal(expected);
        var expectedAll = Literal(x, y, SamplingStrategy.Auto, k + 2, kind, maxPasses: k + 2, growing: true, allowMinority: true);
        new AllKnn { NNeighbors = k + 2, KindSel = kind, AllowMinority = true }
            .FitResample(x, y).SampleIndices.Should().Equal(expectedAll);
    }

    [Fact]
    public void A_stored_tie_run_is_reordered_by_the_grouped_row_order()
    {
        // Pass 1 removes r and s (each other's nearest, different classes). In pass 2 the query q has a (class 1,
        // row 0) and b (class 0, row 1) at exactly distance 1: in the grouped order b comes first, so q keeps a
        // neighbour of its own class. Its stored list from pass 1 has them in row order (a first).
        double[,] x = { { -1, 0 }, { 1, 0 }, { 0, 0 }, { 0, 0.5 }, { 0, 0.6 }, { -1.5, 0 }, { 1.5, 0 } };
        int[] y = [1, 0, 0, 0, 1, 1, 0];
        var result = new RepeatedEditedNearestNeighbours { NNeighbors = 1, SamplingStrategy = SamplingStrategy.All }.FitResample(x, y);
        result.SampleIndices.Should().Equal(1, 2, 6, 0, 5);
        result.SampleIndices.Should().Equal(Literal(x, y, SamplingStrategy.All, 1, SelectionKind.All, maxPasses: 100, growing: false, allowMinority: false));
    }

    /// <summary>Integer coordinates in a small box: many duplicate rows and equidistant neighbours.</summary>
    private static (double[,] X, int[] Y) GridData(int seed, int n, int classes)
    {
        var rng = new RandomState(seed);
        var x = new double[n, 2];
        var y = new int[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = rng.RandInt(0, 10) < 5 ? 0 : rng.RandInt(1, classes);
            x[i, 0] = rng.RandInt(0, 6) + y[i];
            x[i, 1] = rng.RandInt(0, 6);
        }

        return (x, y);
    }

    /// <summary>imblearn's RENN (or AllKNN with <paramref name="growing"/>) over the public engine, literally.</summary>
    private static int[] Literal(double[,] x, int[] y, SamplingStrategy strategy, int k, SelectionKind kind, int maxPasses, bool growing, bool allowMinority)
    {
        var indices = Enumerable.Range(0, y.Length).ToArray();
        var counts = y.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        var firstSeen = y.Distinct().ToList();
        var minority = firstSeen.OrderBy(c => counts[c]).First(); // stable: first seen among the smallest
        var classCount = counts.Count;
        for (var pass = 0; pass < maxPasses; pass++)
        {
            var kk = growing ? pass + 1 : k;
            var currentX = Rows(x, indices);
            var currentY = indices.Select(i => y[i]).ToArray();
            var targeted = strategy.Resolve(currentY, SamplingType.CleanSampling).Keys.ToHashSet();
            var index = new NearestNeighbors { NNeighbors = kk + 1 }.Fit(currentX);
            var keep = new List<int>();
            foreach (var c in currentY.Distinct().Order())
            {
                var members = Enumerable.Range(0, currentY.Length).Where(p => currentY[p] == c).ToArray();
                if (!targeted.Contains(c))
                {
                    keep.AddRange(members);
                    continue;
                }

                var neighbours = index.KNeighbors(Rows(currentX, members), kk + 1);
                for (var m = 0; m < members.Length; m++)
                {
                    var labels = neighbours.GetIndices(m)[1..].ToArray().Select(j => currentY[j]).ToArray();
                    var agree = kind == SelectionKind.All
                        ? labels.All(l => l == c)
                        : labels.GroupBy(l => l).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key == c;
                    if (agree)
                    {
                        keep.Add(members[m]);
                    }
                }
            }

            var removedAny = keep.Count < indices.Length;
            indices = keep.Select(p => indices[p]).ToArray();
            var after = indices.Select(i => y[i]).GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
            var minorityBecameMajority = after.Any(kv => kv.Key != minority && kv.Value < counts[minority]) && !allowMinority;
            if ((!growing && !removedAny) || minorityBecameMajority || after.Count < classCount)
            {
                break;
            }
        }

        return indices;
    }

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
