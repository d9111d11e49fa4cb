using System.Globalization;
using System.Text.Json;
using Imbalance.Randomness;

namespace Imbalance.Tests.Randomness;

/// <summary>
/// Every vector of the specification's <c>rng_vectors.json</c> (made by NumPy 1.24.2 / scikit-learn 1.2.1) reproduced
/// exactly, one test case per vector. The cases are enumerated from the JSON itself, so a vector added to the file
/// becomes a case (and fails until it has a handler); <see cref="Every_vector_in_the_json_is_a_case_with_a_handler"/>
/// proves none is skipped.
/// </summary>
public class SpecVectorTests
{
    /// <summary>The number of vectors in <c>rng_vectors.json</c>: 4 seeds x (31 entries + 5 sample_without_replacement
    /// pairs), 10 interleaved steps, 1 random_sample after an empty choice, 3 array seeds x 4 entries.</summary>
    private const int ExpectedVectorCount = (4 * (31 + 5)) + 10 + 1 + (3 * 4);

    private const string SampleWithoutReplacementKey = "sklearn_sample_without_replacement";

    /// <summary>Handlers for the per-seed entries, keyed by the entry name; each gets a fresh generator.</summary>
    private static readonly Dictionary<string, Func<long, JsonElement, object>> _perSeed = new()
    {
        ["state_after_seeding_key_first5"] = (s, _) => Enumerable.Range(0, 5).Select(i => new RandomState(s).KeyWord(i)).ToArray(),
        ["state_after_seeding_key_last"] = (s, _) => new RandomState(s).KeyWord(623),
        ["state_after_seeding_pos"] = (s, _) => new RandomState(s).Position,
        ["raw_uint32_first10"] = (s, _) => Words(new RandomState(s), 10),
        ["raw_uint32_625_to_630"] = (s, _) => Words(new RandomState(s), 630)[624..],
        ["random_sample_10"] = (s, _) => new RandomState(s).RandomSample(10),
        ["randint_0_10_20"] = (s, _) => SameFromBothOverloads(s, 0, 10, 20),
        ["randint_0_1000_20"] = (s, _) => SameFromBothOverloads(s, 0, 1000, 20),
        ["randint_0_2pow40_5"] = (s, _) => new RandomState(s).RandInt(0L, 1L << 40, 5),
        ["uniform_10"] = (s, _) => new RandomState(s).Uniform(0.0, 1.0, 10),
        ["standard_normal_10"] = (s, _) => new RandomState(s).StandardNormal(10),
        ["permutation_10"] = (s, _) => new RandomState(s).Permutation(10),
        ["choice_100_10_replace_false"] = (s, _) => new RandomState(s).Choice(100, 10, replace: false),
        ["choice_5_10_replace_true"] = (s, _) => new RandomState(s).Choice(5, 10, replace: true),
        ["randint_neg5_5_10"] = (s, _) => SameFromBothOverloads(s, -5, 5, 10),
        ["randint_0_2pow32_3"] = (s, _) => new RandomState(s).RandInt(0L, 1L << 32, 3),
        ["randint_0_2pow32plus1_3"] = (s, _) => new RandomState(s).RandInt(0L, (1L << 32) + 1, 3),
        ["randint_int64_full_3"] = (s, _) => new RandomState(s).RandInt(long.MinValue, long.MaxValue, 3),
        ["randint_maxint32_5"] = (s, _) => Repeat(new RandomState(s), 5, g => g.NextSeed()),
        ["randint_0_1_5_then_random_sample"] = (s, _) =>
        {
            var g = new RandomState(s);
            return new object[] { g.RandInt(0, 1, 5), g.RandomSample() };
        },
        ["uniform_neg2_3_5"] = (s, _) => new RandomState(s).Uniform(-2.0, 3.0, 5),
        ["normal_3_2_5"] = (s, _) => new RandomState(s).Normal(3.0, 2.0, 5),
        ["randn_2x3"] = (s, _) => new RandomState(s).Randn(2, 3),
        ["beta_10_10_x3_same_generator"] = (s, _) => Repeat(new RandomState(s), 3, g => g.Beta(10.0, 10.0)),
        ["standard_gamma_0p5_x3_same_generator"] = (s, _) => Repeat(new RandomState(s), 3, g => g.StandardGamma(0.5)),
        ["choice_4_10_p"] = (s, v) => new RandomState(s).Choice(4, 10, replace: true, Doubles(v.GetProperty("p"))),
        ["choice_6_4_replace_false_p"] = (s, v) => new RandomState(s).Choice(6, 4, replace: false, Doubles(v.GetProperty("p"))),
        ["shuffle_list_range10"] = (s, _) =>
        {
            var list = Enumerable.Range(0, 10).ToArray();
            new RandomState(s).Shuffle(list.AsSpan());
            return list;
        },
        ["shuffle_2d_arange12_6x2"] = (s, _) => ShuffledArangeRows(new RandomState(s), 6, 2),
        ["permutation_300"] = (s, _) => new RandomState(s).Permutation(300),
        ["choice_array_7_to_13_size4"] = (s, _) => new RandomState(s).Choice(Enumerable.Range(7, 7).ToArray(), 4),
    };

