using Imbalance.Sampling;

namespace Imbalance.Combine;

/// <summary>
/// imblearn's combine step (<c>SMOTEENN._fit_resample</c>, <c>SMOTETomek._fit_resample</c>): over-sample with one
/// sampler, then clean the result with another, both called with the caller's own labels so label-keyed strategies
/// keep working.
/// </summary>
internal sealed class OverThenClean(ISampler over, ISampler clean, SamplerInput input, CancellationToken cancellationToken)
    : ILabelVisitor<SamplerOutput>
{
    public static SamplerOutput Run(ISampler over, ISampler clean, SamplerInput input, CancellationToken cancellationToken) =>
        input.Labels.Accept(new OverThenClean(over, clean, input, cancellationToken));

    public SamplerOutput Visit<TLabel>(LabelEncoder<TLabel> labels)
        where TLabel : notnull
    {
        var y = labels.Decode(input.Classes.Codes);
        var overSampled = over.FitResample(input.X, y, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var cleaned = clean.FitResample(overSampled.X, overSampled.Y, cancellationToken);
        var codes = new int[cleaned.Y.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            if (!labels.TryGetCode(cleaned.Y[i], out codes[i]))
            {
                throw new InvalidOperationException($"The inner samplers returned a label that is not in y: {LabelSet.FormatLabel(cleaned.Y[i])}.");
            }
        }

        return SamplerOutput.Composed(cleaned.X, codes, null);
    }
}
