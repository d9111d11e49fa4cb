namespace Imbalance.Sampling;

/// <summary>
/// A sampler that removes samples from the targeted classes (imblearn's <c>BaseUnderSampler</c>), either
/// controlled (<see cref="SamplingType.UnderSampling"/>: each targeted class keeps exactly the resolved count) or
/// cleaning (<see cref="ICleaningSampler"/>). A controlled under-sampler groups its output by class in sorted class
/// order, each untargeted class keeping all its rows in their original order (imblearn concatenates class by class).
/// </summary>
/// <remarks>
/// Cleaning samplers order their output as imblearn's rule does: some class by class (edited nearest neighbours),
/// some in the original row order (Tomek links and the neighbourhood cleaning rule use
/// <c>np.flatnonzero(keep)</c>).
/// </remarks>
public interface IUnderSampler : ISampler
{
}
