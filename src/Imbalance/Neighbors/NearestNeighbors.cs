using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.Neighbors;

/// <summary>
/// Unsupervised nearest-neighbour search, configured like scikit-learn's <c>NearestNeighbors(n_neighbors=5,
/// algorithm="auto", leaf_size=30, metric="minkowski", p=2, n_jobs=None)</c>. <see cref="Fit(double[,])"/> returns an
/// immutable, thread-safe <see cref="NeighborsIndex"/> that answers <c>kneighbors</c> queries. Every neighbour query
/// in Imbalance (the SMOTE family, Tomek links, the edited-nearest-neighbour family, NearMiss, ...) goes through it.
/// </summary>
/// <remarks>
/// <para>When to use it: when you need the neighbour queries themselves (to inspect a sampler's neighbourhoods, or
/// to pass precomputed neighbours); the samplers and KNeighborsClassifier build their own. Standardise features
/// first: distances mix units otherwise.</para>
/// Results are exact: neighbours are ordered by distance and, at exactly equal distance, by lower fitted-row index,
/// whatever the algorithm and the number of threads. Memory stays linear in the number of rows.
/// </remarks>
/// <example>
/// <code>
/// var index = new NearestNeighbors { NNeighbors = 5 }.Fit(x);   // brute force or KD-tree, as scikit-learn's 'auto'
/// int[,] nearest = index.KNeighbors().ToIndexMatrix();          // each row's 5 nearest other rows
/// </code>
/// </example>
public sealed class NearestNeighbors
{
    private readonly int _nNeighbors = 5;
    private readonly int _leafSize = 30;
    private readonly int? _maxDegreeOfParallelism;
    private readonly DistanceMetric _metric = DistanceMetric.Euclidean;
    private readonly NeighborsAlgorithm _algorithm = NeighborsAlgorithm.Auto;

    /// <summary>Number of neighbours a query returns by default (scikit-learn's <c>n_neighbors</c>); default 5. Also
    /// used by <see cref="NeighborsAlgorithm.Auto"/> to choose the algorithm, as in scikit-learn.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NNeighbors
    {
        get => _nNeighbors;
        init => _nNeighbors = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(NNeighbors), value, string.Create(CultureInfo.InvariantCulture, $"Expected NNeighbors > 0. Got {value}"));
    }

    /// <summary>The search algorithm (scikit-learn's <c>algorithm</c>); default <see cref="NeighborsAlgorithm.Auto"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined algorithm.</exception>
    public NeighborsAlgorithm Algorithm
    {
        get => _algorithm;
        init => _algorithm = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Algorithm), value, "Unknown algorithm.");
    }

    /// <summary>The distance (scikit-learn's <c>metric</c> and <c>p</c>); default <see cref="DistanceMetric.Euclidean"/>.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public DistanceMetric Metric
    {
        get => _metric;
        init => _metric = value ?? throw new ArgumentNullException(nameof(Metric));
    }

    /// <summary>Rows per KD-tree leaf (scikit-learn's <c>leaf_size</c>); default 30.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int LeafSize
    {
        get => _leafSize;
        init => _leafSize = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(LeafSize), value, string.Create(CultureInfo.InvariantCulture, $"LeafSize must be greater than or equal to 1. Got {value}"));
    }

    /// <summary>
    /// The most threads a query uses (scikit-learn's <c>n_jobs</c>); <see langword="null"/> (default) for every core.
    /// Results do not depend on it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = InputGuard.CheckParallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <summary>
    /// Indexes the rows of <paramref name="x"/> (scikit-learn's <c>fit(X)</c>). The rows are copied: later changes to
    /// <paramref name="x"/> do not affect the index.
    /// </summary>
    /// <param name="x">The fitted rows, <c>n_samples x n_features</c>, finite.</param>
    /// <returns>The fitted index.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty or holds NaN or infinity.</exception>
    public NeighborsIndex Fit(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        InputGuard.CheckMatrix(x, nameof(x));
        return FitOwned(MatrixRows.Of(x).ToArray(), x.GetLength(0), x.GetLength(1));
    }

    /// <summary>Indexes rows given as a flat row-major buffer the index may keep (no copy, no validation).</summary>
    internal NeighborsIndex FitOwned(double[] rows, int n, int d)
    {
        var algorithm = ResolveAlgorithm(n, d);
        return new NeighborsIndex(this, rows, n, d, algorithm);
    }

    /// <summary>Indexes a copy of a span of row-major rows (no validation).</summary>
    internal NeighborsIndex Fit(ReadOnlySpan<double> rows, int n, int d) => FitOwned(rows[..(n * d)].ToArray(), n, d);

    /// <summary>
    /// scikit-learn's <c>auto</c> rule: brute force when there are more than 15 features or
    /// <c>n_neighbors &gt;= n_samples // 2</c>, else a KD-tree (all supported metrics are KD-tree metrics).
    /// </summary>
    internal NeighborsAlgorithm ResolveAlgorithm(int n, int d) => Algorithm switch
    {
        NeighborsAlgorithm.Auto => d > 15 || NNeighbors >= n / 2 ? NeighborsAlgorithm.Brute : NeighborsAlgorithm.KdTree,
        _ => Algorithm,
    };
}
