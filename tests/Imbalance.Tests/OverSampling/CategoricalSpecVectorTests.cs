using System.Text.Json;
using Imbalance.OverSampling;
using Imbalance.Tests.Parity;

namespace Imbalance.Tests.OverSampling;

/// <summary>
/// sampler_vectors.json's SMOTEN_seed0 and SMOTENC_seed0 (imblearn's own test fixtures, with string categories).
/// Imbalance's X is numeric, so each string category is given as its rank among the sorted categories, which
/// orders categories exactly as imblearn's encoders do; results are mapped back to the strings.
/// </summary>
public class CategoricalSpecVectorTests
{
    [Fact]
    public void SmoteN_matches_imblearn_on_its_test_fixture()
    {
        var c = ParityFixture.Case(ParityFixture.SamplerVectors, "cases", "SMOTEN_seed0");
        var strings = Strings(c.GetProperty("X"));
        var (x, categories) = Ranks(strings);
        var y = ParityFixture.Labels<string>(c.GetProperty("y"));

        var result = new SmoteN { RandomState = 0 }.FitResample(x, y);

        ParityFixture.Ordered(result.ResolvedStrategy).Should().Equal(("not apple", 20));
        var expected = Strings(c.GetProperty("X_resampled"));
        result.Count.Should().Be(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            for (var j = 0; j < expected[i].Length; j++)
            {
                categories[j][(int)result.X[i, j]].Should().Be(expected[i][j], $"row {i}, feature {j}");
            }
        }

        result.Y.Should().Equal(ParityFixture.Labels<string>(c.GetProperty("y_resampled")));
        result.Provenance!.NeighborIndices.Should().OnlyContain(v => v == -1);
        result.Provenance.BaseIndices.Should().OnlyContain(b => y[b] == "not apple");
    }

    [Fact]
    public void SmoteNc_matches_imblearn_on_its_test_fixture()
    {
        var c = ParityFixture.Case(ParityFixture.SamplerVectors, "cases", "SMOTENC_seed0");
        var col0 = c.GetProperty("X_col0").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var col12 = ParityFixture.Matrix(c.GetProperty("X_col12"));
        var col3 = ParityFixture.Ints(c.GetProperty("X_col3"));
        var letters = col0.Distinct().Order(StringComparer.Ordinal).ToArray();
        var n = col0.Length;
        var x = new double[n, 4];
        for (var i = 0; i < n; i++)
        {
            x[i, 0] = Array.IndexOf(letters, col0[i]);
            x[i, 1] = col12[i, 0];
            x[i, 2] = col12[i, 1];
            x[i, 3] = col3[i];
        }

        var y = ParityFixture.Ints(c.GetProperty("y"));
        var result = new SmoteNc { CategoricalFeatures = CategoricalFeatures.Indices(0, 3), RandomState = 0 }.FitResample(x, y);

        var e0 = c.GetProperty("X_resampled_col0").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var e12 = ParityFixture.Matrix(c.GetProperty("X_resampled_col12"));
        var e3 = ParityFixture.Ints(c.GetProperty("X_resampled_col3"));
        result.Count.Should().Be(e0.Length);
        for (var i = 0; i < e0.Length; i++)
        {
            letters[(int)result.X[i, 0]].Should().Be(e0[i], $"row {i}");
            BitConverter.DoubleToInt64Bits(result.X[i, 1]).Should().Be(BitConverter.DoubleToInt64Bits(e12[i, 0]), $"row {i}");
            BitConverter.DoubleToInt64Bits(result.X[i, 2]).Should().Be(BitConverter.DoubleToInt64Bits(e12[i, 1]), $"row {i}");
            result.X[i, 3].Should().Be(e3[i], $"row {i}");
        }

        result.Y.Should().Equal(ParityFixture.Ints(c.GetProperty("y_resampled")));
    }

    private static string[][] Strings(JsonElement rows) =>
        rows.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetString()!).ToArray()).ToArray();

    private static (double[,] X, string[][] Categories) Ranks(string[][] rows)
    {
        var d = rows[0].Length;
        var categories = Enumerable.Range(0, d).Select(j => rows.Select(r => r[j]).Distinct().Order(StringComparer.Ordinal).ToArray()).ToArray();
        var x = new double[rows.Length, d];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < d; j++)
            {
                x[i, j] = Array.IndexOf(categories[j], rows[i][j]);
            }
        }

        return (x, categories);
    }
}
