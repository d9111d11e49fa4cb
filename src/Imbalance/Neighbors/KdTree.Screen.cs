using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Imbalance.Neighbors;

/// <summary>
/// The float32 screen of the lane-by-lane leaf scan (Euclidean distance, five features or more): sixteen rows' squared
/// distances to one query are computed in single precision, and only rows whose single-precision value could be at
/// most the query's current k-th value get the exact double-precision value the rest of the search uses.
/// </summary>
/// <remarks>
/// <para>Exactness. Let <c>D</c> be the exact squared distance, <c>Dd</c> the double-precision sum the search computes
/// (and offers), <c>Df</c> the single-precision sum of the screen, and <c>S = sum_t (|q_t| + |x_t|)^2</c>, which is at
/// most <c>2 (|q|^2 + |x|^2)</c>. Rounding each coordinate to single precision, subtracting, squaring and adding
/// <c>d</c> terms (unit roundoff <c>u = 2^-24</c>) moves the sum by at most about <c>(d + 6) u S</c>, plus an absolute
/// term below <c>2^-130</c> from values near single precision's underflow; the double sum is within
/// <c>(d + 2) 2^-53 S</c> of <c>D</c>; and a partial sum over the first features is at most the full one. The screen
/// drops a row only when <c>Df</c> (full or partial) exceeds <c>T_q + s_x</c>, where <c>T_q</c> is at least
/// <c>kth (1 + 2^-18) + K |q|^2 + 2^-120</c> and <c>s_x</c> at least <c>K |x|^2</c>, with
/// <c>K = (8 d + 64) 2^-24</c>, both rounded up to single precision, and the comparison's own rounding (one addition)
/// is covered by the same slack: then <c>Dd</c> exceeds the k-th value, so the double search would not have offered the
/// row either. Rows the screen keeps are computed and offered exactly as <see cref="ScanLane"/> does (same sums, same
/// order, same rule), so the answer, its order and its distances are unchanged.</para>
/// <para>The screen applies when every fitted value and every coordinate of the query is at most <c>2^50</c> in
/// magnitude (so no single-precision value overflows) and there are at most <see cref="MaxScreenFeatures"/> features;
/// otherwise the double scan runs.</para>
/// </remarks>
internal sealed partial class KdTree
{
    /// <summary>Rows per single-precision vector.</summary>
    private const int ScreenLanes = 16;

    /// <summary>The most features the screen handles (its broadcast coordinates live on the stack).</summary>
    private const int MaxScreenFeatures = 64;

    /// <summary>Values up to this magnitude (2^50) can be screened.</summary>
    private const double ScreenLimit = 1125899906842624.0;

    /// <summary>The screen's float data, or <see langword="null"/> before first use; <see cref="NoScreen"/> when the
    /// fitted values are too large to screen.</summary>
    private ScreenData? _screen;

    private static readonly ScreenData NoScreen = new([], [], []);

    /// <summary>Turns this tree's screen off (tests compare both paths).</summary>
    internal bool ScreenDisabled { get; set; }

    /// <summary>Whether a search of this tree has built the screen's data (tests: the screened scan was reached).</summary>
    internal bool ScreenBuilt => _screen is { Base.Length: > 0 };

    /// <summary>The slack factor <c>K = (8 d + 64) 2^-24</c> of the screen (see the type's remarks).</summary>
    private double ScreenFactor => ((8.0 * _d) + 64.0) * 5.9604644775390625E-08;

