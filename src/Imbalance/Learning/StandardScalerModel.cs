using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.Learning;

/// <summary>A fitted <see cref="StandardScaler"/>: scikit-learn's <c>mean_</c>, <c>var_</c> and <c>scale_</c>.</summary>
public sealed class StandardScalerModel : IFeatureTransformerModel
{
    private readonly double[] _mean;
    private readonly double[] _scale;
    private readonly double[] _variance;

    internal StandardScalerModel(double[] mean, double[] scale, double[] variance)
    {
        _mean = mean;
        _scale = scale;
        _variance = variance;
    }

    /// <summary>The per-feature mean subtracted (zeros when <c>WithMean</c> is false); scikit-learn's <c>mean_</c>.</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>The per-feature divisor (the standard deviation, or 1 for constant features or without <c>WithStd</c>);
    /// scikit-learn's <c>scale_</c>.</summary>
    public IReadOnlyList<double> Scale => _scale;

    /// <summary>The per-feature population variance; scikit-learn's <c>var_</c>.</summary>
    public IReadOnlyList<double> Variance => _variance;

    /// <summary>Returns <c>(x - Mean) / Scale</c> as a new matrix (scikit-learn's <c>transform</c>).</summary>
    /// <param name="x">Rows with the training width, finite.</param>
    /// <returns>The standardised rows.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or infinity, or has the wrong width.</exception>
    public double[,] Transform(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        InputGuard.CheckMatrix(x, nameof(x));
        var d = _mean.Length;
        if (x.GetLength(1) != d)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"X has {x.GetLength(1)} features, but StandardScaler is expecting {d} features as input."),
                nameof(x));
        }

        var result = new double[x.GetLength(0), d];
        var src = MatrixRows.Of(x);
        var dst = MatrixRows.Of(result);
        for (var i = 0; i < src.Length; i++)
        {
            var j = i % d;
            dst[i] = (src[i] - _mean[j]) / _scale[j];
        }

        return result;
    }
}
