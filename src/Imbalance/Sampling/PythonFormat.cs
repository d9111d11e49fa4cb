using System.Globalization;

namespace Imbalance.Sampling;

/// <summary>
/// Formats numbers the way Python's <c>repr</c> prints them, so messages quote values exactly as imblearn's do
/// (e.g. <c>Got 0.0 instead.</c> where .NET would print <c>0</c>).
/// </summary>
internal static class PythonFormat
{
    /// <summary>
    /// Python's <c>repr(float)</c>: the shortest digits that round-trip, in fixed notation with at least one digit
    /// after the point when the decimal exponent is in [-4, 16) (<c>1.0</c>, <c>0.0001</c>,
    /// <c>1000000000000000.0</c>), otherwise in scientific notation with a signed exponent of at least two digits
    /// (<c>1e-05</c>, <c>1e+16</c>, <c>1.5e+300</c>); <c>nan</c>, <c>inf</c> and <c>-inf</c> for the special
    /// values.
    /// </summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var sign = double.IsNegative(value) ? "-" : string.Empty;
        if (value == 0.0)
        {
            return sign + "0.0";
        }

        // .NET's "R" gives the shortest round-trip digits (as Python's repr does); only the layout differs.
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var digits = point >= 0 ? text.Remove(point, 1) : text;
        var integerDigits = point >= 0 ? point : text.Length;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits[leadingZeros..].TrimEnd('0');

        // value = 0.d1d2d3... * 10^decimalPoint
        var decimalPoint = integerDigits - leadingZeros + exponent;
        if (decimalPoint is > -4 and <= 16)
        {
            if (decimalPoint <= 0)
            {
                return sign + "0." + new string('0', -decimalPoint) + digits;
            }

            if (decimalPoint >= digits.Length)
            {
                return sign + digits + new string('0', decimalPoint - digits.Length) + ".0";
            }

            return sign + digits[..decimalPoint] + "." + digits[decimalPoint..];
        }

        var mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
        var power = decimalPoint - 1;
        return sign + mantissa + "e" + (power < 0 ? "-" : "+")
            + Math.Abs(power).ToString("00", CultureInfo.InvariantCulture);
    }
}