    /// <summary>The steps of <c>interleaved_seed0</c>, by the call NumPy made.</summary>
    private static readonly Dictionary<string, Func<RandomState, object>> _interleavedSteps = new()
    {
        ["randint(0,10,3)"] = g => g.RandInt(0, 10, 3),
        ["standard_normal(3)"] = g => g.StandardNormal(3),
        ["random_sample(2)"] = g => g.RandomSample(2),
        ["standard_normal(2)"] = g => g.StandardNormal(2),
        ["uniform(-1,1,2)"] = g => g.Uniform(-1.0, 1.0, 2),
        ["permutation(5)"] = g => g.Permutation(5),
        ["choice(7,3,replace=False)"] = g => g.Choice(7, 3, replace: false),
        ["beta(10,10)"] = g => g.Beta(10.0, 10.0),
        ["standard_normal()"] = g => g.StandardNormal(),
        ["randint(0,2**40,2)"] = g => g.RandInt(0L, 1L << 40, 2),
    };

    /// <summary>Handlers for the entries of each <c>array_seeds_init_by_array</c> key.</summary>
    private static readonly Dictionary<string, Func<uint[], object>> _arraySeed = new()
    {
        ["key_first5"] = k => Enumerable.Range(0, 5).Select(i => new RandomState(k).KeyWord(i)).ToArray(),
        ["key_last"] = k => new RandomState(k).KeyWord(623),
        ["pos"] = k => new RandomState(k).Position,
        ["random_sample_3"] = k => new RandomState(k).RandomSample(3),
    };

