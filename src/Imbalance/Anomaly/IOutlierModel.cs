namespace Imbalance.Anomaly;

/// <summary>
/// A fitted outlier detector, immutable and safe to use from many threads. As in scikit-learn, larger scores mean
/// more normal: <see cref="ScoreSamples"/> is the raw normality score, <see cref="DecisionFunction"/> is it minus the
/// fitted offset (negative for outliers), <see cref="Predict"/> gives +1 (inlier) or -1 (outlier).
/// </summary>
public interface IOutlierModel
{
    /// <summary>The number of features seen in training.</summary>
    int FeatureCount { get; }

    /// <summary>The raw normality score of each row (scikit-learn's <c>score_samples</c>); lower is more abnormal.</summary>
    /// <param name="x">Rows with the training width, finite.</param>
    /// <param name="cancellationToken">Cancels a long computation.</param>
    /// <returns>One score per row.</returns>
    double[] ScoreSamples(double[,] x, CancellationToken cancellationToken = default);

    /// <summary><see cref="ScoreSamples"/> minus the offset (scikit-learn's <c>decision_function</c>): negative for
    /// outliers, positive for inliers.</summary>
    /// <param name="x">Rows with the training width, finite.</param>
    /// <param name="cancellationToken">Cancels a long computation.</param>
    /// <returns>One value per row.</returns>
    double[] DecisionFunction(double[,] x, CancellationToken cancellationToken = default);

    /// <summary>+1 for an inlier, -1 for an outlier (scikit-learn's <c>predict</c>).</summary>
    /// <param name="x">Rows with the training width, finite.</param>
    /// <param name="cancellationToken">Cancels a long computation.</param>
    /// <returns>One value per row.</returns>
    int[] Predict(double[,] x, CancellationToken cancellationToken = default);
}
