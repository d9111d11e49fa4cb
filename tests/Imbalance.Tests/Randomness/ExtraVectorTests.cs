using System.Globalization;
using System.Text.Json;
using Imbalance.Randomness;

namespace Imbalance.Tests.Randomness;

/// <summary>
/// The vectors of <c>rng_extra.json</c> (<c>generate_rng_extra.py</c>, NumPy 1.24.2 / scikit-learn 1.2.1): call
/// sequences replayed on one generator (Gaussian cache, gamma and beta for every branch, normal with loc/scale,
/// randint and uniform edges, permutation and shuffle of lists and rows, choice with and without p, array seeds) and
/// scikit-learn's <c>sample_without_replacement</c>. One test case per sequence and per sampling case.
/// </summary>
public class ExtraVectorTests
{
    /// <summary>How each fixture op is made on our generator; args and result are as the generator script documents.</summary>
    private static readonly Dictionary<string, Func<RandomState, JsonElement, object>> _ops = new()
    {
        ["raw"] = (g, a) =>
        {
            var words = new uint[a[0].GetInt32()];
            for (var i = 0; i < words.Length; i++)
            {
                words[i] = g.NextUInt32();
            }

            return words[a[1].GetInt32()..];
        },
        ["state"] = (g, _) => new Dictionary<string, object>
        {
            ["key_first5"] = Enumerable.Range(0, 5).Select(g.KeyWord).ToArray(),
            ["key_last"] = g.KeyWord(623),
            ["pos"] = g.Position,
        },
        ["random_sample"] = (g, a) => Sized(a[0], g.RandomSample, g.RandomSample),
        ["randint"] = (g, a) =>
        {
            var (low, high) = (a[0].GetInt64(), a[1].GetInt64());
            return Sized(a[2], () => g.RandInt(low, high), n => g.RandInt(low, high, n));
        },
        ["uniform"] = (g, a) =>
        {
            var (low, high) = (a[0].GetDouble(), a[1].GetDouble());
            return Sized(a[2], () => g.Uniform(low, high), n => g.Uniform(low, high, n));
        },
        ["standard_normal"] = (g, a) => Sized(a[0], g.StandardNormal, g.StandardNormal),
        ["normal"] = (g, a) =>
        {
            var (loc, scale) = (a[0].GetDouble(), a[1].GetDouble());
            return Sized(a[2], () => g.Normal(loc, scale), n => g.Normal(loc, scale, n));
        },
        ["randn"] = (g, a) => g.Randn(a[0].GetInt32(), a[1].GetInt32()),
        ["standard_exponential"] = (g, a) => Sized(a[0], g.StandardExponential, n => Repeat(n, g.StandardExponential)),
        ["standard_gamma"] = (g, a) =>
        {
            var shape = a[0].GetDouble();
            return Sized(a[1], () => g.StandardGamma(shape), n => Repeat(n, () => g.StandardGamma(shape)));
        },
        ["beta"] = (g, a) =>
        {
            var (alpha, beta) = (a[0].GetDouble(), a[1].GetDouble());
            return Sized(a[2], () => g.Beta(alpha, beta), n => g.Beta(alpha, beta, n));
        },
        ["permutation"] = (g, a) => g.Permutation(a[0].GetInt32()),
        ["permutation_list"] = (g, a) => List(a[0]) switch
        {
            string[] s => g.Permutation<string>(s),
            long[] l => g.Permutation<long>(l),
            double[] d => g.Permutation<double>(d),
            var other => throw new ArgumentException(other.GetType().ToString()),
        },
        ["shuffle"] = (g, a) =>
        {
            var values = List(a[0]);
            switch (values)
            {
                case string[] s: g.Shuffle(s.AsSpan()); break;
                case long[] l: g.Shuffle(l.AsSpan()); break;
                case double[] d: g.Shuffle(d.AsSpan()); break;
            }

            return values;
        },
        ["shuffle_rows"] = (g, a) => SpecVectorTests.ShuffledArangeRows(g, a[0].GetInt32(), a[1].GetInt32()),
        ["choice"] = (g, a) =>
        {
            var size = a[1].ValueKind == JsonValueKind.Null ? 1 : a[1].GetInt32();
            var replace = a[2].GetBoolean();
            var p = a[3].ValueKind == JsonValueKind.Null ? [] : a[3].EnumerateArray().Select(TestData.Number).ToArray();
            object result = a[0].ValueKind == JsonValueKind.Number
                ? g.Choice(a[0].GetInt32(), size, replace, p)
                : List(a[0]) switch
                {
                    string[] s => g.Choice(s, size, replace, p),
                    long[] l => g.Choice(l, size, replace, p),
                    var other => throw new ArgumentException(other.GetType().ToString()),
                };

            // size=None in NumPy draws exactly what size=1 draws and returns the scalar.
            return a[1].ValueKind == JsonValueKind.Null ? ((System.Collections.IList)result)[0]! : result;
        },
        ["sample_without_replacement"] = (g, a) => g.SampleWithoutReplacement(a[0].GetInt32(), a[1].GetInt32()),
    };

    public static TheoryData<string> Sequences()
    {
        var data = new TheoryData<string>();
        foreach (var s in RngFixtures.Extra.GetProperty("sequences").EnumerateArray())
        {
            data.Add(s.GetProperty("name").GetString()!);
        }

        return data;
    }

