using Imbalance.Sampling;

namespace Imbalance.Neighbors;

/// <summary>
/// A KD-tree laid out as scikit-learn's <c>KDTree</c>: a complete binary tree of
/// <c>2^levels - 1</c> nodes with at most about <c>leafSize</c> rows per leaf, each split at the median of the feature
/// with the largest spread; queried depth first, nearer child first, pruning nodes whose bound exceeds the current
/// k-th distance.
/// </summary>
/// <remarks>
/// <para>Any tree over the rows gives the same answer: the search returns the k smallest (distance, index) pairs,
/// exactly, so the shape of the tree (how ties are split, which rows share a leaf) only changes the speed.</para>
/// <para>Distances are the direct sums <c>sum (q - x)^2</c> (or <c>|q - x|</c>, ...) over features in order, exactly
/// as scikit-learn's KD-tree computes them. Ties are ordered by lower fitted-row index: nodes whose bound equals the
/// current k-th distance are still visited.</para>
/// </remarks>
internal sealed partial class KdTree
{
    private const int QueryBlock = 256;

    /// <summary>Searches of at most this many query x row pairs (e.g. 500 rows against themselves, or SMOTE's
    /// minority class of a few hundred rows) query one row at a time (chosen when the blocked search's AVX-512 kernels
    /// were its only kernels: compiling them at a process's first call, about 10 ms of CPU, cost more than they saved
    /// on such a search). Larger searches up to <see cref="NarrowBlockedPairs"/> pairs take the blocked search's
    /// precompiled Vector256 kernels while the process's <see cref="NarrowBudget"/> lasts, its Vector512 ones after
    /// that and for larger searches. Same answers either way.</summary>
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
    private int[]? _position;              // fitted-row index -> tree position, made on first use
    private LeafColumnData? _leafColumns;  // the leaves' rows feature-major, made on first use (blocked search, 5+ features)

    /// <summary>Builds the tree over <paramref name="n"/> rows of <paramref name="d"/> features.</summary>
    /// <param name="data">The fitted rows, row-major; kept (to recognise queries by the fitted array), never written to.</param>
    /// <param name="n">The number of rows.</param>
    /// <param name="d">The number of features.</param>
    /// <param name="metric">The distance.</param>
    /// <param name="leafSize">scikit-learn's <c>leaf_size</c>: fixes the number of levels.</param>
    /// <param name="maxDegreeOfParallelism">Threads for building large subtrees; the tree does not depend on it.</param>
    public KdTree(double[] data, int n, int d, DistanceMetric metric, int leafSize, int maxDegreeOfParallelism = 1)
    {
        _n = n;
        _d = d;
        _metric = metric;
        _source = data;
        var levels = (int)Math.Floor(Math.Log2(Math.Max(1.0, (n - 1) / (double)leafSize))) + 1;
        var nodes = (1 << levels) - 1;
        _start = new int[nodes];
        _end = new int[nodes];
        _leaf = new bool[nodes];
        _lower = new double[nodes * d];
        _upper = new double[nodes * d];
        _splitFeature = new int[nodes];
        _splitValue = new double[nodes];
        _order = new int[n];
        _rows = new double[n * d];
        new Builder(this, data, maxDegreeOfParallelism).Run();
    }

    /// <summary>Whether <see cref="Search"/> uses the blocked search (and <see cref="SearchFittedBlocked"/> applies).</summary>
    public bool Blocked => _metric.Kind != DistanceKind.Minkowski;

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
