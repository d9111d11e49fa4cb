using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Imbalance.Neighbors;

/// <summary>
/// The blocked KD-tree search's kernels for small searches (see <see cref="NarrowBlockedPairs"/>): the same code as
/// <see cref="SearchBlock"/> and its helpers, line for line, with each group of eight query lanes held in two
/// Vector256 halves (<see cref="Lane8"/>) instead of one Vector512, and without AggressiveOptimization, so that the
/// x86-64-v3 ReadyToRun image holds their native code and a process's first small search compiles nothing.
/// </summary>
/// <remarks>Same answers, bit for bit: every lane still computes its own sum over features in order with one
/// subtraction, one multiplication and one addition per feature (no fused multiply-add), and the vector minimum,
/// maximum and comparisons order values exactly as the Vector512 ones do; only how many lanes one instruction
/// handles differs.</remarks>
internal sealed partial class KdTree
{
    /// <summary>Blocked searches of at most this many query x row pairs (e.g. TomekLinks or the editing family on
    /// 1,000 rows, 10^6 pairs) may use the precompiled Vector256 kernels of this file (see
    /// <see cref="NarrowBlockedTotalPairs"/>); larger ones use the Vector512 kernels, JIT-compiled at their first call
    /// (about 10-20 ms of CPU).</summary>
    internal const long NarrowBlockedPairs = 1L << 22;

    /// <summary>The query x row pairs a process searches with the precompiled Vector256 kernels in all (see
    /// <see cref="NarrowKernelBudget"/>): enough for the first call of the samplers that search 1,000 to 2,000 rows
    /// (TomekLinks, the editing family, SMOTEENN, SMOTETomek, AllKNN: up to 3.6 x 10^6 pairs at 1,000 x 10), after
    /// which the Vector512 kernels, faster per pair, are worth compiling. Not more: tiered compilation rejits
    /// precompiled kernels that keep being called (to Vector256 code still), work wasted once the search switches.
    /// </summary>
    internal const long NarrowBlockedTotalPairs = 1L << 22;

    /// <summary>The process-wide account of <see cref="NarrowBlockedTotalPairs"/> (searches that do not force a
    /// kernel).</summary>
    internal static readonly NarrowKernelBudget NarrowBudget = new(NarrowBlockedPairs, NarrowBlockedTotalPairs);

    /// <summary>Searches one block: loads the queries into lanes, seeds each lane's bound from the leaf the queries
    /// fall into (<see cref="Seed"/>), then walks the tree depth first, nearer child first, skipping nodes that no
    /// query of the block can reach.</summary>
    private void SearchBlockNarrow(ReadOnlySpan<double> span, ReadOnlySpan<int> block, int home, BlockState state)
    {
        var d = _d;
        var width = state.Width;
        var groups = (block.Length + Lanes - 1) / Lanes;
        state.Groups = groups;
        var lanes = groups * Lanes;
        var qlo = state.BoxLow;
        var qhi = state.BoxHigh;
        qlo.AsSpan().Fill(double.PositiveInfinity);
        qhi.AsSpan().Fill(double.NegativeInfinity);
        for (var j = 0; j < lanes; j++)
        {
            // Padding lanes repeat the first query and never accept a row (k-th value -infinity).
            var query = span.Slice(block[j < block.Length ? j : 0] * d, d);
            for (var t = 0; t < d; t++)
            {
                var v = query[t];
                state.Queries[(t * width) + j] = v;
                qlo[t] = Math.Min(qlo[t], v);
                qhi[t] = Math.Max(qhi[t], v);
            }
        }

        TopK.Reset(state.Values.AsSpan(0, block.Length * state.K), state.Indices.AsSpan(0, block.Length * state.K));
        state.Kth.AsSpan(0, block.Length).Fill(double.PositiveInfinity);
        state.Kth.AsSpan(block.Length, lanes - block.Length).Fill(double.NegativeInfinity);
        state.Bound.AsSpan(0, lanes).Fill(double.PositiveInfinity);
        if (state.K <= SeedLimit && _end[home] - _start[home] >= state.K)
        {
            SeedNarrow(home, state);
        }

        var worst = WorstNarrow(state.Kth, lanes);

        var stack = state.Stack;
        var bounds = state.StackBounds;
        var top = 0;
        stack[0] = 0;
        bounds[0] = BoxBoundNarrow(0, qlo, qhi);
        top = 1;
        while (top > 0)
        {
            top--;
            var node = stack[top];
            if (bounds[top] > worst)
            {
                continue;
            }

            if (_leaf[node])
            {
                if (_start[node] < _end[node])
                {
                    LeafNarrow(node, state);
                    worst = WorstNarrow(state.Kth, lanes);
                }

                continue;
            }

            var left = (2 * node) + 1;
            var right = left + 1;
            var l = BoxBoundNarrow(left, qlo, qhi);
            var r = BoxBoundNarrow(right, qlo, qhi);

            // Push the farther child first so the nearer is searched first.
            if (l <= r)
            {
                stack[top] = right;
                bounds[top] = r;
                stack[top + 1] = left;
                bounds[top + 1] = l;
            }
            else
            {
                stack[top] = left;
                bounds[top] = l;
                stack[top + 1] = right;
                bounds[top + 1] = r;
            }

            top += 2;
        }
    }

