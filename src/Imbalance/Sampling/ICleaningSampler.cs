namespace Imbalance.Sampling;

/// <summary>
/// An under-sampler whose rule decides how many samples to remove (imblearn's <c>BaseCleaningSampler</c>, e.g.
/// Tomek links or edited nearest neighbours); its <see cref="ISampler.SamplingType"/> is
/// <see cref="SamplingType.CleanSampling"/> and its strategy only names the classes that may be cleaned. A cleaning
/// sampler only removes rows: targeted classes never grow, untargeted classes keep every row, no row is repeated,
/// and <see cref="ResampleResult{TLabel}.SampleIndices"/> (imblearn's <c>sample_indices_</c>) is always reported.
/// One documented exception, kept for imblearn parity: <c>CondensedNearestNeighbour</c> and <c>OneSidedSelection</c>
/// draw their seed rows with replacement, as imblearn 0.10 does, so by default they can return a row more than once
/// (and a targeted class can then exceed its original size); set their <c>DistinctRows</c> to return each row once.
/// <c>AllKnn</c> with <c>AllowMinority</c> resolves the strategy again after each round, as imblearn does, so a class
/// untargeted on the input can still be cleaned once another class has become the minority.
/// </summary>
public interface ICleaningSampler : IUnderSampler
{
}
