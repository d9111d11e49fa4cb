using Imbalance.Interop;

namespace Imbalance.Sampling;

/// <summary>
/// <see cref="ISampler.FitResample{TLabel}"/> for the other supported input shapes (jagged rows, <c>float</c> rows,
/// MathNet matrices: see <see cref="FeatureMatrix"/>), converted once through <see cref="MatrixAdapter"/>. The result
/// is the same as for the equivalent <c>double[,]</c>; use <see cref="MatrixAdapter.ToJagged"/> or
/// <see cref="MatrixAdapter.ToMatrix"/> on <see cref="ResampleResult{TLabel}.X"/> to convert back.
/// </summary>
public static class SamplerExtensions
{
    /// <summary>Resamples rows of any supported shape; see <see cref="ISampler.FitResample{TLabel}"/>.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="sampler">The sampler.</param>
    /// <param name="x">The samples: <c>double[][]</c>, <c>float[,]</c>, <c>float[][]</c> or a MathNet matrix.</param>
    /// <param name="y">The class label of each row.</param>
    /// <param name="cancellationToken">Cancels a long resampling.</param>
    /// <returns>The resampled data.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is ragged or otherwise invalid.</exception>
    public static ResampleResult<TLabel> FitResample<TLabel>(
        this ISampler sampler, FeatureMatrix x, IReadOnlyList<TLabel> y, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(sampler);
        return sampler.FitResample(x.ToArray2D(nameof(x)), y, cancellationToken);
    }
}
