using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Imbalance.Neighbors;

/// <summary>
/// The small-k alternative to <see cref="TopK"/> for the Vector512 brute-force kernels: a query's best (at most 16)
/// candidates kept in one or two 512-bit vectors of values and as many of indices, sorted descending by (value, index),
/// so the worst sits in lane 0 where the heap keeps its root; lanes at and above the capacity hold -infinity and never
/// move. An insertion is a handful of branch-free vector operations instead of a sift-down with unpredictable branches.
/// </summary>
/// <remarks>
/// Candidates must be offered in increasing index order (as the kernels do), so a candidate equal in value to a kept
/// one comes after it. Then the kept set is, offer for offer, the one a <see cref="TopK"/> heap of the same capacity
/// keeps: the capacity smallest (value, index) pairs seen. A descending array is a valid max-heap in <see cref="TopK"/>'s
/// order, so its first <c>capacity</c> lanes can be handed to <see cref="TopK.Sort"/> as they are.
/// </remarks>
internal static class SortedTopK
{
    /// <summary>The largest capacity kept in vectors (two of them).</summary>
    public const int MaxCapacity = 16;

    /// <summary>The lanes a query's store takes (its stride in the value and index buffers): 8 for up to eight
    /// candidates, 16 for up to 16.</summary>
    public static int Width(int capacity) => capacity <= 8 ? 8 : 16;

    /// <summary>Empties the stores of <c>values.Length / width</c> queries: (+infinity, int.MaxValue) in the first
    /// <paramref name="capacity"/> lanes, which any real candidate beats, -infinity in the others.</summary>
    public static void Reset(Span<double> values, Span<long> indices, int capacity, int width)
    {
        for (var q = 0; q < values.Length; q += width)
        {
            values.Slice(q, capacity).Fill(double.PositiveInfinity);
            values.Slice(q + capacity, width - capacity).Fill(double.NegativeInfinity);
            indices.Slice(q, width).Fill(int.MaxValue);
        }
    }

    /// <summary>
    /// Offers a candidate (its value and index broadcast to every lane) to an eight-lane store: when it comes strictly
    /// before the worst kept pair (lane 0) the worst is dropped, the worse pairs move down a lane and the candidate takes
    /// its place; otherwise nothing changes (no lane is above the value, so every select keeps the old lanes).
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

    /// <summary>
    /// <see cref="Insert(ref Vector512{double}, ref Vector512{long}, Vector512{double}, Vector512{long})"/> for a
    /// 16-lane store: lanes 0-7 in <paramref name="firstValues"/> (the worse half), 8-15 in
    /// <paramref name="secondValues"/>; lane 7 takes lane 8 across the halves when the pairs move down.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Insert(
        ref Vector512<double> firstValues,
        ref Vector512<double> secondValues,
        ref Vector512<long> firstIndices,
        ref Vector512<long> secondIndices,
        Vector512<double> value,
        Vector512<long> index)
    {
        var shift = Vector512.Create(1L, 2, 3, 4, 5, 6, 7, 7);
        var last = Vector512.Create(0L, 0, 0, 0, 0, 0, 0, -1);
        var notLast = ~last.AsDouble();
        var firstWorse = Vector512.GreaterThan(firstValues, value);
        var secondWorse = Vector512.GreaterThan(secondValues, value);
        var firstNext = Vector512.ConditionalSelect(last.AsDouble(), Vector512.Create(secondValues.ToScalar()), Vector512.Shuffle(firstValues, shift));
        var secondNext = Vector512.Shuffle(secondValues, shift);
        var firstNextWorse = Vector512.GreaterThan(firstNext, value);
        var secondNextWorse = Vector512.GreaterThan(secondNext, value) & notLast;
        var firstNextIndices = Vector512.ConditionalSelect(last, Vector512.Create(secondIndices.ToScalar()), Vector512.Shuffle(firstIndices, shift));
        var secondNextIndices = Vector512.Shuffle(secondIndices, shift);
        firstValues = Vector512.ConditionalSelect(firstNextWorse, firstNext, Vector512.ConditionalSelect(firstWorse, value, firstValues));
        secondValues = Vector512.ConditionalSelect(secondNextWorse, secondNext, Vector512.ConditionalSelect(secondWorse, value, secondValues));
        firstIndices = Vector512.ConditionalSelect(firstNextWorse.AsInt64(), firstNextIndices, Vector512.ConditionalSelect(firstWorse.AsInt64(), index, firstIndices));
        secondIndices = Vector512.ConditionalSelect(secondNextWorse.AsInt64(), secondNextIndices, Vector512.ConditionalSelect(secondWorse.AsInt64(), index, secondIndices));
    }
}
