using System.Text.Json;
using Imbalance.OverSampling;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.Parity;

/// <summary>
/// The RandomOverSampler / RandomUnderSampler cases of the lead's sampler_vectors.json (made by imblearn 0.10.0):
/// X bit for bit, y, sample_indices_ and sampling_strategy_ exactly, and the intermediate class standard
/// deviations the smoothed bootstrap uses.
/// </summary>
public class SamplerVectorsParityTests
{
    private static readonly Dictionary<string, Func<Sampler>> _samplers = new()
    {
        ["ROS_seed0"] = () => new RandomOverSampler { RandomState = 0 },
        ["ROS_shrinkage1_seed0"] = () => new RandomOverSampler { RandomState = 0, Shrinkage = 1.0 },
        ["ROS_shrinkage2_one_feature_seed7"] = () => new RandomOverSampler { RandomState = 7, Shrinkage = 2.0 },
        ["RUS_seed0"] = () => new RandomUnderSampler { RandomState = 0 },
        ["RUS_replacement_seed0"] = () => new RandomUnderSampler { RandomState = 0, Replacement = true },
    };

    public static TheoryData<string> CaseNames => new(_samplers.Keys);

    [Fact]
    public void Every_random_sampler_case_of_sampler_vectors_is_tested()
    {
        var cases = ParityFixture.Cases(ParityFixture.SamplerVectors, "cases")
            .Where(c => c.GetProperty("call").GetString() is { } call
                && (call.StartsWith("RandomOverSampler(", StringComparison.Ordinal) || call.StartsWith("RandomUnderSampler(", StringComparison.Ordinal)))
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

        if (c.TryGetProperty("class0_std", out var std))
        {
            // np.std(X[y == 0], axis=0): the per-feature scale of the smoothed bootstrap.
            var expected = std.ValueKind == JsonValueKind.Array
                ? std.EnumerateArray().Select(ParityFixture.Float).ToArray()
                : [ParityFixture.Float(std)];
            var rows = Enumerable.Range(0, y.Length).Where(i => y[i] == 0).ToArray();
            var actual = NumPyReductions.ColumnStd(MatrixRows.Of(x), x.GetLength(1), rows);
            actual.Select(BitConverter.DoubleToInt64Bits).Should().Equal(expected.Select(BitConverter.DoubleToInt64Bits));
        }
    }
}
