using Imbalance.Sampling;
using Imbalance.Tests.Parity;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.UnderSampling;

/// <summary>
/// The CondensedNearestNeighbour and OneSidedSelection cases of the lead's sampler_vectors.json (imblearn 0.10.0):
/// X bit for bit, y, sample_indices_ and sampling_strategy_.
/// </summary>
public class SamplerVectorsUnderTests
{
    private static readonly Dictionary<string, Func<Sampler>> _samplers = new()
    {
        ["CNN_seed0"] = () => new CondensedNearestNeighbour { RandomState = 0 },
        ["OSS_seed0"] = () => new OneSidedSelection { RandomState = 0 },
        ["CNN_3class_seed1"] = () => new CondensedNearestNeighbour { RandomState = 1 },
        ["OSS_3class_seed1"] = () => new OneSidedSelection { RandomState = 1 },
    };

    public static TheoryData<string> CaseNames => new(_samplers.Keys);

    [Fact]
    public void Every_prototype_selection_case_of_sampler_vectors_is_tested()
    {
        var cases = ParityFixture.Cases(ParityFixture.SamplerVectors, "cases")
            .Where(c => c.GetProperty("call").GetString() is { } call
                && (call.StartsWith("CondensedNearestNeighbour(", StringComparison.Ordinal) || call.StartsWith("OneSidedSelection(", StringComparison.Ordinal)))
            .Select(c => c.GetProperty("name").GetString());
        cases.Should().BeEquivalentTo(_samplers.Keys);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Matches_imblearn(string name)
    {
        var c = ParityFixture.Case(ParityFixture.SamplerVectors, "cases", name);
        var (x, y) = ParityFixture.SamplerVectorInput(c);

        var result = _samplers[name]().FitResample(x, y);

        ParityFixture.ShouldMatchSamplerVector(result, c);
    }
}
