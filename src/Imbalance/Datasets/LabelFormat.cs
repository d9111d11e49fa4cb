using System.Globalization;

namespace Imbalance.Datasets;

/// <summary>Parses and formats labels of the types a table supports: <c>int</c>, <c>long</c>, <c>double</c>,
/// <c>bool</c>, <c>string</c> and enums (by member name).</summary>
internal static class LabelFormat
{
    public static void CheckSupported<TLabel>()
    {
        var t = typeof(TLabel);
        if (t != typeof(int) && t != typeof(long) && t != typeof(double) && t != typeof(bool) && t != typeof(string) && !t.IsEnum)
        {
            throw new NotSupportedException($"Labels of type {t.Name} cannot be read from text; use int, long, double, bool, string or an enum.");
        }
    }

    public static bool TryParse<TLabel>(string text, CultureInfo culture, out TLabel label)
    {
        var t = typeof(TLabel);
        object? value = null;
        if (t == typeof(string))
        {
            value = text;
        }
        else if (t == typeof(int) && int.TryParse(text, NumberStyles.Integer, culture, out var i))
        {
            value = i;
        }
        else if (t == typeof(long) && long.TryParse(text, NumberStyles.Integer, culture, out var l))
        {
            value = l;
        }
        else if (t == typeof(double) && double.TryParse(text, NumberStyles.Float, culture, out var d) && double.IsFinite(d))
        {
            value = d;
        }
        else if (t == typeof(bool))
        {
            value = text.Trim() switch
            {
                "1" => true,
                "0" => false,
                var s when bool.TryParse(s, out var b) => b,
                _ => null,
            };
        }
        else if (t.IsEnum && Enum.TryParse(t, text.Trim(), ignoreCase: false, out var e) && Enum.GetName(t, e!) == text.Trim())
        {
            value = e;
        }

        label = value is TLabel typed ? typed : default!;
        return value is TLabel;
    }

    public static string Format<TLabel>(TLabel label, CultureInfo culture)
        where TLabel : notnull => label switch
        {
            double d => d.ToString("R", culture),
            IFormattable f and not Enum => f.ToString(null, culture),
            _ => label.ToString() ?? string.Empty,
        };
}
