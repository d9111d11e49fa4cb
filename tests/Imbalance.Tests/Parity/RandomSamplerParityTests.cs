using System.Reflection;
using System.Text.Json;
using Imbalance.Datasets;
using Imbalance.OverSampling;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.Parity;

/// <summary>
/// RandomOverSampler, RandomUnderSampler and MakeImbalance against imblearn 0.10.0 with the same integer seeds:
/// every case of "sampler_cases" in imblearn_random_samplers.json. X bit for bit, y, sample_indices_ and
/// sampling_strategy_ exactly.
/// </summary>
public class RandomSamplerParityTests
{
    /// <summary>Number of sampler cases generate.py writes; a regenerated fixture with fewer fails here.</summary>
    private const int ExpectedCaseCount = 273;

    private const string Section = "sampler_cases";

    private static readonly string[] _knownDeviations =
    [
        "over_sampler_minority_accepted",
        "shrinkage_non_finite_rejected",
        "make_imbalance_strategy_types",
        "make_imbalance_none_rejected",
    ];

    public static TheoryData<string> CaseNames => ParityFixture.Names(ParityFixture.RandomSamplers, Section);

    [Fact]
    public void Every_sampler_case_is_a_theory_case()
    {
        var cases = ParityFixture.Cases(ParityFixture.RandomSamplers, Section);
        var names = cases.Select(c => c.GetProperty("name").GetString()).ToArray();
        names.Should().HaveCount(ExpectedCaseCount).And.OnlyHaveUniqueItems();
        ((System.Collections.IEnumerable)CaseNames).Cast<object[]>().Select(row => (string)row[0]).Should().Equal(names);
        cases.Where(c => c.TryGetProperty("deviation", out _))
            .Select(c => c.GetProperty("deviation").GetProperty("id").GetString())
            .Distinct().Should().BeEquivalentTo(_knownDeviations);
    }

