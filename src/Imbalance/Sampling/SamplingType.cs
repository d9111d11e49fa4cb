namespace Imbalance.Sampling;

/// <summary>
/// The kind of resampling a sampler performs; imblearn's <c>_sampling_type</c>. It decides how a
/// <see cref="SamplingStrategy"/> is resolved into per-class targets (imblearn's <c>check_sampling_strategy</c>).
/// </summary>
public enum SamplingType
{
    /// <summary>
    /// imblearn's <c>"over-sampling"</c>: the resolved strategy gives, for each targeted class, the number of
    /// samples to <em>add</em>.
    /// </summary>
    OverSampling,

    /// <summary>
    /// imblearn's <c>"under-sampling"</c>: the resolved strategy gives, for each targeted class, the number of
    /// samples to <em>keep</em>.
    /// </summary>
    UnderSampling,

    /// <summary>
    /// imblearn's <c>"clean-sampling"</c>: the resolved strategy names the classes to clean; the number of samples
    /// removed is decided by the cleaning rule (the value stored per class is the minority count, as in imblearn).
    /// </summary>
    CleanSampling,

    /// <summary>
    /// imblearn's <c>"bypass"</c>: the sampler ignores the strategy (<see cref="FunctionSampler"/>); nothing is
    /// resolved.
    /// </summary>
    Bypass,
}
