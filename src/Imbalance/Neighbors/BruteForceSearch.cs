using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Imbalance.Sampling;

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
    private const int WideLanes = 8;
    private const int WideQueries = 8;
    private const int QueryBlock = 256;
    private const int TileBytes = 128 * 1024;
    private const int WideTileBytes = 256 * 1024;
    private const int SpareCandidates = 4;

    /// <summary>Indexes of at most this many self-search products (<c>n x n x d</c>: SMOTE's minority of 1,000 rows
    /// x 20 features is 2 x 10^7, of 500 x 200 is 5 x 10^7) may take the precompiled Vector256 kernels (see
    /// <see cref="NarrowTotalProducts"/>); larger ones use the Vector512 kernels, JIT-compiled at their first use
    /// (about 40 ms of CPU for the Euclidean set).</summary>
    internal const long NarrowProducts = 1L << 27;

    /// <summary>The self-search products a process gives to the precompiled Vector256 kernels in all (see
    /// <see cref="NarrowKernelBudget"/>): the first call of a sampler on small or mid-sized data, after which the
    /// Vector512 kernels, faster per product, are worth compiling.</summary>
    internal const long NarrowTotalProducts = 1L << 28;

    /// <summary>The process-wide account of <see cref="NarrowTotalProducts"/>.</summary>
    internal static readonly NarrowKernelBudget NarrowBudget = new(NarrowProducts, NarrowTotalProducts);

    private readonly double[] _data;
    private readonly int _n;
    private readonly int _d;
    private readonly DistanceMetric _metric;
    private readonly double[] _panels;
    private readonly int _panelStart;
    private readonly double[] _offsets;
    private readonly double[] _center;
    private readonly double _scale;
    private readonly double _maxNorm;
    private readonly int _panelCount;
    private readonly int _tilePanels;
    private readonly bool _vectorised;
    private readonly bool _wide;
    private readonly bool _sortedTopK;
    private readonly int _lanes;

    /// <summary>Packs the fitted rows for the widest kernel the hardware accelerates.</summary>
    /// <param name="data">The fitted rows, row-major <c>n x d</c>; kept, never written to.</param>
    /// <param name="n">The number of rows.</param>
    /// <param name="d">The number of features.</param>
    /// <param name="metric">The distance.</param>
    /// <param name="allowSimd">False forces the scalar path (what hardware without Vector256 runs); for tests.</param>
    /// <param name="allowVector512">False forces the Vector256 kernels even where Vector512 is accelerated; for
    /// tests. Every path returns the same bits.</param>
    /// <param name="allowSortedTopK">False makes the Vector512 kernels keep their candidates in heaps even for small
    /// k (the <see cref="SortedTopK"/> vectors otherwise); for tests: both keep the same candidates.</param>
    public BruteForceSearch(double[] data, int n, int d, DistanceMetric metric, bool allowSimd = true, bool allowVector512 = true, bool allowSortedTopK = true)
    {
        _data = data;
        _n = n;
        _d = d;
        _metric = metric;
        _vectorised = allowSimd && Vector256.IsHardwareAccelerated && metric.Kind != DistanceKind.Minkowski;
        _wide = _vectorised && allowVector512 && Vector512Accelerated();
        _sortedTopK = allowSortedTopK;
        _lanes = _wide ? WideLanes : Lanes;
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

        var lanes = _lanes;
        _panelCount = (n + lanes - 1) / lanes;
        // Panels start on a 64-byte boundary so no vector load of a panel straddles two cache lines (a split load
        // costs two): a pinned array whose address never changes, entered at the first aligned element.
        _panels = GC.AllocateArray<double>((_panelCount * d * lanes) + 7, pinned: true);
        var handle = GCHandle.Alloc(_panels, GCHandleType.Pinned);
        _panelStart = (int)((64 - ((nuint)handle.AddrOfPinnedObject() & 63)) & 63) / sizeof(double);
        handle.Free();
        _offsets = new double[_panelCount * lanes];
        _scale = euclidean ? -2.0 : 1.0;
        var maxNorm = 0.0;
        for (var i = 0; i < _panelCount * lanes; i++)
        {
            var panel = i / lanes;
            var lane = i % lanes;
            if (i >= n)
            {
                _offsets[i] = double.PositiveInfinity; // padding rows never win
                continue;
            }

            var norm = 0.0;
            for (var t = 0; t < d; t++)
            {
                var v = data[(i * d) + t] - _center[t];
                _panels[_panelStart + (((panel * d) + t) * lanes) + lane] = v;
                norm += v * v;
            }

            _offsets[i] = euclidean ? norm : 0.0;
            maxNorm = Math.Max(maxNorm, norm);
        }

        _maxNorm = maxNorm;
        _tilePanels = _wide
            ? Math.Max(3, WideTileBytes / (d * lanes * sizeof(double)) / 3 * 3)
            : Math.Max(2, TileBytes / (d * lanes * sizeof(double))) & ~1;
    }

    /// <summary>
    /// Whether an index over <paramref name="n"/> rows of <paramref name="d"/> features should use the Vector512
    /// kernels: not while the process's first small indexes fit in <see cref="NarrowBudget"/> (estimated by a search
    /// of every fitted row, <c>n x n x d</c> products, the neighbour samplers' usual query). Both kernels return the
    /// same bits, so this changes only the time.
    /// </summary>
    internal static bool WideFor(int n, int d) => !NarrowBudget.TakeNarrow((long)n * n * d);

    /// <summary>Asked apart from the constructor: code that tests a Vector512 capability cannot be kept in the
    /// x86-64-v3 ReadyToRun image (the runtime would reject the constructor's precompiled code on AVX-512 hardware),
    /// while the constructor and the Vector256 kernels are precompiled so that a small search compiles nothing.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Vector512Accelerated() => Vector512.IsHardwareAccelerated;

    /// <summary>True when the Vector512 kernels run (for tests).</summary>
    internal bool UsesVector512 => _wide;

    /// <summary>Finds the <paramref name="k"/> nearest fitted rows of every query row.</summary>
    public void Search(RowSource queries, int k, int[] outIndices, double[] outDistances, int maxDegreeOfParallelism, CancellationToken cancellationToken) =>
        Search(queries, k, outIndices, outDistances, maxDegreeOfParallelism, candidates: false, cancellationToken);

    /// <summary>How many candidates the kernels keep per query for <paramref name="k"/> neighbours (for tests).</summary>
    internal int CandidateCount(int k) => _vectorised && _metric.Kind == DistanceKind.Euclidean ? Math.Min(k + SpareCandidates, _n) : k;

    /// <summary>
    /// For tests: the candidates the SIMD kernels keep for each query before the exact re-ranking, i.e. the
    /// <see cref="CandidateCount"/> smallest (surrogate value, index) pairs, sorted, at that stride (unfilled slots hold
    /// +infinity and int.MaxValue). Only for the vectorised metrics.
    /// </summary>
    internal void SearchCandidates(RowSource queries, int k, int[] outIndices, double[] outValues) =>
        Search(queries, k, outIndices, outValues, 1, candidates: true, CancellationToken.None);

    private void Search(RowSource queries, int k, int[] outIndices, double[] outDistances, int maxDegreeOfParallelism, bool candidates, CancellationToken cancellationToken)
    {
        var blocks = (queries.Rows + QueryBlock - 1) / QueryBlock;
        var heapSize = CandidateCount(k);
        // The Vector512 kernels keep up to 16 candidates per query in sorted vectors (0: heaps).
        var sorted = _wide && _sortedTopK && heapSize <= SortedTopK.MaxCapacity ? SortedTopK.Width(heapSize) : 0;
        ParallelLoop.For(
            0,
            blocks,
            maxDegreeOfParallelism,
            () => new Scratch(Math.Min(QueryBlock, queries.Rows), _d, heapSize, k, sorted, candidates),
            (block, scratch) =>
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
                else if (_wide)
                {
                    if (_metric.Kind == DistanceKind.Euclidean)
                    {
                        SearchBlockWide<DotStep>(queries, q0, count, k, heapSize, sorted, scratch, outIndices, outDistances);
                    }
                    else if (_metric.Kind == DistanceKind.Manhattan)
                    {
                        SearchBlockWide<AbsSumStep>(queries, q0, count, k, heapSize, sorted, scratch, outIndices, outDistances);
                    }
                    else
                    {
                        SearchBlockWide<AbsMaxStep>(queries, q0, count, k, heapSize, sorted, scratch, outIndices, outDistances);
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
            scratch => scratch.Return(),
            cancellationToken);
    }

    /// <summary>
    /// The scalar reference: every fitted row's direct-sum reduced distance, a bounded heap, then a sort.
    /// </summary>
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

        FinishBlock(src, q0, count, k, heapSize, s, outIndices, outDistances);
    }

    /// <summary>
    /// The Vector512 path of <see cref="SearchBlock{TStep}"/>: eight queries against three eight-row panels per
    /// kernel call. Each lane accumulates its feature sums in the same order with the same operations as the
    /// Vector256 and scalar kernels, so every surrogate, every kept candidate and every result is bit for bit the same.
    /// With a nonzero <paramref name="sorted"/> (at most 16 candidates per query) the candidates are kept in
    /// <see cref="SortedTopK"/> vectors at that stride (8 or 16) instead of heaps, then handed to the finish as heaps.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SearchBlockWide<TStep>(RowSource queries, int q0, int count, int k, int heapSize, int sorted, Scratch s, int[] outIndices, double[] outDistances)
        where TStep : struct, IPanelStep
    {
        var d = _d;
        var padded = (count + WideQueries - 1) & ~(WideQueries - 1);
        var src = queries.Span.Slice(q0 * d, count * d);

        // Queries interleaved by groups of eight: feature t of query qi + j sits at qi * d + t * 8 + j, so the kernel
        // broadcasts the eight queries' coordinates of one feature from one cache line.
        var q = s.Query.AsSpan(0, padded * d);
        for (var i = 0; i < padded; i++)
        {
            var group = (i & ~(WideQueries - 1)) * d;
            var lane = i & (WideQueries - 1);
            for (var t = 0; t < d; t++)
            {
                q[group + (t * WideQueries) + lane] = i < count ? src[(i * d) + t] - _center[t] : 0.0;
            }
        }

        var stride = sorted != 0 ? sorted : heapSize;
        if (sorted != 0)
        {
            SortedTopK.Reset(s.HeapValues.AsSpan(0, padded * stride), s.SortedIndices.AsSpan(0, padded * stride), heapSize, sorted);
        }
        else
        {
            TopK.Reset(s.HeapValues.AsSpan(0, padded * heapSize), s.HeapIndices.AsSpan(0, padded * heapSize));
        }

        for (var p0 = 0; p0 < _panelCount; p0 += _tilePanels)
        {
            var pEnd = Math.Min(p0 + _tilePanels, _panelCount);
            for (var qi = 0; qi < padded; qi += WideQueries)
            {
                var groups = (pEnd - p0) / 3;
                Kernel8x3<TStep>(s, qi, p0, groups, stride, sorted);
                for (var p = p0 + (3 * groups); p < pEnd; p++)
                {
                    Kernel8x1<TStep>(s, qi, p, stride, sorted);
                }
            }
        }

        if (sorted != 0)
        {
            // Compact to the heaps' stride (query i's lanes move down to i * heapSize, never past query i + 1's).
            for (var i = 0; i < count; i++)
            {
                s.HeapValues.AsSpan(i * sorted, heapSize).CopyTo(s.HeapValues.AsSpan(i * heapSize, heapSize));
                for (var j = 0; j < heapSize; j++)
                {
                    s.HeapIndices[(i * heapSize) + j] = (int)s.SortedIndices[(i * sorted) + j];
                }
            }
        }

        FinishBlock(src, q0, count, k, heapSize, s, outIndices, outDistances);
    }

    /// <summary>Turns each query's heap into its answer: sorted as is, or re-ranked and proven (Euclidean).</summary>
    private void FinishBlock(ReadOnlySpan<double> src, int q0, int count, int k, int heapSize, Scratch s, int[] outIndices, double[] outDistances)
    {
        var d = _d;
        for (var i = 0; i < count; i++)
        {
            var values = s.HeapValues.AsSpan(i * heapSize, heapSize);
            var indices = s.HeapIndices.AsSpan(i * heapSize, heapSize);
            if (s.Candidates)
            {
                TopK.Sort(values, indices);
                values.CopyTo(outDistances.AsSpan((q0 + i) * heapSize, heapSize));
                indices.CopyTo(outIndices.AsSpan((q0 + i) * heapSize, heapSize));
                continue;
            }

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
            if (!FinishEuclidean(query, values, indices, k, s, outI, outD))
            {
                ExactScan(query, k, s, outI, outD);
            }
        }
    }

    /// <summary>
    /// Re-ranks a query's candidates by the direct-sum squared distance and proves that no row outside the heap can
    /// come before the k-th winner; returns false (the caller rescans) when the proof fails.
    /// </summary>
    private bool FinishEuclidean(
        ReadOnlySpan<double> query, Span<double> values, Span<int> indices, int k, Scratch s, Span<int> outI, Span<double> outD)
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

        SortCandidates(pairs);
        if (values.Length < _n)
        {
            // |q - center|^2 of the centred query the kernel saw (the same subtraction, so the same bits).
            var xx = 0.0;
            for (var t = 0; t < query.Length; t++)
            {
                var c = query[t] - _center[t];
                xx += c * c;
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
    private static void Offer(Scratch s, int query, int heapSize, ref double candidates, int firstIndex)
    {
        var values = s.HeapValues.AsSpan(query * heapSize, heapSize);
        var mask = Vector256.LessThan(Vector256.LoadUnsafe(ref candidates), Vector256.Create(values[0])).ExtractMostSignificantBits();
        while (mask != 0)
        {
            var lane = System.Numerics.BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            var v = Unsafe.Add(ref candidates, lane);
            if (v < values[0])
            {
                TopK.SiftDown(values, s.HeapIndices.AsSpan(query * heapSize, heapSize), v, firstIndex + lane);
            }
        }
    }

    /// <summary>
    /// Offers the stored surrogates of four queries against <paramref name="panels"/> consecutive panels from
    /// <paramref name="p"/>, query by query in increasing row order. The kernels store before offering: an
    /// accumulator live across the heap's calls would be spilled by the register allocator on every feature.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void OfferRows(Scratch s, int qi, int p, int panels, int heapSize)
    {
        ref var o = ref MemoryMarshal.GetArrayDataReference(s.Surrogates);
        for (var j = 0; j < Lanes; j++)
        {
            for (var c = 0; c < panels; c++)
            {
                Offer(s, qi + j, heapSize, ref Unsafe.Add(ref o, ((j * panels) + c) * Lanes), (p + c) * Lanes);
            }
        }
    }

    private void Kernel4x2<TStep>(Scratch s, int qi, int p, int heapSize)
        where TStep : struct, IPanelStep
    {
        var d = _d;
        ref var q = ref MemoryMarshal.GetArrayDataReference(s.Query);
        q = ref Unsafe.Add(ref q, qi * d);
        ref var pa = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_panels), _panelStart + (p * d * Lanes));
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
        a0 = Vector256.FusedMultiplyAdd(a0, scale, oa);
        b0 = Vector256.FusedMultiplyAdd(b0, scale, ob);
        a1 = Vector256.FusedMultiplyAdd(a1, scale, oa);
        b1 = Vector256.FusedMultiplyAdd(b1, scale, ob);
        a2 = Vector256.FusedMultiplyAdd(a2, scale, oa);
        b2 = Vector256.FusedMultiplyAdd(b2, scale, ob);
        a3 = Vector256.FusedMultiplyAdd(a3, scale, oa);
        b3 = Vector256.FusedMultiplyAdd(b3, scale, ob);

        // Compare with the four heap roots in registers; store and offer (a call) only when something beats one.
        ref var roots = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(s.HeapValues), qi * heapSize);
        var r0 = Vector256.Create(roots);
        var r1 = Vector256.Create(Unsafe.Add(ref roots, heapSize));
        var r2 = Vector256.Create(Unsafe.Add(ref roots, 2 * heapSize));
        var r3 = Vector256.Create(Unsafe.Add(ref roots, 3 * heapSize));
        var any = Vector256.LessThan(a0, r0) | Vector256.LessThan(b0, r0) | Vector256.LessThan(a1, r1) | Vector256.LessThan(b1, r1)
            | Vector256.LessThan(a2, r2) | Vector256.LessThan(b2, r2) | Vector256.LessThan(a3, r3) | Vector256.LessThan(b3, r3);
        if (any == Vector256<double>.Zero)
        {
            return;
        }

        ref var o = ref MemoryMarshal.GetArrayDataReference(s.Surrogates);
        a0.StoreUnsafe(ref o, 0);
        b0.StoreUnsafe(ref o, 4);
        a1.StoreUnsafe(ref o, 8);
        b1.StoreUnsafe(ref o, 12);
        a2.StoreUnsafe(ref o, 16);
        b2.StoreUnsafe(ref o, 20);
        a3.StoreUnsafe(ref o, 24);
        b3.StoreUnsafe(ref o, 28);
        OfferRows(s, qi, p, 2, heapSize);
    }

    private void Kernel4x1<TStep>(Scratch s, int qi, int p, int heapSize)
        where TStep : struct, IPanelStep
    {
        var d = _d;
        ref var q = ref MemoryMarshal.GetArrayDataReference(s.Query);
        q = ref Unsafe.Add(ref q, qi * d);
        ref var pa = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_panels), _panelStart + (p * d * Lanes));
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
        ref var o = ref MemoryMarshal.GetArrayDataReference(s.Surrogates);
        Vector256.FusedMultiplyAdd(a0, scale, oa).StoreUnsafe(ref o, 0);
        Vector256.FusedMultiplyAdd(a1, scale, oa).StoreUnsafe(ref o, 4);
        Vector256.FusedMultiplyAdd(a2, scale, oa).StoreUnsafe(ref o, 8);
        Vector256.FusedMultiplyAdd(a3, scale, oa).StoreUnsafe(ref o, 12);
        OfferRows(s, qi, p, 1, heapSize);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void OfferWide(Scratch s, int query, int heapSize, Vector512<double> candidates, int firstIndex)
    {
        var values = s.HeapValues.AsSpan(query * heapSize, heapSize);
        var mask = Vector512.LessThan(candidates, Vector512.Create(values[0])).ExtractMostSignificantBits();
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

    /// <summary>
    /// The rare path of the wide kernels: offers the stored surrogates of the queries flagged in
    /// <paramref name="hits"/> (bit j for query <c>qi + j</c>; the others have none below their heap's root) against
    /// <paramref name="panels"/> consecutive panels from <paramref name="p"/>, query by query in increasing row order,
    /// so every heap sees exactly the offers the Vector256 kernels make.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void OfferWideRows(Scratch s, int qi, int p, int panels, int heapSize, uint hits)
    {
        ref var o = ref MemoryMarshal.GetArrayDataReference(s.Surrogates);
        while (hits != 0)
        {
            var j = System.Numerics.BitOperations.TrailingZeroCount(hits);
            hits &= hits - 1;
            for (var c = 0; c < panels; c++)
            {
                OfferWide(s, qi + j, heapSize, Vector512.LoadUnsafe(ref o, (nuint)(((j * panels) + c) * WideLanes)), (p + c) * WideLanes);
            }
        }
    }

    /// <summary>
    /// <see cref="OfferWideRows"/> for <see cref="SortedTopK"/> stores of <paramref name="width"/> lanes: for each
    /// flagged query, the stored surrogates below its worst kept value (a bit mask over the <c>8 x panels</c> rows) are
    /// inserted in increasing row order, each with a few branch-free vector operations, into the query's vectors held
    /// in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void OfferSortedRows(Scratch s, int qi, int p, int panels, uint hits, int width)
    {
        ref var o = ref MemoryMarshal.GetArrayDataReference(s.Surrogates);
        ref var storedValues = ref MemoryMarshal.GetArrayDataReference(s.HeapValues);
        ref var storedIndices = ref MemoryMarshal.GetArrayDataReference(s.SortedIndices);
        var first = p * WideLanes;
        while (hits != 0)
        {
            var j = System.Numerics.BitOperations.TrailingZeroCount(hits);
            hits &= hits - 1;
            var at = (nuint)((qi + j) * width);
            ref var candidates = ref Unsafe.Add(ref o, j * panels * WideLanes);
            var values = Vector512.LoadUnsafe(ref storedValues, at);
            var indices = Vector512.LoadUnsafe(ref storedIndices, at);
            var worst = Vector512.Create(values.ToScalar());
            var mask = 0UL;
            for (var c = 0; c < panels; c++)
            {
                mask |= (ulong)Vector512.LessThan(Vector512.LoadUnsafe(ref candidates, (nuint)(c * WideLanes)), worst).ExtractMostSignificantBits() << (c * WideLanes);
            }

            // No test against the current worst below: an insertion of a candidate that no longer beats it changes
            // nothing.
            if (width == 8)
            {
                while (mask != 0)
                {
                    var b = System.Numerics.BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    SortedTopK.Insert(ref values, ref indices, Vector512.Create(Unsafe.Add(ref candidates, b)), Vector512.Create((long)(first + b)));
                }
            }
            else
            {
                var secondValues = Vector512.LoadUnsafe(ref storedValues, at + 8);
                var secondIndices = Vector512.LoadUnsafe(ref storedIndices, at + 8);
                while (mask != 0)
                {
                    var b = System.Numerics.BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    SortedTopK.Insert(ref values, ref secondValues, ref indices, ref secondIndices, Vector512.Create(Unsafe.Add(ref candidates, b)), Vector512.Create((long)(first + b)));
                }

                secondValues.StoreUnsafe(ref storedValues, at + 8);
                secondIndices.StoreUnsafe(ref storedIndices, at + 8);
            }

            values.StoreUnsafe(ref storedValues, at);
            indices.StoreUnsafe(ref storedIndices, at);
        }
    }

    /// <summary>
    /// Eight queries (broadcast) against <paramref name="groups"/> successive groups of three eight-row panels from
    /// <paramref name="p"/>: 24 independent accumulators, enough to keep both 512-bit FMA pipes busy through their
    /// latency, with three panel loads and eight broadcasts per feature. A group's surrogates are compared with the
    /// eight heap roots in registers; only when one beats a root are they stored and offered (a call), so no
    /// accumulator is live across a call and none is spilled in the loop. <paramref name="heapSize"/> is the stride
    /// of the queries' candidate stores; a nonzero <paramref name="sorted"/> says they are <see cref="SortedTopK"/>
    /// vectors of that width.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Kernel8x3<TStep>(Scratch s, int qi, int p, int groups, int heapSize, int sorted)
        where TStep : struct, IPanelStep
    {
        var d = _d;
        var stride = d * WideLanes;
        ref var q = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(s.Query), qi * d);
        ref var roots = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(s.HeapValues), qi * heapSize);
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(_offsets);
        ref var o = ref MemoryMarshal.GetArrayDataReference(s.Surrogates);
        for (var g = 0; g < groups; g++, p += 3)
        {
            ref var pa = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_panels), _panelStart + (p * stride));
            ref var pb = ref Unsafe.Add(ref pa, stride);
            ref var pc = ref Unsafe.Add(ref pb, stride);
            var a0 = Vector512<double>.Zero;
            var b0 = Vector512<double>.Zero;
            var c0 = Vector512<double>.Zero;
            var a1 = Vector512<double>.Zero;
            var b1 = Vector512<double>.Zero;
            var c1 = Vector512<double>.Zero;
            var a2 = Vector512<double>.Zero;
            var b2 = Vector512<double>.Zero;
            var c2 = Vector512<double>.Zero;
            var a3 = Vector512<double>.Zero;
            var b3 = Vector512<double>.Zero;
            var c3 = Vector512<double>.Zero;
            var a4 = Vector512<double>.Zero;
            var b4 = Vector512<double>.Zero;
            var c4 = Vector512<double>.Zero;
            var a5 = Vector512<double>.Zero;
            var b5 = Vector512<double>.Zero;
            var c5 = Vector512<double>.Zero;
            var a6 = Vector512<double>.Zero;
            var b6 = Vector512<double>.Zero;
            var c6 = Vector512<double>.Zero;
            var a7 = Vector512<double>.Zero;
            var b7 = Vector512<double>.Zero;
            var c7 = Vector512<double>.Zero;
            for (var t = 0; t < d; t++)
            {
                var at = (nuint)(t * WideLanes);
                var va = Vector512.LoadUnsafe(ref pa, at);
                var vb = Vector512.LoadUnsafe(ref pb, at);
                var vc = Vector512.LoadUnsafe(ref pc, at);
                ref var qt = ref Unsafe.Add(ref q, at);
                var x0 = Vector512.Create(qt);
                a0 = TStep.Step(a0, x0, va);
                b0 = TStep.Step(b0, x0, vb);
                c0 = TStep.Step(c0, x0, vc);
                var x1 = Vector512.Create(Unsafe.Add(ref qt, 1));
                a1 = TStep.Step(a1, x1, va);
                b1 = TStep.Step(b1, x1, vb);
                c1 = TStep.Step(c1, x1, vc);
                var x2 = Vector512.Create(Unsafe.Add(ref qt, 2));
                a2 = TStep.Step(a2, x2, va);
                b2 = TStep.Step(b2, x2, vb);
                c2 = TStep.Step(c2, x2, vc);
                var x3 = Vector512.Create(Unsafe.Add(ref qt, 3));
                a3 = TStep.Step(a3, x3, va);
                b3 = TStep.Step(b3, x3, vb);
                c3 = TStep.Step(c3, x3, vc);
                var x4 = Vector512.Create(Unsafe.Add(ref qt, 4));
                a4 = TStep.Step(a4, x4, va);
                b4 = TStep.Step(b4, x4, vb);
                c4 = TStep.Step(c4, x4, vc);
                var x5 = Vector512.Create(Unsafe.Add(ref qt, 5));
                a5 = TStep.Step(a5, x5, va);
                b5 = TStep.Step(b5, x5, vb);
                c5 = TStep.Step(c5, x5, vc);
                var x6 = Vector512.Create(Unsafe.Add(ref qt, 6));
                a6 = TStep.Step(a6, x6, va);
                b6 = TStep.Step(b6, x6, vb);
                c6 = TStep.Step(c6, x6, vc);
                var x7 = Vector512.Create(Unsafe.Add(ref qt, 7));
                a7 = TStep.Step(a7, x7, va);
                b7 = TStep.Step(b7, x7, vb);
                c7 = TStep.Step(c7, x7, vc);
            }

            var scale = Vector512.Create(_scale);
            var oa = Vector512.LoadUnsafe(ref offsets, (nuint)(p * WideLanes));
            var ob = Vector512.LoadUnsafe(ref offsets, (nuint)((p + 1) * WideLanes));
            var oc = Vector512.LoadUnsafe(ref offsets, (nuint)((p + 2) * WideLanes));
            a0 = Vector512.FusedMultiplyAdd(a0, scale, oa);
            b0 = Vector512.FusedMultiplyAdd(b0, scale, ob);
            c0 = Vector512.FusedMultiplyAdd(c0, scale, oc);
            a1 = Vector512.FusedMultiplyAdd(a1, scale, oa);
            b1 = Vector512.FusedMultiplyAdd(b1, scale, ob);
            c1 = Vector512.FusedMultiplyAdd(c1, scale, oc);
            a2 = Vector512.FusedMultiplyAdd(a2, scale, oa);
            b2 = Vector512.FusedMultiplyAdd(b2, scale, ob);
            c2 = Vector512.FusedMultiplyAdd(c2, scale, oc);
            a3 = Vector512.FusedMultiplyAdd(a3, scale, oa);
            b3 = Vector512.FusedMultiplyAdd(b3, scale, ob);
            c3 = Vector512.FusedMultiplyAdd(c3, scale, oc);
            a4 = Vector512.FusedMultiplyAdd(a4, scale, oa);
            b4 = Vector512.FusedMultiplyAdd(b4, scale, ob);
            c4 = Vector512.FusedMultiplyAdd(c4, scale, oc);
            a5 = Vector512.FusedMultiplyAdd(a5, scale, oa);
            b5 = Vector512.FusedMultiplyAdd(b5, scale, ob);
            c5 = Vector512.FusedMultiplyAdd(c5, scale, oc);
            a6 = Vector512.FusedMultiplyAdd(a6, scale, oa);
            b6 = Vector512.FusedMultiplyAdd(b6, scale, ob);
            c6 = Vector512.FusedMultiplyAdd(c6, scale, oc);
            a7 = Vector512.FusedMultiplyAdd(a7, scale, oa);
            b7 = Vector512.FusedMultiplyAdd(b7, scale, ob);
            c7 = Vector512.FusedMultiplyAdd(c7, scale, oc);
            var hits = 0u;
            var r0 = Vector512.Create(roots);
            hits |= (Vector512.LessThan(a0, r0) | Vector512.LessThan(b0, r0) | Vector512.LessThan(c0, r0)) == Vector512<double>.Zero ? 0u : 1u;
            var r1 = Vector512.Create(Unsafe.Add(ref roots, 1 * heapSize));
            hits |= (Vector512.LessThan(a1, r1) | Vector512.LessThan(b1, r1) | Vector512.LessThan(c1, r1)) == Vector512<double>.Zero ? 0u : 2u;
            var r2 = Vector512.Create(Unsafe.Add(ref roots, 2 * heapSize));
            hits |= (Vector512.LessThan(a2, r2) | Vector512.LessThan(b2, r2) | Vector512.LessThan(c2, r2)) == Vector512<double>.Zero ? 0u : 4u;
            var r3 = Vector512.Create(Unsafe.Add(ref roots, 3 * heapSize));
            hits |= (Vector512.LessThan(a3, r3) | Vector512.LessThan(b3, r3) | Vector512.LessThan(c3, r3)) == Vector512<double>.Zero ? 0u : 8u;
            var r4 = Vector512.Create(Unsafe.Add(ref roots, 4 * heapSize));
            hits |= (Vector512.LessThan(a4, r4) | Vector512.LessThan(b4, r4) | Vector512.LessThan(c4, r4)) == Vector512<double>.Zero ? 0u : 16u;
            var r5 = Vector512.Create(Unsafe.Add(ref roots, 5 * heapSize));
            hits |= (Vector512.LessThan(a5, r5) | Vector512.LessThan(b5, r5) | Vector512.LessThan(c5, r5)) == Vector512<double>.Zero ? 0u : 32u;
            var r6 = Vector512.Create(Unsafe.Add(ref roots, 6 * heapSize));
            hits |= (Vector512.LessThan(a6, r6) | Vector512.LessThan(b6, r6) | Vector512.LessThan(c6, r6)) == Vector512<double>.Zero ? 0u : 64u;
            var r7 = Vector512.Create(Unsafe.Add(ref roots, 7 * heapSize));
            hits |= (Vector512.LessThan(a7, r7) | Vector512.LessThan(b7, r7) | Vector512.LessThan(c7, r7)) == Vector512<double>.Zero ? 0u : 128u;
            if (hits == 0)
            {
                continue;
            }

            a0.StoreUnsafe(ref o, 0);
            b0.StoreUnsafe(ref o, 8);
            c0.StoreUnsafe(ref o, 16);
            a1.StoreUnsafe(ref o, 24);
            b1.StoreUnsafe(ref o, 32);
            c1.StoreUnsafe(ref o, 40);
            a2.StoreUnsafe(ref o, 48);
            b2.StoreUnsafe(ref o, 56);
            c2.StoreUnsafe(ref o, 64);
            a3.StoreUnsafe(ref o, 72);
            b3.StoreUnsafe(ref o, 80);
            c3.StoreUnsafe(ref o, 88);
            a4.StoreUnsafe(ref o, 96);
            b4.StoreUnsafe(ref o, 104);
            c4.StoreUnsafe(ref o, 112);
            a5.StoreUnsafe(ref o, 120);
            b5.StoreUnsafe(ref o, 128);
            c5.StoreUnsafe(ref o, 136);
            a6.StoreUnsafe(ref o, 144);
            b6.StoreUnsafe(ref o, 152);
            c6.StoreUnsafe(ref o, 160);
            a7.StoreUnsafe(ref o, 168);
            b7.StoreUnsafe(ref o, 176);
            c7.StoreUnsafe(ref o, 184);
            if (sorted != 0)
            {
                OfferSortedRows(s, qi, p, 3, hits, sorted);
            }
            else
            {
                OfferWideRows(s, qi, p, 3, heapSize, hits);
            }
        }
    }

    /// <summary>Eight queries against one eight-row panel: the tail of the last tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Kernel8x1<TStep>(Scratch s, int qi, int p, int heapSize, int sorted)
        where TStep : struct, IPanelStep
    {
        var d = _d;
        ref var q = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(s.Query), qi * d);
        ref var pa = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_panels), _panelStart + (p * d * WideLanes));
        var a0 = Vector512<double>.Zero;
        var a1 = Vector512<double>.Zero;
        var a2 = Vector512<double>.Zero;
        var a3 = Vector512<double>.Zero;
        var a4 = Vector512<double>.Zero;
        var a5 = Vector512<double>.Zero;
        var a6 = Vector512<double>.Zero;
        var a7 = Vector512<double>.Zero;
        for (var t = 0; t < d; t++)
        {
            var at = (nuint)(t * WideLanes);
            var va = Vector512.LoadUnsafe(ref pa, at);
            ref var qt = ref Unsafe.Add(ref q, at);
            a0 = TStep.Step(a0, Vector512.Create(qt), va);
            a1 = TStep.Step(a1, Vector512.Create(Unsafe.Add(ref qt, 1)), va);
            a2 = TStep.Step(a2, Vector512.Create(Unsafe.Add(ref qt, 2)), va);
            a3 = TStep.Step(a3, Vector512.Create(Unsafe.Add(ref qt, 3)), va);
            a4 = TStep.Step(a4, Vector512.Create(Unsafe.Add(ref qt, 4)), va);
            a5 = TStep.Step(a5, Vector512.Create(Unsafe.Add(ref qt, 5)), va);
            a6 = TStep.Step(a6, Vector512.Create(Unsafe.Add(ref qt, 6)), va);
            a7 = TStep.Step(a7, Vector512.Create(Unsafe.Add(ref qt, 7)), va);
        }

        var scale = Vector512.Create(_scale);
        var oa = Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_offsets), (nuint)(p * WideLanes));
        ref var o = ref MemoryMarshal.GetArrayDataReference(s.Surrogates);
        Vector512.FusedMultiplyAdd(a0, scale, oa).StoreUnsafe(ref o, 0);
        Vector512.FusedMultiplyAdd(a1, scale, oa).StoreUnsafe(ref o, 8);
        Vector512.FusedMultiplyAdd(a2, scale, oa).StoreUnsafe(ref o, 16);
        Vector512.FusedMultiplyAdd(a3, scale, oa).StoreUnsafe(ref o, 24);
        Vector512.FusedMultiplyAdd(a4, scale, oa).StoreUnsafe(ref o, 32);
        Vector512.FusedMultiplyAdd(a5, scale, oa).StoreUnsafe(ref o, 40);
        Vector512.FusedMultiplyAdd(a6, scale, oa).StoreUnsafe(ref o, 48);
        Vector512.FusedMultiplyAdd(a7, scale, oa).StoreUnsafe(ref o, 56);
        if (sorted != 0)
        {
            OfferSortedRows(s, qi, p, 1, 0xFF, sorted);
        }
        else
        {
            OfferWideRows(s, qi, p, 1, heapSize, 0xFF);
        }
    }

    /// <summary>
    /// Sorts candidates by exact distance, then index (distinct pairs, so one order whatever the sort). The usual few
    /// (k plus four spares) by insertion, inline: the framework's sort with a struct comparer goes through a delegate
    /// per comparison and is a generic instantiation compiled unoptimised at the first call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SortCandidates(Span<Candidate> pairs)
    {
        if (pairs.Length > 32)
        {
            pairs.Sort(default(CandidateOrder));
            return;
        }

        for (var a = 1; a < pairs.Length; a++)
        {
            var pair = pairs[a];
            var b = a - 1;
            while (b >= 0 && default(CandidateOrder).Compare(pair, pairs[b]) < 0)
            {
                pairs[b + 1] = pairs[b];
                b--;
            }

            pairs[b + 1] = pair;
        }
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
        public Scratch(int queries, int d, int heapSize, int k, int sorted, bool candidates)
        {
            var padded = (queries + WideQueries - 1) & ~(WideQueries - 1);
            Query = ArrayPool<double>.Shared.Rent(padded * d);
            HeapValues = ArrayPool<double>.Shared.Rent(padded * Math.Max(sorted, heapSize));
            HeapIndices = ArrayPool<int>.Shared.Rent(padded * heapSize);
            SortedIndices = sorted != 0 ? ArrayPool<long>.Shared.Rent(padded * sorted) : [];
            Candidates = candidates;
            Pairs = new Candidate[heapSize];
            Surrogates = new double[WideQueries * 3 * WideLanes];
            ExactValues = new double[k];
            ExactIndices = new int[k];
        }

        public double[] Query { get; }

        public double[] HeapValues { get; }

        public int[] HeapIndices { get; }

        /// <summary>The indices of the <see cref="SortedTopK"/> stores (their values are in <see cref="HeapValues"/>).</summary>
        public long[] SortedIndices { get; }

        /// <summary>True when the blocks report their kept candidates instead of neighbours (for tests).</summary>
        public bool Candidates { get; }

        public Candidate[] Pairs { get; }

        /// <summary>One kernel call's surrogates, stored before they are offered to the heaps.</summary>
        public double[] Surrogates { get; }

        public double[] ExactValues { get; }

        public int[] ExactIndices { get; }

        public void Return()
        {
            ArrayPool<double>.Shared.Return(Query);
            ArrayPool<double>.Shared.Return(HeapValues);
            ArrayPool<int>.Shared.Return(HeapIndices);
            if (SortedIndices.Length > 0)
            {
                ArrayPool<long>.Shared.Return(SortedIndices);
            }
        }
    }
}
