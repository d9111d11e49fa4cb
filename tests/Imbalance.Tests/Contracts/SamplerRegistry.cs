using System.Reflection;
using Imbalance.Sampling;

namespace Imbalance.Tests.Contracts;

/// <summary>
/// Every sampler the contract suite checks, found by reflection: each public non-abstract type of the Imbalance
/// assembly that implements <see cref="ISampler"/>. A new sampler is checked as soon as it exists; nobody has to
/// add it here.
/// </summary>
/// <remarks>
/// <para>A sampler is built with its public parameterless constructor, its defaults, and <c>RandomState</c> set
/// through the init accessor when it has one. Three hooks, each keyed by type name so entries may name samplers that
/// do not exist yet:</para>
/// <list type="bullet">
/// <item><see cref="Factories"/>: for a sampler that has mandatory parameters (no useful defaults), how to build
/// it from a seed.</item>
/// <item><see cref="Variants"/>: extra configurations of an existing sampler that take a different code path
/// (e.g. the smoothed bootstrap) and must pass the same contract.</item>
/// <item><see cref="Relaxations"/>: samplers whose class sizes are approximate by design in imblearn; each entry
/// documents why and how far.</item>
/// </list>
/// </remarks>
public static class SamplerRegistry
{
    /// <summary>
    /// Builders for samplers that need a mandatory parameter (or have no parameterless constructor), by type name.
    /// Written with reflection so an entry may name a sampler another branch has not merged yet.
    /// </summary>
    public static IReadOnlyDictionary<string, Func<int?, ISampler>> Factories { get; } =
        new Dictionary<string, Func<int?, ISampler>>(StringComparer.Ordinal)
        {
            // imblearn's SMOTENC has no default categorical_features; column 3 of the contract data is categorical
            // here (its continuous values are simply many categories), columns 0-2 stay continuous.
            ["SmoteNc"] = seed => WithProperty(
                CreateWithConstructor(GetType("SmoteNc"), seed),
                "CategoricalFeatures",
                CallStatic("Imbalance.OverSampling.CategoricalFeatures", "Indices", new[] { 3 })),
        };

    /// <summary>
    /// Extra configurations by type name: a variant label, the init properties it sets (values built lazily, so an
    /// entry may use a type another branch has not merged yet), and whether its sample indices name perturbed
    /// sources. Pick the options that take a different code path.
    /// </summary>
    public static IReadOnlyDictionary<string, (string Variant, (string Property, Func<object> Value)[] Settings, bool IndicesArePerturbedSources)[]> Variants { get; } =
        new Dictionary<string, (string, (string, Func<object>)[], bool)[]>(StringComparer.Ordinal)
        {
            ["RandomOverSampler"] =
            [
                // The smoothed bootstrap: SampleIndices names the row each new row was drawn around.
                ("Shrinkage=1.0", [("Shrinkage", () => Imbalance.OverSampling.Shrinkage.Uniform(1.0))], true),
            ],
            ["RandomUnderSampler"] =
            [
                ("Replacement=true", [("Replacement", () => true)], false),
            ],
            ["BorderlineSmote"] =
            [
                ("Kind=Borderline2", [("Kind", () => EnumValue("Imbalance.OverSampling.BorderlineSmoteKind", "Borderline2"))], false),
            ],
            ["NearMiss"] =
            [
                ("Version=2", [("Version", () => 2)], false),
                ("Version=3", [("Version", () => 3)], false),
            ],
            ["EditedNearestNeighbours"] =
            [
                ("KindSel=Mode", [("KindSel", () => EnumValue("Imbalance.UnderSampling.SelectionKind", "Mode"))], false),
            ],
            ["CondensedNearestNeighbour"] =
            [
                ("DistinctRows=true", [("DistinctRows", () => true)], false),
            ],
            ["OneSidedSelection"] =
            [
                ("DistinctRows=true", [("DistinctRows", () => true)], false),
            ],
            ["AllKnn"] =
            [
                ("AllowMinority=true", [("AllowMinority", () => true)], false),
            ],
        };

