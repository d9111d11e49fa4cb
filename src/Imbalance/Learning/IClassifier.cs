namespace Imbalance.Learning;

/// <summary>
/// An unfitted classifier: a configuration whose <see cref="Fit{TLabel}"/> learns from labelled rows and returns a
/// separate, immutable <see cref="IClassificationModel{TLabel}"/> (scikit-learn's <c>fit</c> / fitted estimator split,
/// as in ML.NET). Classifiers can be the final step of a <see cref="Pipelines.Pipeline"/>.
/// </summary>
public interface IClassifier
{
    /// <summary>Learns from <paramref name="x"/> and <paramref name="y"/> (scikit-learn's <c>fit(X, y, sample_weight)</c>).</summary>
    /// <typeparam name="TLabel">The label type; classes are kept in sorted order.</typeparam>
    /// <param name="x">The training rows, finite.</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row, for learners that support it (scikit-learn's
    /// <c>sample_weight</c>); learners that do not support weights throw when one is given.</param>
    /// <param name="cancellationToken">Cancels a long fit.</param>
    /// <returns>The fitted model; the classifier itself is unchanged.</returns>
    IClassificationModel<TLabel> Fit<TLabel>(
        double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
        where TLabel : notnull;
}
