using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Imbalance.Neighbors;
using Imbalance.Sampling;

namespace Imbalance.UnderSampling;

/// <summary>
/// NearMiss-2's statistic without the query x reference distance matrix: for each query row, the sum of the distances
/// to its <c>k</c> farthest reference rows, added from the nearest of them to the farthest (the last <c>k</c> columns
/// of a full, ascending <c>kneighbors</c> row, summed as NumPy sums them). Memory is linear in the number of rows.
/// </summary>
/// <remarks>
/// The reference rows are visited from the farthest from their centroid inwards; the triangle inequality
/// <c>|q - p| &lt;= |q - c| + |p - c|</c> bounds every remaining row, so the scan of a query stops as soon as that bound
/// (widened by a safety margin far above rounding error) falls below its k-th largest distance so far. Distances are
/// the engine's direct sums (<see cref="DistanceMetric.Euclidean"/>), so they are the values a full query returns: four
/// reference rows are scanned at once, one vector lane each, with the same subtraction, multiplication and addition per
/// feature in feature order as the scalar sum (no fused multiply-add), so each lane's result is bit-identical to it.
/// This is a scan for the farthest rows, which the k-NN engine (nearest first) does not offer; it is exact, and the
/// tests check it against a full engine query.
/// </remarks>
internal static class FarthestNeighbours
{
    private const double Margin = 1e-9;
    private const int Lanes = 4;
    private const int Group = 4;
    private const long GroupedWork = 1L << 22;

    /// <summary>The sum of the <paramref name="k"/> largest distances from each query row to the reference rows.</summary>
    /// <remarks>
    /// <c>groupedWork</c> is the queries x references x features product from which the grouped scan is used (tests
    /// pass 0 or <see cref="long.MaxValue"/> to force one scan or the other).
    /// </remarks>
    public static double[] SumOfFarthest(
        ReadOnlySpan<double> data, int d, ReadOnlySpan<int> queries, ReadOnlySpan<int> references, int k, int? maxDegreeOfParallelism, CancellationToken cancellationToken, long groupedWork = GroupedWork)
    {
        var metric = DistanceMetric.Euclidean;
        var m = references.Length;
        var centroid = new double[d];
        foreach (var row in references)
        {
            var values = data.Slice(row * d, d);
            for (var t = 0; t < d; t++)
            {
                centroid[t] += values[t];
            }
        }

        for (var t = 0; t < d; t++)
        {
            centroid[t] /= m;
        }

        // References sorted by decreasing distance from the centroid, packed in panels of Lanes rows stored feature by
        // feature (panel[t * Lanes + lane]), so one vector step advances Lanes direct sums by one feature each. A
        // partial last panel is kept as plain rows and scanned one by one.
        var radius = new double[m];
        var order = new int[m];
        for (var p = 0; p < m; p++)
        {
            radius[p] = Math.Sqrt(metric.Reduced(data.Slice(references[p] * d, d), centroid));
            order[p] = p;
        }

        Array.Sort(order, (a, b) => radius[b].CompareTo(radius[a]) is var c && c != 0 ? c : a.CompareTo(b));
        var panelCount = m / Lanes;
        var panels = new double[panelCount * d * Lanes];
        var tail = new double[(m - (panelCount * Lanes)) * d];
        var sortedRadius = new double[m];
        for (var p = 0; p < m; p++)
        {
            var row = data.Slice(references[order[p]] * d, d);
            var panel = p / Lanes;
            if (panel < panelCount)
            {
                for (var t = 0; t < d; t++)
                {
                    panels[(((panel * d) + t) * Lanes) + (p % Lanes)] = row[t];
                }
            }
            else
            {
                row.CopyTo(tail.AsSpan((p - (panelCount * Lanes)) * d, d));
            }

            sortedRadius[p] = radius[order[p]] * (1.0 + Margin);
        }

        var queryRows = new double[queries.Length * d];
        var centreDistance = new double[queries.Length];
        for (var q = 0; q < queries.Length; q++)
        {
            var values = data.Slice(queries[q] * d, d);
            values.CopyTo(queryRows.AsSpan(q * d, d));
            centreDistance[q] = Math.Sqrt(metric.Reduced(values, centroid)) * (1.0 + Margin);
        }

        var sums = new double[queries.Length];
        const int Block = 256;
        var queryCount = queries.Length;
        var blocks = (queryCount + Block - 1) / Block;
        var references2 = new Panels(panels, panelCount, tail, sortedRadius, d);

        // Small problems keep the one-panel scan: the grouped kernel is compiled at its first call (a few
        // milliseconds), which only pays off when there is real work.
        var grouped = (long)queryCount * m * d >= groupedWork;
        ParallelLoop.For(0, blocks, maxDegreeOfParallelism ?? -1, () => new double[k], (block, heap) =>
        {
            var end = Math.Min(queryCount, (block + 1) * Block);
            for (var q = block * Block; q < end; q++)
            {
                sums[q] = Farthest(queryRows.AsSpan(q * d, d), centreDistance[q], references2, heap, grouped);
            }

            return heap;
        }, _ => { }, cancellationToken);
        return sums;
    }

