using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Combine;

/// <summary>
/// Over-samples with SMOTE, then removes Tomek links: imblearn's
/// <c>SMOTETomek(sampling_strategy="auto", random_state=None, smote=None, tomek=None, n_jobs=None)</c> (Batista, Prati and
/// Monard, "A study of the behavior of several methods for balancing machine learning training data", 2004).
/// </summary>
/// <remarks>
/// <para>When to use it: numeric data where SMOTE creates rows that overlap the majority class: Tomek links are
/// removed after over-sampling, a light cleaning of the border that keeps balance close to the target. Prefer
/// SmoteEnn when the data are noisier.</para>
/// <para>The default over-sampler is <c>new Smote { SamplingStrategy, RandomState }</c> with
/// this sampler's settings; the default cleaner is <c>new TomekLinks { SamplingStrategy = All }</c>.
/// A supplied <see cref="Smote"/> or <see cref="Tomek"/> is used as configured (imblearn clones it). The output is the
/// cleaner's output on the over-sampled data, so for the same seed it equals imblearn 0.10.0's.</para>
/// <para><see cref="ResampleResult{TLabel}.ResolvedStrategy"/> is the resolved over-sampling strategy (imblearn stores
/// the raw <c>sampling_strategy</c>); <see cref="ResampleResult{TLabel}.SampleIndices"/> is <see langword="null"/>, as
/// imblearn has no <c>sample_indices_</c> here.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = new SmoteTomek { RandomState = 42 }.FitResample(x, y);   // SMOTE, then remove Tomek links
/// </code>
/// </example>
public sealed class SmoteTomek : Sampler, ICombinedSampler
{
    private readonly int? _randomState;
    private readonly int? _maxDegreeOfParallelism;

    /// <summary>The seed of the default SMOTE (imblearn's <c>random_state</c>); <see langword="null"/> for an
    /// unpredictable one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The seed is negative.</exception>
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>The over-sampler (imblearn's <c>smote</c>); <see langword="null"/> (default) for
    /// <see cref="Imbalance.OverSampling.Smote"/> with this sampler's strategy and seed.</summary>
    public IOverSampler? Smote { get; init; }

    /// <summary>The cleaner (imblearn's <c>tomek</c>); <see langword="null"/> (default) for
    /// <see cref="TomekLinks"/> cleaning every class.</summary>
    public ICleaningSampler? Tomek { get; init; }

    /// <summary>Most threads for the default cleaner (imblearn's <c>n_jobs</c>); <see langword="null"/> for every
    /// core. Results do not depend on it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = InputGuard.CheckParallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <inheritdoc />
    public override SamplingType SamplingType => SamplingType.OverSampling;

    /// <inheritdoc />
    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken) =>
        OverThenClean.Run(
            Smote ?? new Imbalance.OverSampling.Smote { SamplingStrategy = SamplingStrategy, RandomState = RandomState },
            Tomek ?? new TomekLinks { SamplingStrategy = SamplingStrategy.All, MaxDegreeOfParallelism = MaxDegreeOfParallelism },
            input,
            cancellationToken);
}