    /// <summary>The largest current k-th value over the block's lanes.</summary>
    private static double WorstNarrow(double[] kth, int lanes)
    {
        ref var at = ref MemoryMarshal.GetArrayDataReference(kth);
        var max = Lane8.LoadUnsafe(ref at);
        for (var j = Lanes; j < lanes; j += Lanes)
        {
            max = Lane8.Max(max, Lane8.LoadUnsafe(ref at, (nuint)j));
        }

        var result = max[0];
        for (var j = 1; j < Lanes; j++)
        {
            result = Math.Max(result, max[j]);
        }

        return result;
    }

    /// <summary>A lower bound of the reduced distance from any query in the box [<paramref name="qlo"/>,
    /// <paramref name="qhi"/>] to any row of <paramref name="node"/>.</summary>
    private double BoxBoundNarrow(int node, double[] qlo, double[] qhi)
    {
        var lo = _lower.AsSpan(node * _d, _d);
        var hi = _upper.AsSpan(node * _d, _d);
        var acc = 0.0;
        switch (_metric.Kind)
        {
            case DistanceKind.Euclidean:
                for (var t = 0; t < lo.Length; t++)
                {
                    var gap = Math.Max(Math.Max(lo[t] - qhi[t], qlo[t] - hi[t]), 0.0);
                    acc += gap * gap;
                }

                break;
            case DistanceKind.Manhattan:
                for (var t = 0; t < lo.Length; t++)
                {
                    acc += Math.Max(Math.Max(lo[t] - qhi[t], qlo[t] - hi[t]), 0.0);
                }

                break;
            default:
                for (var t = 0; t < lo.Length; t++)
                {
                    acc = Math.Max(acc, Math.Max(lo[t] - qhi[t], qlo[t] - hi[t]));
                }

                break;
        }

        return acc;
    }

