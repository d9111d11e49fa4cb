using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Imbalance.Sampling;

namespace Imbalance.Neighbors;

/// <summary>The KD-tree's construction.</summary>
internal sealed partial class KdTree
{
    /// <summary>Selection ranges up to this size are finished by insertion sort.</summary>
    private const int SmallRange = 16;

    /// <summary>
    /// Builds the tree top down: each node's box is the exact minimum and maximum of its rows, its split feature the
    /// first with the strictly largest spread, its split the median position (the left child takes the first half,
    /// rounded down). The rows are kept feature-major while building, so a node's box is a contiguous SIMD scan per
    /// feature and the median selection works on one contiguous column; the selection is a quickselect with
    /// branch-free three-way partitions (duplicate-heavy columns stay linear) that falls back to a sort after too
    /// many rounds, followed by one stable partition pass. Large subtrees are built on their own threads; each writes only its own nodes and positions, so
    /// the tree does not depend on the number of threads.
    /// </summary>
    private sealed class Builder
    {
        /// <summary>Subtrees with at least this many rows may be built on their own thread.</summary>
        private const int ParallelRows = 1 << 14;

        private readonly KdTree _tree;
        private readonly int _n;
        private readonly int _d;
        private readonly int _nodes;
        private readonly int _parallelism;
        private readonly double[] _columns; // feature t of tree position i at t * n + i
        private readonly double[] _scratch; // per position: the split column's keys, then the permutation buffer
        private readonly int[] _items;      // per position: the row's destination within its node
        private readonly int[] _orderScratch;

        public Builder(KdTree tree, double[] data, int maxDegreeOfParallelism)
        {
            _tree = tree;
            _n = tree._n;
            _d = tree._d;
            _nodes = tree._leaf.Length;
            _parallelism = maxDegreeOfParallelism;
            _columns = new double[_n * _d];
            _scratch = new double[_n];
            _items = new int[_n];
            _orderScratch = new int[_n];
            for (var i = 0; i < _n; i++)
            {
                tree._order[i] = i;
                for (var t = 0; t < _d; t++)
                {
                    _columns[(t * _n) + i] = data[(i * _d) + t];
                }
            }
        }

        public void Run()
        {
            if (_parallelism > 1 && _n >= 2 * ParallelRows)
            {
                ParallelLoop.Unwrap(() => Build(0, 0, _n));
            }
            else
            {
                Build(0, 0, _n);
            }

            // The rows in tree order, row-major, for the search.
            var rows = _tree._rows;
            for (var i = 0; i < _n; i++)
            {
                for (var t = 0; t < _d; t++)
                {
                    rows[(i * _d) + t] = _columns[(t * _n) + i];
                }
            }
        }

        private void Build(int node, int start, int end)
        {
            var tree = _tree;
            tree._start[node] = start;
            tree._end[node] = end;
            var lo = tree._lower.AsSpan(node * _d, _d);
            var hi = tree._upper.AsSpan(node * _d, _d);
            for (var t = 0; t < _d; t++)
            {
                var column = _columns.AsSpan((t * _n) + start, end - start);
                (lo[t], hi[t]) = _n >= WideMinMaxRows ? MinMaxWide(column) : MinMaxNarrow(column);
            }

            if ((2 * node) + 1 >= _nodes || end - start < 2)
            {
                tree._leaf[node] = true;
                tree.MarkEmptyDescendants(node, _nodes, end);
                return;
            }

            // The first feature with the strictly largest spread.
            var feature = 0;
            var best = 0.0;
            for (var t = 0; t < _d; t++)
            {
                var spread = hi[t] - lo[t];
                if (spread > best)
                {
                    best = spread;
                    feature = t;
                }
            }

            var mid = start + ((end - start) / 2);
            tree._splitFeature[node] = feature;
            tree._splitValue[node] = Split(feature, start, end, mid);
            var left = (2 * node) + 1;
            if (_parallelism > 1 && end - start >= 2 * ParallelRows)
            {
                ParallelLoop.For(
                    0,
                    2,
                    _parallelism,
                    half =>
                    {
                        if (half == 0)
                        {
                            Build(left, start, mid);
                        }
                        else
                        {
                            Build(left + 1, mid, end);
                        }
                    },
                    CancellationToken.None);
            }
            else
            {
                Build(left, start, mid);
                Build(left + 1, mid, end);
            }
        }