    [Fact]
    public void Fixture_covers_every_seed_sampler_and_label_kind()
    {
        var root = ParityFixture.RandomSamplers;
        var seeds = root.GetProperty("seeds").EnumerateArray().Select(s => s.GetInt64()).ToArray();
        seeds.Should().Equal(0L, 1L, 42L, int.MaxValue);
        var cases = ParityFixture.Cases(root, Section);
        foreach (var sampler in new[] { "RandomOverSampler", "RandomUnderSampler", "make_imbalance" })
        {
            foreach (var seed in seeds)
            {
                cases.Should().Contain(
                    c => c.GetProperty("sampler").GetString() == sampler
                        && c.GetProperty("params").GetProperty("random_state").GetInt64() == seed
                        && ParityFixture.Has(c, "X_resampled"),
                    $"{sampler} runs with seed {seed}");
            }
        }

        var datasets = root.GetProperty("datasets");
        cases.Select(c => ParityFixture.HasStringLabels(datasets.GetProperty(c.GetProperty("data").GetString()!).GetProperty("y")))
            .Distinct().Should().HaveCount(2, "int and string labels are both covered");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Matches_imblearn(string name)
    {
        var c = ParityFixture.Case(ParityFixture.RandomSamplers, Section, name);
        var data = ParityFixture.RandomSamplers.GetProperty("datasets").GetProperty(c.GetProperty("data").GetString()!);
        if (ParityFixture.HasStringLabels(data.GetProperty("y")))
        {
            Check<string>(c, data);
        }
        else
        {
            Check<int>(c, data);
        }
    }

    private static void Check<TLabel>(JsonElement c, JsonElement data)
        where TLabel : notnull
    {
        var x = ParityFixture.Matrix(data.GetProperty("X"));
        var y = ParityFixture.Labels<TLabel>(data.GetProperty("y"));
        var sampler = c.GetProperty("sampler").GetString()!;
        var parameters = c.GetProperty("params");

        if (c.TryGetProperty("deviation", out var deviation))
        {
            AssertDeviation<TLabel>(deviation, c, x, y);
            return;
        }

        var xBefore = ParityFixture.Bits(x);
        ResampleResult<TLabel>? result = null;
        var error = Record.Exception(() => result = Run<TLabel>(sampler, parameters, x, y));
        ParityFixture.Bits(x).Should().Equal(xBefore, "the input is never modified");

        var imblearnError = c.OptionalString("error");
        if (imblearnError is null)
        {
            error.Should().BeNull();
            AssertSameResult(result!, c, hasSampleIndices: sampler != "make_imbalance");
            return;
        }

        ImblearnError.AssertEquivalent(
            error, imblearnError, c.OptionalString("resolution_error"), ExpectedParameter(parameters, imblearnError));
    }

    /// <summary>Configures and runs our equivalent of the imblearn call (configuration may throw too).</summary>
    private static ResampleResult<TLabel> Run<TLabel>(string sampler, JsonElement parameters, double[,] x, TLabel[] y)
        where TLabel : notnull
    {
        var seed = checked((int)parameters.GetProperty("random_state").GetInt64());
        var spec = parameters.GetProperty("sampling_strategy");
        switch (sampler)
        {
            case "RandomOverSampler":
                return new RandomOverSampler
                {
                    SamplingStrategy = ParityFixture.Strategy<TLabel>(spec)!,
                    RandomState = seed,
                    Shrinkage = ShrinkageOf<TLabel>(parameters.GetProperty("shrinkage")),
                }.FitResample(x, y);
            case "RandomUnderSampler":
                return new RandomUnderSampler
                {
                    SamplingStrategy = ParityFixture.Strategy<TLabel>(spec)!,
                    RandomState = seed,
                    Replacement = parameters.GetProperty("replacement").GetBoolean(),
                }.FitResample(x, y);
            case "make_imbalance":
                return spec.GetProperty("kind").GetString() switch
                {
                    "counts" => DataGenerators.MakeImbalance(x, y, ParityFixture.CountsDictionary<TLabel>(spec), seed),
                    "custom" => DataGenerators.MakeImbalance(x, y, CustomStrategies.Get<TLabel>(spec.GetProperty("value").GetString()!), seed),
                    "none" => DataGenerators.MakeImbalance(x, y, (IReadOnlyDictionary<TLabel, int>)null!, seed),
                    var kind => throw new InvalidOperationException($"make_imbalance takes no '{kind}' strategy; mark the case as a deviation."),
                };
            default:
                throw new InvalidOperationException($"Unknown sampler '{sampler}' in the fixture.");
        }
    }

    private static Shrinkage? ShrinkageOf<TLabel>(JsonElement shrinkage)
        where TLabel : notnull
    {
        switch (shrinkage.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return ParityFixture.PythonFloat(shrinkage.GetString()!);
            default:
                var factors = new OrderedDictionary<TLabel, double>();
                foreach (var pair in shrinkage.EnumerateArray())
                {
                    factors.Add(ParityFixture.Label<TLabel>(pair[0]), ParityFixture.Float(pair[1]));
                }

                return Shrinkage.PerClass(factors);
        }
    }

    private static void AssertSameResult<TLabel>(ResampleResult<TLabel> result, JsonElement expected, bool hasSampleIndices)
        where TLabel : notnull
    {
        ParityFixture.Ordered(result.ResolvedStrategy).Should().Equal(
            ParityFixture.Pairs<TLabel>(expected.GetProperty("sampling_strategy_")), "sampling_strategy_ is the same, in the same order");

        var xExpected = ParityFixture.Matrix(expected.GetProperty("X_resampled"));
        result.X.GetLength(0).Should().Be(xExpected.GetLength(0));
        result.X.GetLength(1).Should().Be(xExpected.GetLength(1));
        ParityFixture.Bits(result.X).Should().Equal(ParityFixture.Bits(xExpected), "X_resampled is bit for bit imblearn's (row-major)");

        result.Y.Should().Equal(ParityFixture.Labels<TLabel>(expected.GetProperty("y_resampled")));
        if (hasSampleIndices)
        {
            result.SampleIndices.Should().Equal(ParityFixture.Ints(expected.GetProperty("sample_indices_")));
        }
        else
        {
            // make_imbalance returns no indices in imblearn; ours must at least describe the rows returned.
            result.SampleIndices.Should().NotBeNull().And.HaveCount(result.Count);
        }
    }

    /// <summary>Which parameter our exception names for an imblearn error of a sampler call.</summary>
    private static string ExpectedParameter(JsonElement parameters, string imblearnError)
    {
        if (imblearnError.StartsWith("InvalidParameterError: The 'shrinkage' parameter", StringComparison.Ordinal))
        {
            return "factor"; // Shrinkage.Uniform(factor), reached through the implicit conversion from double
        }

        if (imblearnError.StartsWith("ValueError: The shrinkage factor needs to be >= 0.", StringComparison.Ordinal))
        {
            return "factors"; // Shrinkage.PerClass(factors)
        }

        if (imblearnError.StartsWith("ValueError: `shrinkage` should contain", StringComparison.Ordinal))
        {
            return nameof(RandomOverSampler.Shrinkage);
        }

        var spec = parameters.GetProperty("sampling_strategy");
        if (imblearnError.StartsWith("InvalidParameterError: The 'sampling_strategy' parameter", StringComparison.Ordinal)
            && spec.GetProperty("kind").GetString() == "ratio")
        {
            return "ratio"; // SamplingStrategy.Ratio(ratio)
        }

        return StrategyResolutionParityTests.ExpectedParameter(spec, imblearnError);
    }

    /// <summary>Our documented behaviour where we deliberately differ from imblearn 0.10.0.</summary>
    private static void AssertDeviation<TLabel>(JsonElement deviation, JsonElement c, double[,] x, TLabel[] y)
        where TLabel : notnull
    {
        var id = deviation.GetProperty("id").GetString();
        var parameters = c.GetProperty("params");
        var sampler = c.GetProperty("sampler").GetString()!;
        ResampleResult<TLabel>? result = null;
        switch (id)
        {
            case "over_sampler_minority_accepted":
                c.GetProperty("error").GetString().Should().Contain("Got 'minority' instead.", "imblearn 0.10.0 rejects it");
                result = Run<TLabel>(sampler, parameters, x, y);
                AssertSameResult(result, deviation.GetProperty("expected"), hasSampleIndices: true);
                break;
            case "shrinkage_non_finite_rejected":
                c.TryGetProperty("X_resampled", out _).Should().BeTrue("imblearn 0.10.0 accepts the factor");
                var bad = parameters.GetProperty("shrinkage").EnumerateArray()
                    .Single(p => !double.IsFinite(ParityFixture.Float(p[1])));
                var error = Record.Exception(() => Run<TLabel>(sampler, parameters, x, y));
                error.Should().BeOfType<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("factors");
                ImblearnError.CoreMessage((ArgumentException)error!).Should().Be(
                    $"The shrinkage factor needs to be finite. Got {bad[1].GetString()} for class {ParityFixture.Repr(ParityFixture.Label<TLabel>(bad[0]))}.");
                break;
            case "make_imbalance_strategy_types":
                c.GetProperty("error").GetString().Should().StartWith("InvalidParameterError: The 'sampling_strategy' parameter of make_imbalance");
                var strategyTypes = typeof(DataGenerators).GetMethods(BindingFlags.Public | BindingFlags.Static)
                    .Where(m => m.Name == nameof(DataGenerators.MakeImbalance))
                    .Select(m => m.GetParameters().Single(p => p.Name == "samplingStrategy").ParameterType.GetGenericTypeDefinition())
                    .ToArray();
                strategyTypes.Should().BeEquivalentTo(
                    [typeof(IReadOnlyDictionary<,>), typeof(Func<,>)],
                    "MakeImbalance takes only a dict or a callable, so a string strategy does not compile");
                break;
            case "make_imbalance_none_rejected":
                c.GetProperty("error").GetString().Should().StartWith("UnboundLocalError");
                var seed = checked((int)parameters.GetProperty("random_state").GetInt64());
                Record.Exception(() => DataGenerators.MakeImbalance(x, y, (IReadOnlyDictionary<TLabel, int>)null!, seed))
                    .Should().BeOfType<ArgumentNullException>().Which.ParamName.Should().Be("samplingStrategy");
                Record.Exception(() => DataGenerators.MakeImbalance(x, y, (Func<IReadOnlyList<TLabel>, IReadOnlyDictionary<TLabel, int>>)null!, seed))
                    .Should().BeOfType<ArgumentNullException>().Which.ParamName.Should().Be("samplingStrategy");
                break;
            default:
                throw new InvalidOperationException($"Sampler case {c.GetProperty("name")} has deviation '{id}', which no test knows.");
        }
    }
}
