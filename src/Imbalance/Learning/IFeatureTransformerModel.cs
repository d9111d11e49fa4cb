namespace Imbalance.Learning;

/// <summary>A fitted transformer (scikit-learn's fitted transformer): immutable, safe to use from many threads.</summary>
public interface IFeatureTransformerModel
{
    /// <summary>Transforms rows (scikit-learn's <c>transform(X)</c>) into a new matrix; the input is not changed.</summary>
    /// <param name="x">Rows with the training width.</param>
    /// <returns>The transformed rows.</returns>
    double[,] Transform(double[,] x);
}