    /// <summary>Each leaf's rows feature-major in single precision, sixteen-row stride (zeros in the padding), and each
    /// row's slack <c>K |x|^2</c> rounded up: leaf <c>node</c> keeps feature <c>t</c> of its row <c>j</c> at
    /// <c>Base[node] + t * stride + j</c> and the row's slack at <c>Base[node] / d + j</c>. Made on first use;
    /// <see cref="NoScreen"/> when some fitted value exceeds <see cref="ScreenLimit"/>.</summary>
    private ScreenData Screen()
    {
        var screen = _screen;
        if (screen is not null)
        {
            return screen;
        }

        foreach (var v in _rows)
        {
            if (!(Math.Abs(v) <= ScreenLimit))
            {
                _screen = NoScreen;
                return NoScreen;
            }
        }

        var d = _d;
        var factor = ScreenFactor * (1.0 + 9.5367431640625E-07);
        var bases = new int[_leaf.Length];
        long total = 0;
        for (var node = 0; node < _leaf.Length; node++)
        {
            if (_leaf[node])
            {
                bases[node] = (int)total;
                total += (long)((_end[node] - _start[node] + ScreenLanes - 1) & -ScreenLanes) * d;
            }
        }

        var values = new float[total];
        var slack = new float[total / d];
        for (var node = 0; node < _leaf.Length; node++)
        {
            if (!_leaf[node])
            {
                continue;
            }

            var start = _start[node];
            var m = _end[node] - start;
            var stride = (m + ScreenLanes - 1) & -ScreenLanes;
            for (var j = 0; j < m; j++)
            {
                var norm = 0.0;
                for (var t = 0; t < d; t++)
                {
                    var v = _rows[((start + j) * d) + t];
                    values[bases[node] + (t * stride) + j] = (float)v;
                    norm += v * v;
                }

                slack[(bases[node] / d) + j] = RoundUp(factor * norm);
            }
        }

        screen = new ScreenData(values, slack, bases);
        _screen = screen;
        return screen;
    }

    /// <summary>The smallest float at least <paramref name="value"/> (non-negative, finite).</summary>
    private static float RoundUp(double value)
    {
        var f = (float)value;
        return f < value ? MathF.BitIncrement(f) : f;
    }

    /// <summary>The screen's threshold <c>T_q</c> for a lane with k-th value <paramref name="kth"/> and query slack
    /// <paramref name="querySlack"/> (<c>K |q|^2</c>).</summary>
    private static float ScreenThreshold(double kth, double querySlack) =>
        RoundUp((kth * (1.0 + 3.814697265625E-06)) + querySlack + 7.52316384526264E-37);

    /// <summary>
    /// <see cref="ScanLane"/> with the single-precision screen (see the type's remarks): sixteen rows at a time, the
    /// first half of the features, a check, the rest, a check; each row that passes gets its exact double value from the
    /// row-major rows (the leaves' double columns are not needed), and is offered under <see cref="ScanLane"/>'s rule.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanLaneScreened(ScreenData screen, int node, int lane, BlockState state)
    {
        var d = _d;
        var width = state.Width;
        var start = _start[node];
        var m = _end[node] - start;
        var strideF = (m + ScreenLanes - 1) & -ScreenLanes;
        var atF = screen.Base[node];
        var atSlack = atF / d;
        var split = d >= 6 ? (d + 1) / 2 : d;
        ref var rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        ref var colsF = ref MemoryMarshal.GetArrayDataReference(screen.Values);
        ref var slack = ref MemoryMarshal.GetArrayDataReference(screen.Slack);
        ref var queries = ref MemoryMarshal.GetArrayDataReference(state.Queries);
        ref var queriesF = ref MemoryMarshal.GetArrayDataReference(state.QueriesF);
        var querySlack = state.QuerySlack[lane];
        var kthValue = state.Kth[lane];
        var limit = Vector512.Create(ScreenThreshold(kthValue, querySlack));

        // The lane's coordinates, broadcast once (any order of the single-precision sum is covered by the slack, so
        // two running sums, even and odd features, shorten the dependency chain).
        Span<Vector512<float>> q = stackalloc Vector512<float>[d];
        for (var t = 0; t < d; t++)
        {
            q[t] = Vector512.Create(Unsafe.Add(ref queriesF, (t * width) + lane));
        }

        ref var qv = ref MemoryMarshal.GetReference(q);
        Span<double> exact = stackalloc double[Lanes];
        for (var r0 = 0; r0 < m; r0 += ScreenLanes)
        {
            var valid = m - r0 >= ScreenLanes ? 0xFFFFu : (1u << (m - r0)) - 1;
            ref var column = ref Unsafe.Add(ref colsF, atF + r0);
            var even = Vector512<float>.Zero;
            var odd = Vector512<float>.Zero;
            AddSquares(ref qv, ref column, 0, split, strideF, ref even, ref odd);
            var bound = limit + Vector512.LoadUnsafe(ref slack, (nuint)(atSlack + r0));
            var pass = (uint)Vector512.LessThanOrEqual(even + odd, bound).ExtractMostSignificantBits() & valid;
            if (pass == 0)
            {
                continue;
            }

            if (split < d)
            {
                AddSquares(ref qv, ref column, split, d, strideF, ref even, ref odd);
                pass &= (uint)Vector512.LessThanOrEqual(even + odd, bound).ExtractMostSignificantBits();
                if (pass == 0)
                {
                    continue;
                }
            }

            for (var half = 0; half < ScreenLanes; half += Lanes)
            {
                var bits = (pass >> half) & 0xFFu;
                if (bits == 0)
                {
                    continue;
                }

                // The exact values of the kept rows, from the row-major rows: per row, query minus row, squared, summed
                // over the features in order from the first square, the very operations of AccumulateRows, so the
                // same bits (the other entries are never read).
                var hits = 0u;
                var remaining = bits;
                do
                {
                    var j = BitOperations.TrailingZeroCount(remaining);
                    ref var row = ref Unsafe.Add(ref rows, (start + r0 + half + j) * d);
                    var diff = Unsafe.Add(ref queries, lane) - row;
                    var value = diff * diff;
                    for (var f = 1; f < d; f++)
                    {
                        diff = Unsafe.Add(ref queries, (f * width) + lane) - Unsafe.Add(ref row, f);
                        value += diff * diff;
                    }

                    exact[j] = value;
                    hits |= value <= kthValue ? 1u << j : 0u;
                    remaining &= remaining - 1;
                }
                while (remaining != 0);

                if (hits == 0)
                {
                    continue;
                }

                OfferLane(state, lane, hits, Vector512.Create<double>(exact), start + r0 + half);
                kthValue = state.Kth[lane];
                limit = Vector512.Create(ScreenThreshold(kthValue, querySlack));
            }
        }
    }