    /// <summary>Offers the rows of a leaf to every query lane that can reach it.</summary>
    private void LeafNarrow(int node, BlockState state)
    {
        var d = _d;
        var width = state.Width;
        var k = state.K;
        var start = _start[node];
        var end = _end[node];
        var kind = _metric.Kind;
        ref var queries = ref MemoryMarshal.GetArrayDataReference(state.Queries);
        ref var kthRef = ref MemoryMarshal.GetArrayDataReference(state.Kth);
        ref var rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        ref var lower = ref MemoryMarshal.GetArrayDataReference(_lower);
        ref var upper = ref MemoryMarshal.GetArrayDataReference(_upper);
        var box = node * d;
        for (var g = 0; g < state.Groups; g++)
        {
            var lane0 = g * Lanes;
            var kth = Lane8.LoadUnsafe(ref kthRef, (nuint)lane0);

            // Each lane's own bound to the leaf's box.
            var bound = Lane8.Zero;
            for (var t = 0; t < d; t++)
            {
                var q = Lane8.LoadUnsafe(ref queries, (nuint)((t * width) + lane0));
                var gap = Lane8.Max(
                    Lane8.Max(Lane8.Create(Unsafe.Add(ref lower, box + t)) - q, q - Lane8.Create(Unsafe.Add(ref upper, box + t))),
                    Lane8.Zero);
                bound = kind switch
                {
                    DistanceKind.Euclidean => bound + (gap * gap),
                    DistanceKind.Manhattan => bound + gap,
                    _ => Lane8.Max(bound, gap),
                };
            }

            var active = (uint)Lane8.LessThanOrEqual(bound, kth).ExtractMostSignificantBits();
            if (active == 0)
            {
                continue;
            }

            if (kind == DistanceKind.Euclidean && d <= 4)
            {
                switch (d)
                {
                    case 2:
                        ScanEuclideanNarrow<Two>(state, lane0, active, start, end);
                        break;
                    case 3:
                        ScanEuclideanNarrow<Three>(state, lane0, active, start, end);
                        break;
                    case 4:
                        ScanEuclideanNarrow<Four>(state, lane0, active, start, end);
                        break;
                    default:
                        ScanEuclideanNarrow<One>(state, lane0, active, start, end);
                        break;
                }

                continue;
            }

            var split = d >= 6 ? (d + 1) / 2 : d;
            for (var i = start; i < end; i++)
            {
                // The first features, then (when there are many) a check: partial sums only grow, so a row that is
                // already beyond every active lane's k-th value is dropped without its remaining features.
                var row = i * d;
                var acc = AccumulateNarrow(kind, Lane8.Zero, ref queries, width, lane0, ref rows, row, 0, split);
                if (split < d)
                {
                    if (((uint)Lane8.LessThanOrEqual(acc, kth).ExtractMostSignificantBits() & active) == 0)
                    {
                        continue;
                    }

                    acc = AccumulateNarrow(kind, acc, ref queries, width, lane0, ref rows, row, split, d);
                }

                var hits = (uint)Lane8.LessThanOrEqual(acc, kth).ExtractMostSignificantBits() & active;
                if (hits == 0)
                {
                    continue;
                }

                OfferNarrow(state, lane0, hits, acc, _order[i]);
                kth = Lane8.LoadUnsafe(ref kthRef, (nuint)lane0);
            }
        }
    }

    /// <summary>
    /// The leaf scan of <see cref="Leaf"/> for Euclidean distance in one to four features, with the number of features
    /// a compile-time constant and the lanes' query coordinates held in registers. Same operations in the same order
    /// as <see cref="Accumulate"/> (the leading <c>0 + x</c> is dropped: it returns <c>x</c> for the non-negative
    /// square), so the same values.
    /// </summary>
    private void ScanEuclideanNarrow<TDimension>(BlockState state, int lane0, uint active, int start, int end)
        where TDimension : struct, IDimension
    {
        var d = TDimension.Count;
        var width = state.Width;
        ref var queries = ref MemoryMarshal.GetArrayDataReference(state.Queries);
        ref var kthRef = ref MemoryMarshal.GetArrayDataReference(state.Kth);
        ref var rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        var q0 = Lane8.LoadUnsafe(ref queries, (nuint)lane0);
        var q1 = d > 1 ? Lane8.LoadUnsafe(ref queries, (nuint)(width + lane0)) : default;
        var q2 = d > 2 ? Lane8.LoadUnsafe(ref queries, (nuint)((2 * width) + lane0)) : default;
        var q3 = d > 3 ? Lane8.LoadUnsafe(ref queries, (nuint)((3 * width) + lane0)) : default;
        var kth = Lane8.LoadUnsafe(ref kthRef, (nuint)lane0);
        for (var i = start; i < end; i++)
        {
            ref var row = ref Unsafe.Add(ref rows, i * d);
            var diff = q0 - Lane8.Create(row);
            var acc = diff * diff;
            if (d > 1)
            {
                diff = q1 - Lane8.Create(Unsafe.Add(ref row, 1));
                acc += diff * diff;
            }

            if (d > 2)
            {
                diff = q2 - Lane8.Create(Unsafe.Add(ref row, 2));
                acc += diff * diff;
            }

            if (d > 3)
            {
                diff = q3 - Lane8.Create(Unsafe.Add(ref row, 3));
                acc += diff * diff;
            }

            var hits = (uint)Lane8.LessThanOrEqual(acc, kth).ExtractMostSignificantBits() & active;
            if (hits != 0)
            {
                OfferNarrow(state, lane0, hits, acc, _order[i]);
                kth = Lane8.LoadUnsafe(ref kthRef, (nuint)lane0);
            }
        }
    }

