using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Imbalance.Neighbors;

/// <summary>
/// Exact brute-force k-nearest-neighbour search over packed reference panels: queries and references are compared in
/// cache-sized tiles by SIMD kernels, each query keeps a bounded heap, and only the winners get exact distances.
/// Memory is O(n d + n k); no query x reference matrix is ever formed.
/// </summary>
/// <remarks>
/// <para>Euclidean uses the expansion <c>|q - y|^2 = |q|^2 - 2 q.y + |y|^2</c> on column-centred data (a
/// matrix-multiply-shaped kernel with fused multiply-adds), keeps a few spare candidates, recomputes their exact
/// squared distances with the direct sum <c>sum (q - y)^2</c> (the formula of scikit-learn's KD-tree), and proves
/// with a rounding-error bound that no excluded row could beat the k-th winner; a query whose proof fails (exact
/// or near ties at the boundary, e.g. duplicate rows) is rescanned with the direct formula. So results are exactly
/// "sort every fitted row by the direct-sum distance, then by index, take k".</para>
/// <para>Manhattan and Chebyshev accumulate exactly the direct sum or maximum, in feature order; Minkowski with
/// another <c>p</c> uses the scalar direct loop.</para>
/// </remarks>
internal sealed class BruteForceSearch
{
    private const int Lanes = 4;
    private const int QueryBlock = 256;
    private const int TileBytes = 128 * 1024;
    private const int SpareCandidates = 4;

    private readonly double[] _data;
    private readonly int _n;
    private readonly int _d;
    private readonly DistanceMetric _metric;
    private readonly double[] _panels;
    private readonly double[] _offsets;
    private readonly double[] _center;
    private readonly double _scale;
    private readonly double _maxNorm;
    private readonly int _panelCount;
    private readonly int _tilePanels;
    private readonly bool _vectorised;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public BruteForceSearch(double[] data, int n, int d, DistanceMetric metric, bool allowSimd = true)
    {
        _data = data;
        _n = n;
        _d = d;
        _metric = metric;
        _vectorised = allowSimd && Vector256.IsHardwareAccelerated && metric.Kind != DistanceKind.Minkowski;
        _center = new double[d];
        _panels = [];
        _offsets = [];
        if (!_vectorised)
        {
            return;
        }

        var euclidean = metric.Kind == DistanceKind.Euclidean;
        if (euclidean)
        {
            // Centring shrinks the norms, which shrinks the cancellation error of the expansion (distances are
            // translation invariant, and the exact re-ranking uses the original rows).
            for (var i = 0; i < n; i++)
            {
                for (var t = 0; t < d; t++)
                {
                    _center[t] += data[(i * d) + t];
                }
            }

            for (var t = 0; t < d; t++)
            {
                _center[t] /= n;
            }
        }

        _panelCount = (n + Lanes - 1) / Lanes;
        _panels = new double[_panelCount * d * Lanes];
        _offsets = new double[_panelCount * Lanes];
        _scale = euclidean ? -2.0 : 1.0;
        var maxNorm = 0.0;
        for (var i = 0; i < _panelCount * Lanes; i++)
        {
            var panel = i / Lanes;
            var lane = i % Lanes;
            if (i >= n)
            {
                _offsets[i] = double.PositiveInfinity; // padding rows never win
                continue;
            }

            var norm = 0.0;
            for (var t = 0; t < d; t++)
            {
                var v = data[(i * d) + t] - _center[t];
                _panels[(((panel * d) + t) * Lanes) + lane] = v;
                norm += v * v;
            }

            _offsets[i] = euclidean ? norm : 0.0;
            maxNorm = Math.Max(maxNorm, norm);
        }

        _maxNorm = maxNorm;
        _tilePanels = Math.Max(2, TileBytes / (d * Lanes * sizeof(double))) & ~1;
    }

