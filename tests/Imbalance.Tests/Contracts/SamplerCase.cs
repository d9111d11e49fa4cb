using System.Reflection;
using Imbalance.Sampling;

namespace Imbalance.Tests.Contracts;

/// <summary>The sampler families the contract distinguishes, from the kind interface a sampler implements.</summary>
public enum SamplerKind
{
    /// <summary><see cref="IOverSampler"/>: each targeted class gains exactly the resolved number of rows.</summary>
    Over,

    /// <summary><see cref="IUnderSampler"/> (not cleaning): each targeted class keeps exactly the resolved number.</summary>
    Under,

    /// <summary><see cref="ICleaningSampler"/>: targeted classes never grow, others are untouched.</summary>
    Cleaning,

    /// <summary><see cref="ICombinedSampler"/>: over-sampling then cleaning of every class.</summary>
    Combined,
}

/// <summary>
/// A documented loosening of the exact count rule for one sampler type whose class sizes are approximate by design
/// (imblearn rounds per cluster, per sample or per percentile). Every relaxation states why.
/// </summary>
/// <param name="Reason">Why the counts are not exact, in imblearn's terms.</param>
/// <param name="AcceptsCount">Given (count before, resolved target, count after) of a targeted class, whether the
/// count after is acceptable. The target is "rows to add" for over-samplers and "rows to keep" for under-samplers.</param>
public sealed record CountRelaxation(string Reason, Func<int, int, int, bool> AcceptsCount);

/// <summary>
/// One configuration of one sampler type that the contract suite runs: how to build it with a seed, its kind, and
/// its documented relaxations.
/// </summary>
public sealed class SamplerCase
{
    internal SamplerCase(string name, Type type, Func<int?, ISampler> create, CountRelaxation? relaxation, bool indicesArePerturbedSources)
    {
        Name = name;
        Type = type;
        Create = create;
        Relaxation = relaxation;
        IndicesArePerturbedSources = indicesArePerturbedSources;
        Kind = KindOf(type);
    }

    /// <summary>The case name shown in test output: the type name, plus the variant for extra configurations.</summary>
    public string Name { get; }

    /// <summary>The sampler type.</summary>
    public Type Type { get; }

    /// <summary>Builds a fresh instance with the given seed (ignored by deterministic samplers).</summary>
    public Func<int?, ISampler> Create { get; }

    /// <summary>The documented count relaxation, or null when the kind's exact rule applies.</summary>
    public CountRelaxation? Relaxation { get; }

    /// <summary>
    /// True when <see cref="ResampleResult{TLabel}.SampleIndices"/> names the row a new row was drawn around rather
    /// than copied (the smoothed bootstrap): labels must match the source row, values need not.
    /// </summary>
    public bool IndicesArePerturbedSources { get; }

    /// <summary>
    /// True for a cleaning configuration documented to name a row more than once
    /// (<see cref="SamplerRegistry.RepeatingCleaners"/>): its distinct rows, not its rows, obey the cleaning rule.
    /// </summary>
    public bool RepeatsRows { get; init; }

    /// <summary>
    /// True for a cleaning sampler that resolves its strategy again between rounds
    /// (<see cref="SamplerRegistry.Reresolving"/>): a class untargeted on the input may still shrink.
    /// </summary>
    public bool Reresolves { get; init; }

    /// <summary>The family, from the implemented kind interface.</summary>
    public SamplerKind Kind { get; }

    /// <summary>The public <c>RandomState</c> property, when the sampler is random.</summary>
    public PropertyInfo? RandomStateProperty => Type.GetProperty("RandomState", BindingFlags.Public | BindingFlags.Instance);

    /// <summary>Builds an instance with a fixed seed.</summary>
    public ISampler Build(int? seed = 42) => Create(seed);

    /// <summary>Builds an instance with a fixed seed and the given strategy.</summary>
    public ISampler Build(SamplingStrategy strategy, int? seed = 42) =>
        SamplerRegistry.WithProperty(Create(seed), nameof(ISampler.SamplingStrategy), strategy);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>The kind of a sampler type, from its kind interface (cleaning before under: cleaning derives from it).</summary>
    public static SamplerKind KindOf(Type type) =>
        typeof(ICombinedSampler).IsAssignableFrom(type) ? SamplerKind.Combined
        : typeof(ICleaningSampler).IsAssignableFrom(type) ? SamplerKind.Cleaning
        : typeof(IUnderSampler).IsAssignableFrom(type) ? SamplerKind.Under
        : typeof(IOverSampler).IsAssignableFrom(type) ? SamplerKind.Over
        : throw new InvalidOperationException(
            $"{type.Name} implements ISampler but none of IOverSampler, IUnderSampler, ICleaningSampler, ICombinedSampler.");
}
