using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Imbalance.Learning;

/// <summary>
/// Points stored transposed in panels of eight (panel <c>p</c>, feature <c>t</c>, lane <c>l</c> holds feature
/// <c>t</c> of point <c>8p + l</c>), so one SIMD lane computes one point's direct-sum squared distance
/// <c>sum_t (q_t - y_t)^2</c> in feature order: exactly the value, bit for bit, of the scalar loop the k-NN engine and
/// <see cref="KMeans"/> use (subtraction, multiplication and addition stay separate operations, never fused), eight
/// points at a time. k-means uses it for centres (nearest-centre search) and for rows (k-means++ candidates).
/// </summary>
internal sealed class DistancePanels
{
    /// <summary>Points per panel.</summary>
    public const int Lanes = 8;

    private double[] _panels = [];
    private int _count;
    private int _d;

    /// <summary>The number of points loaded.</summary>
    public int Count => _count;

    /// <summary>The number of panels (the last one padded with zero points, which callers must ignore).</summary>
    public int PanelCount => (_count + Lanes - 1) / Lanes;

    /// <summary>Loads <paramref name="count"/> points of <paramref name="d"/> features (flat, row-major), reusing
    /// the buffer when it is large enough.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Load(ReadOnlySpan<double> points, int count, int d)
    {
        _count = count;
        _d = d;
        var panels = (count + Lanes - 1) / Lanes;
        if (_panels.Length < panels * d * Lanes)
        {
            _panels = new double[panels * d * Lanes];
        }

        var data = _panels.AsSpan(0, panels * d * Lanes);
        data.Clear();
        for (var i = 0; i < count; i++)
        {
            var panel = i / Lanes;
            var lane = i % Lanes;
            var row = points.Slice(i * d, d);
            var baseAt = (panel * d * Lanes) + lane;
            for (var t = 0; t < d; t++)
            {
                data[baseAt + (t * Lanes)] = row[t];
            }
        }
    }

    /// <summary>The direct-sum squared distances from <paramref name="query"/> to the eight points of
    /// <paramref name="panel"/> (padding lanes hold the distance to the origin).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Distances(ReadOnlySpan<double> query, int panel, Span<double> output)
    {
        var d = _d;
        var block = _panels.AsSpan(panel * d * Lanes, d * Lanes);
        if (Vector512.IsHardwareAccelerated)
        {
            var acc = Vector512<double>.Zero;
            for (var t = 0; t < d; t++)
            {
                var diff = Vector512.Create(query[t]) - Vector512.Create<double>(block.Slice(t * Lanes, Lanes));
                acc += diff * diff;
            }

            acc.CopyTo(output);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var lo = Vector256<double>.Zero;
            var hi = Vector256<double>.Zero;
            for (var t = 0; t < d; t++)
            {
                var q = Vector256.Create(query[t]);
                var dl = q - Vector256.Create<double>(block.Slice(t * Lanes, 4));
                var dh = q - Vector256.Create<double>(block.Slice((t * Lanes) + 4, 4));
                lo += dl * dl;
                hi += dh * dh;
            }

            lo.CopyTo(output);
            hi.CopyTo(output[4..]);
        }
        else
        {
            output[..Lanes].Clear();
            for (var t = 0; t < d; t++)
            {
                for (var l = 0; l < Lanes; l++)
                {
                    var diff = query[t] - block[(t * Lanes) + l];
                    output[l] += diff * diff;
                }
            }
        }
    }

