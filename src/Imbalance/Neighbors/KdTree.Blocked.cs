using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Imbalance.Sampling;

namespace Imbalance.Neighbors;

/// <summary>
/// The blocked KD-tree search: queries that fall into the same leaf are searched together, a block of up to
/// <see cref="MaxBlock"/> at a time, walking the tree once per block instead of once per query, and computing
/// distances eight queries at a time in SIMD lanes.
/// </summary>
/// <remarks>
/// <para>Exactness. The answer is fully determined by the data: the <c>k</c> smallest (reduced distance, fitted-row
/// index) pairs, where the reduced distance is the direct sum over features in order. Each lane computes exactly that
/// sum (one subtraction, one multiplication and one addition per feature, in feature order, no fused multiply-add),
/// so every candidate's value is bit for bit the value the one-query search computes; each query's sorted list (or
/// <see cref="TopK"/> heap, for large k) keeps the k smallest (value, index) pairs under the same strict total order,
/// so the set and its order are those of the one-query search. The search only has to offer every row that belongs in the answer:</para>
/// <list type="bullet">
/// <item>A node is skipped only when its lower bound is strictly above the current k-th value of every query in the
/// block (a row at exactly the k-th value may still win on index). The block bound is the sum of per-feature gaps
/// between the block's bounding box and the node's box; floating-point subtraction, squaring and addition are
/// monotone, so it is at most the computed distance of any query of the block to any row of the node.</item>
/// <item>In a leaf, each query lane is first checked against its own bound to the leaf's box, then a row is offered
/// to a query only when its value is at most the query's current k-th value; <see cref="TopK.Push"/> makes the exact
/// (value, index) decision. With six or more features, a row is dropped early when the sum over its first half of
/// the features already exceeds every active lane's k-th value: adding non-negative terms never lowers a
/// floating-point sum, so the full sum would exceed it too.</item>
/// </list>
/// <para>From five features on (where the block's box prunes almost nothing), each lane's own bound is also checked at
/// every internal node the walk enters, and a lane left out there is left out below (<see cref="Reach"/>); a leaf that
/// only a few lanes of a group reach is scanned by each of those lanes alone, eight rows per vector from a
/// feature-major copy of the leaf (<see cref="ScanLane"/>). Both compute the same sums in the same order and offer rows
/// under the same rule, so the answers, their order and their distances are unchanged.</para>
/// </remarks>
internal sealed partial class KdTree
{
    /// <summary>The most queries searched together (a multiple of <see cref="Lanes"/>).</summary>
    private const int MaxBlock = 64;

    /// <summary>Up to this many neighbours, each query keeps a sorted list (cheap insertion, no final sort); above
    /// it, a <see cref="TopK"/> heap.</summary>
    private const int SortedListLimit = 16;

    /// <summary>Up to this many neighbours, each lane's bound is seeded from its home leaf before the walk.</summary>
    private const int SeedLimit = 8;

    /// <summary>Queries per SIMD group: one <see cref="Vector512{T}"/> of doubles.</summary>
    private const int Lanes = 8;

    /// <summary>From this many features on, the walk checks each lane's own bound at every node it visits
    /// (<see cref="Reach"/>: the block's box prunes little there), and a leaf that few lanes of a group reach is scanned
    /// lane by lane, eight rows at a time (<see cref="ScanLane"/>), instead of eight lanes at a time row by row.</summary>
    private const int PerLaneFeatures = 5;

    /// <summary>A group scans lane by lane when (reaching lanes) x (leaf rows rounded up to eight) is at most this
    /// many times the leaf's rows, i.e. when about six or fewer of its eight lanes reach the leaf.</summary>
    private const int PerLaneShare = 6;

