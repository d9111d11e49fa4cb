using Imbalance.Interop;

namespace Imbalance.Learning;

/// <summary>
/// <see cref="IClassifier.Fit{TLabel}"/>, <see cref="IFeatureTransformer.Fit"/> and the clusterers' fits for the other
/// supported input shapes (see <see cref="FeatureMatrix"/>), converted once through <see cref="MatrixAdapter"/>.
/// </summary>
public static class ClassifierExtensions
{
    /// <summary>Fits a classifier on rows of any supported shape; see <see cref="IClassifier.Fit{TLabel}"/>.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="classifier">The classifier.</param>
    /// <param name="x">The training rows: <c>double[][]</c>, <c>float[,]</c>, <c>float[][]</c> or a MathNet matrix.</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="sampleWeight">Optional weight per row.</param>
    /// <param name="cancellationToken">Cancels a long fit.</param>
    /// <returns>The fitted model.</returns>
    public static IClassificationModel<TLabel> Fit<TLabel>(
        this IClassifier classifier, FeatureMatrix x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(classifier);
        return classifier.Fit(x.ToArray2D(nameof(x)), y, sampleWeight, cancellationToken);
    }

    /// <summary>Fits a transformer on rows of any supported shape; see <see cref="IFeatureTransformer.Fit"/>.</summary>
    /// <param name="transformer">The transformer.</param>
    /// <param name="x">The training rows.</param>
    /// <param name="cancellationToken">Cancels a long fit.</param>
    /// <returns>The fitted transformation.</returns>
    public static IFeatureTransformerModel Fit(this IFeatureTransformer transformer, FeatureMatrix x, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        return transformer.Fit(x.ToArray2D(nameof(x)), cancellationToken);
    }

    /// <summary>Transforms rows of any supported shape; see <see cref="IFeatureTransformerModel.Transform"/>.</summary>
    /// <param name="model">The fitted transformer.</param>
    /// <param name="x">The rows.</param>
    /// <returns>The transformed rows.</returns>
    public static double[,] Transform(this IFeatureTransformerModel model, FeatureMatrix x)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Transform(x.ToArray2D(nameof(x)));
    }

    /// <summary>Clusters rows of any supported shape; see <see cref="IClusterer.FitPredict"/>.</summary>
    /// <param name="clusterer">The clusterer (e.g. <see cref="KMeans"/>).</param>
    /// <param name="x">The rows.</param>
    /// <param name="cancellationToken">Cancels a long fit.</param>
    /// <returns>The cluster of each row.</returns>
    public static int[] FitPredict(this IClusterer clusterer, FeatureMatrix x, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clusterer);
        return clusterer.FitPredict(x.ToArray2D(nameof(x)), cancellationToken);
    }

    /// <summary>Fits centroids on rows of any supported shape; see <see cref="ICentroidClusterer.FitCentroids"/>.</summary>
    /// <param name="clusterer">The clusterer (e.g. <see cref="KMeans"/>).</param>
    /// <param name="x">The rows.</param>
    /// <param name="cancellationToken">Cancels a long fit.</param>
    /// <returns>The centroids, one row per cluster.</returns>
    public static double[,] FitCentroids(this ICentroidClusterer clusterer, FeatureMatrix x, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clusterer);
        return clusterer.FitCentroids(x.ToArray2D(nameof(x)), cancellationToken);
    }
}
