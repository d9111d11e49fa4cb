namespace Imbalance.Anomaly;

/// <summary>
/// An unfitted novelty / outlier detector (scikit-learn's <c>OutlierMixin</c> estimators): <see cref="Fit"/> learns
/// what normal rows look like, without labels, and returns an immutable <see cref="IOutlierModel"/>.
/// <see cref="IsolationForest"/> and <see cref="OneClassSvm"/> implement it; <see cref="OutlierDetectorClassifier"/>
/// turns any of them into a classifier.
/// </summary>
public interface IOutlierDetector
{
    /// <summary>Fits the detector on <paramref name="x"/> (scikit-learn's <c>fit(X)</c>).</summary>
    /// <param name="x">The training rows, finite.</param>
    /// <param name="cancellationToken">Cancels a long fit.</param>
    /// <returns>The fitted model; the detector itself is unchanged.</returns>
    IOutlierModel Fit(double[,] x, CancellationToken cancellationToken = default);
}