    /// <summary>The direct-sum squared distances from <paramref name="query"/> to the eight points of each panel in
    /// <paramref name="panels"/> (panel <c>panels[j]</c> into <c>output[8j .. 8j + 7]</c>), the same values as
    /// <see cref="Distances(ReadOnlySpan{double}, int, Span{double})"/>, four panels at a time so four independent
    /// accumulation chains hide the addition latency.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Distances(ReadOnlySpan<double> query, ReadOnlySpan<int> panels, Span<double> output)
    {
        var d = _d;
        var stride = d * Lanes;
        var j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var data = _panels.AsSpan();
            for (; j + 4 <= panels.Length; j += 4)
            {
                var b0 = data.Slice(panels[j] * stride, stride);
                var b1 = data.Slice(panels[j + 1] * stride, stride);
                var b2 = data.Slice(panels[j + 2] * stride, stride);
                var b3 = data.Slice(panels[j + 3] * stride, stride);
                var a0 = Vector512<double>.Zero;
                var a1 = Vector512<double>.Zero;
                var a2 = Vector512<double>.Zero;
                var a3 = Vector512<double>.Zero;
                for (var t = 0; t < d; t++)
                {
                    var q = Vector512.Create(query[t]);
                    var o = t * Lanes;
                    var d0 = q - Vector512.Create<double>(b0.Slice(o, Lanes));
                    var d1 = q - Vector512.Create<double>(b1.Slice(o, Lanes));
                    var d2 = q - Vector512.Create<double>(b2.Slice(o, Lanes));
                    var d3 = q - Vector512.Create<double>(b3.Slice(o, Lanes));
                    a0 += d0 * d0;
                    a1 += d1 * d1;
                    a2 += d2 * d2;
                    a3 += d3 * d3;
                }

                a0.CopyTo(output.Slice(j * Lanes, Lanes));
                a1.CopyTo(output.Slice((j + 1) * Lanes, Lanes));
                a2.CopyTo(output.Slice((j + 2) * Lanes, Lanes));
                a3.CopyTo(output.Slice((j + 3) * Lanes, Lanes));
            }
        }

