using Imbalance.Interop;
using MathNet.Numerics.LinearAlgebra;

namespace Imbalance.Sampling;

/// <summary>
/// <see cref="ISampler.FitResample{TLabel}"/> for the other supported input shapes (jagged rows and MathNet
/// matrices), converted once through <see cref="MatrixAdapter"/>. The result is the same as for the equivalent
/// <c>double[,]</c>; use <see cref="MatrixAdapter.ToJagged"/> or <see cref="MatrixAdapter.ToMatrix"/> on
/// <see cref="ResampleResult{TLabel}.X"/> to convert back.
/// </summary>
public static class SamplerExtensions
{
    /// <summary>Resamples jagged rows; see <see cref="ISampler.FitResample{TLabel}"/>.</summary>
    /// <param name="sampler">The sampler.</param>
    /// <param name="x">One array per sample, all of the same length.</param>
    /// <param name="y">The class label of each row.</param>
    /// <param name="cancellationToken">Cancels a long resampling.</param>
    /// <returns>The resampled data.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is ragged or otherwise invalid.</exception>
    public static ResampleResult<TLabel> FitResample<TLabel>(
        this ISampler sampler, double[][] x, IReadOnlyList<TLabel> y, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(sampler);
        return sampler.FitResample(MatrixAdapter.FromJagged(x, nameof(x)), y, cancellationToken);
    }

    /// <summary>Resamples a MathNet matrix; see <see cref="ISampler.FitResample{TLabel}"/>.</summary>
    /// <param name="sampler">The sampler.</param>
    /// <param name="x">The samples, one row per sample.</param>
    /// <param name="y">The class label of each row.</param>
    /// <param name="cancellationToken">Cancels a long resampling.</param>
    /// <returns>The resampled data.</returns>
    public static ResampleResult<TLabel> FitResample<TLabel>(
        this ISampler sampler, Matrix<double> x, IReadOnlyList<TLabel> y, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(x);
        return sampler.FitResample(x.ToArray2D(), y, cancellationToken);
    }
}