    /// <summary>One case per scikit-learn sampling vector, named "n_population/n_samples/seed".</summary>
    public static TheoryData<string> SamplingCases()
    {
        var data = new TheoryData<string>();
        foreach (var c in RngFixtures.Extra.GetProperty("sample_without_replacement").EnumerateArray())
        {
            data.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{c.GetProperty("n_population").GetInt32()}/{c.GetProperty("n_samples").GetInt32()}/{c.GetProperty("seed").GetInt64()}"));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Sequence_on_one_generator_is_reproduced_exactly(string name)
    {
        var sequence = RngFixtures.Extra.GetProperty("sequences").EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == name);
        var g = RngFixtures.Generator(sequence.GetProperty("seed"));
        var step = 0;
        foreach (var op in sequence.GetProperty("ops").EnumerateArray())
        {
            var call = op[0].GetString()!;
            _ops.Should().ContainKey(call);
            var actual = _ops[call](g, op[1]);
            RngFixtures.ShouldMatch(actual, op[2], $"{name} step {step} {call}{op[1].GetRawText()}");
            step++;
        }
    }

    [Theory]
    [MemberData(nameof(SamplingCases))]
    public void Sample_without_replacement_matches_scikit_learn(string id)
    {
        var parts = id.Split('/');
        var (n, k, seed) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture),
            long.Parse(parts[2], CultureInfo.InvariantCulture));
        var c = RngFixtures.Extra.GetProperty("sample_without_replacement").EnumerateArray().Single(e =>
            e.GetProperty("n_population").GetInt32() == n && e.GetProperty("n_samples").GetInt32() == k
            && e.GetProperty("seed").GetInt64() == seed);
        var path = c.GetProperty("auto_path").GetString()!;
        var output = c.GetProperty("out");
        var context = string.Create(CultureInfo.InvariantCulture, $"sample_without_replacement({n}, {k}), seed {seed}, {path}");

        var actual = new RandomState(seed).SampleWithoutReplacement(n, k);

        RngFixtures.ShouldMatch(actual, output.GetProperty("auto"), context);
        if (path != "permutation")
        {
            // Where "auto" runs tracking selection or reservoir sampling, the explicit method gives the same indices.
            RngFixtures.ShouldMatch(actual, output.GetProperty(path), context + " (explicit method)");
        }

        actual.Should().HaveCount(k).And.OnlyHaveUniqueItems();
        actual.All(v => v >= 0 && v < n).Should().BeTrue("indices lie in [0, n_population)");
    }

    [Fact]
    public void Every_extra_vector_is_a_case_and_every_op_is_handled()
    {
        var extra = RngFixtures.Extra;
        var sequences = extra.GetProperty("sequences").EnumerateArray().ToList();
        var names = ((IEnumerable<object[]>)Sequences()).Select(r => (string)r[0]).ToList();
        names.Should().OnlyHaveUniqueItems().And.HaveCount(sequences.Count).And.HaveCount(94);
        ((IEnumerable<object[]>)SamplingCases()).Select(r => (string)r[0]).Should().OnlyHaveUniqueItems()
            .And.HaveCount(extra.GetProperty("sample_without_replacement").GetArrayLength()).And.HaveCount(48);

        var opsInJson = sequences.SelectMany(s => s.GetProperty("ops").EnumerateArray().Select(o => o[0].GetString()!)).ToHashSet();
        opsInJson.Should().BeEquivalentTo(_ops.Keys, "every op in the file has a handler and every handler is exercised");

        // Each sampling path and each boundary ratio of scikit-learn's "auto" rule is present.
        extra.GetProperty("sample_without_replacement").EnumerateArray().Select(c => c.GetProperty("auto_path").GetString())
            .Distinct().Should().BeEquivalentTo("permutation", "tracking_selection", "reservoir_sampling");
    }

    [Fact]
    public void Johnk_log_space_branch_of_beta_is_exercised_by_the_vectors()
    {
        // generate_rng_extra.py counts, by replaying NumPy's draws, how often beta finished in its log-space branch
        // (both powers underflowed). Those sequences are reproduced bit for bit above, so that branch is tested.
        var hits = RngFixtures.Extra.GetProperty("beta_log_space_hits").EnumerateObject().ToList();
        var names = ((IEnumerable<object[]>)Sequences()).Select(r => (string)r[0]).ToHashSet();
        hits.Should().OnlyContain(h => names.Contains(h.Name));
        hits.Sum(h => h.Value.GetInt32()).Should().BeGreaterThan(10);
    }

    private static object Sized<T>(JsonElement size, Func<T> scalar, Func<int, T[]> vector) where T : notnull =>
        size.ValueKind == JsonValueKind.Null ? scalar() : vector(size.GetInt32());

    private static double[] Repeat(int count, Func<double> draw)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = draw();
        }

        return values;
    }

    /// <summary>A JSON list as string[], long[] (all integers) or double[].</summary>
    private static Array List(JsonElement e)
    {
        var items = e.EnumerateArray().ToList();
        if (items.All(v => v.ValueKind == JsonValueKind.String))
        {
            return items.Select(v => v.GetString()!).ToArray();
        }

        return items.All(v => v.TryGetInt64(out _) && !v.GetRawText().Contains('.', StringComparison.Ordinal))
            ? items.Select(v => v.GetInt64()).ToArray()
            : items.Select(v => v.GetDouble()).ToArray();
    }
}
