using System.Text.Json;

namespace Imbalance.Tests.Parity;

/// <summary>
/// SamplingStrategy resolution against imblearn 0.10.0's <c>check_sampling_strategy(strategy, y, sampling_type)</c>:
/// every case of "strategy_cases" in imblearn_random_samplers.json.
/// </summary>
public class StrategyResolutionParityTests
{
    /// <summary>Number of strategy cases generate.py writes; a regenerated fixture with fewer fails here.</summary>
    private const int ExpectedCaseCount = 348;

    private const string Section = "strategy_cases";

    public static TheoryData<string> CaseNames => ParityFixture.Names(ParityFixture.RandomSamplers, Section);

    [Fact]
    public void Every_strategy_case_is_a_theory_case()
    {
        var names = ParityFixture.Cases(ParityFixture.RandomSamplers, Section)
            .Select(c => c.GetProperty("name").GetString()).ToArray();
        names.Should().HaveCount(ExpectedCaseCount).And.OnlyHaveUniqueItems();
        ((System.Collections.IEnumerable)CaseNames).Cast<object[]>().Select(row => (string)row[0]).Should().Equal(names);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Resolves_like_check_sampling_strategy(string name)
    {
        var c = ParityFixture.Case(ParityFixture.RandomSamplers, Section, name);
        if (ParityFixture.HasStringLabels(c.GetProperty("y")))
        {
            Check<string>(c);
        }
        else
        {
            Check<int>(c);
        }
    }

    private static void Check<TLabel>(JsonElement c)
        where TLabel : notnull
    {
        var y = ParityFixture.Labels<TLabel>(c.GetProperty("y"));
        var samplingType = ParityFixture.SamplingTypeOf(c.GetProperty("sampling_type").GetString()!);
        var spec = c.GetProperty("strategy");
        IReadOnlyDictionary<TLabel, int>? resolved = null;
        var error = Record.Exception(() => resolved = ParityFixture.Strategy<TLabel>(spec)!.Resolve(y, samplingType));

        if (c.TryGetProperty("deviation", out var deviation))
        {
            AssertDeviation<TLabel>(deviation.GetProperty("id").GetString()!, c, error);
            return;
        }

        if (c.TryGetProperty("result", out var result))
        {
            error.Should().BeNull();
            ParityFixture.Ordered(resolved!).Should().Equal(ParityFixture.Pairs<TLabel>(result), "sampling_strategy_ holds the same classes, counts and order");
            return;
        }

        var imblearnError = c.GetProperty("error").GetString()!;
        ImblearnError.AssertEquivalent(error, imblearnError, null, ExpectedParameter(spec, imblearnError));
    }

    /// <summary>Which parameter our exception names for an imblearn error.</summary>
    internal static string ExpectedParameter(JsonElement spec, string imblearnError)
    {
        var kind = spec.GetProperty("kind").GetString();
        if (imblearnError.Contains("The target 'y' needs to have more than 1 class", StringComparison.Ordinal))
        {
            return "y";
        }

        if (kind == "ratio" && imblearnError.Contains("When 'sampling_strategy' is a float, it should be in the range", StringComparison.Ordinal))
        {
            return "ratio"; // rejected by SamplingStrategy.Ratio(ratio)
        }

        if (kind == "counts" && imblearnError.Contains("cannot be negative", StringComparison.Ordinal))
        {
            return "counts"; // rejected by SamplingStrategy.Counts(counts)
        }

        return "SamplingStrategy";
    }

    /// <summary>Our documented behaviour where we deliberately differ from imblearn 0.10.0.</summary>
    private static void AssertDeviation<TLabel>(string id, JsonElement c, Exception? error)
        where TLabel : notnull
    {
        var spec = c.GetProperty("strategy");
        switch (id)
        {
            case "ratio_nan_rejected":
                c.GetProperty("error").GetString().Should().NotContain("in the range", "imblearn lets NaN past its range test");
                error.Should().BeOfType<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("ratio");
                ImblearnError.CoreMessage((ArgumentException)error!).Should()
                    .Be("When 'SamplingStrategy' is a float, it should be in the range (0, 1]. Got nan instead.");
                break;
            case "negative_count_rejected_first":
                c.GetProperty("error").GetString().Should().Contain("target class is/are not present", "imblearn reports the unknown label first");
                error.Should().BeOfType<ArgumentException>().Which.ParamName.Should().Be("counts");
                var counts = ParityFixture.Pairs<TLabel>(spec.GetProperty("value"));
                ImblearnError.CoreMessage((ArgumentException)error!).Should().Be(
                    "The number of samples in a class cannot be negative. 'SamplingStrategy' contains some negative value: {"
                    + string.Join(", ", counts.Select(kv => $"{ParityFixture.Repr(kv.Label)}: {kv.Count}")) + "}");
                break;
            default:
                throw new InvalidOperationException($"Strategy case {c.GetProperty("name")} has deviation '{id}', which no test knows.");
        }
    }
}
