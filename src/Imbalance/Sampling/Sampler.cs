using System.Globalization;
using Imbalance.Diagnostics;

namespace Imbalance.Sampling;

/// <summary>
/// The one base of every sampler, imblearn's <c>BaseSampler.fit_resample</c> template: validate the input, encode
/// the labels, resolve the strategy for the sampler's <see cref="SamplingType"/>, run the sampler's own step and
/// decode the labels.
/// </summary>
/// <remarks>
/// Samplers are immutable: their parameters are init-only properties validated when set, data-dependent checks
/// happen at the start of <see cref="FitResample{TLabel}(double[,], IReadOnlyList{TLabel}, CancellationToken)"/>, and nothing is cached on the instance, so one instance
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

    /// <summary>
    /// <see cref="FitResample{TLabel}(double[,], IReadOnlyList{TLabel}, CancellationToken)"/> with progress reports:
    /// samplers with long loops (cluster centroids per class, instance hardness per fold, the cleaning samplers per
    /// class or iteration) report each finished unit to <paramref name="progress"/>.
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="x">The samples, <c>n_samples x n_features</c>; not modified.</param>
    /// <param name="y">The class of each sample.</param>
    /// <param name="progress">Receives progress reports, possibly from several threads; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the resampling.</param>
    /// <returns>The resampled data.</returns>
    /// <exception cref="ArgumentException">The input is invalid (see the sampler).</exception>
    public ResampleResult<TLabel> FitResample<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IProgress<ProgressReport>? progress, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        InputGuard.CheckXy(x, y);
        var encoder = LabelEncoder<TLabel>.Fit(y);
        var classes = new ClassIndex(encoder.Codes, encoder.ClassCount);
        var targets = SamplingStrategy.Resolve(encoder, classes, SamplingType);
        InputGuard.CheckOutputSize(x.GetLength(0), x.GetLength(1), encoder, classes, targets, SamplingType);
        cancellationToken.ThrowIfCancellationRequested();

        var output = ResampleCore(new SamplerInput(x, classes, targets, encoder) { Progress = progress }, cancellationToken);
        return new ResampleResult<TLabel>(
            output.X,
            encoder.Decode(output.Codes),
            output.SampleIndices,
            SamplingStrategy.ToDictionary(encoder, targets))
        {
            Provenance = output.Provenance,
            Warnings = [.. output.Warnings, .. FewerSamples(classes, targets, output.Codes, encoder)],
        };
    }

    /// <inheritdoc />
    public ResampleResult<TLabel> FitResample<TLabel>(double[,] x, IReadOnlyList<TLabel> y, CancellationToken cancellationToken = default)
        where TLabel : notnull => FitResample(x, y, null, cancellationToken);

    /// <summary>The classes that got fewer rows than the resolved strategy asked for (over- and under-samplers;
    /// cleaning samplers remove as many rows as their rule says, so nothing is "asked for").</summary>
    private List<Diagnostic> FewerSamples<TLabel>(ClassIndex classes, ClassTargets targets, int[] outputCodes, LabelEncoder<TLabel> encoder)
        where TLabel : notnull
    {
        var warnings = new List<Diagnostic>();
        if (SamplingType is not (SamplingType.OverSampling or SamplingType.UnderSampling))
        {
            return warnings;
        }

        var counts = ClassIndex.CountCodes(outputCodes, classes.ClassCount);

        foreach (var code in targets.Targeted)
        {
            var asked = SamplingType == SamplingType.OverSampling ? classes.Counts[code] + targets[code] : targets[code];
            if (counts[code] < asked)
            {
                warnings.Add(new Diagnostic(
                    DiagnosticKind.FewerSamples,
                    GetType().Name,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Class {encoder.Format(code)} has {counts[code]} samples after resampling; the sampling strategy asked for {asked}.")));
            }
        }

        return warnings;
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
