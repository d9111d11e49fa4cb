using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Imbalance.Learning;

/// <summary>
/// The best split of one node on one sorted feature, computed in three passes that give, bit for bit, what
/// scikit-learn's criterion gives when it is reset and updated position by position (<c>CartBuilder.ReferenceScan</c>):
/// <list type="number">
/// <item>a sequential pass moves rows into the left child exactly as <c>ClassificationCriterion.update</c> does (same
/// additions in the same order, including its switch to subtracting from the node's end when that is shorter) and
/// records the left class sums and weight at every candidate position;</item>
/// <item>the impurity improvement proxy of every candidate, eight candidates per AVX-512 instruction: each lane does
/// the scalar code's IEEE operations in the scalar code's order (no fused multiply-add), so every proxy is the same
/// double;</item>
/// <item>the first candidate with the largest proxy, as the strict <c>&gt;</c> of the reference loop picks it.</item>
/// </list>
/// The passes avoid the reference loop's per-position calls and array-indexed class sums; the proxies no longer wait
/// on each other.
/// </summary>
internal sealed class SplitScan
{
    /// <summary>The most classes this scan handles (it keeps <c>classes x rows</c> sums); more use the reference loop.</summary>
    public const int MaxClasses = 16;

    private const float FeatureThreshold = 1e-7f;
    private static readonly double Ln2 = Math.Log(2.0);

    private readonly int _k;
    private readonly int _stride;
    private readonly bool _entropy;
    private readonly int _minSamplesLeaf;
    private readonly double _minWeightLeaf;
    private readonly int[] _candidate;
    private readonly double[] _left; // class-major: _left[c * _stride + j]
    private readonly double[] _weightLeft;
    private readonly double[] _proxy;

    public SplitScan(int rows, int classCount, CartSettings settings)
    {
        _k = classCount;
        _stride = rows;
        _entropy = settings.Entropy;
        _minSamplesLeaf = settings.MinSamplesLeaf;
        _minWeightLeaf = settings.MinWeightLeaf;
        _candidate = new int[rows];
        _left = new double[classCount * rows];
        _weightLeft = new double[rows];
        _proxy = new double[rows];
    }

