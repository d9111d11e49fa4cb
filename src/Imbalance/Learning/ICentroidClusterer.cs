namespace Imbalance.Learning;

/// <summary>
/// A clusterer that finds cluster centres and can be re-configured for another number of clusters: what imblearn's
/// <c>ClusterCentroids</c> asks of its <c>estimator</c> (a scikit-learn clusterer exposing the <c>n_clusters</c>
/// parameter and the fitted <c>cluster_centers_</c> attribute). The default is <see cref="KMeans"/>.
/// </summary>
public interface ICentroidClusterer : IClusterer
{
    /// <summary>A copy of this clusterer with <c>n_clusters</c> set to <paramref name="clusterCount"/> and every
    /// other setting kept (scikit-learn's <c>clone(estimator).set_params(n_clusters=...)</c>).</summary>
    /// <param name="clusterCount">The number of clusters of the copy.</param>
    /// <returns>The re-configured copy; this instance is not changed.</returns>
    ICentroidClusterer WithClusterCount(int clusterCount);

    /// <summary>Clusters the rows of <paramref name="x"/> and returns the centres (scikit-learn's
    /// <c>fit(X).cluster_centers_</c>), <c>ClusterCount x n_features</c>.</summary>
    /// <param name="x">The samples, <c>n_samples x n_features</c>; not written to.</param>
    /// <param name="cancellationToken">Cancels a long fit.</param>
    /// <returns>One centre per cluster, row <c>c</c> for cluster <c>c</c>.</returns>
    double[,] FitCentroids(double[,] x, CancellationToken cancellationToken = default);
}
