using Imbalance.Neighbors;
using Imbalance.Randomness;

namespace Imbalance.Tests.Neighbors;

/// <summary>
/// The rule that sends a process's first small KD-tree searches to the precompiled Vector256 kernels and the later
/// ones to the Vector512 kernels (<see cref="NarrowKernelBudget"/>, issue #18): grants exactly while the pairs stay
/// within the budget, never beyond it under concurrent use, closes for good once a search went to the Vector512
/// kernels, and the engine's answers do not depend on the choice.
/// </summary>
public class NarrowKernelBudgetTests
{
    [Fact]
    public void Grants_searches_while_their_pairs_fit_the_total_then_closes()
    {
        var budget = new NarrowKernelBudget(perSearch: 100, total: 250);
        budget.TakeNarrow(100).Should().BeTrue();
        budget.TakeNarrow(100).Should().BeTrue();
        budget.Granted.Should().Be(200);

        // 300 > 250: this one takes the Vector512 kernels, and so does everything after it, even a search that fits.
        budget.TakeNarrow(100).Should().BeFalse();
        budget.Granted.Should().Be(long.MaxValue);
        budget.TakeNarrow(10).Should().BeFalse();
        budget.TakeNarrow(0).Should().BeFalse();
    }

    [Fact]
    public void A_search_that_fills_the_total_exactly_is_granted()
    {
        var budget = new NarrowKernelBudget(perSearch: 100, total: 300);
        budget.TakeNarrow(100).Should().BeTrue();
        budget.TakeNarrow(100).Should().BeTrue();
        budget.TakeNarrow(100).Should().BeTrue();
        budget.Granted.Should().Be(300);
        budget.TakeNarrow(1).Should().BeFalse();
    }

    [Fact]
    public void A_search_above_the_per_search_limit_closes_the_budget()
    {
        // Its Vector512 kernels are compiled by then: no later small search goes back to the Vector256 ones.
        var budget = new NarrowKernelBudget(perSearch: 100, total: 1000);
        budget.TakeNarrow(50).Should().BeTrue();
        budget.TakeNarrow(101).Should().BeFalse();
        budget.TakeNarrow(1).Should().BeFalse();
        budget.Granted.Should().Be(long.MaxValue);
    }

    [Fact]
    public void Tiny_searches_share_the_budget_by_their_pairs()
    {
        // 2,500-pair searches (50 x 50): 400 of them fit a budget of 10^6 pairs, the 401st does not.
        var budget = new NarrowKernelBudget(perSearch: 1 << 22, total: 1_000_000);
        for (var i = 0; i < 400; i++)
        {
            budget.TakeNarrow(2500).Should().BeTrue($"search {i}");
        }

        budget.TakeNarrow(2500).Should().BeFalse();
    }

    [Fact]
    public void Zero_budget_grants_no_search_with_pairs_and_negative_pairs_are_never_granted()
    {
        new NarrowKernelBudget(perSearch: 0, total: 0).TakeNarrow(1).Should().BeFalse();
        new NarrowKernelBudget(perSearch: 100, total: 100).TakeNarrow(-1).Should().BeFalse();
        new NarrowKernelBudget(perSearch: 100, total: 100).TakeNarrow(long.MaxValue).Should().BeFalse();
    }

    [Fact]
    public void Negative_limits_are_rejected_naming_the_parameter()
    {
        FluentActions.Invoking(() => new NarrowKernelBudget(-1, 10)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("perSearch");
        FluentActions.Invoking(() => new NarrowKernelBudget(10, -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("total");
    }

    [Fact]
    public void Concurrent_searches_are_granted_exactly_the_total_and_never_more()
    {
        // Unit-size searches from four threads at once: exactly `total` of them are granted whatever the interleaving.
        const int total = 20_000;
        var budget = new NarrowKernelBudget(perSearch: 10, total: total);
        var granted = new int[4];
        var lateGrant = new bool[4];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t =>
        {
            var refused = false;
            for (var i = 0; i < 10_000; i++)
            {
                if (budget.TakeNarrow(1))
                {
                    granted[t]++;
                    lateGrant[t] |= refused;
                }
                else
                {
                    refused = true;
                }
            }
        });

        granted.Sum().Should().Be(total);
        lateGrant.Should().AllBeEquivalentTo(false, "once a thread is refused, the budget is closed for it");
        budget.Granted.Should().Be(long.MaxValue);
    }

    [Fact]
    public void Concurrent_searches_of_mixed_sizes_stay_within_the_total()
    {
        var rng = new RandomState(18);
        var sizes = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 2000).Select(_ => (long)rng.RandInt(0, 40)).ToArray()).ToArray();
        for (var round = 0; round < 20; round++)
        {
            var budget = new NarrowKernelBudget(perSearch: 39, total: 10_000 + (round * 997));
            var sums = new long[4];
            Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t =>
            {
                foreach (var pairs in sizes[t])
                {
                    if (budget.TakeNarrow(pairs))
                    {
                        sums[t] += pairs;
                    }
                }
            });

            sums.Sum().Should().BeLessThanOrEqualTo(budget.Total, $"round {round}");
            budget.Granted.Should().BeOneOf(sums.Sum(), long.MaxValue);
        }
    }

    [Fact]
    public void Engine_budget_fits_the_largest_small_search_and_closes_after_a_large_one()
    {
        KdTree.NarrowBlockedTotalPairs.Should().BeGreaterThanOrEqualTo(KdTree.NarrowBlockedPairs);
        KdTree.NarrowBudget.PerSearch.Should().Be(KdTree.NarrowBlockedPairs);
        KdTree.NarrowBudget.Total.Should().Be(KdTree.NarrowBlockedTotalPairs);

        // A search of more than NarrowBlockedPairs pairs (2,049 queries x 2,048 rows) takes the Vector512 kernels
        // and closes the process's budget; a small search after it still answers bit for bit as the forced
        // Vector256 kernels do.
        var rng = new RandomState(1818);
        const int n = 2048;
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = rng.RandInt(0, 300) * 0.5;
        }

        var tree = new KdTree(x, n, 1, DistanceMetric.Euclidean, 30);
        var queries = new double[n + 1];
        Array.Copy(x, queries, n);
        queries[n] = 7.25;
        ((long)queries.Length * n).Should().BeGreaterThan(KdTree.NarrowBlockedPairs);
        var large = Search(tree, queries, 2, narrow: null);
        KdTree.NarrowBudget.Granted.Should().Be(long.MaxValue);
        large.Indices.Should().Equal(Search(tree, queries, 2, narrow: true).Indices);

        var small = queries.AsSpan(0, 100).ToArray();
        var auto = Search(tree, small, 3, narrow: null);
        var forced = Search(tree, small, 3, narrow: true);
        auto.Indices.Should().Equal(forced.Indices);
        auto.Distances.Should().Equal(forced.Distances);
        KdTree.NarrowBudget.Granted.Should().Be(long.MaxValue);
    }

    private static (int[] Indices, double[] Distances) Search(KdTree tree, double[] queries, int k, bool? narrow)
    {
        var indices = new int[queries.Length * k];
        var distances = new double[queries.Length * k];
        tree.SearchBlocked(new RowSource(queries, queries.Length, 1), k, indices, distances, 1, CancellationToken.None, narrow);
        return (indices, distances);
    }
}
