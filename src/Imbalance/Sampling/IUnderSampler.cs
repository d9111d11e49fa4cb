namespace Imbalance.Sampling;

/// <summary>
/// A sampler that removes samples from the targeted classes (imblearn's <c>BaseUnderSampler</c>), either
/// controlled (<see cref="SamplingType.UnderSampling"/>: each targeted class keeps exactly the resolved count) or
/// cleaning (<see cref="ICleaningSampler"/>). The output is grouped by class in sorted class order.
/// </summary>
public interface IUnderSampler : ISampler
{
}
