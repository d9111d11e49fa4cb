namespace Imbalance.Sampling;

/// <summary>
/// The one base of every sampler, imblearn's <c>BaseSampler.fit_resample</c> template: validate the input, encode
/// the labels, resolve the strategy for the sampler's <see cref="SamplingType"/>, run the sampler's own step and
/// decode the labels.
/// </summary>
/// <remarks>
/// Samplers are immutable: their parameters are init-only properties validated when set, data-dependent checks
/// happen at the start of <see cref="FitResample{TLabel}"/>, and nothing is cached on the instance, so one instance
/// can be used from many threads at once.
/// </remarks>
public abstract class Sampler : ISampler
{
    private readonly SamplingStrategy _samplingStrategy = SamplingStrategy.Auto;

    private protected Sampler()
    {
    }

    /// <inheritdoc />
    public SamplingStrategy SamplingStrategy
    {
        get => _samplingStrategy;
        init => _samplingStrategy = value ?? throw new ArgumentNullException(nameof(SamplingStrategy));
    }

    /// <inheritdoc />
    public abstract SamplingType SamplingType { get; }

    /// <inheritdoc />
    public ResampleResult<TLabel> FitResample<TLabel>(double[,] x, IReadOnlyList<TLabel> y, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        InputGuard.CheckXy(x, y);
        var encoder = LabelEncoder<TLabel>.Fit(y);
        var classes = new ClassIndex(encoder.Codes, encoder.ClassCount);
        var targets = SamplingStrategy.Resolve(encoder, classes, SamplingType);
        InputGuard.CheckOutputSize(x.GetLength(0), x.GetLength(1), encoder, classes, targets, SamplingType);
        cancellationToken.ThrowIfCancellationRequested();

        var output = ResampleCore(new SamplerInput(x, classes, targets, encoder), cancellationToken);
        return new ResampleResult<TLabel>(
            output.X,
            encoder.Decode(output.Codes),
            output.SampleIndices,
            SamplingStrategy.ToDictionary(encoder, targets))
        {
            Provenance = output.Provenance,
        };
    }

    /// <summary>
    /// The sampler's own step (imblearn's <c>_fit_resample</c>) over validated input and class codes. Implementations
    /// check their data-dependent parameters first, never write to <see cref="SamplerInput.X"/>, and draw random
    /// numbers in imblearn's order.
    /// </summary>
    private protected abstract SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken);

    /// <summary>Describes the sampler like imblearn's estimator repr, e.g. <c>RandomOverSampler(SamplingStrategy=auto)</c>.</summary>
    public override string ToString() => $"{GetType().Name}(SamplingStrategy={SamplingStrategy})";
}