    /// <summary>Searches blocks of queries that share a leaf (see the type's remarks).</summary>
    /// <remarks><paramref name="narrow"/> (tests only) forces the Vector256 kernels (true) or the Vector512 ones
    /// (false); by default a process's first searches of at most <see cref="NarrowBlockedPairs"/> query x row pairs
    /// take the Vector256 ones, up to <see cref="NarrowBlockedTotalPairs"/> pairs in all (<see cref="NarrowBudget"/>),
    /// and later ones the Vector512 ones. Set-up code without Vector512: precompiled, so a small search compiles
    /// nothing.</remarks>
    internal void SearchBlocked(RowSource queries, int k, int[] outIndices, double[] outDistances, int maxDegreeOfParallelism, CancellationToken cancellationToken, bool? narrow = null)
    {
        var blockSize = BlockSize(k);
        int[] order;
        List<(int Start, int End, int Leaf)> blocks;
        if (IsFittedRows(queries))
        {
            // The fitted rows themselves (TomekLinks, the no-argument KNeighbors): each leaf's own rows form its run.
            order = _order;
            blocks = new List<(int Start, int End, int Leaf)>();
            for (var node = 0; node < _leaf.Length; node++)
            {
                if (_leaf[node])
                {
                    AddBlocks(blocks, _start[node], _end[node], node, blockSize);
                }
            }
        }
        else
        {
            order = LeafOrder(queries, out var leafEnds);
            blocks = new List<(int Start, int End, int Leaf)>();
            var start = 0;
            for (var node = 0; node < leafEnds.Length - 1; node++)
            {
                AddBlocks(blocks, start, leafEnds[node], node, blockSize);
                start = leafEnds[node];
            }
        }

        Run(queries, order, order, blocks, k, blockSize, outIndices, outDistances, maxDegreeOfParallelism, narrow, cancellationToken);
    }

    /// <summary>
    /// Finds the <paramref name="k"/> nearest fitted rows of some fitted rows themselves: output row <c>q</c> answers
    /// fitted row <c>rows[q]</c>, exactly as <see cref="SearchBlocked"/> answers a copy of those rows, without copying
    /// them or descending the tree to find their leaves (each fitted row's leaf is known).
    /// </summary>
    /// <remarks><paramref name="narrow"/>: as for <see cref="SearchBlocked"/>.</remarks>
    internal void SearchFittedBlocked(ReadOnlySpan<int> rows, int k, int[] outIndices, double[] outDistances, int maxDegreeOfParallelism, CancellationToken cancellationToken, bool? narrow = null)
    {
        var blockSize = BlockSize(k);
        var m = rows.Length;

        // Counting sort of the queries by their fitted row's tree position.
        var position = Positions();
        var starts = new int[_n + 1];
        foreach (var row in rows)
        {
            starts[position[row] + 1]++;
        }

        for (var p = 0; p < _n; p++)
        {
            starts[p + 1] += starts[p];
        }

        var cursor = starts.AsSpan(0, _n).ToArray();
        var slots = new int[m];
        var queryRows = new int[m];
        for (var q = 0; q < m; q++)
        {
            var at = cursor[position[rows[q]]]++;
            slots[at] = q;
            queryRows[at] = rows[q];
        }

        var blocks = new List<(int Start, int End, int Leaf)>();
        for (var node = 0; node < _leaf.Length; node++)
        {
            if (_leaf[node] && _start[node] < _end[node])
            {
                AddBlocks(blocks, starts[_start[node]], starts[_end[node]], node, blockSize);
            }
        }

        Run(new RowSource(_source, _n, _d), queryRows, slots, blocks, k, blockSize, outIndices, outDistances, maxDegreeOfParallelism, narrow, cancellationToken);
    }

    /// <summary>Searches the blocks in parallel: block <c>b</c> covers <c>[Start, End)</c> of
    /// <paramref name="queryRows"/> (rows of <paramref name="queries"/>) and writes output rows
    /// <paramref name="slots"/> of the same range. A search that <see cref="NarrowBudget"/> grants (a small one early
    /// in the process) uses the precompiled Vector256 kernels (<see cref="SearchBlockNarrow"/>), any other the
    /// Vector512 ones, unless <paramref name="narrow"/> forces one; the answer is the same bit for bit.</summary>
    private void Run(RowSource queries, int[] queryRows, int[] slots, List<(int Start, int End, int Leaf)> blocks, int k, int blockSize, int[] outIndices, double[] outDistances, int maxDegreeOfParallelism, bool? narrow, CancellationToken cancellationToken)
    {
        var useNarrow = narrow ?? NarrowBudget.TakeNarrow((long)queryRows.Length * _n);
        ParallelLoop.For(
            0,
            blocks.Count,
            maxDegreeOfParallelism,
            () => new BlockState(_d, k, blockSize, _leaf.Length),
            (block, state) =>
            {
                var (q0, q1, leaf) = blocks[block];
                if (useNarrow)
                {
                    SearchBlockNarrow(queries.Span, queryRows.AsSpan(q0, q1 - q0), leaf, state);
                }
                else
                {
                    SearchBlock(queries.Span, queryRows.AsSpan(q0, q1 - q0), leaf, state);
                }

                Write(slots.AsSpan(q0, q1 - q0), state, outIndices, outDistances);
                return state;
            },
            _ => { },
            cancellationToken);
    }

