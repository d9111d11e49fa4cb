using System.Runtime.CompilerServices;

namespace Imbalance.Neighbors;

/// <summary>
/// A KD-tree laid out as scikit-learn's <c>KDTree</c>: a complete binary tree of
/// <c>2^levels - 1</c> nodes with at most about <c>leafSize</c> rows per leaf, each split at the median of the feature
/// with the largest spread; queried depth first, nearer child first, pruning nodes whose bound exceeds the current
/// k-th distance.
/// </summary>
/// <remarks>
/// Distances are the direct sums <c>sum (q - x)^2</c> (or <c>|q - x|</c>, ...) over features in order, exactly as
/// scikit-learn's KD-tree computes them. Ties are ordered by lower fitted-row index: nodes whose bound equals the
/// current k-th distance are still visited.
/// </remarks>
internal sealed class KdTree
{
    private const int QueryBlock = 256;

    private readonly int _n;
    private readonly int _d;
    private readonly DistanceMetric _metric;
    private readonly int[] _order;     // tree position -> fitted-row index
    private readonly double[] _rows;   // rows in tree order, row-major
    private readonly int[] _start;
    private readonly int[] _end;
    private readonly bool[] _leaf;
    private readonly double[] _lower;  // node x feature
    private readonly double[] _upper;
    private readonly int[] _splitFeature;  // internal nodes: the feature split on
    private readonly double[] _splitValue; // internal nodes: the value of the first row of the right child

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public KdTree(double[] data, int n, int d, DistanceMetric metric, int leafSize)
    {
        _n = n;
        _d = d;
        _metric = metric;
        var levels = (int)Math.Floor(Math.Log2(Math.Max(1.0, (n - 1) / (double)leafSize))) + 1;
        var nodes = (1 << levels) - 1;
        _order = new int[n];
        for (var i = 0; i < n; i++)
        {
            _order[i] = i;
        }

        _start = new int[nodes];
        _end = new int[nodes];
        _leaf = new bool[nodes];
        _lower = new double[nodes * d];
        _upper = new double[nodes * d];
        _splitFeature = new int[nodes];
        _splitValue = new double[nodes];
        Build(data, 0, 0, n, nodes);
        _rows = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            Array.Copy(data, _order[i] * d, _rows, i * d, d);
        }
    }

    /// <summary>Finds the <paramref name="k"/> nearest fitted rows of every query row.</summary>
    /// <remarks>Queries are processed in the order of the leaf they fall into, so consecutive queries walk the same
    /// part of the tree (cache locality); each result is written at its query's own position, so the order of work
    /// does not change any result.</remarks>
    public void Search(RowSource queries, int k, int[] outIndices, double[] outDistances, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var order = LeafOrder(queries);
        var blocks = (queries.Rows + QueryBlock - 1) / QueryBlock;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(
            0,
            blocks,
            options,
            () => (Values: new double[k], Indices: new int[k]),
            [MethodImpl(MethodImplOptions.AggressiveOptimization)] (block, _, heap) =>
            {
                var q0 = block * QueryBlock;
                var count = Math.Min(QueryBlock, queries.Rows - q0);
                var span = queries.Span;
                for (var position = q0; position < q0 + count; position++)
                {
                    var i = order[position];
                    var values = heap.Values.AsSpan();
                    var indices = heap.Indices.AsSpan();
                    TopK.Reset(values, indices);
                    var query = span.Slice(i * _d, _d);
                    Visit(0, MinReduced(0, query), query, values, indices);
                    TopK.Sort(values, indices);
                    indices.CopyTo(outIndices.AsSpan(i * k, k));
                    for (var j = 0; j < k; j++)
                    {
                        outDistances[(i * k) + j] = _metric.ReducedToDistance(values[j]);
                    }
                }

                return heap;
            },
            _ => { });
    }

    /// <summary>The query rows sorted (stably) by the leaf each falls into when descending by the split values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int[] LeafOrder(RowSource queries)
    {
        var rows = queries.Rows;
        var span = queries.Span;
        var leafOf = new int[rows];
        var nodes = _leaf.Length;
        for (var i = 0; i < rows; i++)
        {
            var query = span.Slice(i * _d, _d);
            var node = 0;
            while (!_leaf[node])
            {
                node = query[_splitFeature[node]] < _splitValue[node] ? (2 * node) + 1 : (2 * node) + 2;
            }

            leafOf[i] = node;
        }

        // Counting sort by leaf number.
        var starts = new int[nodes + 1];
        foreach (var leaf in leafOf)
        {
            starts[leaf + 1]++;
        }

        for (var node = 0; node < nodes; node++)
        {
            starts[node + 1] += starts[node];
        }

        var order = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            order[starts[leafOf[i]]++] = i;
        }

        return order;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Build(double[] data, int node, int start, int end, int nodes)
    {
        _start[node] = start;
        _end[node] = end;
        var lo = _lower.AsSpan(node * _d, _d);
        var hi = _upper.AsSpan(node * _d, _d);
        lo.Fill(double.PositiveInfinity);
        hi.Fill(double.NegativeInfinity);
        for (var i = start; i < end; i++)
        {
            var row = data.AsSpan(_order[i] * _d, _d);
            for (var t = 0; t < _d; t++)
            {
                lo[t] = Math.Min(lo[t], row[t]);
                hi[t] = Math.Max(hi[t], row[t]);
            }
        }

        if ((2 * node) + 1 >= nodes || end - start < 2)
        {
            _leaf[node] = true;
            MarkEmptyDescendants(node, nodes, end);
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
        Select(data, feature, start, end - 1, mid);
        _splitFeature[node] = feature;
        _splitValue[node] = data[(_order[mid] * _d) + feature];
        Build(data, (2 * node) + 1, start, mid, nodes);
        Build(data, (2 * node) + 2, mid, end, nodes);
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

    /// <summary>
    /// Reorders <c>_order[left..right]</c> so that position <paramref name="nth"/> holds the element of that rank under
    /// "value of <paramref name="feature"/>, then fitted-row index", smaller ones before it and larger ones after
    /// (quickselect with a median-of-three pivot).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Select(double[] data, int feature, int left, int right, int nth)
    {
        var order = _order;
        while (right > left)
        {
            var mid = left + ((right - left) / 2);
            if (Less(data, feature, order[mid], order[left]))
            {
                (order[mid], order[left]) = (order[left], order[mid]);
            }

            if (Less(data, feature, order[right], order[left]))
            {
                (order[right], order[left]) = (order[left], order[right]);
            }

            if (Less(data, feature, order[right], order[mid]))
            {
                (order[right], order[mid]) = (order[mid], order[right]);
            }

            var pivot = order[mid];
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (Less(data, feature, order[i], pivot))
                {
                    i++;
                }

                while (Less(data, feature, pivot, order[j]))
                {
                    j--;
                }

                if (i <= j)
                {
                    (order[i], order[j]) = (order[j], order[i]);
                    i++;
                    j--;
                }
            }

            if (nth <= j)
            {
                right = j;
            }
            else if (nth >= i)
            {
                left = i;
            }
            else
            {
                return;
            }
        }
    }

    private bool Less(double[] data, int feature, int a, int b)
    {
        var va = data[(a * _d) + feature];
        var vb = data[(b * _d) + feature];
        return va < vb || (va == vb && a < b);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double MinReduced(int node, ReadOnlySpan<double> query)
    {
        var lo = _lower.AsSpan(node * _d, _d);
        var hi = _upper.AsSpan(node * _d, _d);
        var acc = 0.0;
        if (_metric.Kind == DistanceKind.Euclidean)
        {
            for (var t = 0; t < _d; t++)
            {
                var gap = Math.Max(Math.Max(lo[t] - query[t], query[t] - hi[t]), 0.0);
                acc += gap * gap;
            }

            return acc;
        }

        for (var t = 0; t < _d; t++)
        {
            var gap = Math.Max(Math.Max(lo[t] - query[t], query[t] - hi[t]), 0.0);
            acc = _metric.Kind == DistanceKind.Chebyshev ? Math.Max(acc, gap) : acc + _metric.ReducedGap(gap);
        }

        return acc;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Visit(int node, double bound, ReadOnlySpan<double> query, Span<double> values, Span<int> indices)
    {
        if (bound > values[0])
        {
            return;
        }

        if (_leaf[node])
        {
            var euclidean = _metric.Kind == DistanceKind.Euclidean;
            for (var i = _start[node]; i < _end[node]; i++)
            {
                var row = _rows.AsSpan(i * _d, _d);
                double r;
                if (euclidean)
                {
                    r = 0.0;
                    for (var t = 0; t < row.Length; t++)
                    {
                        var diff = query[t] - row[t];
                        r += diff * diff;
                    }
                }
                else
                {
                    r = _metric.Reduced(query, row);
                }

                TopK.Push(values, indices, r, _order[i]);
            }

            return;
        }

        var left = (2 * node) + 1;
        var right = left + 1;
        var l = MinReduced(left, query);
        var r2 = MinReduced(right, query);
        if (l <= r2)
        {
            Visit(left, l, query, values, indices);
            Visit(right, r2, query, values, indices);
        }
        else
        {
            Visit(right, r2, query, values, indices);
            Visit(left, l, query, values, indices);
        }
    }

    /// <summary>The number of fitted rows.</summary>
    public int Count => _n;
}