    /// <summary>
    /// Documented count relaxations (imblearn 0.10.0 behaviour) by case name (<c>Type(Variant)</c>, for one
    /// configuration) or type name (for every configuration of the type). The predicate receives, for a targeted
    /// class, (count before, resolved target, rows added) for over-samplers and (count before, resolved target, rows
    /// kept) otherwise.
    /// </summary>
    public static IReadOnlyDictionary<string, CountRelaxation> Relaxations { get; } =
        new Dictionary<string, CountRelaxation>(StringComparer.Ordinal)
        {
            ["Adasyn"] = new(
                "ADASYN gives each minority row rint(ratio_i * n_samples) new rows; the rounded parts need not add up to the target (off by at most half the class size).",
                (before, target, added) => added >= 0 && 2 * Math.Abs(added - target) <= before),
            ["BorderlineSmote"] = new(
                "Borderline-SMOTE adds nothing to a class none of whose rows is in danger (imblearn 0.10 skips the class); Borderline-SMOTE-2 splits the target as int(f * (n + 1)) + int((1 - f) * n), which can miss it by one.",
                (_, target, added) => added == 0 || Math.Abs(added - target) <= 1),
            ["SvmSmote"] = new(
                "SVM-SMOTE generates only the interpolation part (or only the extrapolation part) when the class has no danger (or no safe) support vectors, so it can add fewer rows than asked.",
                (_, target, added) => added >= 0 && added <= target),
            ["KMeansSmote"] = new(
                "KMeans-SMOTE gives each selected cluster ceil(n_samples * weight) rows, so it adds at least the target and at most one extra row per cluster (a cluster holds at least one row of the class).",
                (before, target, added) => added >= target && added <= target + before),
            ["NearMiss(Version=3)"] = new(
                "NearMiss-3 keeps only the rows that are nearest neighbours of the minority, which can be fewer than asked (imblearn warns).",
                (_, target, kept) => kept >= Math.Min(1, target) && kept <= target),
            ["InstanceHardnessThreshold"] = new(
                "Instance hardness keeps the rows whose probability is at least a percentile threshold; interpolation and ties make the count approximate.",
                (before, target, kept) => kept >= target - 1 && kept <= before),
        };

    /// <summary>
    /// Cleaning-sampler configurations that may name a row more than once, by case name, with the documented reason:
    /// every other cleaning sampler returns each row at most once (and never grows a class).
    /// </summary>
    public static IReadOnlyDictionary<string, string> RepeatingCleaners { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CondensedNearestNeighbour"] = "imblearn 0.10 draws the seeds with randint (with replacement) and can add a seed again; DistinctRows = false keeps its rows bit for bit.",
            ["OneSidedSelection"] = "imblearn 0.10 draws the seeds with randint (with replacement); DistinctRows = false keeps its rows bit for bit.",
        };

