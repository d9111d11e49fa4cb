using System.Text.Json;
using Imbalance.Sampling;

namespace Imbalance.Tests.Parity;

/// <summary>PythonFormat.Float against Python 3.11's repr(float), which imblearn's messages print.</summary>
public class PythonFormatTests
{
    [Theory]
    [InlineData("0.0")]
    [InlineData("-0.0")]
    [InlineData("1.0")]
    [InlineData("-1.5")]
    [InlineData("0.30000000000000004")]
    [InlineData("1e+16")]
    [InlineData("1000000000000000.0")]
    [InlineData("9999999999999998.0")]
    [InlineData("1.2345678901234568e+17")]
    [InlineData("-1.152921504606847e+18")]
    [InlineData("0.0001")]
    [InlineData("0.00012345")]
    [InlineData("1e-05")]
    [InlineData("-1.5e-07")]
    [InlineData("5e-324")]
    [InlineData("2.5e-308")]
    [InlineData("1.7976931348623157e+308")]
    [InlineData("1e+22")]
    [InlineData("1e+100")]
    [InlineData("100.0")]
    [InlineData("0.001")]
    [InlineData("1234.5678")]
    [InlineData("nan")]
    [InlineData("inf")]
    [InlineData("-inf")]
    public void Formats_like_python_repr(string repr) =>
        PythonFormat.Float(ParityFixture.PythonFloat(repr)).Should().Be(repr);

    [Fact]
    public void Formats_every_double_of_the_imblearn_fixture_like_python_repr()
    {
        var reprs = new List<string>();
        Collect(ParityFixture.RandomSamplers.GetProperty("datasets"), reprs);
        foreach (var c in ParityFixture.Cases(ParityFixture.RandomSamplers, "sampler_cases"))
        {
            if (c.TryGetProperty("X_resampled", out var x))
            {
                Collect(x, reprs);
            }
        }

        reprs.Should().HaveCountGreaterThan(10_000);
        var mismatches = reprs.Where(r => PythonFormat.Float(ParityFixture.PythonFloat(r)) != r).Take(5);
        mismatches.Should().BeEmpty();
    }

    private static void Collect(JsonElement e, List<string> into)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    Collect(item, into);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in e.EnumerateObject())
                {
                    Collect(property.Value, into);
                }

                break;
            case JsonValueKind.String:
                // Labels are strings too; doubles are the strings that parse as numbers.
                if (double.TryParse(e.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    into.Add(e.GetString()!);
                }

                break;
        }
    }
}
