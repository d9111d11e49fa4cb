using Imbalance.Neighbors;
using Imbalance.Randomness;

namespace Imbalance.Tests.Neighbors;

/// <summary>
/// The vectorised <see cref="MagnitudeScale.MaxAbs"/> returns what the sequential <c>Math.Max(max, |v|)</c> loop
/// returns at every length around its vector blocks, wherever the largest value, an infinity or a NaN sits.
/// </summary>
public class MagnitudeScaleMaxAbsTests
{
    [Fact]
    public void Vectorised_maximum_equals_the_sequential_loop()
    {
        var rng = new RandomState(99);
        for (var n = 0; n <= 70; n++)
        {
            foreach (var special in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1e300, 0.0 })
            {
                for (var position = -1; position < n; position += Math.Max(1, n / 5))
                {
                    var values = new double[n];
                    for (var i = 0; i < n; i++)
                    {
                        values[i] = rng.StandardNormal() * (rng.RandInt(0, 2) == 0 ? -1 : 1);
                    }

                    if (position >= 0)
                    {
                        values[position] = special;
                    }

                    var expected = 0.0;
                    foreach (var v in values)
                    {
                        expected = Math.Max(expected, Math.Abs(v));
                    }

                    var actual = MagnitudeScale.MaxAbs(values);
                    BitConverter.DoubleToInt64Bits(actual).Should().Be(BitConverter.DoubleToInt64Bits(expected), $"n={n}, {special} at {position}");
                }
            }
        }
    }
}
