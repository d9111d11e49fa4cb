using System.Reflection;
using System.Runtime.CompilerServices;
using Imbalance.OverSampling;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.Contracts;

/// <summary>
/// The registry itself and the shape every sampler type must have: found by reflection, sealed, one kind, immutable
/// (no writable state), imblearn's defaults.
/// </summary>
public class SamplerRegistryTests
{
    /// <summary>The sampler names of the design (imblearn's samplers in .NET casing) plus FunctionSampler.</summary>
    private static readonly string[] DesignedSamplers =
    [
        "RandomOverSampler", "Smote", "SmoteNc", "SmoteN", "BorderlineSmote", "SvmSmote", "KMeansSmote", "Adasyn",
        "RandomUnderSampler", "ClusterCentroids", "NearMiss", "TomekLinks", "EditedNearestNeighbours",
        "RepeatedEditedNearestNeighbours", "AllKnn", "CondensedNearestNeighbour", "OneSidedSelection",
        "NeighbourhoodCleaningRule", "InstanceHardnessThreshold", "SmoteEnn", "SmoteTomek", "FunctionSampler",
    ];

    public static TheoryData<string> Types => SamplerRegistry.TypeNames;

    [Fact]
    public void The_registry_finds_the_random_samplers_and_their_variants()
    {
        SamplerRegistry.Types.Should().Contain([typeof(RandomOverSampler), typeof(RandomUnderSampler)]);
        SamplerRegistry.Types.Should().NotContain(typeof(Sampler), "abstract types are not samplers to run");
        SamplerRegistry.Cases.Select(c => c.Name).Should().Contain(
            ["RandomOverSampler", "RandomOverSampler(Shrinkage=1.0)", "RandomUnderSampler", "RandomUnderSampler(Replacement=true)"]);
        SamplerRegistry.Get("RandomOverSampler").Kind.Should().Be(SamplerKind.Over);
        SamplerRegistry.Get("RandomUnderSampler").Kind.Should().Be(SamplerKind.Under);
        SamplerRegistry.CaseNames.Should().HaveCount(SamplerRegistry.Cases.Count);
        SamplerRegistry.SeededCaseNames.Should().HaveCountGreaterThanOrEqualTo(4);
    }

    [Fact]
    public void The_registry_finds_every_public_sampler_type_of_the_assembly()
    {
        var expected = typeof(Sampler).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.GetInterfaces().Contains(typeof(ISampler)))
            .Except(SamplerRegistry.Kindless)
            .ToArray();

        SamplerRegistry.Types.Should().BeEquivalentTo(expected);
        SamplerRegistry.Types.Select(t => t.Name).Should().OnlyHaveUniqueItems("cases are looked up by type name");
    }

    [Fact]
    public void Hooks_name_existing_or_designed_samplers_only()
    {
        var known = SamplerRegistry.Types.Select(t => t.Name).Concat(DesignedSamplers).ToHashSet();

        SamplerRegistry.Factories.Keys.Should().BeSubsetOf(known, "a misspelt hook would silently never apply");
        SamplerRegistry.Variants.Keys.Should().BeSubsetOf(known);
        SamplerRegistry.Relaxations.Keys.Select(TypePart).Should().BeSubsetOf(known);
        foreach (var key in SamplerRegistry.Relaxations.Keys.Where(k => k.Contains('(', StringComparison.Ordinal)))
        {
            var variant = key[(key.IndexOf('(', StringComparison.Ordinal) + 1)..^1];
            SamplerRegistry.Variants.Should().ContainKey(TypePart(key));
            SamplerRegistry.Variants[TypePart(key)].Select(v => v.Variant).Should().Contain(variant, $"relaxation {key} must name a registered variant");
        }
    }

    [Fact]
    public void Relaxations_accept_the_exact_count_and_reject_absurd_ones()
    {
        foreach (var (name, relaxation) in SamplerRegistry.Relaxations)
        {
            relaxation.Reason.Should().NotBeNullOrWhiteSpace();
            relaxation.AcceptsCount(25, 15, 15).Should().BeTrue($"{name}'s relaxation accepts the exact target");
            relaxation.AcceptsCount(25, 15, -1).Should().BeFalse($"{name}'s relaxation rejects a negative count");
            relaxation.AcceptsCount(25, 15, 1000).Should().BeFalse($"{name}'s relaxation rejects a count far above the target");
        }
    }

    [Fact]
    public void A_type_without_a_parameterless_constructor_asks_for_a_factory()
    {
        var act = () => SamplerRegistry.CreateDefault(typeof(NeedsAnArgument), 1);

        act.Should().Throw<InvalidOperationException>().WithMessage("NeedsAnArgument has no public parameterless constructor*Factories*");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_sampler_is_a_sealed_Sampler_of_exactly_one_kind(string name)
    {
        var type = SamplerRegistry.GetType(name);
        var kinds = new[] { typeof(IOverSampler), typeof(IUnderSampler), typeof(ICleaningSampler), typeof(ICombinedSampler) }
            .Where(k => k.IsAssignableFrom(type))
            .ToArray();

        type.IsSealed.Should().BeTrue("samplers are sealed configuration classes");
        type.IsSubclassOf(typeof(Sampler)).Should().BeTrue("every sampler inherits the one FitResample template");
        kinds.Should().NotBeEmpty($"{name} must declare its kind");
        if (kinds.Length > 1)
        {
            // Cleaning samplers are under-samplers; nothing else may combine kinds.
            kinds.Should().BeEquivalentTo([typeof(IUnderSampler), typeof(ICleaningSampler)]);
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void SamplingType_matches_the_kind_interface(string name)
    {
        var type = SamplerRegistry.GetType(name);
        var sampler = SamplerRegistry.CreateDefault(type, 0);

        var expected = SamplerCase.KindOf(type) switch
        {
            SamplerKind.Over or SamplerKind.Combined => SamplingType.OverSampling,
            SamplerKind.Under => SamplingType.UnderSampling,
            _ => SamplingType.CleanSampling,
        };
        sampler.SamplingType.Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_sampler_is_immutable(string name)
    {
        var type = SamplerRegistry.GetType(name);
        var writableFields = new List<string>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            writableFields.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsInitOnly)
                .Select(f => $"{t.Name}.{f.Name}"));
        }

        var publicSetters = type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.SetMethod is { IsPublic: true } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => p.Name);

        writableFields.Should().BeEmpty("a sampler caches nothing on itself; every field is readonly");
        publicSetters.Should().BeEmpty("parameters are init-only");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Defaults_are_imblearns(string name)
    {
        var type = SamplerRegistry.GetType(name);
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            SamplerRegistry.Factories.Should().ContainKey(name);
            return;
        }

        var sampler = (ISampler)Activator.CreateInstance(type)!;

        sampler.SamplingStrategy.Should().BeSameAs(SamplingStrategy.Auto, "sampling_strategy='auto'");
        type.GetProperty("RandomState")?.GetValue(sampler).Should().BeNull("random_state=None");
    }

    private static string TypePart(string caseName) =>
        caseName.Contains('(', StringComparison.Ordinal) ? caseName[..caseName.IndexOf('(', StringComparison.Ordinal)] : caseName;

    /// <summary>A stand-in for a sampler with a mandatory constructor argument.</summary>
    private sealed class NeedsAnArgument(int value)
    {
        public int Value { get; } = value;
    }
}