    private sealed record Panels(double[] Data, int Count, double[] Tail, double[] Radius, int D);

    /// <summary>One query: a min-heap of the k largest squared distances, then their square roots summed ascending.</summary>
    /// <remarks>
    /// The heap holds the k largest values offered whatever their order, so the result does not depend on how the
    /// panels are scanned (grouped by <see cref="ScanGrouped"/>, or one at a time here) as long as every panel before
    /// the early stop is offered.
    /// </remarks>
    private static double Farthest(ReadOnlySpan<double> query, double centreDistance, Panels refs, double[] heap, bool grouped)
    {
        var metric = DistanceMetric.Euclidean;
        var d = refs.D;
        var k = heap.Length;
        var size = 0;
        var first = grouped ? ScanGrouped(query, centreDistance, refs, heap, ref size) : 0;
        var stopped = first < 0;
        Span<double> lanes = stackalloc double[Lanes];
        for (var panel = first; !stopped && panel < refs.Count; panel++)
        {
            if (size == k && Below(centreDistance, refs.Radius[panel * Lanes], heap[0]))
            {
                stopped = true;
                break;
            }

            // Lane by lane this is the scalar direct sum: a subtraction, a multiplication and an addition per feature,
            // in feature order, without fused multiply-adds, so each lane's value equals DistanceMetric.Reduced.
            var block = refs.Data.AsSpan(panel * d * Lanes, d * Lanes);
            var acc = Vector256<double>.Zero;
            for (var t = 0; t < d; t++)
            {
                var diff = Vector256.Create(query[t]) - Vector256.Create<double>(block.Slice(t * Lanes, Lanes));
                acc += diff * diff;
            }

            acc.CopyTo(lanes);
            Offer(lanes, heap, ref size);
        }

        if (!stopped)
        {
            var tailRows = refs.Tail.Length / d;
            for (var p = 0; p < tailRows; p++)
            {
                if (size == k && Below(centreDistance, refs.Radius[(refs.Count * Lanes) + p], heap[0]))
                {
                    break;
                }

                Push(heap, ref size, metric.Reduced(query, refs.Tail.AsSpan(p * d, d)));
            }
        }

        var values = heap.AsSpan(0, size);
        values.Sort();
        Span<double> distances = values.Length <= 128 ? stackalloc double[values.Length] : new double[values.Length];
        for (var j = 0; j < values.Length; j++)
        {
            distances[j] = metric.ReducedToDistance(values[j]);
        }

        return NumPyReductions.PairwiseSum(distances);
    }

    /// <summary>
    /// Scans whole groups of <see cref="Group"/> panels with <see cref="SumGroup"/>, whose independent accumulators the
    /// processor overlaps. The early stop is checked at the first panel of a group (the largest radius of the group);
    /// the rest of a group is scanned even when the bound would have stopped earlier, which only offers values the
    /// heap rejects. Returns the first panel not scanned, or -1 when the bound stopped the scan.
    /// </summary>
    private static int ScanGrouped(ReadOnlySpan<double> query, double centreDistance, Panels refs, double[] heap, ref int size)
    {
        var d = refs.D;
        Span<double> group = stackalloc double[Group * Lanes];
        ref var q = ref MemoryMarshal.GetReference(query);
        ref var data = ref MemoryMarshal.GetArrayDataReference(refs.Data);
        ref var sums = ref MemoryMarshal.GetReference(group);
        var stride = (nuint)(d * Lanes);
        var panel = 0;
        for (; panel + Group <= refs.Count; panel += Group)
        {
            if (size == heap.Length && Below(centreDistance, refs.Radius[panel * Lanes], heap[0]))
            {
                return -1;
            }

            SumGroup(ref q, ref Unsafe.Add(ref data, panel * d * Lanes), d, stride, ref sums);
            for (var g = 0; g < Group; g++)
            {
                Offer(group.Slice(g * Lanes, Lanes), heap, ref size);
            }
        }

        return panel;
    }

