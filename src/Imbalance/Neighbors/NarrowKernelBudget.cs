namespace Imbalance.Neighbors;

/// <summary>
/// Decides, search by search, whether the blocked KD-tree search takes its precompiled Vector256 kernels
/// (<c>KdTree.BlockedNarrow.cs</c>: no JIT compilation, but each eight-lane step in two 256-bit halves) or its Vector512
/// kernels (JIT-compiled at their first use, about 10-20 ms of CPU, then faster for good). The precompiled kernels are
/// worth it only while the process has done little KD-tree work: a search of at most <see cref="PerSearch"/> query x row
/// pairs takes them as long as the pairs granted to them so far, its own included, stay within <see cref="Total"/>;
/// every later search, and every search after one that took the Vector512 kernels (they are compiled by then), takes
/// the Vector512 kernels. The brute-force search keeps a budget of its own, counted in self-search products
/// (<c>BruteForceSearch.NarrowBudget</c>), to choose between its precompiled Vector256 kernels and its Vector512 ones.
/// </summary>
/// <remarks>
/// <para>A rent-or-buy rule: the precompiled kernels lose a roughly fixed time per pair against the Vector512 ones
/// (and, kept in use, are rejitted by tiered compilation), the Vector512 ones cost a fixed compilation once. The
/// budget is small (benchmarks/README.md, "Steady state after the first call"): it covers a process's first call of a
/// sampler on small data, where compiling would dominate, and little more. Counting pairs rather than searches keeps
/// many tiny searches (e.g. the few-thousand-pair searches of AllKNN's and RENN's later steps) from using it up, and
/// moves a loop of 1,000-row searches to the Vector512 kernels after a few calls.</para>
/// <para>Thread-safe: the count only grows, by compare-and-swap, so the pairs granted never exceed <see cref="Total"/>
/// whatever the interleaving. Both kernels return the same neighbours and distances bit for bit, so the choice (which
/// can depend on what other threads searched before) changes only the time, never a result.</para>
/// </remarks>
internal sealed class NarrowKernelBudget
{
    /// <summary>The pairs granted so far; <see cref="long.MaxValue"/> once the Vector512 kernels have been used.</summary>
    private long _granted;

    /// <summary>A budget of <paramref name="total"/> pairs for searches of at most <paramref name="perSearch"/>
    /// pairs each.</summary>
    public NarrowKernelBudget(long perSearch, long total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perSearch);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        PerSearch = perSearch;
        Total = total;
    }

    /// <summary>The largest search (query x row pairs) that may take the precompiled kernels.</summary>
    public long PerSearch { get; }

    /// <summary>The most pairs granted to the precompiled kernels over the budget's life.</summary>
    public long Total { get; }

    /// <summary>The pairs granted so far (<see cref="long.MaxValue"/> once a search took the Vector512 kernels).</summary>
    public long Granted => Volatile.Read(ref _granted);

    /// <summary>Whether a search of <paramref name="pairs"/> query x row pairs takes the precompiled kernels; if so,
    /// its pairs are counted. A search that does not marks the Vector512 kernels as used, so no later one does.</summary>
    public bool TakeNarrow(long pairs)
    {
        if (pairs >= 0 && pairs <= PerSearch)
        {
            var granted = Volatile.Read(ref _granted);
            while (granted <= Total - pairs)
            {
                var seen = Interlocked.CompareExchange(ref _granted, granted + pairs, granted);
                if (seen == granted)
                {
                    return true;
                }

                granted = seen;
            }
        }

        Interlocked.Exchange(ref _granted, long.MaxValue);
        return false;
    }
}