    /// <summary>Offers one row (fitted-row <paramref name="index"/>, values <paramref name="acc"/>) to the lanes in
    /// <paramref name="hits"/>, updating their k-th values.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void OfferNarrow(BlockState state, int lane0, uint hits, in Lane8 acc, int index)
    {
        var k = state.K;
        Span<double> values8 = stackalloc double[Lanes];
        acc.CopyTo(values8);
        do
        {
            var offset = BitOperations.TrailingZeroCount(hits);
            var lane = lane0 + offset;
            var values = state.Values.AsSpan(lane * k, k);
            var indices = state.Indices.AsSpan(lane * k, k);
            if (k <= SortedListLimit)
            {
                Insert(values, indices, values8[offset], index);
                state.Kth[lane] = Math.Min(values[k - 1], state.Bound[lane]);
            }
            else
            {
                TopK.Push(values, indices, values8[offset], index);
                state.Kth[lane] = values[0];
            }

            hits &= hits - 1;
        }
        while (hits != 0);
    }

    /// <summary>
    /// Sets each lane's bound (and k-th value) to the k-th smallest of its distances to the rows of
    /// <paramref name="home"/>, computed with vector minima and maxima only: a row is offered later only when it is
    /// at most this bound. The home leaf holds at least k rows, and the bound is one of k actual candidate values, so
    /// the true k-th value is at most the bound: every row of the answer is still offered (ties at the bound
    /// included), while most rows that would only have entered a list to be pushed out again never enter.
    /// </summary>
    private void SeedNarrow(int home, BlockState state)
    {
        var d = _d;
        var width = state.Width;
        var k = state.K;
        var kind = _metric.Kind;
        ref var queries = ref MemoryMarshal.GetArrayDataReference(state.Queries);
        ref var rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        Span<Lane8> best = stackalloc Lane8[SeedLimit];
        for (var g = 0; g < state.Groups; g++)
        {
            var lane0 = g * Lanes;
            for (var j = 0; j < k; j++)
            {
                // Not Span.Fill: its generic helper takes the vector struct by value (not precompilable).
                best[j] = Lane8.Create(double.PositiveInfinity);
            }
            for (var i = _start[home]; i < _end[home]; i++)
            {
                var value = AccumulateNarrow(kind, Lane8.Zero, ref queries, width, lane0, ref rows, i * d, 0, d);

                // One step of an insertion network: best[0..k) stays the k smallest values so far, ascending.
                for (var j = 0; j < k; j++)
                {
                    var low = Lane8.Min(best[j], value);
                    value = Lane8.Max(best[j], value);
                    best[j] = low;
                }
            }

            for (var lane = lane0; lane < lane0 + Lanes; lane++)
            {
                if (state.Kth[lane] == double.PositiveInfinity)
                {
                    // A real lane (padding lanes keep -infinity and accept nothing).
                    state.Bound[lane] = best[k - 1][lane - lane0];
                    state.Kth[lane] = state.Bound[lane];
                }
            }
        }
    }

