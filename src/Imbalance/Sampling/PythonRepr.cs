using System.Globalization;
using System.Text;

namespace Imbalance.Sampling;

/// <summary>
/// Python's <c>repr</c> of the label values that appear in imblearn's messages (e.g. "The {'x'} target class is/are
/// not present in the data."), so an error reads the same as in imblearn: strings quoted and escaped as Python
/// quotes them, floats in Python's shortest round-trip form (<c>5.0</c>, <c>1e-05</c>, <c>1e+16</c>).
/// </summary>
internal static class PythonRepr
{
    /// <summary>
    /// <c>repr(float)</c>: the shortest string that round-trips, in positional notation when the decimal exponent is
    /// in [-4, 16) and in scientific notation (<c>1.5e-07</c>, <c>1e+16</c>) otherwise; integral values keep a
    /// <c>.0</c>; <c>nan</c>, <c>inf</c>, <c>-inf</c>.
    /// </summary>
    public static string Float(double value) =>
        Shortest(value, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>NumPy's <c>repr</c> of a <c>float32</c> scalar: the shortest float32 digits, laid out like <see cref="Float(double)"/>.</summary>
    public static string Float(float value) =>
        Shortest(value, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>NumPy's <c>repr</c> of a <c>float16</c> scalar: the shortest float16 digits, laid out like <see cref="Float(double)"/>.</summary>
    public static string Float(Half value) =>
        Shortest((double)value, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// <c>repr(str)</c>: single quotes unless the text holds a single quote and no double quote; backslash, the
    /// chosen quote, tab, newline and carriage return escaped; other non-printable characters (control, format,
    /// separator other than the space, surrogate, private use, unassigned) as <c>\xhh</c>, <c>\uhhhh</c> or
    /// <c>\Uhhhhhhhh</c>.
    /// </summary>
    public static string String(string value)
    {
        var quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var builder = new StringBuilder(value.Length + 2);
        builder.Append(quote);
        for (var i = 0; i < value.Length; i++)
        {
            int codePoint = value[i];
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                codePoint = char.ConvertToUtf32(value[i], value[i + 1]);
                i++;
            }

            switch (codePoint)
            {
                case '\\': builder.Append(@"\\"); continue;
                case '\t': builder.Append(@"\t"); continue;
                case '\n': builder.Append(@"\n"); continue;
                case '\r': builder.Append(@"\r"); continue;
            }

            if (codePoint == quote)
            {
                builder.Append('\\').Append(quote);
            }
            else if (IsPrintable(codePoint))
            {
                builder.Append(char.ConvertFromUtf32(codePoint));
            }
            else if (codePoint < 0x100)
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\x{codePoint:x2}");
            }
            else if (codePoint < 0x10000)
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{codePoint:x4}");
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\U{codePoint:x8}");
            }
        }

        return builder.Append(quote).ToString();
    }

    private static bool IsPrintable(int codePoint)
    {
        if (codePoint == ' ')
        {
            return true;
        }

        // A lone surrogate cannot go through ConvertFromUtf32; it is not printable either way.
        if (codePoint is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }

        return CharUnicodeInfo.GetUnicodeCategory(codePoint) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }

    /// <summary>Lays out .NET's shortest round-trip text (<c>"R"</c>) of a finite or special value by Python's rules.</summary>
    private static string Shortest(double value, string roundTrip)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var sign = roundTrip.StartsWith('-') ? "-" : string.Empty;
        if (value == 0.0)
        {
            return sign + "0.0";
        }

        // Split "[-]d[.ddd][E±x]" into its significant digits and the decimal exponent of the first digit.
        var body = roundTrip.TrimStart('-');
        var exponent = 0;
        var e = body.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(body.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            body = body[..e];
        }

        var point = body.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = point < 0 ? body.Length : point;
        var digits = body.Replace(".", string.Empty, StringComparison.Ordinal);
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');

        // value = 0.digits * 10^decimalPoint, as CPython's float_repr_style 'short' computes it.
        var decimalPoint = integerDigits - leadingZeros + exponent;
        if (decimalPoint is <= -4 or > 16)
        {
            var mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
            var power = decimalPoint - 1;
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{sign}{mantissa}e{(power < 0 ? '-' : '+')}{Math.Abs(power):00}");
        }

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
}
