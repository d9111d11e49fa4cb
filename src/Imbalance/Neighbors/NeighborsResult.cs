namespace Imbalance.Neighbors;

/// <summary>
/// The answer of <see cref="NeighborsIndex.KNeighbors(double[,], int?, CancellationToken)"/>: for each query row, the
/// indices of its <see cref="NNeighbors"/> nearest fitted rows and their distances, nearest first — scikit-learn's
/// <c>(neigh_dist, neigh_ind)</c> pair, as one immutable value with row spans.
/// </summary>
/// <remarks>
/// Neighbours are ordered by distance; rows at exactly the same distance are ordered by lower fitted-row index.
/// (scikit-learn's order among exact ties comes from its heap and tree internals and is not reproduced.)
/// </remarks>
public sealed class NeighborsResult
{
    private readonly int[] _indices;
    private readonly double[] _distances;

    internal NeighborsResult(int queryCount, int nNeighbors, int[] indices, double[] distances)
    {
        QueryCount = queryCount;
        NNeighbors = nNeighbors;
        _indices = indices;
        _distances = distances;
    }

    /// <summary>The number of query rows.</summary>
    public int QueryCount { get; }

    /// <summary>The number of neighbours per query row (scikit-learn's <c>n_neighbors</c> of the query).</summary>
    public int NNeighbors { get; }

    /// <summary>All indices, row-major (<c>QueryCount x NNeighbors</c>).</summary>
    public ReadOnlySpan<int> AllIndices => _indices;

    /// <summary>All distances, row-major (<c>QueryCount x NNeighbors</c>).</summary>
    public ReadOnlySpan<double> AllDistances => _distances;

    /// <summary>The fitted-row indices of the neighbours of query <paramref name="query"/>, nearest first.</summary>
    /// <param name="query">The query row.</param>
    /// <returns>A span of <see cref="NNeighbors"/> indices.</returns>
    public ReadOnlySpan<int> GetIndices(int query)
    {
        CheckQuery(query);
        return _indices.AsSpan(query * NNeighbors, NNeighbors);
    }

    /// <summary>The distances from query <paramref name="query"/> to its neighbours, nearest first.</summary>
    /// <param name="query">The query row.</param>
    /// <returns>A span of <see cref="NNeighbors"/> distances.</returns>
    public ReadOnlySpan<double> GetDistances(int query)
    {
        CheckQuery(query);
        return _distances.AsSpan(query * NNeighbors, NNeighbors);
    }

    /// <summary>The indices as a new <c>QueryCount x NNeighbors</c> matrix (scikit-learn's <c>neigh_ind</c>).</summary>
    /// <returns>A new matrix.</returns>
    public int[,] ToIndexMatrix()
    {
        var m = new int[QueryCount, NNeighbors];
        for (var i = 0; i < QueryCount; i++)
        {
            for (var j = 0; j < NNeighbors; j++)
            {
                m[i, j] = _indices[(i * NNeighbors) + j];
            }
        }

        return m;
    }

    /// <summary>The distances as a new <c>QueryCount x NNeighbors</c> matrix (scikit-learn's <c>neigh_dist</c>).</summary>
    /// <returns>A new matrix.</returns>
    public double[,] ToDistanceMatrix()
    {
        var m = new double[QueryCount, NNeighbors];
        for (var i = 0; i < QueryCount; i++)
        {
            for (var j = 0; j < NNeighbors; j++)
            {
                m[i, j] = _distances[(i * NNeighbors) + j];
            }
        }

        return m;
    }

    /// <summary>The flat index array, shared (internal callers must not write to it).</summary>
    internal int[] IndexData => _indices;

    /// <summary>The flat distance array, shared (internal callers must not write to it).</summary>
    internal double[] DistanceData => _distances;

    private void CheckQuery(int query)
    {
        if ((uint)query >= (uint)QueryCount)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query, $"Query row must be in [0, {QueryCount}).");
        }
    }
}