        /// <summary>Reorders positions <c>[start, end)</c> (every column and the fitted-row indices together) so that
        /// the rows before <paramref name="mid"/> have <paramref name="feature"/> values at most the median value
        /// (the value of rank <c>mid - start</c>), and the rows from <paramref name="mid"/> on at least it; returns the
        /// median value, the smallest value on the right. The median is selected on a copy of the column, then one
        /// stable pass sends each row left or right (values equal to the median fill the left side up to
        /// <paramref name="mid"/> first) and every column is scattered into two sequential runs.</summary>
        private double Split(int feature, int start, int end, int mid)
        {
            var m = end - start;
            var nth = mid - start;
            var keys = _scratch.AsSpan(start, m);
            var column = _columns.AsSpan((feature * _n) + start, m);
            column.CopyTo(keys);
            var value = Select(keys, nth);
            var less = 0;
            foreach (var key in column)
            {
                less += key < value ? 1 : 0;
            }

            // Destinations: left rows to [0, nth) in order, right rows to [nth, m) in order.
            var equalLeft = nth - less;
            var destination = _items.AsSpan(start, m);
            var left = 0;
            var right = nth;
            for (var i = 0; i < m; i++)
            {
                var key = column[i];
                var takeEqual = key == value && equalLeft > 0;
                var goLeft = key < value || takeEqual;
                destination[i] = goLeft ? left : right;
                left += goLeft ? 1 : 0;
                right += goLeft ? 0 : 1;
                equalLeft -= takeEqual ? 1 : 0;
            }

            var buffer = _scratch.AsSpan(start, m);
            for (var t = 0; t < _d; t++)
            {
                var values = _columns.AsSpan((t * _n) + start, m);
                for (var i = 0; i < m; i++)
                {
                    buffer[destination[i]] = values[i];
                }

                buffer.CopyTo(values);
            }

            var order = _tree._order.AsSpan(start, m);
            var orderBuffer = _orderScratch.AsSpan(start, m);
            for (var i = 0; i < m; i++)
            {
                orderBuffer[destination[i]] = order[i];
            }

            orderBuffer.CopyTo(order);
            return value;
        }
    }

    /// <summary>
    /// Reorders <paramref name="keys"/> so that position <paramref name="nth"/> holds the value of that rank, with no
    /// larger value before it and no smaller after it, and returns that value.
    /// </summary>
    internal static double Select(Span<double> keys, int nth)
    {
        var lo = 0;
        var hi = keys.Length;
        var rounds = 0;
        while (hi - lo > SmallRange)
        {
            if (++rounds > 64)
            {
                // Adversarial pivots: finish with a sort (O(m log m)).
                keys[lo..hi].Sort();
                return keys[nth];
            }

            var pivot = MedianOfThree(keys[lo], keys[lo + ((hi - lo) / 2)], keys[hi - 1]);
            var less = Partition(keys, lo, hi, pivot, orEqual: false);
            if (nth < less)
            {
                hi = less;
                continue;
            }

            // The pivot's value is in [less, hi): gather its copies next, so runs of equal values end the search.
            var equal = Partition(keys, less, hi, pivot, orEqual: true);
            if (nth < equal)
            {
                return keys[nth];
            }

            lo = equal;
        }

        // Insertion sort of the last few.
        for (var i = lo + 1; i < hi; i++)
        {
            var key = keys[i];
            var j = i - 1;
            while (j >= lo && keys[j] > key)
            {
                keys[j + 1] = keys[j];
                j--;
            }

            keys[j + 1] = key;
        }

        return keys[nth];
    }

    private static double MedianOfThree(double a, double b, double c) =>
        Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    /// <summary>Moves the values below <paramref name="pivot"/> (or at most it, when <paramref name="orEqual"/>)
    /// to the front of <c>[lo, hi)</c>, without branches; returns where they end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Partition(Span<double> keys, int lo, int hi, double pivot, bool orEqual)
    {
        ref var k = ref MemoryMarshal.GetReference(keys);
        var store = lo;
        if (orEqual)
        {
            for (var i = lo; i < hi; i++)
            {
                var v = Unsafe.Add(ref k, i);
                Unsafe.Add(ref k, i) = Unsafe.Add(ref k, store);
                Unsafe.Add(ref k, store) = v;
                store += v <= pivot ? 1 : 0;
            }
        }
        else
        {
            for (var i = lo; i < hi; i++)
            {
                var v = Unsafe.Add(ref k, i);
                Unsafe.Add(ref k, i) = Unsafe.Add(ref k, store);
                Unsafe.Add(ref k, store) = v;
                store += v < pivot ? 1 : 0;
            }
        }

        return store;
    }

