namespace Imbalance.Sampling;

/// <summary>
/// An under-sampler whose rule decides how many samples to remove (imblearn's <c>BaseCleaningSampler</c>, e.g.
/// Tomek links or edited nearest neighbours); its <see cref="ISampler.SamplingType"/> is
/// <see cref="SamplingType.CleanSampling"/> and its strategy only names the classes that may be cleaned. A cleaning
/// sampler only removes rows: targeted classes never grow, untargeted classes keep every row, no row is repeated,
/// and <see cref="ResampleResult{TLabel}.SampleIndices"/> (imblearn's <c>sample_indices_</c>) is always reported.
/// </summary>
public interface ICleaningSampler : IUnderSampler
{
}
