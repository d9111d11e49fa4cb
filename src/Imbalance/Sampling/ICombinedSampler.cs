namespace Imbalance.Sampling;

/// <summary>
/// A sampler that over-samples and then cleans (imblearn's <c>imblearn.combine</c>: SMOTEENN, SMOTETomek). Its
/// strategy is interpreted as an over-sampling strategy, as in imblearn.
/// </summary>
public interface ICombinedSampler : ISampler
{
}