    /// <summary>Adds features <paramref name="from"/> to <paramref name="to"/> of sixteen rows' single-precision squared
    /// differences to the broadcast query <paramref name="qv"/>: even features to <paramref name="even"/>, odd ones to
    /// <paramref name="odd"/> (two running sums; the screen's slack covers any order of the sum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddSquares(ref Vector512<float> qv, ref float column, int from, int to, int stride, ref Vector512<float> even, ref Vector512<float> odd)
    {
        ref var at = ref Unsafe.Add(ref column, from * stride);
        var t = from;
        for (; t + 1 < to; t += 2)
        {
            var a = Unsafe.Add(ref qv, t) - Vector512.LoadUnsafe(ref at);
            var b = Unsafe.Add(ref qv, t + 1) - Vector512.LoadUnsafe(ref Unsafe.Add(ref at, stride));
            even += a * a;
            odd += b * b;
            at = ref Unsafe.Add(ref at, 2 * stride);
        }

        if (t < to)
        {
            var a = Unsafe.Add(ref qv, t) - Vector512.LoadUnsafe(ref at);
            even += a * a;
        }
    }

    /// <summary>Fills lane <paramref name="lane"/>'s single-precision coordinates and slack (<c>K |q|^2</c>); the slack
    /// is NaN (the lane is not screened) when a coordinate exceeds <see cref="ScreenLimit"/>.</summary>
    private void LoadScreenLane(ReadOnlySpan<double> query, int lane, BlockState state)
    {
        var width = state.Width;
        var norm = 0.0;
        var inRange = true;
        for (var t = 0; t < query.Length; t++)
        {
            var v = query[t];
            inRange &= Math.Abs(v) <= ScreenLimit;
            state.QueriesF[(t * width) + lane] = (float)v;
            norm += v * v;
        }

        state.QuerySlack[lane] = inRange ? ScreenFactor * norm * (1.0 + 9.5367431640625E-07) : double.NaN;
    }

    /// <summary>The screen's single-precision leaf columns, each row's slack, and where each leaf's columns begin.</summary>
    private sealed record ScreenData(float[] Values, float[] Slack, int[] Base);
}
