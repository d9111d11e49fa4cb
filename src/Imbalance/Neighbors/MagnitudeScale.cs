using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Imbalance.Neighbors;

/// <summary>
/// Exact power-of-two rescaling for data whose distances would overflow: finite values near <c>1e154</c> and above
/// square to infinity, and near <c>1e308</c> even their differences do. Multiplying by <c>2^shift</c> changes only
/// the exponent, so every difference, square, sum and square root of the scaled data is the scaled value of the
/// original computation, bit for bit: rankings, ties and (scaled back) distances are unchanged. The one exception is
/// underflow: a scaled value or difference below the normal range (about <c>2.2e-308</c>) loses bits, so rows that
/// differ only in features about <c>2^-shift</c> times smaller than the largest value may tie. Data that needs no
/// rescaling is never touched.
/// </summary>
internal static class MagnitudeScale
{
    /// <summary>
    /// The largest binary exponent (<see cref="Math.ILogB"/>) a value may have so that no reduced distance, nor any
    /// intermediate of the brute-force expansion <c>|q|^2 - 2 q.y + |y|^2</c>, can overflow: <c>16 d M^2</c> (or
    /// <c>d (2M)^p</c>) stays below <c>2^1000</c>.
    /// </summary>
    public static int Limit(int features, DistanceMetric metric)
    {
        var log2Features = (int)Math.Ceiling(Math.Log2(Math.Max(1, features)));
        return metric.Kind switch
        {
            DistanceKind.Chebyshev => 998,
            DistanceKind.Manhattan => 1000 - log2Features - 2,
            DistanceKind.Euclidean => ((1000 - log2Features - 4) / 2) - 2,
            _ => (int)Math.Floor((1000 - log2Features) / metric.P) - 2,
        };
    }

    /// <summary>The largest absolute value of <paramref name="values"/> (0 for none; NaN if one is NaN).</summary>
    /// <remarks>Vectorised: it runs over every query and fitted row before a search, on the calling thread. The
    /// vector maximum propagates NaN as <see cref="Math.Max(double, double)"/> does, and the order of a maximum does
    /// not matter, so the result is the sequential loop's. Vector256 only, so it is precompiled in the ReadyToRun
    /// image (build/ReadyToRun.targets) and runs optimised from the first call.</remarks>
    public static double MaxAbs(ReadOnlySpan<double> values)
    {
        var i = 0;
        var max = 0.0;
        if (Vector256.IsHardwareAccelerated && values.Length >= 16)
        {
            ref var v = ref MemoryMarshal.GetReference(values);
            var m0 = Vector256<double>.Zero;
            var m1 = Vector256<double>.Zero;
            var m2 = Vector256<double>.Zero;
            var m3 = Vector256<double>.Zero;
            for (; i + 16 <= values.Length; i += 16)
            {
                m0 = Vector256.Max(m0, Vector256.Abs(Vector256.LoadUnsafe(ref v, (nuint)i)));
                m1 = Vector256.Max(m1, Vector256.Abs(Vector256.LoadUnsafe(ref v, (nuint)(i + 4))));
                m2 = Vector256.Max(m2, Vector256.Abs(Vector256.LoadUnsafe(ref v, (nuint)(i + 8))));
                m3 = Vector256.Max(m3, Vector256.Abs(Vector256.LoadUnsafe(ref v, (nuint)(i + 12))));
            }

            var m = Vector256.Max(Vector256.Max(m0, m1), Vector256.Max(m2, m3));
            max = Math.Max(Math.Max(m[0], m[1]), Math.Max(m[2], m[3]));
        }

        for (; i < values.Length; i++)
        {
            max = Math.Max(max, Math.Abs(values[i]));
        }

        return max;
    }

    /// <summary>
    /// The power of two (an exponent, at most 0) that brings values of magnitude up to <paramref name="maxAbs"/> within
    /// <see cref="Limit"/>; 0 when they already are.
    /// </summary>
    public static int Shift(double maxAbs, int features, DistanceMetric metric)
    {
        if (maxAbs == 0 || !double.IsFinite(maxAbs))
        {
            return 0;
        }

        var excess = Math.ILogB(maxAbs) - Limit(features, metric);
        return excess > 0 ? -excess : 0;
    }

    /// <summary>A copy of <paramref name="values"/> multiplied by <c>2^shift</c> (exact apart from underflow).</summary>
    public static double[] Scaled(ReadOnlySpan<double> values, int shift)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = Math.ScaleB(values[i], shift);
        }

        return result;
    }
}
