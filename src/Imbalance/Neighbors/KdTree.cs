using System.Runtime.CompilerServices;
using Imbalance.Sampling;

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
internal sealed partial class KdTree
{
    private const int QueryBlock = 256;

    /// <summary>Searches of at most this many query x row pairs (e.g. 500 rows against themselves, or SMOTE's
    /// minority class of a few hundred rows) query one row at a time: the blocked search's AVX-512 kernels cannot be
    /// precompiled, and compiling them at a process's first call (about 10 ms of CPU) costs more than they save on
    /// such a search (well under a millisecond). Same answers either way.</summary>
    internal const long SingleSearchPairs = 1L << 18;

    private readonly int _n;
    private readonly int _d;
    private readonly DistanceMetric _metric;
    private readonly int[] _order;     // tree position -> fitted-row index
    private readonly double[] _rows;   // rows in tree order, row-major
    private readonly double[] _source; // the rows as fitted (to recognise a query by the fitted rows themselves)
    private readonly int[] _start;
    private readonly int[] _end;
    private readonly bool[] _leaf;
    private readonly double[] _lower;  // node x feature
    private readonly double[] _upper;
    private readonly int[] _splitFeature;  // internal nodes: the feature split on
    private readonly double[] _splitValue; // internal nodes: the value of the first row of the right child

    public KdTree(double[] data, int n, int d, DistanceMetric metric, int leafSize)
    {
        _n = n;
        _d = d;
        _metric = metric;
        _source = data;
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

        // The rows are moved with their indices while building, so every node's rows are contiguous.
        _rows = new double[n * d];
        Array.Copy(data, _rows, n * d);
        Build(0, 0, n, nodes);
    }

    /// <summary>Finds the <paramref name="k"/> nearest fitted rows of every query row.</summary>
    /// <remarks>Euclidean, Manhattan and Chebyshev use the blocked search (<see cref="SearchBlocked"/>); other
    /// Minkowski powers query one row at a time (<see cref="SearchSingle"/>). Both return the same exact answer.</remarks>
    public void Search(RowSource queries, int k, int[] outIndices, double[] outDistances, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        if (_metric.Kind == DistanceKind.Minkowski || (long)queries.Rows * _n <= SingleSearchPairs)
        {
            SearchSingle(queries, k, outIndices, outDistances, maxDegreeOfParallelism, cancellationToken);
        }
        else
        {
            SearchBlocked(queries, k, outIndices, outDistances, maxDegreeOfParallelism, cancellationToken);
        }
    }

    /// <summary>Finds the <paramref name="k"/> nearest fitted rows of every query row, one query at a time.</summary>
    /// <remarks>Queries are processed in the order of the leaf they fall into, so consecutive queries walk the same
    /// part of the tree (cache locality); each result is written at its query's own position, so the order of work
    /// does not change any result.</remarks>
    internal void SearchSingle(RowSource queries, int k, int[] outIndices, double[] outDistances, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var order = LeafOrder(queries, out _);
        var blocks = (queries.Rows + QueryBlock - 1) / QueryBlock;
        ParallelLoop.For(
            0,
            blocks,
            maxDegreeOfParallelism,
            () => (Values: new double[k], Indices: new int[k]),
            (block, heap) =>
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
            _ => { },
            cancellationToken);
    }

    /// <summary>The query rows sorted (stably) by the leaf each falls into when descending by the split values.</summary>
    private int[] LeafOrder(RowSource queries, out int[] leafStarts)
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
                node = (2 * node) + (query[_splitFeature[node]] < _splitValue[node] ? 1 : 2);
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

        // starts[node] is now the end of node's run, i.e. the start of node + 1's run.
        leafStarts = starts;
        return order;
    }

    private void Build(int node, int start, int end, int nodes)
    {
        _start[node] = start;
        _end[node] = end;
        var lo = _lower.AsSpan(node * _d, _d);
        var hi = _upper.AsSpan(node * _d, _d);
        lo.Fill(double.PositiveInfinity);
        hi.Fill(double.NegativeInfinity);
        for (var i = start; i < end; i++)
        {
            var row = _rows.AsSpan(i * _d, _d);
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
        Select(feature, start, end - 1, mid);
        _splitFeature[node] = feature;
        _splitValue[node] = _rows[(mid * _d) + feature];
        Build((2 * node) + 1, start, mid, nodes);
        Build((2 * node) + 2, mid, end, nodes);
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
    /// Reorders tree positions <c>left..right</c> (rows and their indices together) so that position
    /// <paramref name="nth"/> holds the row of that rank under "value of <paramref name="feature"/>, then fitted-row
    /// index", smaller ones before it and larger ones after (quickselect with a median-of-three pivot). The set of rows
    /// on each side is determined by the ranks alone, so the tree does not depend on how the selection moves rows.
    /// </summary>
    private void Select(int feature, int left, int right, int nth)
    {
        while (right > left)
        {
            var mid = left + ((right - left) / 2);
            if (Less(feature, mid, left))
            {
                Swap(mid, left);
            }

            if (Less(feature, right, left))
            {
                Swap(right, left);
            }

            if (Less(feature, right, mid))
            {
                Swap(right, mid);
            }

            var pivotValue = _rows[(mid * _d) + feature];
            var pivotIndex = _order[mid];
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (Before(_rows[(i * _d) + feature], _order[i], pivotValue, pivotIndex))
                {
                    i++;
                }

                while (Before(pivotValue, pivotIndex, _rows[(j * _d) + feature], _order[j]))
                {
                    j--;
                }

                if (i <= j)
                {
                    Swap(i, j);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Before(double va, int a, double vb, int b) => va < vb || (va == vb && a < b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Less(int feature, int a, int b) =>
        Before(_rows[(a * _d) + feature], _order[a], _rows[(b * _d) + feature], _order[b]);

    /// <summary>Swaps the rows (and fitted-row indices) at two tree positions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Swap(int a, int b)
    {
        if (a == b)
        {
            return;
        }

        (_order[a], _order[b]) = (_order[b], _order[a]);
        var ra = _rows.AsSpan(a * _d, _d);
        var rb = _rows.AsSpan(b * _d, _d);
        for (var t = 0; t < ra.Length; t++)
        {
            (ra[t], rb[t]) = (rb[t], ra[t]);
        }
    }

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
