using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Imbalance.Neighbors;

/// <summary>
/// The small-k alternative to <see cref="TopK"/> for the Vector512 brute-force kernels: a query's best (at most eight)
/// candidates kept in one 512-bit vector of values and one of indices, sorted descending by (value, index), so the
/// worst sits in lane 0 where the heap keeps its root; lanes at and above the capacity hold -infinity and never move.
/// An insertion is a handful of branch-free vector operations instead of a sift-down with unpredictable branches.
/// </summary>
/// <remarks>
/// Candidates must be offered in increasing index order (as the kernels do), so a candidate equal in value to a kept
/// one comes after it. Then the kept set is, offer for offer, the one a <see cref="TopK"/> heap of the same capacity
/// keeps: the capacity smallest (value, index) pairs seen. A descending array is a valid max-heap in <see cref="TopK"/>'s
/// order, so its first <c>capacity</c> lanes can be handed to <see cref="TopK.Sort"/> as they are.
/// </remarks>
internal static class SortedTop8
{
    /// <summary>The lanes of one query's vectors (its stride in the value and index buffers).</summary>
    public const int Width = 8;

    /// <summary>Empties the vectors of <c>values.Length / 8</c> queries: (+infinity, int.MaxValue) in the first
    /// <paramref name="capacity"/> lanes, which any real candidate beats, -infinity in the others.</summary>
    public static void Reset(Span<double> values, Span<long> indices, int capacity)
    {
        for (var q = 0; q < values.Length; q += Width)
        {
            values.Slice(q, capacity).Fill(double.PositiveInfinity);
            values.Slice(q + capacity, Width - capacity).Fill(double.NegativeInfinity);
            indices.Slice(q, Width).Fill(int.MaxValue);
        }
    }

    /// <summary>
    /// Offers a candidate (its value and index broadcast to every lane): when it comes strictly before the worst kept
    /// pair (lane 0) the worst is dropped, the worse pairs move down a lane and the candidate takes its place;
    /// otherwise nothing changes (no lane is above the value, so every select keeps the old lanes).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Insert(ref Vector512<double> values, ref Vector512<long> indices, Vector512<double> value, Vector512<long> index)
    {
        // Lanes [0, c) hold the pairs worse than the candidate (greater values; equal values have lower indices and
        // are better). Lane i < c - 1 takes lane i + 1, lane c - 1 takes the candidate, the others stay.
        var shift = Vector512.Create(1L, 2, 3, 4, 5, 6, 7, 7);
        var notLast = Vector512.Create(-1L, -1, -1, -1, -1, -1, -1, 0).AsDouble();
        var worse = Vector512.GreaterThan(values, value);
        var nextValues = Vector512.Shuffle(values, shift);
        var nextWorse = Vector512.GreaterThan(nextValues, value) & notLast;
        var nextIndices = Vector512.Shuffle(indices, shift);
        values = Vector512.ConditionalSelect(nextWorse, nextValues, Vector512.ConditionalSelect(worse, value, values));
        indices = Vector512.ConditionalSelect(nextWorse.AsInt64(), nextIndices, Vector512.ConditionalSelect(worse.AsInt64(), index, indices));
    }
}
