namespace Imbalance.Sampling;

/// <content>The provenance of synthetic rows, for over-samplers that synthesise.</content>
public sealed partial class ResampleResult<TLabel>
{
    /// <summary>
    /// For samplers that synthesise rows (the SMOTE family, ADASYN): for every synthetic row, the input rows it was
    /// made from and its interpolation step. <see langword="null"/> for every other sampler.
    /// </summary>
    public SyntheticProvenance? Provenance { get; internal init; }
}
