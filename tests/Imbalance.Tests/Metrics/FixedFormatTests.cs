using Imbalance.Metrics;

namespace Imbalance.Tests.Metrics;

public class FixedFormatTests
{
    // Expected strings are Python 3.11's '{0:0.Nf}'.format(x).
    [Theory]
    [InlineData(0.125, 2, "0.12")]
    [InlineData(0.625, 2, "0.62")]
    [InlineData(0.375, 2, "0.38")]
    [InlineData(0.875, 2, "0.88")]
    [InlineData(1.0 / 3.0, 2, "0.33")]
    [InlineData(2.0 / 3.0, 2, "0.67")]
    [InlineData(0.005, 2, "0.01")]
    [InlineData(0.015, 2, "0.01")]
    [InlineData(0.025, 2, "0.03")]
    [InlineData(2.5, 0, "2")]
    [InlineData(3.5, 0, "4")]
    [InlineData(1e-7, 3, "0.000")]
    [InlineData(-0.001, 2, "-0.00")]
    [InlineData(1.0, 4, "1.0000")]
    [InlineData(123.456, 1, "123.5")]
    public void Rounds_exact_binary_values_half_to_even(double value, int digits, string expected) =>
        FixedFormat.Format(value, digits).Should().Be(expected);
}
