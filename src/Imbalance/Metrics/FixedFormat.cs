using System.Globalization;
using System.Numerics;

namespace Imbalance.Metrics;

/// <summary>
/// Python's <c>"{:0.Nf}".format(x)</c>: the exact binary value rounded half-to-even to N decimals (so 0.125 prints
/// as 0.12, as in Python, where .NET's "F2" prints 0.13).
/// </summary>
internal static class FixedFormat
{
    /// <summary>Formats <paramref name="value"/> with <paramref name="digits"/> decimals as Python does.</summary>
    public static string Format(double value, int digits)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var negative = double.IsNegative(value);
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        // |value| = mantissa * 2^(exponent - 1075); scaled = |value| * 10^digits = numerator / denominator.
        var shift = exponent - 1075;
        var numerator = new BigInteger(mantissa) * BigInteger.Pow(10, digits);
        var denominator = BigInteger.One;
        if (shift >= 0)
        {
            numerator <<= shift;
        }
        else
        {
            denominator <<= -shift;
        }

        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder * 2;
        if (twice > denominator || (twice == denominator && !quotient.IsEven))
        {
            quotient += 1;
        }

        var text = quotient.ToString(CultureInfo.InvariantCulture);
        if (digits > 0)
        {
            text = text.PadLeft(digits + 1, '0');
            text = text[..^digits] + "." + text[^digits..];
        }

        return (negative ? "-" : string.Empty) + text;
    }

    /// <summary>Python's <c>"%Ns" % text</c>: right-aligned in a field of <paramref name="width"/> characters, never truncated.</summary>
    public static string Right(string text, int width) => text.PadLeft(width);
}
