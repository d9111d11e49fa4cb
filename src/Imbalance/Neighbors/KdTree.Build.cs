using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Imbalance.Sampling;

namespace Imbalance.Neighbors;

/// <summary>The KD-tree's construction.</summary>
internal sealed partial class KdTree
{
    /// <summary>
    /// Builds the tree top down: each node's box is the exact minimum and maximum of its rows, its split feature the
    /// first with the strictly largest spread, its split the median position (the left child takes the first half,
    /// rounded down). The rows are kept feature-major while building, so a node's box is a contiguous SIMD scan per
    /// feature and the median selection works on one contiguous column; the selection is a quickselect with
    /// branch-free three-way partitions (duplicate-heavy columns stay linear) that falls back to a sort after too
    /// many rounds. Large subtrees are built on their own threads; each writes only its own nodes and positions, so
    /// the tree does not depend on the number of threads.
    /// </summary>
    private sealed class Builder
    {
        /// <summary>Subtrees with at least this many rows may be built on their own thread.</summary>
        private const int ParallelRows = 1 << 14;

        /// <summary>Ranges up to this size are finished by insertion sort.</summary>
        private const int SmallRange = 16;

        private readonly KdTree _tree;
        private readonly int _n;
        private readonly int _d;
        private readonly int _nodes;
        private readonly int _parallelism;
        private readonly double[] _columns; // feature t of tree position i at t * n + i
        private readonly double[] _scratch; // per position: the split column's keys, then the permutation buffer
        private readonly int[] _items;      // per position: the selection's offsets within the node
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

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Build(int node, int start, int end)
        {
            var tree = _tree;
            tree._start[node] = start;
            tree._end[node] = end;
            var lo = tree._lower.AsSpan(node * _d, _d);
            var hi = tree._upper.AsSpan(node * _d, _d);
            for (var t = 0; t < _d; t++)
            {
                (lo[t], hi[t]) = MinMax(_columns.AsSpan((t * _n) + start, end - start));
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
            Split(feature, start, end, mid);
            tree._splitFeature[node] = feature;
            tree._splitValue[node] = _columns[(feature * _n) + mid];
            var left = (2 * node) + 1;
            if (_parallelism > 1 && end - start >= 2 * ParallelRows)
            {
                Parallel.Invoke(
                    new ParallelOptions { MaxDegreeOfParallelism = _parallelism },
                    () => Build(left, start, mid),
                    () => Build(left + 1, mid, end));
            }
            else
            {
                Build(left, start, mid);
                Build(left + 1, mid, end);
            }
        }

        /// <summary>The smallest and largest value of a column range; (+infinity, -infinity) when empty.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static (double Min, double Max) MinMax(ReadOnlySpan<double> values)
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

        /// <summary>Reorders positions <c>[start, end)</c> (every column and the fitted-row indices together) so that
        /// the rows before <paramref name="mid"/> have <paramref name="feature"/> values at most the value at
        /// <paramref name="mid"/>, and the rows after it at least that value.</summary>
        private void Split(int feature, int start, int end, int mid)
        {
            var m = end - start;
            var keys = _scratch.AsSpan(start, m);
            var items = _items.AsSpan(start, m);
            _columns.AsSpan((feature * _n) + start, m).CopyTo(keys);
            for (var j = 0; j < m; j++)
            {
                items[j] = j;
            }

            Select(keys, items, mid - start);

            // Apply the permutation to every column and to the indices (the keys' buffer is free again).
            var buffer = _scratch.AsSpan(start, m);
            for (var t = 0; t < _d; t++)
            {
                var column = _columns.AsSpan((t * _n) + start, m);
                for (var j = 0; j < m; j++)
                {
                    buffer[j] = column[items[j]];
                }

                buffer.CopyTo(column);
            }

            var order = _tree._order.AsSpan(start, m);
            var orderBuffer = _orderScratch.AsSpan(start, m);
            for (var j = 0; j < m; j++)
            {
                orderBuffer[j] = order[items[j]];
            }

            orderBuffer.CopyTo(order);
        }
    }

    /// <summary>
    /// Reorders <paramref name="keys"/> (and <paramref name="items"/> with them) so that position
    /// <paramref name="nth"/> holds the value of that rank, with no larger value before it and no smaller after it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Select(Span<double> keys, Span<int> items, int nth)
    {
        var lo = 0;
        var hi = keys.Length;
        var rounds = 0;
        while (hi - lo > 16)
        {
            if (++rounds > 64)
            {
                // Adversarial pivots: finish with a sort (O(m log m)).
                keys[lo..hi].Sort(items[lo..hi]);
                return;
            }

            var pivot = MedianOfThree(keys[lo], keys[lo + ((hi - lo) / 2)], keys[hi - 1]);
            var less = PartitionLess(keys, items, lo, hi, pivot);
            if (nth < less)
            {
                hi = less;
                continue;
            }

            // The pivot's value is in [less, hi): gather its copies next, so runs of equal values end the search.
            var equal = PartitionEqual(keys, items, less, hi, pivot);
            if (nth < equal)
            {
                return;
            }

            lo = equal;
        }

        // Insertion sort of the last few.
        for (var i = lo + 1; i < hi; i++)
        {
            var key = keys[i];
            var item = items[i];
            var j = i - 1;
            while (j >= lo && keys[j] > key)
            {
                keys[j + 1] = keys[j];
                items[j + 1] = items[j];
                j--;
            }

            keys[j + 1] = key;
            items[j + 1] = item;
        }
    }

    private static double MedianOfThree(double a, double b, double c) =>
        Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    /// <summary>Moves the values below <paramref name="pivot"/> to the front of <c>[lo, hi)</c>, without branches;
    /// returns where they end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PartitionLess(Span<double> keys, Span<int> items, int lo, int hi, double pivot)
    {
        ref var k = ref MemoryMarshal.GetReference(keys);
        ref var it = ref MemoryMarshal.GetReference(items);
        var store = lo;
        for (var i = lo; i < hi; i++)
        {
            var v = Unsafe.Add(ref k, i);
            var item = Unsafe.Add(ref it, i);
            Unsafe.Add(ref k, i) = Unsafe.Add(ref k, store);
            Unsafe.Add(ref it, i) = Unsafe.Add(ref it, store);
            Unsafe.Add(ref k, store) = v;
            Unsafe.Add(ref it, store) = item;
            store += v < pivot ? 1 : 0;
        }

        return store;
    }

    /// <summary>Moves the values equal to <paramref name="pivot"/> to the front of <c>[lo, hi)</c> (which holds no
    /// smaller value), without branches; returns where they end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PartitionEqual(Span<double> keys, Span<int> items, int lo, int hi, double pivot)
    {
        ref var k = ref MemoryMarshal.GetReference(keys);
        ref var it = ref MemoryMarshal.GetReference(items);
        var store = lo;
        for (var i = lo; i < hi; i++)
        {
            var v = Unsafe.Add(ref k, i);
            var item = Unsafe.Add(ref it, i);
            Unsafe.Add(ref k, i) = Unsafe.Add(ref k, store);
            Unsafe.Add(ref it, i) = Unsafe.Add(ref it, store);
            Unsafe.Add(ref k, store) = v;
            Unsafe.Add(ref it, store) = item;
            store += v <= pivot ? 1 : 0;
        }

        return store;
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
}