    /// <summary>One case per vector, named by its path in the JSON ("seeds/42/randint_0_10_20", ...).</summary>
    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var path in VectorPaths())
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector_is_reproduced_exactly(string path)
    {
        var parts = path.Split('/');
        var expected = RngFixtures.At(RngFixtures.Vectors, parts);
        if (expected.ValueKind == JsonValueKind.Object && expected.TryGetProperty("out", out var output))
        {
            expected = output; // {"p": [...], "out": [...]}: the handler reads p, the result is out
        }

        RngFixtures.ShouldMatch(Compute(parts), expected, path);
    }

    [Fact]
    public void Every_vector_in_the_json_is_a_case_with_a_handler()
    {
        var root = RngFixtures.Vectors;
        var cases = ((IEnumerable<object[]>)Vectors()).Select(row => (string)row[0]).ToList();

        // Count the JSON's vectors straight from its structure, independently of VectorPaths().
        var seeds = root.GetProperty("seeds").EnumerateObject().ToList();
        var inJson = seeds.Sum(s => s.Value.EnumerateObject().Sum(e =>
                         e.Name == SampleWithoutReplacementKey ? e.Value.EnumerateObject().Count() : 1))
                     + root.GetProperty("interleaved_seed0").GetArrayLength()
                     + 1
                     + root.GetProperty("array_seeds_init_by_array").EnumerateObject().Sum(k => k.Value.EnumerateObject().Count());

        cases.Should().OnlyHaveUniqueItems();
        cases.Should().HaveCount(inJson);
        inJson.Should().Be(ExpectedVectorCount, "the specification's file has 167 vectors");
        root.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            "environment", "conventions", "seeds", "interleaved_seed0", "seed0_random_sample_after_choice_5_0_replace_false",
            "array_seeds_init_by_array");
        seeds.Select(s => s.Name).Should().BeEquivalentTo("0", "1", "42", "12345");

        // Every entry has a handler and every handler is used: nothing in the file is silently ignored.
        var perSeedNames = seeds.SelectMany(s => s.Value.EnumerateObject().Select(e => e.Name))
            .Where(n => n != SampleWithoutReplacementKey).ToHashSet();
        perSeedNames.Should().BeEquivalentTo(_perSeed.Keys);
        root.GetProperty("interleaved_seed0").EnumerateArray().Select(step => step[0].GetString()!)
            .Should().BeEquivalentTo(_interleavedSteps.Keys);
        root.GetProperty("array_seeds_init_by_array").EnumerateObject()
            .SelectMany(k => k.Value.EnumerateObject().Select(e => e.Name)).Distinct()
            .Should().BeEquivalentTo(_arraySeed.Keys);
    }

    private static IEnumerable<string> VectorPaths()
    {
        var root = RngFixtures.Vectors;
        foreach (var seed in root.GetProperty("seeds").EnumerateObject())
        {
            foreach (var entry in seed.Value.EnumerateObject())
            {
                if (entry.Name == SampleWithoutReplacementKey)
                {
                    foreach (var pair in entry.Value.EnumerateObject())
                    {
                        yield return $"seeds/{seed.Name}/{entry.Name}/{pair.Name}";
                    }
                }
                else
                {
                    yield return $"seeds/{seed.Name}/{entry.Name}";
                }
            }
        }

        var steps = root.GetProperty("interleaved_seed0").GetArrayLength();
        for (var i = 0; i < steps; i++)
        {
            yield return $"interleaved_seed0/{i}/1";
        }

        yield return "seed0_random_sample_after_choice_5_0_replace_false";

        foreach (var key in root.GetProperty("array_seeds_init_by_array").EnumerateObject())
        {
            foreach (var entry in key.Value.EnumerateObject())
            {
                yield return $"array_seeds_init_by_array/{key.Name}/{entry.Name}";
            }
        }
    }

    private static object Compute(string[] parts)
    {
        var root = RngFixtures.Vectors;
        switch (parts[0])
        {
            case "seeds":
                {
                    var seed = long.Parse(parts[1], CultureInfo.InvariantCulture);
                    if (parts[2] == SampleWithoutReplacementKey)
                    {
                        // sklearn's check_random_state(int) makes a fresh RandomState(seed).
                        var nk = parts[3].Split('_').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                        return new RandomState(seed).SampleWithoutReplacement(nk[0], nk[1]);
                    }

                    _perSeed.Should().ContainKey(parts[2], "every per-seed vector needs a handler");
                    return _perSeed[parts[2]](seed, RngFixtures.At(root, parts));
                }

            case "interleaved_seed0":
                {
                    // Replay every call before this step on ONE generator, then return this step's result.
                    var steps = root.GetProperty("interleaved_seed0");
                    var index = int.Parse(parts[1], CultureInfo.InvariantCulture);
                    var g = new RandomState(0);
                    object result = 0;
                    for (var i = 0; i <= index; i++)
                    {
                        var call = steps[i][0].GetString()!;
                        _interleavedSteps.Should().ContainKey(call, "every interleaved call needs a handler");
                        result = _interleavedSteps[call](g);
                    }

                    return result;
                }

            case "seed0_random_sample_after_choice_5_0_replace_false":
                {
                    var g = new RandomState(0);
                    g.Choice(5, 0, replace: false).Should().BeEmpty();
                    return g.RandomSample();
                }

            case "array_seeds_init_by_array":
                {
                    var key = JsonSerializer.Deserialize<uint[]>(parts[1])!;
                    _arraySeed.Should().ContainKey(parts[2], "every array-seed vector needs a handler");
                    return _arraySeed[parts[2]](key);
                }

            default:
                throw new ArgumentException($"no handler for {string.Join('/', parts)}", nameof(parts));
        }
    }

    private static uint[] Words(RandomState g, int count) => Repeat(g, count, r => r.NextUInt32());

    private static T[] Repeat<T>(RandomState g, int count, Func<RandomState, T> draw)
    {
        var values = new T[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = draw(g);
        }

        return values;
    }

    /// <summary>
    /// randint through the int and the int64 overloads and through scalar calls; all must agree (NumPy's values are the
    /// int64 ones, and scalar calls consume the same words as one vector call).
    /// </summary>
    private static long[] SameFromBothOverloads(long seed, int low, int high, int size)
    {
        var wide = new RandomState(seed).RandInt((long)low, high, size);
        new RandomState(seed).RandInt(low, high, size).Select(v => (long)v).Should().Equal(wide);
        Repeat(new RandomState(seed), size, g => g.RandInt(low, high)).Select(v => (long)v).Should().Equal(wide);
        Repeat(new RandomState(seed), size, g => g.RandInt((long)low, high)).Should().Equal(wide);
        return wide;
    }

    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(TestData.Number).ToArray();

    /// <summary><c>shuffle(np.arange(rows * cols).reshape(rows, cols))</c>, flattened.</summary>
    internal static long[] ShuffledArangeRows(RandomState g, int rows, int cols)
    {
        var m = new double[rows, cols];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                m[i, j] = (i * cols) + j;
            }
        }

        g.ShuffleRows(m);
        return m.Cast<double>().Select(v => (long)v).ToArray();
    }
}
