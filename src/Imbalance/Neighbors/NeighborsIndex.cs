using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.Neighbors;

/// <summary>
/// A fitted <see cref="NearestNeighbors"/>: the indexed rows and their search structure, answering scikit-learn's
/// <c>kneighbors</c>. Immutable and safe to query from many threads at once.
/// </summary>
/// <remarks>
/// Neighbours are ordered by distance and, at exactly equal distance, by lower fitted-row index. scikit-learn orders
/// exact ties by its heap and tree internals, so on data with duplicate or equidistant rows the order among tied rows
/// (and which of them is kept at the k-th place) can differ from scikit-learn's; on tie-free data the indices agree.
/// Distances are the direct sums over features (<c>sqrt(sum (q - x)^2)</c>), as scikit-learn's KD-tree computes them;
/// scikit-learn's brute force uses <c>sqrt(|q|^2 - 2 q.x + |x|^2)</c>, which differs in the last bits.
/// Every finite input is searched correctly: when values are so large (beyond about <c>1e149</c> for Euclidean) that
/// squared or summed distances would overflow, rows and queries are multiplied by a power of two, which is exact, so
/// neighbours, ties and distances are those of exact-exponent arithmetic (a distance above <c>double.MaxValue</c>
/// is reported as infinity), except that features smaller than about <c>1e-308</c> times the largest value may be
/// lost to underflow. scikit-learn returns wrong neighbours or fails on such data.
/// </remarks>
public sealed class NeighborsIndex
{
    private readonly BruteForceSearch? _brute;
    private readonly KdTree? _tree;
    private readonly int _maxDegreeOfParallelism;

    /// <summary>Searches with at most this many query x fitted-row x feature products run on one thread.</summary>
    private const long SerialWork = 1L << 21;
    private readonly NearestNeighbors _configuration;

    // The rows as given, and the rows the search structures hold: the same array unless the values are so large that
    // distances would overflow, in which case the searched rows are the given rows times 2^_shift (exact; see
    // MagnitudeScale) and distances are scaled back on the way out.
    private readonly double[] _givenRows;
    private readonly double[] _rows;
    private readonly int _shift;

    internal NeighborsIndex(NearestNeighbors configuration, double[] rows, int n, int d, NeighborsAlgorithm algorithm)
        : this(configuration, rows, n, d, algorithm, MagnitudeScale.Shift(MagnitudeScale.MaxAbs(rows.AsSpan(0, n * d)), d, configuration.Metric))
    {
    }

    private NeighborsIndex(NearestNeighbors configuration, double[] rows, int n, int d, NeighborsAlgorithm algorithm, int shift)
    {
        _configuration = configuration;
        _givenRows = rows;
        _shift = shift;
        _rows = shift == 0 ? rows : MagnitudeScale.Scaled(rows.AsSpan(0, n * d), shift);
        LeafSize = configuration.LeafSize;
        ConfiguredParallelism = configuration.MaxDegreeOfParallelism;
        Count = n;
        Features = d;
        Metric = configuration.Metric;
        NNeighbors = configuration.NNeighbors;
        Algorithm = algorithm;
        _maxDegreeOfParallelism = configuration.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        if (algorithm == NeighborsAlgorithm.KdTree)
        {
            _tree = new KdTree(_rows, n, d, Metric, configuration.LeafSize, _maxDegreeOfParallelism);
        }
        else
        {
            _brute = new BruteForceSearch(_rows, n, d, Metric, allowVector512: BruteForceSearch.WideFor(n, d));
        }
    }

    /// <summary>The fitted rows as given (not rescaled), row-major, for saving; never written to.</summary>
    internal double[] Rows => _givenRows;

    /// <summary>The configuration's leaf size, for saving.</summary>
    internal int LeafSize { get; }

    /// <summary>The configuration's <c>MaxDegreeOfParallelism</c>, for saving.</summary>
    internal int? ConfiguredParallelism { get; }

    /// <summary>The number of fitted rows (scikit-learn's <c>n_samples_fit_</c>).</summary>
    public int Count { get; }

    /// <summary>The number of features of the fitted rows (scikit-learn's <c>n_features_in_</c>).</summary>
    public int Features { get; }

    /// <summary>The distance used.</summary>
    public DistanceMetric Metric { get; }

    /// <summary>The default number of neighbours per query (the configuration's <c>n_neighbors</c>).</summary>
    public int NNeighbors { get; }

    /// <summary>The algorithm in use after resolving <see cref="NeighborsAlgorithm.Auto"/> (scikit-learn's
    /// <c>_fit_method</c>): <see cref="NeighborsAlgorithm.Brute"/> or <see cref="NeighborsAlgorithm.KdTree"/>.</summary>
    public NeighborsAlgorithm Algorithm { get; }

