using Imbalance.Sampling;

namespace Imbalance.Learning;

/// <summary>
/// Standardises features by removing the mean and scaling to unit variance, scikit-learn's
/// <c>StandardScaler(with_mean=True, with_std=True)</c>: <c>z = (x - mean) / std</c> with the population standard
/// deviation; a constant feature keeps scale 1.
/// </summary>
/// <remarks><para>When to use it: before any distance- or gradient-based step (SMOTE and its variants,
/// nearest-neighbour cleaning, NearMiss, SVMs, logistic regression), so no feature dominates by its unit; fit it
/// inside a Pipeline so the test rows do not leak into the mean and scale. Trees do not need it.</para></remarks>
/// <example>
/// <code>
/// var scaler = new StandardScaler().Fit(x);          // learns each column's mean and standard deviation
/// double[,] scaled = scaler.Transform(x);            // fit on training rows only, then transform any rows
/// </code>
/// </example>
public sealed class StandardScaler : IFeatureTransformer
{
    /// <summary>Centre the features (scikit-learn's <c>with_mean</c>); default true.</summary>
    public bool WithMean { get; init; } = true;

    /// <summary>Scale the features to unit variance (scikit-learn's <c>with_std</c>); default true.</summary>
    public bool WithStd { get; init; } = true;

    /// <summary>Computes each feature's mean and standard deviation (scikit-learn's <c>fit</c>).</summary>
    /// <param name="x">The training rows, finite, at least one.</param>
    /// <param name="cancellationToken">Not used (the fit is a single pass); present for the contract.</param>
    /// <returns>The fitted scaler.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty or holds NaN or infinity.</exception>
    public StandardScalerModel Fit(double[,] x, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        InputGuard.CheckMatrix(x, nameof(x));
        var n = x.GetLength(0);
        var d = x.GetLength(1);
        var mean = new double[d];
        var scale = new double[d];
        var rows = MatrixRows.Of(x);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                mean[j] += rows[(i * d) + j];
            }
        }

        for (var j = 0; j < d; j++)
        {
            mean[j] /= n;
        }

        var variance = new double[d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                var diff = rows[(i * d) + j] - mean[j];
                variance[j] += diff * diff;
            }
        }

        for (var j = 0; j < d; j++)
        {
            variance[j] /= n;
            // scikit-learn's _is_constant_feature: a variance within rounding error of zero counts as zero (scale 1).
            const double eps = 2.220446049250313e-16;
            var upper = (n * eps * variance[j]) + ((n * mean[j] * eps) * (n * mean[j] * eps));
            scale[j] = WithStd && variance[j] > upper ? Math.Sqrt(variance[j]) : 1.0;
            if (!WithMean)
            {
                mean[j] = 0.0;
            }
        }

        return new StandardScalerModel(WithMean ? mean : new double[d], scale, variance);
    }

    IFeatureTransformerModel IFeatureTransformer.Fit(double[,] x, CancellationToken cancellationToken) => Fit(x, cancellationToken);
}
