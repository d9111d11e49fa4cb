namespace Imbalance.Learning;

/// <summary>
/// A clustering algorithm <see cref="OverSampling.KMeansSmote"/> partitions the data with: imblearn's <c>kmeans_estimator</c>,
/// of which K-Means SMOTE uses <c>n_clusters</c> and <c>fit_predict</c>. The default is <see cref="KMeans"/>.
/// </summary>
public interface IClusterer
{
    /// <summary>The number of clusters (scikit-learn's <c>n_clusters</c>); labels lie in <c>0..ClusterCount-1</c>.</summary>
    int ClusterCount { get; }

    /// <summary>Clusters the rows of <paramref name="x"/> (scikit-learn's <c>fit_predict(X)</c>).</summary>
    /// <param name="x">The samples, <c>n_samples x n_features</c>.</param>
    /// <param name="cancellationToken">Cancels a long fit.</param>
    /// <returns>The cluster of each row.</returns>
    int[] FitPredict(double[,] x, CancellationToken cancellationToken = default);
}
