namespace Imbalance.Sampling;

/// <summary>
/// A sampler that adds samples to the targeted classes (imblearn's <c>BaseOverSampler</c>); its
/// <see cref="ISampler.SamplingType"/> is <see cref="SamplingType.OverSampling"/>. The output holds the original
/// rows in their original order, followed by the new rows of each targeted class in sorted class order.
/// </summary>
public interface IOverSampler : ISampler
{
}