    /// <summary>
    /// Cleaning samplers that resolve the strategy again between rounds, as imblearn does, by type name with the
    /// reason: a class untargeted on the input may become targeted (and be cleaned) later, so for them an untargeted
    /// class only never grows.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Reresolving { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RepeatedEditedNearestNeighbours"] = "imblearn's RENN runs ENN with the strategy resolved on the data left after each round, so 'majority' or 'not minority' can target another class later.",
            ["AllKnn"] = "With AllowMinority = true, imblearn's AllKNN runs ENN with the strategy resolved on the data left after each round, so the class that becomes the minority changes what 'auto' targets.",
        };

    /// <summary>
    /// Samplers without a kind, checked by their own tests instead: <see cref="FunctionSampler"/> (imblearn's
    /// "bypass" type) does whatever its function does, so no count or layout contract applies.
    /// </summary>
    public static IReadOnlyList<Type> Kindless { get; } = [typeof(FunctionSampler)];

    /// <summary>The sampler types found by reflection, sorted by name.</summary>
    public static IReadOnlyList<Type> Types { get; } = typeof(ISampler).Assembly.GetExportedTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ISampler).IsAssignableFrom(t) && !Kindless.Contains(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Every case: one per sampler type with its defaults, plus the registered variants.</summary>
    public static IReadOnlyList<SamplerCase> Cases { get; } = BuildCases();

    /// <summary>Case names, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> CaseNames => ToTheoryData(Cases);

    /// <summary>Names of the cases whose sampler has a <c>RandomState</c>.</summary>
    public static TheoryData<string> SeededCaseNames => ToTheoryData(Cases.Where(c => c.RandomStateProperty is not null));

    /// <summary>Names of the sampler types (one case per type, without variants).</summary>
    public static TheoryData<string> TypeNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var type in Types)
            {
                data.Add(type.Name);
            }

            return data;
        }
    }

    /// <summary>The case called <paramref name="name"/>.</summary>
    public static SamplerCase Get(string name) => Cases.Single(c => c.Name == name);

    /// <summary>The type called <paramref name="name"/>.</summary>
    public static Type GetType(string name) => Types.Single(t => t.Name == name);

    /// <summary>
    /// Sets an init-only property of a freshly built, not yet shared sampler (the reflection equivalent of an object
    /// initializer) and returns it. Exceptions thrown by the init accessor are unwrapped.
    /// </summary>
    public static ISampler WithProperty(ISampler sampler, string property, object? value)
    {
        var info = sampler.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{sampler.GetType().Name} has no public property {property}.");
        try
        {
            info.SetValue(sampler, value);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }

        return sampler;
    }

    /// <summary>Builds a type with its defaults and the seed, through the factory hook when it has one.</summary>
    public static ISampler CreateDefault(Type type, int? seed)
    {
        if (Factories.TryGetValue(type.Name, out var factory))
        {
            return factory(seed);
        }

        return CreateWithConstructor(type, seed);
    }

    private static ISampler CreateWithConstructor(Type type, int? seed)
    {
        if (type.IsGenericTypeDefinition || type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException(
                $"{type.Name} has no public parameterless constructor: register how to build it in SamplerRegistry.Factories.");
        }

        var sampler = (ISampler)Activator.CreateInstance(type)!;
        return type.GetProperty("RandomState", BindingFlags.Public | BindingFlags.Instance) is null
            ? sampler
            : WithProperty(sampler, "RandomState", seed);
    }

    /// <summary>A member of a library enum named at run time.</summary>
    private static object EnumValue(string enumName, string member) =>
        Enum.Parse(typeof(ISampler).Assembly.GetType(enumName, throwOnError: true)!, member);

    /// <summary>Calls a public static method of a library type named at run time.</summary>
    private static object CallStatic(string typeName, string method, params object[] arguments)
    {
        var type = typeof(ISampler).Assembly.GetType(typeName, throwOnError: true)!;
        return type.GetMethod(method, BindingFlags.Public | BindingFlags.Static, arguments.Select(a => a.GetType()).ToArray())!
            .Invoke(null, arguments)!;
    }

    private static SamplerCase[] BuildCases()
    {
        var cases = new List<SamplerCase>();
        foreach (var type in Types)
        {
            Relaxations.TryGetValue(type.Name, out var relaxation);
            cases.Add(new SamplerCase(type.Name, type, seed => CreateDefault(type, seed), relaxation, indicesArePerturbedSources: false)
            {
                RepeatsRows = RepeatingCleaners.ContainsKey(type.Name),
                Reresolves = Reresolving.ContainsKey(type.Name),
            });
            if (!Variants.TryGetValue(type.Name, out var variants))
            {
                continue;
            }

            foreach (var (variant, settings, perturbed) in variants)
            {
                var caseName = $"{type.Name}({variant})";
                cases.Add(new SamplerCase(
                    caseName,
                    type,
                    seed =>
                    {
                        var sampler = CreateDefault(type, seed);
                        foreach (var (property, value) in settings)
                        {
                            WithProperty(sampler, property, value());
                        }

                        return sampler;
                    },
                    Relaxations.TryGetValue(caseName, out var own) ? own : relaxation,
                    perturbed)
                {
                    RepeatsRows = RepeatingCleaners.ContainsKey(type.Name) && !variant.StartsWith("DistinctRows=true", StringComparison.Ordinal),
                    Reresolves = Reresolving.ContainsKey(type.Name),
                });
            }
        }

        return cases.ToArray();
    }

    private static TheoryData<string> ToTheoryData(IEnumerable<SamplerCase> cases)
    {
        var data = new TheoryData<string>();
        foreach (var c in cases)
        {
            data.Add(c.Name);
        }

        return data;
    }
}