        for (; j < panels.Length; j++)
        {
            Distances(query, panels[j], output.Slice(j * Lanes, Lanes));
        }
    }

    /// <summary>The direct-sum squared distances from four queries to the eight points of <paramref name="panel"/>
    /// (query <c>j</c> into <c>output[8j .. 8j + 7]</c>), the same values as
    /// <see cref="Distances(ReadOnlySpan{double}, int, Span{double})"/>: each panel load serves four queries, so a
    /// pass over many points reads them from memory once for four queries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Distances(ReadOnlySpan<double> q0, ReadOnlySpan<double> q1, ReadOnlySpan<double> q2, ReadOnlySpan<double> q3, int panel, Span<double> output)
    {
        var d = _d;
        if (!Vector512.IsHardwareAccelerated)
        {
            Distances(q0, panel, output[..Lanes]);
            Distances(q1, panel, output.Slice(Lanes, Lanes));
            Distances(q2, panel, output.Slice(2 * Lanes, Lanes));
            Distances(q3, panel, output.Slice(3 * Lanes, Lanes));
            return;
        }

        var block = _panels.AsSpan(panel * d * Lanes, d * Lanes);
        var a0 = Vector512<double>.Zero;
        var a1 = Vector512<double>.Zero;
        var a2 = Vector512<double>.Zero;
        var a3 = Vector512<double>.Zero;
        for (var t = 0; t < d; t++)
        {
            var y = Vector512.Create<double>(block.Slice(t * Lanes, Lanes));
            var d0 = Vector512.Create(q0[t]) - y;
            var d1 = Vector512.Create(q1[t]) - y;
            var d2 = Vector512.Create(q2[t]) - y;
            var d3 = Vector512.Create(q3[t]) - y;
            a0 += d0 * d0;
            a1 += d1 * d1;
            a2 += d2 * d2;
            a3 += d3 * d3;
        }

        a0.CopyTo(output[..Lanes]);
        a1.CopyTo(output.Slice(Lanes, Lanes));
        a2.CopyTo(output.Slice(2 * Lanes, Lanes));
        a3.CopyTo(output.Slice(3 * Lanes, Lanes));
    }

    /// <summary>
    /// Squared Euclidean distances from <paramref name="query"/> to the rows of four consecutive panels of
    /// <paramref name="block"/> (each <paramref name="d"/> x <see cref="Lanes"/> values, feature-major; the first
    /// <paramref name="d"/> values of <paramref name="query"/>), one
    /// accumulator per panel, features added in order: the shared inner kernel of the k-means panels and of
    /// KMeansSMOTE's cluster sparsity, so both compute the same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SquaredDistances4(
        ReadOnlySpan<double> query,
        ReadOnlySpan<double> block,
        int d,
        out Vector512<double> a0,
        out Vector512<double> a1,
        out Vector512<double> a2,
        out Vector512<double> a3)
    {
        a0 = Vector512<double>.Zero;
        a1 = Vector512<double>.Zero;
        a2 = Vector512<double>.Zero;
        a3 = Vector512<double>.Zero;
        var stride = d * Lanes;
        for (var t = 0; t < d; t++)
        {
            var q = Vector512.Create(query[t]);
            var o = t * Lanes;
            var d0 = q - Vector512.Create<double>(block.Slice(o, Lanes));
            var d1 = q - Vector512.Create<double>(block.Slice(stride + o, Lanes));
            var d2 = q - Vector512.Create<double>(block.Slice((2 * stride) + o, Lanes));
            var d3 = q - Vector512.Create<double>(block.Slice((3 * stride) + o, Lanes));
            a0 += d0 * d0;
            a1 += d1 * d1;
            a2 += d2 * d2;
            a3 += d3 * d3;
        }
    }

    /// <summary>
    /// The nearest and second-nearest loaded points of <paramref name="query"/> in the order (direct-sum squared
    /// distance, index): exactly the first two answers of the k-NN engine's exact search over these points.
    /// Needs at least two points.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void NearestTwo(ReadOnlySpan<double> query, out int first, out double firstValue, out int second, out double secondValue)
    {
        var d = _d;
        var best = double.PositiveInfinity;
        var next = double.PositiveInfinity;
        var bestAt = -1;
        var nextAt = -1;
        var panels = PanelCount;
        Span<double> lanes = stackalloc double[4 * Lanes];
        var p = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            // Four panels at a time: four independent accumulation chains hide the addition latency.
            for (; p + 4 <= panels; p += 4)
            {
                var b0 = _panels.AsSpan(p * d * Lanes, 4 * d * Lanes);
                SquaredDistances4(query, b0, d, out var a0, out var a1, out var a2, out var a3);

                var limit = Vector512.Create(next);
                var any = Vector512.LessThan(Vector512.Min(Vector512.Min(a0, a1), Vector512.Min(a2, a3)), limit);
                if (nextAt >= 0 && any == Vector512<double>.Zero)
                {
                    continue; // no lane beats the second best (padding lanes are filtered in Offer)
                }

                a0.CopyTo(lanes);
                a1.CopyTo(lanes[Lanes..]);
                a2.CopyTo(lanes[(2 * Lanes)..]);
                a3.CopyTo(lanes[(3 * Lanes)..]);
                Offer(lanes, p * Lanes, ref best, ref bestAt, ref next, ref nextAt);
            }
        }

        for (; p < panels; p++)
        {
            Distances(query, p, lanes);
            Offer(lanes[..Lanes], p * Lanes, ref best, ref bestAt, ref next, ref nextAt);
        }

        first = bestAt;
        firstValue = best;
        second = nextAt;
        secondValue = next;
    }

    // Points come in increasing index, so a later point goes before a kept one only when strictly closer.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Offer(ReadOnlySpan<double> values, int firstIndex, ref double best, ref int bestAt, ref double next, ref int nextAt)
    {
        var end = Math.Min(values.Length, _count - firstIndex);
        for (var l = 0; l < end; l++)
        {
            var v = values[l];
            if (v < best || bestAt < 0)
            {
                next = best;
                nextAt = bestAt;
                best = v;
                bestAt = firstIndex + l;
            }
            else if (v < next || nextAt < 0)
            {
                next = v;
                nextAt = firstIndex + l;
            }
        }
    }
}