    /// <summary>
    /// The <paramref name="nNeighbors"/> nearest fitted rows of each row of <paramref name="queries"/>, nearest first
    /// (scikit-learn's <c>kneighbors(X, n_neighbors)</c>). A query row that is also a fitted row finds itself at
    /// distance 0; imblearn asks for <c>k + 1</c> neighbours and drops the first column.
    /// </summary>
    /// <param name="queries">The query rows, with <see cref="Features"/> columns, finite.</param>
    /// <param name="nNeighbors">Neighbours per query; <see langword="null"/> for <see cref="NNeighbors"/>.</param>
    /// <param name="cancellationToken">Cancels a long query between blocks of rows.</param>
    /// <returns>Indices and distances, <c>queries x nNeighbors</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="queries"/> is null.</exception>
    /// <exception cref="ArgumentException">The queries are empty, hold NaN or infinity, or have the wrong width.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nNeighbors"/> is below 1 or above <see cref="Count"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public NeighborsResult KNeighbors(double[,] queries, int? nNeighbors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        InputGuard.CheckMatrix(queries, nameof(queries));
        CheckWidth(queries.GetLength(1), nameof(queries));
        var k = CheckK(nNeighbors ?? NNeighbors, queries.GetLength(0));
        return Query(new RowSource(queries), k, cancellationToken);
    }

    /// <summary>
    /// The <paramref name="nNeighbors"/> nearest <em>other</em> fitted rows of every fitted row (scikit-learn's
    /// <c>kneighbors()</c> with no query): each row is excluded from its own list. When a row has so many exact
    /// duplicates that it is not among its own <c>nNeighbors + 1</c> nearest, the first column is dropped instead,
    /// as scikit-learn does.
    /// </summary>
    /// <param name="nNeighbors">Neighbours per row; <see langword="null"/> for <see cref="NNeighbors"/>.</param>
    /// <param name="cancellationToken">Cancels a long query between blocks of rows.</param>
    /// <returns>Indices and distances, <c>Count x nNeighbors</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nNeighbors"/> is below 1 or not below <see cref="Count"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public NeighborsResult KNeighbors(int? nNeighbors = null, CancellationToken cancellationToken = default)
    {
        var k = nNeighbors ?? NNeighbors;
        if (k < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(nNeighbors), k, string.Create(CultureInfo.InvariantCulture, $"Expected nNeighbors > 0. Got {k}"));
        }

        if (k + 1L > Count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(nNeighbors),
                k,
                string.Create(CultureInfo.InvariantCulture, $"Expected nNeighbors < n_samples_fit, but nNeighbors = {k}, n_samples_fit = {Count}, n_samples = {Count}"));
        }

        var withSelf = new NeighborsResult(Count, k + 1, new int[Count * (k + 1)], new double[Count * (k + 1)]);
        SearchScaled(new RowSource(_rows, Count, Features), k + 1, withSelf.IndexData, withSelf.DistanceData, cancellationToken);
        var indices = new int[Count * k];
        var distances = new double[Count * k];
        for (var i = 0; i < Count; i++)
        {
            var src = withSelf.IndexData.AsSpan(i * (k + 1), k + 1);
            var skip = src.IndexOf(i);
            if (skip < 0)
            {
                skip = 0;
            }

            var o = 0;
            for (var j = 0; j <= k; j++)
            {
                if (j == skip)
                {
                    continue;
                }

                indices[(i * k) + o] = src[j];
                distances[(i * k) + o] = withSelf.DistanceData[(i * (k + 1)) + j];
                o++;
            }
        }

        return new NeighborsResult(Count, k, indices, distances);
    }

    /// <summary>Queries with rows given as a flat row-major span (validated by the caller), for samplers.</summary>
    internal NeighborsResult KNeighbors(double[] queries, int rows, int k, CancellationToken cancellationToken = default) =>
        Query(new RowSource(queries, rows, Features), CheckK(k, rows), cancellationToken);

    /// <summary>
    /// The <paramref name="k"/> nearest fitted rows of some fitted rows themselves, given by index: exactly what
    /// <see cref="KNeighbors(double[], int, int, CancellationToken)"/> returns for a copy of those rows (a row finds
    /// itself at distance 0), without the copy. Output row <c>q</c> answers fitted row <c>rows[q]</c>.
    /// </summary>
    internal NeighborsResult KNeighborsOfFitted(ReadOnlySpan<int> rows, int k, CancellationToken cancellationToken = default)
    {
        var m = rows.Length;
        k = CheckK(k, m);
        cancellationToken.ThrowIfCancellationRequested();
        if (_tree is null || !_tree.Blocked)
        {
            var queries = new double[m * Features];
            for (var q = 0; q < m; q++)
            {
                _givenRows.AsSpan(rows[q] * Features, Features).CopyTo(queries.AsSpan(q * Features, Features));
            }

            return Query(new RowSource(queries, m, Features), k, cancellationToken);
        }

        // The fitted rows are on the index's scale already (the rare rescaled path of Search never applies: the
        // queries are no larger than the fitted rows).
        var indices = new int[m * k];
        var distances = new double[m * k];
        var parallelism = (long)m * Count * Features <= SerialWork ? 1 : _maxDegreeOfParallelism;
        var rowArray = rows.ToArray();
        ParallelLoop.Unwrap(() => _tree.SearchFittedBlocked(rowArray, k, indices, distances, parallelism, cancellationToken));
        if (_shift != 0)
        {
            for (var i = 0; i < distances.Length; i++)
            {
                distances[i] = Math.ScaleB(distances[i], -_shift);
            }
        }

        return new NeighborsResult(m, k, indices, distances);
    }

    /// <summary>
    /// Queries with rows given as a flat row-major array, writing into caller-owned buffers of at least
    /// <c>rows * k</c> values (iterative callers such as k-means reuse them instead of allocating per call).
    /// </summary>
    internal void KNeighbors(double[] queries, int rows, int k, int[] indices, double[] distances, CancellationToken cancellationToken = default)
    {
        k = CheckK(k, rows);
        cancellationToken.ThrowIfCancellationRequested();
        Search(new RowSource(queries, rows, Features), k, indices, distances, cancellationToken);
    }

    private NeighborsResult Query(RowSource queries, int k, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var indices = new int[queries.Rows * k];
        var distances = new double[queries.Rows * k];
        Search(queries, k, indices, distances, cancellationToken);
        return new NeighborsResult(queries.Rows, k, indices, distances);
    }

    private void Search(RowSource queries, int k, int[] indices, double[] distances, CancellationToken cancellationToken)
    {
        // Queries larger than the fitted rows may need a smaller scale than the index holds: search a rescaled copy
        // (a rare path, only for values beyond about 1e149).
        var needed = MagnitudeScale.Shift(MagnitudeScale.MaxAbs(queries.Span), Features, Metric);
        if (needed < _shift)
        {
            new NeighborsIndex(_configuration, _givenRows, Count, Features, Algorithm, needed).Search(queries, k, indices, distances, cancellationToken);
            return;
        }

        if (_shift != 0)
        {
            queries = new RowSource(MagnitudeScale.Scaled(queries.Span, _shift), queries.Rows, queries.Columns);
        }

        SearchScaled(queries, k, indices, distances, cancellationToken);
    }

    /// <summary>Searches with queries already on the index's scale; reports distances on the caller's scale.</summary>
    private void SearchScaled(RowSource queries, int k, int[] indices, double[] distances, CancellationToken cancellationToken)
    {
        // A tiny search (at most about 2M multiply-adds by brute force, well under a millisecond) runs on the calling
        // thread: handing blocks to pool threads (and, in a fresh process, starting them) costs more than the search.
        // Results never depend on the number of threads.
        var parallelism = (long)queries.Rows * Count * Features <= SerialWork ? 1 : _maxDegreeOfParallelism;
        ParallelLoop.Unwrap(() =>
        {
            if (_tree is not null)
            {
                _tree.Search(queries, k, indices, distances, parallelism, cancellationToken);
            }
            else
            {
                _brute!.Search(queries, k, indices, distances, parallelism, cancellationToken);
            }
        });

        if (_shift != 0)
        {
            // Exact (the true distance may exceed double.MaxValue, and then is infinity).
            var count = queries.Rows * k;
            for (var i = 0; i < count; i++)
            {
                distances[i] = Math.ScaleB(distances[i], -_shift);
            }
        }
    }

    private void CheckWidth(int width, string parameterName)
    {
        if (width != Features)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"X has {width} features, but NearestNeighbors is expecting {Features} features as input."),
                parameterName);
        }
    }

    private int CheckK(int nNeighbors, int queryCount)
    {
        if (nNeighbors < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(nNeighbors), nNeighbors, string.Create(CultureInfo.InvariantCulture, $"Expected nNeighbors > 0. Got {nNeighbors}"));
        }

        if (nNeighbors > Count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(nNeighbors),
                nNeighbors,
                string.Create(CultureInfo.InvariantCulture, $"Expected nNeighbors <= n_samples_fit, but nNeighbors = {nNeighbors}, n_samples_fit = {Count}, n_samples = {queryCount}"));
        }

        return nNeighbors;
    }
}
