using Imbalance.Neighbors;

namespace Imbalance.Tests.Neighbors;

/// <summary>
/// How an index picks the brute-force kernels: small indexes take the precompiled Vector256 kernels while the
/// process-wide budget lasts, an index above the per-index limit takes the Vector512 kernels and spends the budget.
/// Only the time depends on the choice (KernelWidthTests checks that every width returns the same bits).
/// </summary>
public class BruteForceWidthChoiceTests
{
    [Fact]
    public void Indexes_above_the_per_index_limit_take_the_vector512_kernels_and_end_the_budget()
    {
        // n x n x d just above the limit: never narrow, and afterwards no index is.
        var d = 32;
        var n = (int)Math.Sqrt(BruteForceSearch.NarrowProducts / d) + 2;
        ((long)n * n * d).Should().BeGreaterThan(BruteForceSearch.NarrowProducts);
        BruteForceSearch.WideFor(n, d).Should().BeTrue();
        BruteForceSearch.WideFor(10, 20).Should().BeTrue("the budget ends once the Vector512 kernels are compiled");
        BruteForceSearch.NarrowBudget.Granted.Should().Be(long.MaxValue);
    }

    [Fact]
    public void A_fitted_index_answers_the_same_whichever_kernels_it_took()
    {
        var rng = new Imbalance.Randomness.RandomState(3);
        var x = new double[300, 20];
        for (var i = 0; i < 300; i++)
        {
            for (var t = 0; t < 20; t++)
            {
                x[i, t] = i % 7 == 0 ? 1.0 : Math.Round(rng.StandardNormal(), 2);
            }
        }

        var index = new NearestNeighbors { NNeighbors = 6, Algorithm = NeighborsAlgorithm.Brute }.Fit(x);
        var flat = new double[x.Length];
        Buffer.BlockCopy(x, 0, flat, 0, x.Length * sizeof(double));
        var reference = new BruteForceSearch(flat, 300, 20, DistanceMetric.Euclidean, allowSimd: false);
        var indices = new int[300 * 6];
        var distances = new double[300 * 6];
        reference.Search(new RowSource(x), 6, indices, distances, 1, CancellationToken.None);
        var result = index.KNeighbors(x, 6);
        result.AllIndices.ToArray().Should().Equal(indices);
        result.AllDistances.ToArray().Select(BitConverter.DoubleToInt64Bits).Should().Equal(distances.Select(BitConverter.DoubleToInt64Bits));
    }
}
