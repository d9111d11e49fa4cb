using System.Text.Json;
using Imbalance.OverSampling;
using Imbalance.Tests.Parity;

namespace Imbalance.Tests.OverSampling;

/// <summary>ValueDifferenceMetric on its own, against imblearn 0.10.0 (value_difference_metric in imblearn_smote.json).</summary>
public class ValueDifferenceMetricTests
{
    private static JsonElement Section => SmoteFixture.Root.GetProperty("value_difference_metric");

    public static TheoryData<int> CaseIndices => new(Enumerable.Range(0, Section.GetProperty("cases").GetArrayLength()));

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void Matches_imblearn(int caseIndex)
    {
        var c = Section.GetProperty("cases")[caseIndex];
        var x = Codes(Section.GetProperty("X"));
        var other = Codes(Section.GetProperty("Y"));
        var y = Section.GetProperty("y").EnumerateArray().Select(e => e.GetString()!).ToArray();

        var model = new ValueDifferenceMetric { K = c.GetProperty("k").GetInt32(), R = c.GetProperty("r").GetInt32() }.Fit(x, y);

        model.NCategories.Should().Equal(ParityFixture.Ints(c.GetProperty("n_categories_")));
        model.ClassCount.Should().Be(3);
        var proba = c.GetProperty("proba_per_class_");
        for (var f = 0; f < model.FeatureCount; f++)
        {
            var expected = ParityFixture.Matrix(proba[f]);
            for (var v = 0; v < model.NCategories[f]; v++)
            {
                for (var k = 0; k < 3; k++)
                {
                    model.Probability(f, v, k).Should().Be(expected[v, k]);
                }
            }
        }

        var exact = model.K <= 2 && model.R <= 2;
        AssertDistances(model.Pairwise(x), ParityFixture.Matrix(c.GetProperty("pairwise_X")), exact);
        AssertDistances(model.Pairwise(x, other), ParityFixture.Matrix(c.GetProperty("pairwise_X_Y")), exact);
    }

    /// <summary>
    /// Bit for bit when the exponents are 1 or 2 (NumPy squares, square-roots or copies; no pow). Other exponents go
    /// through NumPy's vectorised power, which on AVX-512 machines is SVML's and can differ from the C library's pow
    /// in the last bits, so they are compared to 1e-14 relative.
    /// </summary>
    private static void AssertDistances(double[,] actual, double[,] expected, bool exact)
    {
        if (exact)
        {
            ParityFixture.Bits(actual).Should().Equal(ParityFixture.Bits(expected));
            return;
        }

        actual.Cast<double>().Zip(expected.Cast<double>()).Should().OnlyContain(p => Math.Abs(p.First - p.Second) <= 1e-14 * Math.Abs(p.Second));
    }

    [Fact]
    public void Absent_categories_get_zero_probability_and_explicit_counts_are_checked()
    {
        int[,] x = { { 0 }, { 2 }, { 2 }, { 0 } };
        var model = new ValueDifferenceMetric { NCategories = [4] }.Fit(x, new[] { 1, 0, 1, 1 });
        model.Probability(0, 1, 0).Should().Be(0);
        model.Probability(0, 3, 1).Should().Be(0);
        model.Probability(0, 2, 0).Should().Be(0.5);
        model.Probability(0, 0, 1).Should().Be(1);

        var act = () => new ValueDifferenceMetric { NCategories = [4, 2] }.Fit(x, new[] { 1, 0, 1, 1 });
        act.Should().Throw<ArgumentException>().Which.Message.Should().StartWith(
            "The length of n_categories is not consistent with the number of feature in X. Got 2 elements in n_categories and 1 in X.");
        var wide = () => model.Pairwise(new int[1, 2]);
        wide.Should().Throw<ArgumentException>().WithParameterName("x");
        var tooLarge = () => model.Pairwise(new[,] { { 4 } });
        tooLarge.Should().Throw<ArgumentException>().WithParameterName("x");
    }

    [Fact]
    public void Rejects_invalid_exponents()
    {
        var k = () => new ValueDifferenceMetric { K = 0 };
        k.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("K");
        var r = () => new ValueDifferenceMetric { R = 0 };
        r.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("R");
    }

    private static int[,] Codes(JsonElement rows)
    {
        var n = rows.GetArrayLength();
        var d = rows[0].GetArrayLength();
        var x = new int[n, d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                x[i, j] = rows[i][j].GetInt32();
            }
        }

        return x;
    }
}