    /// <summary>The tree position of every fitted row (the inverse of <see cref="_order"/>), made on first use.</summary>
    private int[] Positions()
    {
        var position = _position;
        if (position is null)
        {
            position = new int[_n];
            for (var p = 0; p < _n; p++)
            {
                position[_order[p]] = p;
            }

            _position = position;
        }

        return position;
    }

    /// <summary>Whether the queries are the very rows this tree was built from (same array, same count).</summary>
    private bool IsFittedRows(RowSource queries)
    {
        if (queries.Rows != _n || _n == 0)
        {
            return false;
        }

        var span = queries.Span;
        return span.Length == _n * _d && Unsafe.AreSame(ref MemoryMarshal.GetReference(span), ref MemoryMarshal.GetArrayDataReference(_source));
    }

    /// <summary>Queries per block: fewer for large <paramref name="k"/>, so the per-thread heaps stay small.</summary>
    private static int BlockSize(int k) => k <= 32 ? MaxBlock : k <= 256 ? 2 * Lanes : Lanes;

    /// <summary>Cuts the run <c>[start, end)</c> of leaf-ordered queries (those falling into
    /// <paramref name="leaf"/>) into near-equal blocks of at most <paramref name="blockSize"/>.</summary>
    private static void AddBlocks(List<(int Start, int End, int Leaf)> blocks, int start, int end, int leaf, int blockSize)
    {
        var run = end - start;
        if (run <= 0)
        {
            return;
        }

        var pieces = (run + blockSize - 1) / blockSize;
        var previous = start;
        for (var p = 1; p <= pieces; p++)
        {
            var next = start + (int)((long)run * p / pieces);
            blocks.Add((previous, next, leaf));
            previous = next;
        }
    }

    /// <summary>Sorts each query's heap and writes its row of the answer.</summary>
    private void Write(ReadOnlySpan<int> block, BlockState state, int[] outIndices, double[] outDistances)
    {
        var k = state.K;
        for (var j = 0; j < block.Length; j++)
        {
            var i = block[j];
            var values = state.Values.AsSpan(j * k, k);
            var indices = state.Indices.AsSpan(j * k, k);
            if (k > SortedListLimit)
            {
                TopK.Sort(values, indices);
            }

            indices.CopyTo(outIndices.AsSpan(i * k, k));
            for (var t = 0; t < k; t++)
            {
                outDistances[(i * k) + t] = _metric.ReducedToDistance(values[t]);
            }
        }
    }

    /// <summary>Searches one block: loads the queries into lanes, seeds each lane's bound from the leaf the queries
    /// fall into (<see cref="Seed"/>), then walks the tree depth first, nearer child first, skipping nodes that no
    /// query of the block can reach.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SearchBlock(ReadOnlySpan<double> span, ReadOnlySpan<int> block, int home, BlockState state)
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