    /// <summary>Finds the <paramref name="k"/> nearest fitted rows of every query row.</summary>
    public void Search(RowSource queries, int k, int[] outIndices, double[] outDistances, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var blocks = (queries.Rows + QueryBlock - 1) / QueryBlock;
        var heapSize = _vectorised && _metric.Kind == DistanceKind.Euclidean ? Math.Min(k + SpareCandidates, _n) : k;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(
            0,
            blocks,
            options,
            () => new Scratch(Math.Min(QueryBlock, queries.Rows), _d, heapSize, k),
            [MethodImpl(MethodImplOptions.AggressiveOptimization)] (block, _, scratch) =>
            {
                var q0 = block * QueryBlock;
                var count = Math.Min(QueryBlock, queries.Rows - q0);
                if (!_vectorised)
                {
                    for (var i = q0; i < q0 + count; i++)
                    {
                        ExactScan(queries.Span.Slice(i * _d, _d), k, scratch, outIndices.AsSpan(i * k, k), outDistances.AsSpan(i * k, k));
                    }
                }
                else if (_metric.Kind == DistanceKind.Euclidean)
                {
                    SearchBlock<DotStep>(queries, q0, count, k, heapSize, scratch, outIndices, outDistances);
                }
                else if (_metric.Kind == DistanceKind.Manhattan)
                {
                    SearchBlock<AbsSumStep>(queries, q0, count, k, heapSize, scratch, outIndices, outDistances);
                }
                else
                {
                    SearchBlock<AbsMaxStep>(queries, q0, count, k, heapSize, scratch, outIndices, outDistances);
                }

                return scratch;
            },
            scratch => scratch.Return());
    }