    /// <summary>
    /// The direct sums of <see cref="Group"/> consecutive panels (<paramref name="stride"/> values apart) into
    /// <paramref name="result"/>, panel after panel. Lane by lane this is the scalar direct sum: a subtraction, a
    /// multiplication and an addition per feature, in feature order, without fused multiply-adds, so each lane's value
    /// equals <see cref="DistanceMetric.Reduced"/>. Kept out of line so that the four accumulators stay in registers
    /// (inlined, the calls that follow made the register allocator spill them on every feature). Compiled fully
    /// optimised at its first call, like the other SIMD kernels: the precompiled image's x86-64-v3 code is not used on
    /// a CPU with AVX-512, and tier-0 code of this loop would be several times slower for the whole first call.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void SumGroup(ref double query, ref double block, int d, nuint stride, ref double result)
    {
        var acc0 = Vector256<double>.Zero;
        var acc1 = Vector256<double>.Zero;
        var acc2 = Vector256<double>.Zero;
        var acc3 = Vector256<double>.Zero;
        ref var block1 = ref Unsafe.Add(ref block, stride);
        ref var block2 = ref Unsafe.Add(ref block1, stride);
        ref var block3 = ref Unsafe.Add(ref block2, stride);
        for (var t = 0; t < d; t++)
        {
            var value = Vector256.Create(Unsafe.Add(ref query, t));
            var offset = (nuint)(t * Lanes);
            var diff0 = value - Vector256.LoadUnsafe(ref block, offset);
            var diff1 = value - Vector256.LoadUnsafe(ref block1, offset);
            var diff2 = value - Vector256.LoadUnsafe(ref block2, offset);
            var diff3 = value - Vector256.LoadUnsafe(ref block3, offset);
            acc0 += diff0 * diff0;
            acc1 += diff1 * diff1;
            acc2 += diff2 * diff2;
            acc3 += diff3 * diff3;
        }

        acc0.StoreUnsafe(ref result, 0);
        acc1.StoreUnsafe(ref result, Lanes);
        acc2.StoreUnsafe(ref result, 2 * Lanes);
        acc3.StoreUnsafe(ref result, 3 * Lanes);
    }

    /// <summary>
    /// Pushes one panel's <see cref="Lanes"/> sums unless the heap is full and none beats its smallest value. The sums
    /// come through memory, not as a vector argument: a method with a vector parameter cannot be precompiled.
    /// </summary>
    private static void Offer(ReadOnlySpan<double> sums, double[] heap, ref int size)
    {
        if (size == heap.Length)
        {
            var smallest = heap[0];
            if (sums[0] <= smallest && sums[1] <= smallest && sums[2] <= smallest && sums[3] <= smallest)
            {
                return;
            }
        }

        foreach (var reduced in sums)
        {
            Push(heap, ref size, reduced);
        }
    }

    /// <summary>Whether every remaining reference (radius at most <paramref name="radius"/>) is nearer than the k-th largest.</summary>
    private static bool Below(double centreDistance, double radius, double kthLargest)
    {
        var bound = centreDistance + radius;
        return bound * bound * (1.0 + Margin) < kthLargest;
    }

    private static void Push(double[] heap, ref int size, double reduced)
    {
        if (size < heap.Length)
        {
            heap[size++] = reduced;
            SiftUp(heap, size - 1);
        }
        else if (reduced > heap[0])
        {
            heap[0] = reduced;
            SiftDown(heap, size);
        }
    }

    private static void SiftUp(double[] heap, int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (heap[parent] <= heap[i])
            {
                return;
            }

            (heap[parent], heap[i]) = (heap[i], heap[parent]);
            i = parent;
        }
    }

    private static void SiftDown(double[] heap, int size)
    {
        var i = 0;
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= size)
            {
                return;
            }

            var smallest = left + 1 < size && heap[left + 1] < heap[left] ? left + 1 : left;
            if (heap[i] <= heap[smallest])
            {
                return;
            }

            (heap[i], heap[smallest]) = (heap[smallest], heap[i]);
            i = smallest;
        }
    }
}
