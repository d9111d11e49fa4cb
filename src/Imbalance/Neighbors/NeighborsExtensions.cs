using Imbalance.Interop;

namespace Imbalance.Neighbors;

/// <summary><see cref="NearestNeighbors.Fit(double[,])"/> and <see cref="NeighborsIndex.KNeighbors(double[,], int?, CancellationToken)"/>
/// for the other supported input shapes (see <see cref="FeatureMatrix"/>).</summary>
public static class NeighborsExtensions
{
    /// <summary>Indexes rows of any supported shape; see <see cref="NearestNeighbors.Fit(double[,])"/>.</summary>
    /// <param name="neighbors">The configuration.</param>
    /// <param name="x">The rows to index.</param>
    /// <returns>The fitted index.</returns>
    public static NeighborsIndex Fit(this NearestNeighbors neighbors, FeatureMatrix x)
    {
        ArgumentNullException.ThrowIfNull(neighbors);
        return neighbors.Fit(x.ToArray2D(nameof(x)));
    }

    /// <summary>Queries rows of any supported shape; see <see cref="NeighborsIndex.KNeighbors(double[,], int?, CancellationToken)"/>.</summary>
    /// <param name="index">The fitted index.</param>
    /// <param name="queries">The query rows.</param>
    /// <param name="nNeighbors">Neighbours per query; <see langword="null"/> for the configured number.</param>
    /// <param name="cancellationToken">Cancels a long query.</param>
    /// <returns>Indices and distances.</returns>
    public static NeighborsResult KNeighbors(this NeighborsIndex index, FeatureMatrix queries, int? nNeighbors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.KNeighbors(queries.ToArray2D(nameof(queries)), nNeighbors, cancellationToken);
    }
}