    /// <summary>
    /// The scalar reference: every fitted row's direct-sum reduced distance, a bounded heap, then a sort.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ExactScan(ReadOnlySpan<double> query, int k, Scratch scratch, Span<int> outIndices, Span<double> outDistances)
    {
        var values = scratch.ExactValues.AsSpan(0, k);
        var indices = scratch.ExactIndices.AsSpan(0, k);
        TopK.Reset(values, indices);
        var data = _data.AsSpan();
        if (_metric.Kind == DistanceKind.Euclidean)
        {
            for (var j = 0; j < _n; j++)
            {
                var row = data.Slice(j * _d, _d);
                var acc = 0.0;
                for (var t = 0; t < row.Length; t++)
                {
                    var diff = query[t] - row[t];
                    acc += diff * diff;
                }

                TopK.Push(values, indices, acc, j); // an infinite distance is still a candidate
            }
        }
        else
        {
            for (var j = 0; j < _n; j++)
            {
                var acc = _metric.Reduced(query, data.Slice(j * _d, _d));
                TopK.Push(values, indices, acc, j); // an infinite distance is still a candidate
            }
        }

        TopK.Sort(values, indices);
        indices.CopyTo(outIndices);
        for (var j = 0; j < k; j++)
        {
            outDistances[j] = _metric.ReducedToDistance(values[j]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SearchBlock<TStep>(RowSource queries, int q0, int count, int k, int heapSize, Scratch s, int[] outIndices, double[] outDistances)
        where TStep : struct, IPanelStep
    {
        var d = _d;
        var padded = (count + Lanes - 1) & ~(Lanes - 1);
        var src = queries.Span.Slice(q0 * d, count * d);
        var q = s.Query.AsSpan(0, padded * d);
        for (var i = 0; i < count * d; i++)
        {
            q[i] = src[i] - _center[i % d];
        }

        q[(count * d)..].Clear();
        TopK.Reset(s.HeapValues.AsSpan(0, padded * heapSize), s.HeapIndices.AsSpan(0, padded * heapSize));

        for (var p0 = 0; p0 < _panelCount; p0 += _tilePanels)
        {
            var pEnd = Math.Min(p0 + _tilePanels, _panelCount);
            for (var qi = 0; qi < padded; qi += Lanes)
            {
                var p = p0;
                for (; p + 1 < pEnd; p += 2)
                {
                    Kernel4x2<TStep>(s, qi, p, heapSize);
                }

                if (p < pEnd)
                {
                    Kernel4x1<TStep>(s, qi, p, heapSize);
                }
            }
        }

        for (var i = 0; i < count; i++)
        {
            var values = s.HeapValues.AsSpan(i * heapSize, heapSize);
            var indices = s.HeapIndices.AsSpan(i * heapSize, heapSize);
            var outI = outIndices.AsSpan((q0 + i) * k, k);
            var outD = outDistances.AsSpan((q0 + i) * k, k);
            if (_metric.Kind != DistanceKind.Euclidean)
            {
                TopK.Sort(values, indices);
                if ((uint)indices[k - 1] >= (uint)_n)
                {
                    // Fewer than k finite candidates (distances overflowed): the exact scan ranks infinities by index.
                    ExactScan(src.Slice(i * d, d), k, s, outI, outD);
                    continue;
                }

                indices.CopyTo(outI);
                for (var j = 0; j < k; j++)
                {
                    outD[j] = _metric.ReducedToDistance(values[j]);
                }

                continue;
            }

            var query = src.Slice(i * d, d);
            if (!FinishEuclidean(query, q.Slice(i * d, d), values, indices, k, s, outI, outD))
            {
                ExactScan(query, k, s, outI, outD);
            }
        }
    }

    /// <summary>
    /// Re-ranks a query's candidates by the direct-sum squared distance and proves that no row outside the heap can
    /// come before the k-th winner; returns false (the caller rescans) when the proof fails.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool FinishEuclidean(
        ReadOnlySpan<double> query, ReadOnlySpan<double> centred, Span<double> values, Span<int> indices, int k, Scratch s, Span<int> outI, Span<double> outD)
    {
        foreach (var index in indices)
        {
            if ((uint)index >= (uint)_n)
            {
                return false; // an unfilled slot: too few finite surrogates, so rescan exactly
            }
        }

        var worstSurrogate = values[0]; // heap root: the largest |y|^2 - 2 q.y kept
        var pairs = s.Pairs.AsSpan(0, values.Length);
        var data = _data.AsSpan();
        for (var j = 0; j < values.Length; j++)
        {
            var row = data.Slice(indices[j] * _d, _d);
            var acc = 0.0;
            for (var t = 0; t < row.Length; t++)
            {
                var diff = query[t] - row[t];
                acc += diff * diff;
            }

            pairs[j] = new Candidate(acc, indices[j]);
        }

        pairs.Sort(default(CandidateOrder));
        if (values.Length < _n)
        {
            var xx = 0.0;
            for (var t = 0; t < centred.Length; t++)
            {
                xx += centred[t] * centred[t];
            }

            // Every excluded row y has computed surrogate >= worstSurrogate, so its true squared distance is at least
            // xx + worstSurrogate - err; its direct-sum value is then at least that times (1 - rel).
            const double eps = 2.220446049250313e-16;
            var err = (2.0 * (_d + 4) * eps * (xx + (2.0 * _maxNorm))) + (eps * Math.Abs(worstSurrogate));
            var rel = 2.0 * (_d + 2) * eps;
            var bound = (xx + worstSurrogate - err) * (1.0 - rel);
            if (!(pairs[k - 1].Value < bound))
            {
                return false;
            }
        }

        for (var j = 0; j < k; j++)
        {
            outI[j] = pairs[j].Index;
            outD[j] = Math.Sqrt(pairs[j].Value);
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Offer(Scratch s, int query, int heapSize, Vector256<double> candidates, int firstIndex)
    {
        var values = s.HeapValues.AsSpan(query * heapSize, heapSize);
        var mask = Vector256.LessThan(candidates, Vector256.Create(values[0])).ExtractMostSignificantBits();
        while (mask != 0)
        {
            var lane = System.Numerics.BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            var v = candidates.GetElement(lane);
            if (v < values[0])
            {
                TopK.SiftDown(values, s.HeapIndices.AsSpan(query * heapSize, heapSize), v, firstIndex + lane);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Kernel4x2<TStep>(Scratch s, int qi, int p, int heapSize)
        where TStep : struct, IPanelStep
    {
        var d = _d;
        ref var q = ref MemoryMarshal.GetArrayDataReference(s.Query);
        q = ref Unsafe.Add(ref q, qi * d);
        ref var pa = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_panels), p * d * Lanes);
        ref var pb = ref Unsafe.Add(ref pa, d * Lanes);
        var a0 = Vector256<double>.Zero;
        var a1 = Vector256<double>.Zero;
        var a2 = Vector256<double>.Zero;
        var a3 = Vector256<double>.Zero;
        var b0 = Vector256<double>.Zero;
        var b1 = Vector256<double>.Zero;
        var b2 = Vector256<double>.Zero;
        var b3 = Vector256<double>.Zero;
        for (var t = 0; t < d; t++)
        {
            var va = Vector256.LoadUnsafe(ref pa, (nuint)(t * Lanes));
            var vb = Vector256.LoadUnsafe(ref pb, (nuint)(t * Lanes));
            var q0 = Vector256.Create(Unsafe.Add(ref q, t));
            var q1 = Vector256.Create(Unsafe.Add(ref q, d + t));
            var q2 = Vector256.Create(Unsafe.Add(ref q, (2 * d) + t));
            var q3 = Vector256.Create(Unsafe.Add(ref q, (3 * d) + t));
            a0 = TStep.Step(a0, q0, va);
            b0 = TStep.Step(b0, q0, vb);
            a1 = TStep.Step(a1, q1, va);
            b1 = TStep.Step(b1, q1, vb);
            a2 = TStep.Step(a2, q2, va);
            b2 = TStep.Step(b2, q2, vb);
            a3 = TStep.Step(a3, q3, va);
            b3 = TStep.Step(b3, q3, vb);
        }

        var scale = Vector256.Create(_scale);
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(_offsets);
        var oa = Vector256.LoadUnsafe(ref offsets, (nuint)(p * Lanes));
        var ob = Vector256.LoadUnsafe(ref offsets, (nuint)((p + 1) * Lanes));
        Offer(s, qi, heapSize, Vector256.FusedMultiplyAdd(a0, scale, oa), p * Lanes);
        Offer(s, qi, heapSize, Vector256.FusedMultiplyAdd(b0, scale, ob), (p + 1) * Lanes);
        Offer(s, qi + 1, heapSize, Vector256.FusedMultiplyAdd(a1, scale, oa), p * Lanes);
        Offer(s, qi + 1, heapSize, Vector256.FusedMultiplyAdd(b1, scale, ob), (p + 1) * Lanes);
        Offer(s, qi + 2, heapSize, Vector256.FusedMultiplyAdd(a2, scale, oa), p * Lanes);
        Offer(s, qi + 2, heapSize, Vector256.FusedMultiplyAdd(b2, scale, ob), (p + 1) * Lanes);
        Offer(s, qi + 3, heapSize, Vector256.FusedMultiplyAdd(a3, scale, oa), p * Lanes);
        Offer(s, qi + 3, heapSize, Vector256.FusedMultiplyAdd(b3, scale, ob), (p + 1) * Lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Kernel4x1<TStep>(Scratch s, int qi, int p, int heapSize)
        where TStep : struct, IPanelStep
    {
        var d = _d;
        ref var q = ref MemoryMarshal.GetArrayDataReference(s.Query);
        q = ref Unsafe.Add(ref q, qi * d);
        ref var pa = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_panels), p * d * Lanes);
        var a0 = Vector256<double>.Zero;
        var a1 = Vector256<double>.Zero;
        var a2 = Vector256<double>.Zero;
        var a3 = Vector256<double>.Zero;
        for (var t = 0; t < d; t++)
        {
            var va = Vector256.LoadUnsafe(ref pa, (nuint)(t * Lanes));
            a0 = TStep.Step(a0, Vector256.Create(Unsafe.Add(ref q, t)), va);
            a1 = TStep.Step(a1, Vector256.Create(Unsafe.Add(ref q, d + t)), va);
            a2 = TStep.Step(a2, Vector256.Create(Unsafe.Add(ref q, (2 * d) + t)), va);
            a3 = TStep.Step(a3, Vector256.Create(Unsafe.Add(ref q, (3 * d) + t)), va);
        }

        var scale = Vector256.Create(_scale);
        var oa = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_offsets), (nuint)(p * Lanes));
        Offer(s, qi, heapSize, Vector256.FusedMultiplyAdd(a0, scale, oa), p * Lanes);
        Offer(s, qi + 1, heapSize, Vector256.FusedMultiplyAdd(a1, scale, oa), p * Lanes);
        Offer(s, qi + 2, heapSize, Vector256.FusedMultiplyAdd(a2, scale, oa), p * Lanes);
        Offer(s, qi + 3, heapSize, Vector256.FusedMultiplyAdd(a3, scale, oa), p * Lanes);
    }

    /// <summary>A candidate's exact reduced distance and fitted-row index.</summary>
    private readonly record struct Candidate(double Value, int Index);

    /// <summary>Orders candidates by distance, then by lower index.</summary>
    private readonly struct CandidateOrder : IComparer<Candidate>
    {
        public int Compare(Candidate x, Candidate y)
        {
            var c = x.Value.CompareTo(y.Value);
            return c != 0 ? c : x.Index.CompareTo(y.Index);
        }
    }

    /// <summary>
    /// Per-worker buffers, reused across query blocks and rented from the shared array pools, so repeated small
    /// searches (k-means iterations, per-class queries) do not allocate them again.
    /// </summary>
    private sealed class Scratch
    {
        public Scratch(int queries, int d, int heapSize, int k)
        {
            var padded = (queries + Lanes - 1) & ~(Lanes - 1);
            Query = ArrayPool<double>.Shared.Rent(padded * d);
            HeapValues = ArrayPool<double>.Shared.Rent(padded * heapSize);
            HeapIndices = ArrayPool<int>.Shared.Rent(padded * heapSize);
            Pairs = new Candidate[heapSize];
            ExactValues = new double[k];
            ExactIndices = new int[k];
        }

        public double[] Query { get; }

        public double[] HeapValues { get; }

        public int[] HeapIndices { get; }

        public Candidate[] Pairs { get; }

        public double[] ExactValues { get; }

        public int[] ExactIndices { get; }

        public void Return()
        {
            ArrayPool<double>.Shared.Return(Query);
            ArrayPool<double>.Shared.Return(HeapValues);
            ArrayPool<int>.Shared.Return(HeapIndices);
        }
    }
}
