using System.Reflection;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.Tests.Contracts;

/// <summary>
/// Random valid parameters for any sampler, chosen by property name and type through reflection (so a sampler added
/// later gets its known parameters varied without an entry here): neighbour counts, seeds, enum options, flags and a
/// sampling strategy of the sampler's kind. Parameters this table does not know keep their defaults.
/// </summary>
public static class PropertyParameters
{
    /// <summary>Integer parameters by name: the inclusive range drawn from.</summary>
    private static readonly Dictionary<string, (int Low, int High)> IntRanges = new(StringComparer.Ordinal)
    {
        ["KNeighbors"] = (1, 7),
        ["NNeighbors"] = (1, 7),
        ["MNeighbors"] = (1, 10),
        ["NNeighborsVer3"] = (1, 5),
        ["NSeedsS"] = (1, 3),
        ["MaxIter"] = (1, 10),
        ["Cv"] = (2, 4),
        ["MaxDegreeOfParallelism"] = (1, 3),
    };

    /// <summary>Floating-point parameters by name: the inclusive range drawn from.</summary>
    private static readonly Dictionary<string, (double Low, double High)> DoubleRanges = new(StringComparer.Ordinal)
    {
        ["OutStep"] = (0.0, 1.0),
        ["ThresholdCleaning"] = (0.0, 1.0),
        ["ClusterBalanceThreshold"] = (0.0, 1.0),
        ["DensityExponent"] = (0.5, 4.0),
    };

    /// <summary>Builds a sampler of <paramref name="sampler"/>'s case with random valid parameters and strategy, and a
    /// description of what was chosen.</summary>
    public static (ISampler Sampler, string Description) Build(SamplerCase sampler, int seed, int parameterSeed, int[] y, int features)
    {
        var rng = new RandomState(parameterSeed);
        var instance = sampler.Create(seed);
        var chosen = new List<string>();
        foreach (var property in sampler.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // A variant's own setting (e.g. "Version=2") stays as the variant fixed it.
            if (property.SetMethod is null
                || property.Name is "RandomState" or nameof(ISampler.SamplingStrategy)
                || sampler.Name.Contains(property.Name + "=", StringComparison.Ordinal)
                || rng.RandInt(0, 2) == 0)
            {
                continue;
            }

            var value = Draw(property, rng, features);
            if (value is null)
            {
                continue;
            }

            SamplerRegistry.WithProperty(instance, property.Name, value.Value.Value);
            chosen.Add($"{property.Name}={value.Value.Text}");
        }

        var (strategy, strategyText) = Strategy(sampler.Kind, rng, y);
        SamplerRegistry.WithProperty(instance, nameof(ISampler.SamplingStrategy), strategy);
        chosen.Add($"SamplingStrategy={strategyText}");
        return (instance, $"{sampler.Name} {{ {string.Join(", ", chosen)} }}");
    }

    private static (object? Value, string Text)? Draw(PropertyInfo property, RandomState rng, int features)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type == typeof(int) && IntRanges.TryGetValue(property.Name, out var ints))
        {
            var v = rng.RandInt(ints.Low, ints.High + 1);
            return (v, v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (type == typeof(double) && DoubleRanges.TryGetValue(property.Name, out var doubles))
        {
            var v = rng.Uniform(doubles.Low, doubles.High);
            return (v, v.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (type == typeof(bool))
        {
            var v = rng.RandInt(0, 2) == 1;
            return (v, v ? "true" : "false");
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            var v = values.GetValue(rng.RandInt(0, values.Length))!;
            return (v, v.ToString()!);
        }

        if (type.Name == "CategoricalFeatures" && features >= 2)
        {
            // A random proper, non-empty subset of the columns is categorical.
            var count = rng.RandInt(1, features);
            var columns = rng.Permutation(features).Take(count).Order().ToArray();
            var value = type.GetMethod("Indices", [typeof(int[])])!.Invoke(null, [columns]);
            return (value, "Indices(" + string.Join(",", columns) + ")");
        }

        return null;
    }

    private static (SamplingStrategy Strategy, string Text) Strategy(SamplerKind kind, RandomState rng, int[] y)
    {
        var classes = y.Max() + 1;
        var counts = ContractData.CountsOf(y, classes);
        var majority = counts.Max();
        var choice = rng.RandInt(0, 6);
        switch (kind)
        {
            case SamplerKind.Over or SamplerKind.Combined:
                switch (choice)
                {
                    case 0: return (SamplingStrategy.Minority, "minority");
                    case 1: return (SamplingStrategy.NotMinority, "not minority");
                    case 2: return (SamplingStrategy.All, "all");
                    case 3:
                        var wanted = Enumerable.Range(0, classes).Where(_ => rng.RandInt(0, 2) == 1)
                            .ToDictionary(c => c, c => counts[c] + rng.RandInt(0, majority + 1));
                        return (SamplingStrategy.Counts(wanted), "counts " + Text(wanted));
                    default: return (SamplingStrategy.Auto, "auto");
                }

            case SamplerKind.Under:
                switch (choice)
                {
                    case 0: return (SamplingStrategy.Majority, "majority");
                    case 1: return (SamplingStrategy.NotMajority, "not majority");
                    case 2: return (SamplingStrategy.All, "all");
                    case 3:
                        var kept = Enumerable.Range(0, classes).Where(_ => rng.RandInt(0, 2) == 1)
                            .ToDictionary(c => c, c => rng.RandInt(0, counts[c] + 1));
                        return (SamplingStrategy.Counts(kept), "counts " + Text(kept));
                    default: return (SamplingStrategy.Auto, "auto");
                }

            default:
                switch (choice)
                {
                    case 0: return (SamplingStrategy.Majority, "majority");
                    case 1: return (SamplingStrategy.NotMajority, "not majority");
                    case 2: return (SamplingStrategy.All, "all");
                    case 3:
                        var cleaned = Enumerable.Range(0, classes).Where(_ => rng.RandInt(0, 2) == 1).ToArray();
                        return (SamplingStrategy.Classes(cleaned), "classes [" + string.Join(",", cleaned) + "]");
                    default: return (SamplingStrategy.Auto, "auto");
                }
        }
    }

    private static string Text(Dictionary<int, int> counts) => "{" + string.Join(", ", counts.Select(kv => $"{kv.Key}: {kv.Value}")) + "}";
}