    /// <summary>
    /// Checks the tree's structure, for tests (the search is exact on any tree, so a malformed tree would only be slow):
    /// rows and indices agree with the fitted rows, every node's box is its rows' exact box, and at every internal node
    /// the left child's split-feature values are at most the split value, which is the smallest value on the right.
    /// </summary>
    /// <returns>The first violation found, or <see langword="null"/>.</returns>
    internal string? Validate()
    {
        for (var p = 0; p < _n; p++)
        {
            for (var t = 0; t < _d; t++)
            {
                if (_rows[(p * _d) + t].CompareTo(_source[(_order[p] * _d) + t]) != 0)
                {
                    return $"position {p} does not hold fitted row {_order[p]}";
                }
            }
        }

        for (var node = 0; node < _leaf.Length; node++)
        {
            if (_start[node] >= _end[node])
            {
                continue;
            }

            for (var t = 0; t < _d; t++)
            {
                var lo = double.PositiveInfinity;
                var hi = double.NegativeInfinity;
                for (var p = _start[node]; p < _end[node]; p++)
                {
                    lo = Math.Min(lo, _rows[(p * _d) + t]);
                    hi = Math.Max(hi, _rows[(p * _d) + t]);
                }

                if (lo != _lower[(node * _d) + t] || hi != _upper[(node * _d) + t])
                {
                    return $"node {node}: box of feature {t} is not its rows' box";
                }
            }

            if (_leaf[node])
            {
                continue;
            }

            var f = _splitFeature[node];
            var left = (2 * node) + 1;
            if (_start[left] != _start[node] || _end[left] != _start[left + 1] || _end[left + 1] != _end[node] || _end[left] != _start[node] + ((_end[node] - _start[node]) / 2))
            {
                return $"node {node}: children do not split its range at the middle";
            }

            var rightMin = double.PositiveInfinity;
            for (var p = _start[left + 1]; p < _end[left + 1]; p++)
            {
                rightMin = Math.Min(rightMin, _rows[(p * _d) + f]);
            }

            for (var p = _start[left]; p < _end[left]; p++)
            {
                if (_rows[(p * _d) + f] > _splitValue[node])
                {
                    return $"node {node}: a left row exceeds the split value";
                }
            }

            if (rightMin != _splitValue[node])
            {
                return $"node {node}: the split value is not the smallest value on the right";
            }
        }

        return null;
    }

    private void MarkEmptyDescendants(int node, int nodes, int end)
    {
        // Descendants of an early leaf are never visited; give them empty ranges for clarity.
        for (var child = (2 * node) + 1; child < nodes; child = (2 * child) + 1)
        {
            _start[child] = end;
            _end[child] = end;
            _leaf[child] = true;
        }
    }

    /// <summary>Trees of at least this many rows find their nodes' boxes with the Vector512 <see cref="MinMaxWide"/>
    /// (JIT-compiled at its first call, as before); smaller ones with the precompiled Vector256
    /// <see cref="MinMaxNarrow"/>, so building a small tree compiles nothing. Same boxes either way.</summary>
    internal const int WideMinMaxRows = 8192;

    /// <summary>The smallest and largest value of a range with Vector512 (JIT-compiled for the exact CPU at its first
    /// call: an x86-64-v3 ReadyToRun image cannot hold Vector512 code); (+infinity, -infinity) when empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (double Min, double Max) MinMaxWide(ReadOnlySpan<double> values)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        var i = 0;
        if (Vector512.IsHardwareAccelerated && values.Length >= 2 * Vector512<double>.Count)
        {
            ref var at = ref MemoryMarshal.GetReference(values);
            var vmin = Vector512.LoadUnsafe(ref at);
            var vmax = vmin;
            for (i = Vector512<double>.Count; i <= values.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var v = Vector512.LoadUnsafe(ref at, (nuint)i);
                vmin = Vector512.Min(vmin, v);
                vmax = Vector512.Max(vmax, v);
            }

            for (var j = 0; j < Vector512<double>.Count; j++)
            {
                min = Math.Min(min, vmin[j]);
                max = Math.Max(max, vmax[j]);
            }
        }

        for (; i < values.Length; i++)
        {
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }

        return (min, max);
    }

    /// <summary>The smallest and largest value of a range with Vector256 (no Vector512, no AggressiveOptimization: its
    /// x86-64-v3 code is in the ReadyToRun image); (+infinity, -infinity) when empty. Same values as
    /// <see cref="MinMaxWide"/>: <see cref="Vector256.Min{T}"/>, <see cref="Vector512.Min{T}"/> and
    /// <see cref="Math.Min(double, double)"/> order values alike (-0 below +0, NaN wins), so the order in which the
    /// values are compared does not change the result.</summary>
    internal static (double Min, double Max) MinMaxNarrow(ReadOnlySpan<double> values)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && values.Length >= 2 * Vector256<double>.Count)
        {
            ref var at = ref MemoryMarshal.GetReference(values);
            var vmin = Vector256.LoadUnsafe(ref at);
            var vmax = vmin;
            for (i = Vector256<double>.Count; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var v = Vector256.LoadUnsafe(ref at, (nuint)i);
                vmin = Vector256.Min(vmin, v);
                vmax = Vector256.Max(vmax, v);
            }

            for (var j = 0; j < Vector256<double>.Count; j++)
            {
                min = Math.Min(min, vmin[j]);
                max = Math.Max(max, vmax[j]);
            }
        }

        for (; i < values.Length; i++)
        {
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }

        return (min, max);
    }
}
