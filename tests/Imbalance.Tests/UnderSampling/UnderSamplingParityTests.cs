using Imbalance.Tests.Parity;

namespace Imbalance.Tests.UnderSampling;

/// <summary>
/// Every case of imblearn_under.json (imblearn 0.10.0 on tie-free binary and multiclass data, several parameter
/// values): y, sample_indices_ and sampling_strategy_ exactly, X as the selected input rows bit for bit, and imblearn's
/// errors as exceptions.
/// </summary>
public class UnderSamplingParityTests
{
    public static TheoryData<string> Cleaning => UnderFixture.Names("TomekLinks", "EditedNearestNeighbours", "RepeatedEditedNearestNeighbours", "AllKNN", "NeighbourhoodCleaningRule");

    public static TheoryData<string> NearMissCases => UnderFixture.Names("NearMiss");

    public static TheoryData<string> Seeded => UnderFixture.Names("CondensedNearestNeighbour", "OneSidedSelection");

    [Theory]
    [MemberData(nameof(Cleaning))]
    public void Cleaning_samplers_match_imblearn(string name) => Check(name);

    [Theory]
    [MemberData(nameof(NearMissCases))]
    public void NearMiss_matches_imblearn(string name) => Check(name);

    [Theory]
    [MemberData(nameof(Seeded))]
    public void Seeded_samplers_match_imblearn(string name) => Check(name);

    [Fact]
    public void Fixture_covers_every_sampler_and_the_stop_rules()
    {
        UnderFixture.Cases.Select(c => c.GetProperty("sampler").GetString()).Distinct().Should().HaveCount(8);
        UnderFixture.Cases.Count(c => c.TryGetProperty("error", out _)).Should().BeGreaterThanOrEqualTo(3);
        UnderFixture.Cases.Count(c => c.TryGetProperty("deviation", out _)).Should().Be(1);

        // Repeated ENN's three early stops and its iteration cap all occur in the fixture.
        var renn = UnderFixture.Cases.Where(c => c.TryGetProperty("n_iter_", out _)).ToArray();
        var runs = renn.Select(c => (
            Iterations: c.GetProperty("n_iter_").GetInt32(),
            MaxIter: c.GetProperty("params").TryGetProperty("max_iter", out var m) ? m.GetInt32() : 100)).ToArray();
        runs.Should().Contain(r => r.Iterations == r.MaxIter, "the cap ends some runs");
        runs.Should().Contain(r => r.Iterations == 1, "an early stop after the first pass");
        runs.Should().Contain(r => r.Iterations > 2 && r.Iterations < r.MaxIter, "convergence");
        UnderFixture.Case("RENN_all_embedded").GetProperty("y_resampled").EnumerateArray().Select(v => v.GetInt32())
            .Should().NotContain(1, "a class disappears");
    }

    private static void Check(string name)
    {
        var c = UnderFixture.Case(name);
        var (x, y) = UnderFixture.Data(c.GetProperty("data").GetString()!);
        var copy = TestData.Copy(x);
        var sampler = UnderFixture.Create(c);

        if (c.TryGetProperty("error", out var error))
        {
            var act = () => sampler.FitResample(x, y);
            act.Should().Throw<ArgumentException>("imblearn raised {0}", error.GetString());
            return;
        }

        var result = sampler.FitResample(x, y);
        var expectedIndices = c.TryGetProperty("deviation", out var deviation)
            ? ParityFixture.Ints(deviation.GetProperty("expected_sample_indices"))
            : ParityFixture.Ints(c.GetProperty("sample_indices_"));

        result.SampleIndices.Should().Equal(expectedIndices);
        result.Y.Should().Equal(ParityFixture.Ints(c.GetProperty("y_resampled")));
        ParityFixture.Ordered(result.ResolvedStrategy).Should().Equal(ParityFixture.Pairs<int>(c.GetProperty("sampling_strategy_")));
        var expectedX = new double[expectedIndices.Length, x.GetLength(1)];
        for (var i = 0; i < expectedIndices.Length; i++)
        {
            for (var j = 0; j < x.GetLength(1); j++)
            {
                expectedX[i, j] = x[expectedIndices[i], j];
            }
        }

        ParityFixture.Bits(result.X).Should().Equal(ParityFixture.Bits(expectedX));
        ParityFixture.Bits(x).Should().Equal(ParityFixture.Bits(copy), "the input is never modified");
    }
}