    /// <summary>
    /// The largest proxy improvement over the candidate positions of <c>[start, end)</c> and the first position that
    /// reaches it (<see cref="double.NegativeInfinity"/> and <paramref name="end"/> when there is no candidate).
    /// </summary>
    /// <param name="xf">The node's sorted feature values.</param>
    /// <param name="posClass">The class of the row at each sorted position.</param>
    /// <param name="posWeight">The weight of the row at each sorted position.</param>
    /// <param name="start">The node's first position.</param>
    /// <param name="end">One past the node's last position.</param>
    /// <param name="sumTotal">The node's weighted class sums (the criterion's <c>sum_total</c>).</param>
    /// <param name="weightNode">The node's weight (the criterion's <c>weighted_n_node_samples</c>).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (double Proxy, int Position) BestSplit(
        float[] xf, int[] posClass, double[] posWeight, int start, int end, double[] sumTotal, double weightNode)
    {
        var m = _k == 2
            ? CollectBinary(xf, posClass, posWeight, start, end, sumTotal, weightNode)
            : _k <= Vector256<double>.Count && Vector256.IsHardwareAccelerated
                ? CollectVector256(xf, posClass, posWeight, start, end, sumTotal, weightNode)
                : _k <= Vector512<double>.Count && Vector512.IsHardwareAccelerated
                    ? CollectVector512(xf, posClass, posWeight, start, end, sumTotal, weightNode)
                    : Collect(xf, posClass, posWeight, start, end, sumTotal, weightNode);
        if (m == 0)
        {
            return (double.NegativeInfinity, end);
        }

        if (_entropy)
        {
            EntropyProxies(m, sumTotal, weightNode);
        }
        else
        {
            GiniProxies(m, sumTotal, weightNode);
        }

        var best = double.NegativeInfinity;
        var bestJ = -1;
        var proxy = _proxy;
        var weightLeft = _weightLeft;
        var checkWeight = _minWeightLeaf > 0.0;
        for (var j = 0; j < m; j++)
        {
            if (checkWeight && (weightLeft[j] < _minWeightLeaf || weightNode - weightLeft[j] < _minWeightLeaf))
            {
                continue;
            }

            if (proxy[j] > best)
            {
                best = proxy[j];
                bestJ = j;
            }
        }

        return bestJ < 0 ? (double.NegativeInfinity, end) : (best, _candidate[bestJ]);
    }

    /// <summary>Pass 1 for two classes: the left sums in locals.</summary>
    private int CollectBinary(float[] xf, int[] posClass, double[] posWeight, int start, int end, double[] sumTotal, double weightNode)
    {
        var candidate = _candidate;
        var left0 = _left.AsSpan(0, _stride);
        var left1 = _left.AsSpan(_stride, _stride);
        var weightLeft = _weightLeft;
        var l0 = 0.0;
        var l1 = 0.0;
        var wl = 0.0;
        var pos = start;
        var m = 0;
        var first = Math.Max(start + 1, start + _minSamplesLeaf);
        var last = Math.Min(end - 1, end - _minSamplesLeaf);
        for (var q = first; q <= last; q++)
        {
            if (xf[q] <= xf[q - 1] + FeatureThreshold)
            {
                continue;
            }

            if (q - pos <= end - q)
            {
                for (var p = pos; p < q; p++)
                {
                    // Branch-free: the other class's sum gets +0.0, which leaves it unchanged (the sums are never
                    // -0.0: they start at +0.0 or at the node's sums of non-negative weights).
                    var w = posWeight[p];
                    var (w0, w1) = ByClass(w, posClass[p]);
                    l0 += w0;
                    l1 += w1;
                    wl += w;
                }
            }
            else
            {
                l0 = sumTotal[0];
                l1 = sumTotal[1];
                wl = weightNode;
                for (var p = end - 1; p >= q; p--)
                {
                    // x - 0.0 is x for every x.
                    var w = posWeight[p];
                    var (w0, w1) = ByClass(w, posClass[p]);
                    l0 -= w0;
                    l1 -= w1;
                    wl -= w;
                }
            }

            pos = q;
            candidate[m] = q;
            left0[m] = l0;
            left1[m] = l1;
            weightLeft[m] = wl;
            m++;
        }

        return m;
    }

    /// <summary>(w, +0.0) for class 0, (+0.0, w) for class 1, by masking the bits instead of branching.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double W0, double W1) ByClass(double w, int c)
    {
        var bits = BitConverter.DoubleToInt64Bits(w);
        var mask = (long)c - 1; // all ones for class 0, zero for class 1
        return (BitConverter.Int64BitsToDouble(bits & mask), BitConverter.Int64BitsToDouble(bits & ~mask));
    }

    /// <summary>Pass 1 for up to four classes: the class sums in the lanes of one vector, each row's weight added to
    /// its class's lane and +0.0 to the others (which leaves them unchanged: the sums are never -0.0), so each lane
    /// does the scalar loop's additions in its order, with no branch and no store-to-load chain.</summary>
    private int CollectVector256(float[] xf, int[] posClass, double[] posWeight, int start, int end, double[] sumTotal, double weightNode)
    {
        var k = _k;
        var stride = _stride;
        var candidate = _candidate;
        var left = _left;
        var weightLeft = _weightLeft;
        var lanes = Vector256.Create(0L, 1L, 2L, 3L);
        Span<double> total = stackalloc double[Vector256<double>.Count];
        total.Clear();
        sumTotal.AsSpan(0, k).CopyTo(total);
        var totals = Vector256.Create<double>(total);
        var l = Vector256<double>.Zero;
        var wl = 0.0;
        var pos = start;
        var m = 0;
        var first = Math.Max(start + 1, start + _minSamplesLeaf);
        var last = Math.Min(end - 1, end - _minSamplesLeaf);
        for (var q = first; q <= last; q++)
        {
            if (xf[q] <= xf[q - 1] + FeatureThreshold)
            {
                continue;
            }

            if (q - pos <= end - q)
            {
                for (var p = pos; p < q; p++)
                {
                    var w = posWeight[p];
                    l += Vector256.Create(w) & Vector256.Equals(lanes, Vector256.Create((long)posClass[p])).AsDouble();
                    wl += w;
                }
            }
            else
            {
                l = totals;
                wl = weightNode;
                for (var p = end - 1; p >= q; p--)
                {
                    var w = posWeight[p];
                    l -= Vector256.Create(w) & Vector256.Equals(lanes, Vector256.Create((long)posClass[p])).AsDouble();
                    wl -= w;
                }
            }

            pos = q;
            candidate[m] = q;
            for (var c = 0; c < k; c++)
            {
                left[(c * stride) + m] = l.GetElement(c);
            }

            weightLeft[m] = wl;
            m++;
        }

        return m;
    }

    /// <summary>Pass 1 for five to eight classes, as <see cref="CollectVector256"/> with eight lanes.</summary>
    private int CollectVector512(float[] xf, int[] posClass, double[] posWeight, int start, int end, double[] sumTotal, double weightNode)
    {
        var k = _k;
        var stride = _stride;
        var candidate = _candidate;
        var left = _left;
        var weightLeft = _weightLeft;
        var lanes = Vector512.Create(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        Span<double> total = stackalloc double[Vector512<double>.Count];
        total.Clear();
        sumTotal.AsSpan(0, k).CopyTo(total);
        var totals = Vector512.Create<double>(total);
        var l = Vector512<double>.Zero;
        var wl = 0.0;
        var pos = start;
        var m = 0;
        var first = Math.Max(start + 1, start + _minSamplesLeaf);
        var last = Math.Min(end - 1, end - _minSamplesLeaf);
        for (var q = first; q <= last; q++)
        {
            if (xf[q] <= xf[q - 1] + FeatureThreshold)
            {
                continue;
            }

            if (q - pos <= end - q)
            {
                for (var p = pos; p < q; p++)
                {
                    var w = posWeight[p];
                    l += Vector512.Create(w) & Vector512.Equals(lanes, Vector512.Create((long)posClass[p])).AsDouble();
                    wl += w;
                }
            }
            else
            {
                l = totals;
                wl = weightNode;
                for (var p = end - 1; p >= q; p--)
                {
                    var w = posWeight[p];
                    l -= Vector512.Create(w) & Vector512.Equals(lanes, Vector512.Create((long)posClass[p])).AsDouble();
                    wl -= w;
                }
            }

            pos = q;
            candidate[m] = q;
            for (var c = 0; c < k; c++)
            {
                left[(c * stride) + m] = l.GetElement(c);
            }

            weightLeft[m] = wl;
            m++;
        }

        return m;
    }

    /// <summary>Pass 1 for any number of classes.</summary>
    private int Collect(float[] xf, int[] posClass, double[] posWeight, int start, int end, double[] sumTotal, double weightNode)
    {
        var k = _k;
        var stride = _stride;
        var candidate = _candidate;
        var left = _left;
        var weightLeft = _weightLeft;
        Span<double> l = stackalloc double[k];
        l.Clear();
        var wl = 0.0;
        var pos = start;
        var m = 0;
        var first = Math.Max(start + 1, start + _minSamplesLeaf);
        var last = Math.Min(end - 1, end - _minSamplesLeaf);
        for (var q = first; q <= last; q++)
        {
            if (xf[q] <= xf[q - 1] + FeatureThreshold)
            {
                continue;
            }

            if (q - pos <= end - q)
            {
                for (var p = pos; p < q; p++)
                {
                    var w = posWeight[p];
                    l[posClass[p]] += w;
                    wl += w;
                }
            }
            else
            {
                sumTotal.CopyTo(l);
                wl = weightNode;
                for (var p = end - 1; p >= q; p--)
                {
                    var w = posWeight[p];
                    l[posClass[p]] -= w;
                    wl -= w;
                }
            }

            pos = q;
            candidate[m] = q;
            for (var c = 0; c < k; c++)
            {
                left[(c * stride) + m] = l[c];
            }

            weightLeft[m] = wl;
            m++;
        }

        return m;
    }

    /// <summary>Pass 2, Gini: <c>-w_R (1 - sum r_c^2 / w_R^2) - w_L (1 - sum l_c^2 / w_L^2)</c> per candidate, vectorised
    /// across candidates with the scalar operation order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void GiniProxies(int m, double[] sumTotal, double weightNode)
    {
        var j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j + Vector512<double>.Count <= m; j += Vector512<double>.Count)
            {
                GiniVector512(j, sumTotal, weightNode);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; j + Vector256<double>.Count <= m; j += Vector256<double>.Count)
            {
                GiniVector256(j, sumTotal, weightNode);
            }
        }

        var k = _k;
        var stride = _stride;
        var left = _left;
        for (; j < m; j++)
        {
            var wl = _weightLeft[j];
            var wr = weightNode - wl;
            var l = left[j];
            var r = sumTotal[0] - l;
            var sqLeft = l * l;
            var sqRight = r * r;
            for (var c = 1; c < k; c++)
            {
                l = left[(c * stride) + j];
                r = sumTotal[c] - l;
                sqLeft += l * l;
                sqRight += r * r;
            }

            var impurityLeft = 1.0 - (sqLeft / (wl * wl));
            var impurityRight = 1.0 - (sqRight / (wr * wr));
            _proxy[j] = (-wr * impurityRight) - (wl * impurityLeft);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void GiniVector512(int j, double[] sumTotal, double weightNode)
    {
        var wl = Vector512.Create(_weightLeft.AsSpan(j, Vector512<double>.Count));
        var wr = Vector512.Create(weightNode) - wl;
        var l = Vector512.Create(_left.AsSpan(j, Vector512<double>.Count));
        var r = Vector512.Create(sumTotal[0]) - l;
        var sqLeft = l * l;
        var sqRight = r * r;
        for (var c = 1; c < _k; c++)
        {
            l = Vector512.Create(_left.AsSpan((c * _stride) + j, Vector512<double>.Count));
            r = Vector512.Create(sumTotal[c]) - l;
            sqLeft += l * l;
            sqRight += r * r;
        }

        var one = Vector512.Create(1.0);
        var impurityLeft = one - (sqLeft / (wl * wl));
        var impurityRight = one - (sqRight / (wr * wr));
        ((-wr * impurityRight) - (wl * impurityLeft)).CopyTo(_proxy.AsSpan(j, Vector512<double>.Count));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void GiniVector256(int j, double[] sumTotal, double weightNode)
    {
        var wl = Vector256.Create(_weightLeft.AsSpan(j, Vector256<double>.Count));
        var wr = Vector256.Create(weightNode) - wl;
        var l = Vector256.Create(_left.AsSpan(j, Vector256<double>.Count));
        var r = Vector256.Create(sumTotal[0]) - l;
        var sqLeft = l * l;
        var sqRight = r * r;
        for (var c = 1; c < _k; c++)
        {
            l = Vector256.Create(_left.AsSpan((c * _stride) + j, Vector256<double>.Count));
            r = Vector256.Create(sumTotal[c]) - l;
            sqLeft += l * l;
            sqRight += r * r;
        }

        var one = Vector256.Create(1.0);
        var impurityLeft = one - (sqLeft / (wl * wl));
        var impurityRight = one - (sqRight / (wr * wr));
        ((-wr * impurityRight) - (wl * impurityLeft)).CopyTo(_proxy.AsSpan(j, Vector256<double>.Count));
    }

    /// <summary>Pass 2, entropy (scalar: <see cref="Math.Log(double)"/> has no bit-identical vector form).</summary>
    private void EntropyProxies(int m, double[] sumTotal, double weightNode)
    {
        var k = _k;
        var stride = _stride;
        var left = _left;
        for (var j = 0; j < m; j++)
        {
            var wl = _weightLeft[j];
            var wr = weightNode - wl;
            var entropyLeft = 0.0;
            var entropyRight = 0.0;
            for (var c = 0; c < k; c++)
            {
                var l = left[(c * stride) + j];
                if (l > 0.0)
                {
                    var p = l / wl;
                    entropyLeft -= p * (Math.Log(p) / Ln2);
                }
            }

            for (var c = 0; c < k; c++)
            {
                var r = sumTotal[c] - left[(c * stride) + j];
                if (r > 0.0)
                {
                    var p = r / wr;
                    entropyRight -= p * (Math.Log(p) / Ln2);
                }
            }

            _proxy[j] = (-wr * entropyRight) - (wl * entropyLeft);
        }
    }
}