            if (d >= PerLaneFeatures)
            {
                LoadScreenLane(query, j, state);
            }
        }

        TopK.Reset(state.Values.AsSpan(0, block.Length * state.K), state.Indices.AsSpan(0, block.Length * state.K));
        state.Kth.AsSpan(0, block.Length).Fill(double.PositiveInfinity);
        state.Kth.AsSpan(block.Length, lanes - block.Length).Fill(double.NegativeInfinity);
        state.Bound.AsSpan(0, lanes).Fill(double.PositiveInfinity);
        if (state.K <= SeedLimit && _end[home] - _start[home] >= state.K)
        {
            Seed(home, state);
        }

        var worst = Worst(state.Kth, lanes);

        var stack = state.Stack;
        var bounds = state.StackBounds;
        var masks = state.StackMasks;
        var perLane = d >= PerLaneFeatures;
        var top = 0;
        stack[0] = 0;
        bounds[0] = BoxBound(0, qlo, qhi);
        masks[0] = lanes == 64 ? ulong.MaxValue : (1UL << lanes) - 1;
        top = 1;
        while (top > 0)
        {
            top--;
            var node = stack[top];
            if (bounds[top] > worst)
            {
                continue;
            }

            if (_start[node] == _end[node])
            {
                continue;
            }

            // The lanes that still reach the node (a lane left out at a node is left out at all its descendants);
            // with few features the block's box prunes well enough, and the lanes are checked at the leaves only.
            var mask = masks[top];
            if (perLane || _leaf[node])
            {
                mask = Reach(node, mask, state);
                if (mask == 0)
                {
                    continue;
                }
            }

            if (_leaf[node])
            {
                Leaf(node, mask, state);
                worst = Worst(state.Kth, lanes);
                continue;
            }

            var left = (2 * node) + 1;
            var right = left + 1;
            var l = BoxBound(left, qlo, qhi);
            var r = BoxBound(right, qlo, qhi);

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

            masks[top] = mask;
            masks[top + 1] = mask;

            top += 2;
        }
    }

    /// <summary>The largest current k-th value over the block's lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Worst(double[] kth, int lanes)
    {
        ref var at = ref MemoryMarshal.GetArrayDataReference(kth);
        var max = Vector512.LoadUnsafe(ref at);
        for (var j = Lanes; j < lanes; j += Lanes)
        {
            max = Vector512.Max(max, Vector512.LoadUnsafe(ref at, (nuint)j));
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double BoxBound(int node, double[] qlo, double[] qhi)
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

    /// <summary>The lanes of <paramref name="mask"/> (bit <c>j</c> for lane <c>j</c>) whose own bound to
    /// <paramref name="node"/>'s box is at most their current k-th value.</summary>
    /// <remarks>A lane is left out only when its bound exceeds its k-th value. A child's box lies inside its parent's,
    /// so each per-feature gap (a rounded subtraction, then a maximum with zero) is at least the parent's, and so is
    /// the sum; the k-th value only decreases. A lane left out at a node would be left out at every leaf below it.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ulong Reach(int node, ulong mask, BlockState state)
    {
        var d = _d;
        var width = state.Width;
        var kind = _metric.Kind;
        ref var queries = ref MemoryMarshal.GetArrayDataReference(state.Queries);
        ref var kthRef = ref MemoryMarshal.GetArrayDataReference(state.Kth);
        ref var lower = ref MemoryMarshal.GetArrayDataReference(_lower);
        ref var upper = ref MemoryMarshal.GetArrayDataReference(_upper);
        var box = node * d;
        var result = 0UL;
        for (var g = 0; g < state.Groups; g++)
        {
            var bits = (uint)(mask >> (g * Lanes)) & 0xFFu;
            if (bits == 0)
            {
                continue;
            }

            var lane0 = g * Lanes;
            var bound = Vector512<double>.Zero;
            for (var t = 0; t < d; t++)
            {
                var q = Vector512.LoadUnsafe(ref queries, (nuint)((t * width) + lane0));
                var gap = Vector512.Max(
                    Vector512.Max(Vector512.Create(Unsafe.Add(ref lower, box + t)) - q, q - Vector512.Create(Unsafe.Add(ref upper, box + t))),
                    Vector512<double>.Zero);
                bound = kind switch
                {
                    DistanceKind.Euclidean => bound + (gap * gap),
                    DistanceKind.Manhattan => bound + gap,
                    _ => Vector512.Max(bound, gap),
                };
            }

            bits &= (uint)Vector512.LessThanOrEqual(bound, Vector512.LoadUnsafe(ref kthRef, (nuint)lane0)).ExtractMostSignificantBits();
            result |= (ulong)bits << (g * Lanes);
        }

        return result;
    }

    /// <summary>Offers the rows of a leaf to the query lanes of <paramref name="mask"/> (those that reach it, see
    /// <see cref="Reach"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Leaf(int node, ulong mask, BlockState state)
    {
        var d = _d;
        var width = state.Width;
        var start = _start[node];
        var end = _end[node];
        var kind = _metric.Kind;
        ref var queries = ref MemoryMarshal.GetArrayDataReference(state.Queries);
        ref var kthRef = ref MemoryMarshal.GetArrayDataReference(state.Kth);
        ref var rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        var perLaneScan = d >= PerLaneFeatures;
        for (var g = 0; g < state.Groups; g++)
        {
            var lane0 = g * Lanes;
            var active = (uint)(mask >> lane0) & 0xFFu;
            if (active == 0)
            {
                continue;
            }

            var kth = Vector512.LoadUnsafe(ref kthRef, (nuint)lane0);

            if (kind == DistanceKind.Euclidean && d <= 4)
            {
                switch (d)
                {
                    case 2:
                        ScanEuclidean<Two>(state, lane0, active, start, end);
                        break;
                    case 3:
                        ScanEuclidean<Three>(state, lane0, active, start, end);
                        break;
                    case 4:
                        ScanEuclidean<Four>(state, lane0, active, start, end);
                        break;
                    default:
                        ScanEuclidean<One>(state, lane0, active, start, end);
                        break;
                }

                continue;
            }

            if (perLaneScan && BitOperations.PopCount(active) * ((end - start + Lanes - 1) & -Lanes) <= PerLaneShare * (end - start))
            {
                // Few lanes reach this leaf: each of them scans the leaf's rows eight at a time instead (Euclidean:
                // sixteen at a time in single precision first, when the values allow the screen).
                var screen = kind == DistanceKind.Euclidean && d <= MaxScreenFeatures && !ScreenDisabled ? Screen() : NoScreen;
                do
                {
                    var lane = lane0 + BitOperations.TrailingZeroCount(active);
                    if (screen.Base.Length != 0 && !double.IsNaN(state.QuerySlack[lane]))
                    {
                        ScanLaneScreened(screen, node, lane, state);
                    }
                    else
                    {
                        ScanLane(LeafColumns(), node, lane, state);
                    }

                    active &= active - 1;
                }
                while (active != 0);

                continue;
            }

            var split = d >= 6 ? (d + 1) / 2 : d;
            for (var i = start; i < end; i++)
            {
                // The first features, then (when there are many) a check: partial sums only grow, so a row that is
                // already beyond every active lane's k-th value is dropped without its remaining features.
                var row = i * d;
                var acc = Accumulate(kind, Vector512<double>.Zero, ref queries, width, lane0, ref rows, row, 0, split);
                if (split < d)
                {
                    if (((uint)Vector512.LessThanOrEqual(acc, kth).ExtractMostSignificantBits() & active) == 0)
                    {
                        continue;
                    }


                    acc = Accumulate(kind, acc, ref queries, width, lane0, ref rows, row, split, d);
                }

                var hits = (uint)Vector512.LessThanOrEqual(acc, kth).ExtractMostSignificantBits() & active;
                if (hits == 0)
                {
                    continue;
                }

                Offer(state, lane0, hits, acc, _order[i]);
                kth = Vector512.LoadUnsafe(ref kthRef, (nuint)lane0);
            }
        }
    }

    /// <summary>
    /// The leaf scan of <see cref="Leaf"/> for Euclidean distance in one to four features, with the number of features
    /// a compile-time constant and the lanes' query coordinates held in registers. Same operations in the same order
    /// as <see cref="Accumulate"/> (the leading <c>0 + x</c> is dropped: it returns <c>x</c> for the non-negative
    /// square), so the same values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanEuclidean<TDimension>(BlockState state, int lane0, uint active, int start, int end)
        where TDimension : struct, IDimension
    {
        var d = TDimension.Count;
        var width = state.Width;
        ref var queries = ref MemoryMarshal.GetArrayDataReference(state.Queries);
        ref var kthRef = ref MemoryMarshal.GetArrayDataReference(state.Kth);
        ref var rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        var q0 = Vector512.LoadUnsafe(ref queries, (nuint)lane0);
        var q1 = d > 1 ? Vector512.LoadUnsafe(ref queries, (nuint)(width + lane0)) : default;
        var q2 = d > 2 ? Vector512.LoadUnsafe(ref queries, (nuint)((2 * width) + lane0)) : default;
        var q3 = d > 3 ? Vector512.LoadUnsafe(ref queries, (nuint)((3 * width) + lane0)) : default;
        var kth = Vector512.LoadUnsafe(ref kthRef, (nuint)lane0);
        for (var i = start; i < end; i++)
        {
            ref var row = ref Unsafe.Add(ref rows, i * d);
            var diff = q0 - Vector512.Create(row);
            var acc = diff * diff;
            if (d > 1)
            {
                diff = q1 - Vector512.Create(Unsafe.Add(ref row, 1));
                acc += diff * diff;
            }

            if (d > 2)
            {
                diff = q2 - Vector512.Create(Unsafe.Add(ref row, 2));
                acc += diff * diff;
            }

            if (d > 3)
            {
                diff = q3 - Vector512.Create(Unsafe.Add(ref row, 3));
                acc += diff * diff;
            }

            var hits = (uint)Vector512.LessThanOrEqual(acc, kth).ExtractMostSignificantBits() & active;
            if (hits != 0)
            {
                Offer(state, lane0, hits, acc, _order[i]);
                kth = Vector512.LoadUnsafe(ref kthRef, (nuint)lane0);
            }
        }
    }

    /// <summary>
    /// Offers the rows of leaf <paramref name="node"/> to one query lane, computing eight rows' values at a time from
    /// the leaf's feature-major copy (<see cref="LeafColumns"/>). Each row's value is the same sum in the same order as
    /// <see cref="Accumulate"/> computes it (query minus row, per feature in order), so the same bits; rows are offered
    /// under the same rule (value at most the lane's current k-th value) and <see cref="OfferLane"/> makes the exact
    /// decision. With six or more features, eight rows are dropped together when their sums over the first half of
    /// the features already exceed the lane's k-th value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanLane(LeafColumnData columns, int node, int lane, BlockState state)
    {
        var d = _d;
        var width = state.Width;
        var kind = _metric.Kind;
        var start = _start[node];
        var m = _end[node] - start;
        var stride = (m + Lanes - 1) & -Lanes;
        var at = columns.Base[node];
        var split = d >= 6 ? (d + 1) / 2 : d;
        ref var cols = ref MemoryMarshal.GetArrayDataReference(columns.Values);
        ref var queries = ref MemoryMarshal.GetArrayDataReference(state.Queries);
        var kth = Vector512.Create(state.Kth[lane]);
        for (var r0 = 0; r0 < m; r0 += Lanes)
        {
            var valid = m - r0 >= Lanes ? 0xFFu : (1u << (m - r0)) - 1;
            var acc = AccumulateRows(kind, Vector512<double>.Zero, ref queries, width, lane, ref cols, at + r0, stride, 0, split);
            if (split < d)
            {
                if (((uint)Vector512.LessThanOrEqual(acc, kth).ExtractMostSignificantBits() & valid) == 0)
                {
                    continue;
                }

                acc = AccumulateRows(kind, acc, ref queries, width, lane, ref cols, at + r0, stride, split, d);
            }

            var hits = (uint)Vector512.LessThanOrEqual(acc, kth).ExtractMostSignificantBits() & valid;
            if (hits == 0)
            {
                continue;
            }

            OfferLane(state, lane, hits, acc, start + r0);
            kth = Vector512.Create(state.Kth[lane]);
        }
    }

    /// <summary>Offers the rows at tree positions <c>position + j</c> for the bits <c>j</c> of <paramref name="hits"/>
    /// (values <paramref name="acc"/>) to one lane, in position order, each only while it is still at most the lane's
    /// k-th value.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private void OfferLane(BlockState state, int lane, uint hits, Vector512<double> acc, int position)
    {
        var k = state.K;
        Span<double> values8 = stackalloc double[Lanes];
        acc.CopyTo(values8);
        var values = state.Values.AsSpan(lane * k, k);
        var indices = state.Indices.AsSpan(lane * k, k);
        do
        {
            var offset = BitOperations.TrailingZeroCount(hits);
            var value = values8[offset];
            if (value <= state.Kth[lane])
            {
                if (k <= SortedListLimit)
                {
                    Insert(values, indices, value, _order[position + offset]);
                    state.Kth[lane] = Math.Min(values[k - 1], state.Bound[lane]);
                }
                else
                {
                    TopK.Push(values, indices, value, _order[position + offset]);
                    state.Kth[lane] = values[0];
                }
            }

            hits &= hits - 1;
        }
        while (hits != 0);
    }

    /// <summary>Adds features <paramref name="from"/> to <paramref name="to"/> of one query's reduced distances to
    /// eight rows (feature-major, <paramref name="stride"/> apart) to <paramref name="acc"/>, one feature at a time in
    /// order: the same operations on the same operands as <see cref="Accumulate"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> AccumulateRows(DistanceKind kind, Vector512<double> acc, ref double queries, int width, int lane, ref double cols, int at, int stride, int from, int to)
    {
        if (kind == DistanceKind.Euclidean)
        {
            for (var t = from; t < to; t++)
            {
                var diff = Vector512.Create(Unsafe.Add(ref queries, (t * width) + lane)) - Vector512.LoadUnsafe(ref cols, (nuint)(at + (t * stride)));
                acc += diff * diff;
            }
        }
        else if (kind == DistanceKind.Manhattan)
        {
            for (var t = from; t < to; t++)
            {
                acc += Vector512.Abs(Vector512.Create(Unsafe.Add(ref queries, (t * width) + lane)) - Vector512.LoadUnsafe(ref cols, (nuint)(at + (t * stride))));
            }
        }
        else
        {
            for (var t = from; t < to; t++)
            {
                acc = Vector512.Max(acc, Vector512.Abs(Vector512.Create(Unsafe.Add(ref queries, (t * width) + lane)) - Vector512.LoadUnsafe(ref cols, (nuint)(at + (t * stride)))));
            }
        }

        return acc;
    }

    /// <summary>Each leaf's rows feature-major (for <see cref="ScanLane"/>), made on first use: leaf <c>node</c> with
    /// <c>m</c> rows keeps feature <c>t</c> of its <c>j</c>-th row at <c>Base[node] + t * stride + j</c>, where
    /// <c>stride</c> is <c>m</c> rounded up to eight (the padding holds zeros and is never offered).</summary>
    private LeafColumnData LeafColumns()
    {
        var columns = _leafColumns;
        if (columns is null)
        {
            var d = _d;
            var bases = new int[_leaf.Length];
            long total = 0;
            for (var node = 0; node < _leaf.Length; node++)
            {
                if (_leaf[node])
                {
                    bases[node] = (int)total;
                    total += (long)((_end[node] - _start[node] + Lanes - 1) & -Lanes) * d;
                }
            }

            var values = new double[total];
            for (var node = 0; node < _leaf.Length; node++)
            {
                if (_leaf[node])
                {
                    var start = _start[node];
                    var m = _end[node] - start;
                    var stride = (m + Lanes - 1) & -Lanes;
                    for (var j = 0; j < m; j++)
                    {
                        for (var t = 0; t < d; t++)
                        {
                            values[bases[node] + (t * stride) + j] = _rows[((start + j) * d) + t];
                        }
                    }
                }
            }

            columns = new LeafColumnData(values, bases);
            _leafColumns = columns;
        }

        return columns;
    }

    /// <summary>The leaves' feature-major rows and where each leaf's begin.</summary>
    private sealed record LeafColumnData(double[] Values, int[] Base);

    /// <summary>A number of features known when the code is compiled (one specialisation per value).</summary>
    private interface IDimension
    {
        static abstract int Count { get; }
    }

    private struct One : IDimension
    {
        public static int Count => 1;
    }

    private struct Two : IDimension
    {
        public static int Count => 2;
    }

    private struct Three : IDimension
    {
        public static int Count => 3;
    }

    private struct Four : IDimension
    {
        public static int Count => 4;
    }

    /// <summary>Offers one row (fitted-row <paramref name="index"/>, values <paramref name="acc"/>) to the lanes in
    /// <paramref name="hits"/>, updating their k-th values.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Offer(BlockState state, int lane0, uint hits, Vector512<double> acc, int index)
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Seed(int home, BlockState state)
    {
        var d = _d;
        var width = state.Width;
        var k = state.K;
        var kind = _metric.Kind;
        ref var queries = ref MemoryMarshal.GetArrayDataReference(state.Queries);
        ref var rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        Span<Vector512<double>> best = stackalloc Vector512<double>[SeedLimit];
        for (var g = 0; g < state.Groups; g++)
        {
            var lane0 = g * Lanes;
            best[..k].Fill(Vector512.Create(double.PositiveInfinity));
            for (var i = _start[home]; i < _end[home]; i++)
            {
                var value = Accumulate(kind, Vector512<double>.Zero, ref queries, width, lane0, ref rows, i * d, 0, d);

                // One step of an insertion network: best[0..k) stays the k smallest values so far, ascending.
                for (var j = 0; j < k; j++)
                {
                    var low = Vector512.Min(best[j], value);
                    value = Vector512.Max(best[j], value);
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
    private static Vector512<double> Accumulate(DistanceKind kind, Vector512<double> acc, ref double queries, int width, int lane0, ref double rows, int row, int from, int to)
    {
        if (kind == DistanceKind.Euclidean)
        {
            for (var t = from; t < to; t++)
            {
                var diff = Vector512.LoadUnsafe(ref queries, (nuint)((t * width) + lane0)) - Vector512.Create(Unsafe.Add(ref rows, row + t));
                acc += diff * diff;
            }
        }
        else if (kind == DistanceKind.Manhattan)
        {
            for (var t = from; t < to; t++)
            {
                acc += Vector512.Abs(Vector512.LoadUnsafe(ref queries, (nuint)((t * width) + lane0)) - Vector512.Create(Unsafe.Add(ref rows, row + t)));
            }
        }
        else
        {
            for (var t = from; t < to; t++)
            {
                acc = Vector512.Max(acc, Vector512.Abs(Vector512.LoadUnsafe(ref queries, (nuint)((t * width) + lane0)) - Vector512.Create(Unsafe.Add(ref rows, row + t))));
            }
        }

        return acc;
    }

    /// <summary>Offers (value, index) to a list sorted by (value, index) holding the best so far; it enters when it
    /// comes strictly before the last entry, which drops out. The final list is the heap's sorted answer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Insert(Span<double> values, Span<int> indices, double value, int index)
    {
        var p = values.Length - 1;
        if (!TopK.Before(value, index, values[p], indices[p]))
        {
            return;
        }

        while (p > 0 && TopK.Before(value, index, values[p - 1], indices[p - 1]))
        {
            values[p] = values[p - 1];
            indices[p] = indices[p - 1];
            p--;
        }

        values[p] = value;
        indices[p] = index;
    }

    /// <summary>Per-thread buffers of the blocked search.</summary>
    private sealed class BlockState
    {
        public BlockState(int d, int k, int width, int nodes)
        {
            K = k;
            Width = width;
            Queries = new double[d * width];
            Kth = new double[width];
            Bound = new double[width];
            Values = new double[width * k];
            Indices = new int[width * k];
            BoxLow = new double[d];
            BoxHigh = new double[d];
            var depth = 2 * (BitOperations.Log2((uint)nodes + 1) + 2);
            Stack = new int[depth];
            StackBounds = new double[depth];
            StackMasks = new ulong[depth];
            QueriesF = new float[d * width];
            QuerySlack = new double[width];
        }

        /// <summary>The block's queries in single precision, laid out as <see cref="Queries"/> (the float screen).</summary>
        public float[] QueriesF { get; }

        /// <summary>Each lane's screen slack <c>K |q|^2</c>; NaN when the lane is not screened.</summary>
        public double[] QuerySlack { get; }

        /// <summary>Neighbours per query.</summary>
        public int K { get; }

        /// <summary>Lanes per feature row of <see cref="Queries"/>.</summary>
        public int Width { get; }

        /// <summary>Groups of <see cref="Lanes"/> in use by the current block.</summary>
        public int Groups { get; set; }

        /// <summary>The block's queries, feature-major: feature t of lane j at <c>t * Width + j</c>.</summary>
        public double[] Queries { get; }

        /// <summary>Each lane's current k-th value (the last of its list, or its heap's root); -infinity for padding
        /// lanes.</summary>
        public double[] Kth { get; }

        /// <summary>Each lane's seeded bound (<see cref="Seed"/>): +infinity when not seeded; its k-th value never
        /// exceeds it.</summary>
        public double[] Bound { get; }

        /// <summary>Each lane's list or heap of values, <c>k</c> per lane.</summary>
        public double[] Values { get; }

        /// <summary>Each lane's list or heap of fitted-row indices.</summary>
        public int[] Indices { get; }

        /// <summary>The block's bounding box, lower corner.</summary>
        public double[] BoxLow { get; }

        /// <summary>The block's bounding box, upper corner.</summary>
        public double[] BoxHigh { get; }

        /// <summary>The traversal stack: nodes.</summary>
        public int[] Stack { get; }

        /// <summary>The traversal stack: each node's block bound.</summary>
        public double[] StackBounds { get; }

        /// <summary>The traversal stack: the lanes that reached each node's parent.</summary>
        public ulong[] StackMasks { get; }
    }
}
