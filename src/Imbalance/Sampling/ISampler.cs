namespace Imbalance.Sampling;

/// <summary>
/// A configured resampler: imblearn's sampler API (<c>fit_resample</c>). Implementations are immutable once
/// configured and safe to share across threads; every call works only on its arguments.
/// </summary>
public interface ISampler
{
    /// <summary>
    /// Which classes are resampled and to what size; imblearn's <c>sampling_strategy</c> parameter.
    /// Defaults to <see cref="SamplingStrategy.Auto"/>.
    /// </summary>
    SamplingStrategy SamplingStrategy { get; }

    /// <summary>How <see cref="SamplingStrategy"/> is interpreted; imblearn's <c>_sampling_type</c>.</summary>
    SamplingType SamplingType { get; }

    /// <summary>
    /// Resamples the data set; imblearn's <c>fit_resample(X, y)</c>. The inputs are validated (finite values,
    /// matching lengths, at least two classes, a strategy that fits the data) before any work is done and are
    /// never modified.
    /// </summary>
    /// <typeparam name="TLabel">The label type: any comparable type (int, string, enum, bool, ...). Classes are
    /// ordered as <c>np.unique</c> orders them (numbers numerically, strings by Unicode code point).</typeparam>
    /// <param name="x">The samples, one row per sample (row-major <c>n_samples x n_features</c>).</param>
    /// <param name="y">The class label of each row of <paramref name="x"/>.</param>
    /// <param name="cancellationToken">Cancels a long resampling between steps.</param>
    /// <returns>The resampled data, the rows it was made from where the sampler selects rows, and the resolved
    /// strategy.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The inputs are invalid or the strategy cannot be applied to them; the
    /// message and <see cref="ArgumentException.ParamName"/> say which.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ResampleResult<TLabel> FitResample<TLabel>(double[,] x, IReadOnlyList<TLabel> y, CancellationToken cancellationToken = default)
        where TLabel : notnull;
}
