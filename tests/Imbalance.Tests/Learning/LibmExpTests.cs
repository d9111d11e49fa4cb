using Imbalance.Learning;

namespace Imbalance.Tests.Learning;

/// <summary>The vectorised exponential equals <see cref="Math.Exp"/> bit for bit (the kernel columns, hence the SVC's
/// support vectors, depend on it), at every length and across the whole double range.</summary>
public class LibmExpTests
{
    [Theory]
    [InlineData(1, -40.0, 0.0)]
    [InlineData(2_000_000, -30.0, 0.5)]
    [InlineData(500_000, -760.0, 720.0)]
    [InlineData(200_000, -1e-12, 1e-12)]
    public void Equals_Math_Exp_bit_for_bit(int seed, double low, double high)
    {
        var random = new Random(seed);
        foreach (var length in new[] { 0, 1, 7, 8, 9, 31, 32, 33, 1000, 100_000 })
        {
            var x = new double[length];
            for (var i = 0; i < length; i++)
            {
                x[i] = low + (random.NextDouble() * (high - low));
            }

            var y = (double[])x.Clone();
            LibmExp.ExpInPlace(y);
            for (var i = 0; i < length; i++)
            {
                BitConverter.DoubleToInt64Bits(y[i]).Should().Be(BitConverter.DoubleToInt64Bits(Math.Exp(x[i])), "exp({0:R})", x[i]);
            }
        }
    }

    [Fact]
    public void Special_values_equal_Math_Exp()
    {
        double[] x = [0.0, -0.0, double.Epsilon, -double.Epsilon, 1e-300, -1e-300, 5.551115123125783e-17, -5.551115123125783e-17, 511.999, -511.999, 512, -512, 708, 709.79, 710, -708, -745.1, -745.2, -746, -1000, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, 1, -1, Math.Log(2), -Math.Log(2)];
        var padded = x.Concat(Enumerable.Repeat(-1.5, (8 - (x.Length % 8)) % 8)).ToArray();
        var y = (double[])padded.Clone();
        LibmExp.ExpInPlace(y);
        for (var i = 0; i < padded.Length; i++)
        {
            BitConverter.DoubleToInt64Bits(y[i]).Should().Be(BitConverter.DoubleToInt64Bits(Math.Exp(padded[i])), "exp({0:R})", padded[i]);
        }
    }

    [Fact]
    public void Every_table_entry_equals_Math_Exp_near_its_centre()
    {
        var x = new double[128 * 64];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = -((i / 64) * Math.Log(2) / 128) - ((i % 64) * 1e-5) - 3;
        }

        var y = (double[])x.Clone();
        LibmExp.ExpInPlace(y);
        for (var i = 0; i < x.Length; i++)
        {
            BitConverter.DoubleToInt64Bits(y[i]).Should().Be(BitConverter.DoubleToInt64Bits(Math.Exp(x[i])));
        }
    }
}
