namespace Imbalance.Learning;

/// <summary>
/// An unfitted feature transformer (scikit-learn's transformer before <c>fit</c>): <see cref="Fit"/> returns an
/// immutable <see cref="IFeatureTransformerModel"/>. Transformers can be steps of a <see cref="Pipelines.Pipeline"/>.
/// </summary>
public interface IFeatureTransformer
{
    /// <summary>Learns the transformation from <paramref name="x"/> (scikit-learn's <c>fit(X)</c>).</summary>
    /// <param name="x">The training rows, finite.</param>
    /// <param name="cancellationToken">Cancels a long fit.</param>
    /// <returns>The fitted transformation.</returns>
    IFeatureTransformerModel Fit(double[,] x, CancellationToken cancellationToken = default);
}
