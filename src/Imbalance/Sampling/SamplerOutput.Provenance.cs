namespace Imbalance.Sampling;

/// <content>The provenance of synthetic rows, carried to <see cref="ResampleResult{TLabel}.Provenance"/>.</content>
internal sealed partial class SamplerOutput
{
    /// <summary>Where the synthetic rows came from, or null for samplers that do not synthesise.</summary>
    public SyntheticProvenance? Provenance { get; init; }

    /// <summary>This output with <paramref name="provenance"/> attached.</summary>
    public SamplerOutput WithProvenance(SyntheticProvenance provenance) =>
        new(X, Codes, SampleIndices) { Provenance = provenance };
}
