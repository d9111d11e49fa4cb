using System.Globalization;
using System.Text;

namespace Imbalance.Sampling;

/// <summary>
/// Python's <c>repr</c> of the label values that appear in imblearn's messages (e.g. "The {'x'} target class is/are
/// not present in the data."), so an error reads the same as in imblearn: strings quoted and escaped as Python
/// quotes them, and NumPy's float32/float16 scalars in their own shortest form. Doubles are
/// <see cref="PythonFormat.Float"/>.
/// </summary>
internal static class PythonRepr
{
    /// <summary>
    /// NumPy's <c>repr</c> of a <c>float32</c> scalar: the shortest digits that identify the float32 value, laid out
    /// like Python's <c>repr(float)</c> (<see cref="PythonFormat.Float"/>), so <c>0.1f</c> prints <c>0.1</c>, not the
    /// digits of its exact double value.
    /// </summary>
    public static string Float(float value) =>
        float.IsFinite(value)
            ? PythonFormat.Float(double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
            : PythonFormat.Float(value);

    /// <summary>NumPy's <c>repr</c> of a <c>float16</c> scalar: the shortest float16 digits, laid out like <see cref="Float(float)"/>.</summary>
    public static string Float(Half value) =>
        Half.IsFinite(value)
            ? PythonFormat.Float(double.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
            : PythonFormat.Float((double)value);

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
}