    /// <summary>Adds features <paramref name="from"/> to <paramref name="to"/> of eight queries' reduced distances to
    /// one row to <paramref name="acc"/>, one feature at a time in order, exactly as the scalar sum does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Lane8 AccumulateNarrow(DistanceKind kind, Lane8 acc, ref double queries, int width, int lane0, ref double rows, int row, int from, int to)
    {
        if (kind == DistanceKind.Euclidean)
        {
            for (var t = from; t < to; t++)
            {
                var diff = Lane8.LoadUnsafe(ref queries, (nuint)((t * width) + lane0)) - Lane8.Create(Unsafe.Add(ref rows, row + t));
                acc += diff * diff;
            }
        }
        else if (kind == DistanceKind.Manhattan)
        {
            for (var t = from; t < to; t++)
            {
                acc += Lane8.Abs(Lane8.LoadUnsafe(ref queries, (nuint)((t * width) + lane0)) - Lane8.Create(Unsafe.Add(ref rows, row + t)));
            }
        }
        else
        {
            for (var t = from; t < to; t++)
            {
                acc = Lane8.Max(acc, Lane8.Abs(Lane8.LoadUnsafe(ref queries, (nuint)((t * width) + lane0)) - Lane8.Create(Unsafe.Add(ref rows, row + t))));
            }
        }

        return acc;
    }

    /// <summary>Eight query lanes as two <see cref="Vector256{T}"/> halves: the operations of <see cref="Vector512{T}"/>
    /// the blocked search uses, lane by lane the same results.</summary>
    /// <remarks>Passed by reference to calls that are not inlined (a struct of vectors passed by value would keep a
    /// method out of the ReadyToRun image: its calling convention is not fixed across runtime versions); read by lane
    /// without <see cref="Vector256.GetElement{T}"/>, whose range-check throw helper would too.</remarks>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct Lane8
    {
        private readonly Vector256<double> _lo;
        private readonly Vector256<double> _hi;

        private Lane8(Vector256<double> lo, Vector256<double> hi)
        {
            _lo = lo;
            _hi = hi;
        }

        public static Lane8 Zero => default;

        /// <summary>Lane <paramref name="lane"/> (0 to 7; not checked).</summary>
        public double this[int lane]
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => Unsafe.Add(ref Unsafe.As<Vector256<double>, double>(ref Unsafe.AsRef(in _lo)), lane);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lane8 Create(double value)
        {
            var v = Vector256.Create(value);
            return new Lane8(v, v);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lane8 LoadUnsafe(ref double source) => new(Vector256.LoadUnsafe(ref source), Vector256.LoadUnsafe(ref source, 4));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lane8 LoadUnsafe(ref double source, nuint offset) => new(Vector256.LoadUnsafe(ref source, offset), Vector256.LoadUnsafe(ref source, offset + 4));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lane8 operator +(Lane8 a, Lane8 b) => new(a._lo + b._lo, a._hi + b._hi);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lane8 operator -(Lane8 a, Lane8 b) => new(a._lo - b._lo, a._hi - b._hi);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lane8 operator *(Lane8 a, Lane8 b) => new(a._lo * b._lo, a._hi * b._hi);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lane8 Max(Lane8 a, Lane8 b) => new(Vector256.Max(a._lo, b._lo), Vector256.Max(a._hi, b._hi));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lane8 Min(Lane8 a, Lane8 b) => new(Vector256.Min(a._lo, b._lo), Vector256.Min(a._hi, b._hi));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lane8 Abs(Lane8 a) => new(Vector256.Abs(a._lo), Vector256.Abs(a._hi));

        /// <summary>All-ones lanes where <paramref name="a"/> is at most <paramref name="b"/> (read with
        /// <see cref="ExtractMostSignificantBits"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lane8 LessThanOrEqual(Lane8 a, Lane8 b) => new(Vector256.LessThanOrEqual(a._lo, b._lo), Vector256.LessThanOrEqual(a._hi, b._hi));

        /// <summary>Bit j set when lane j's sign bit is set (lane 0 in bit 0), as Vector512's.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint ExtractMostSignificantBits() => _lo.ExtractMostSignificantBits() | (_hi.ExtractMostSignificantBits() << 4);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void CopyTo(Span<double> destination)
        {
            // No range checks (callers pass eight values): their throw helpers would keep callers out of the image.
            ref var at = ref MemoryMarshal.GetReference(destination);
            _lo.StoreUnsafe(ref at);
            _hi.StoreUnsafe(ref at, 4);
        }
    }
}
