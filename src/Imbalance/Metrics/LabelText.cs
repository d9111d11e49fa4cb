using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.Metrics;

/// <summary>Labels and numbers printed as Python prints them, for messages and imblearn's report table.</summary>
internal static class LabelText
{
    /// <summary>Python's <c>str(label)</c> (what <c>f"{label}"</c> prints): strings bare, floats as <c>repr</c>.</summary>
    public static string Str(object label) => label switch
    {
        string s => s,
        bool b => b ? "True" : "False",
        double d => PythonFormat.Float(d),
        float f => PythonFormat.Float(f),
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => label.ToString() ?? string.Empty,
    };

    /// <summary>Python's <c>repr(label)</c>: strings quoted.</summary>
    public static string Python(object label) => label is string s ? "'" + s + "'" : Str(label);

    /// <summary>A list of labels as Python prints one: <c>[0, 1]</c> or <c>['a', 'b']</c>.</summary>
    public static string List<TLabel>(IEnumerable<TLabel> labels)
        where TLabel : notnull => "[" + string.Join(", ", labels.Select(l => Python(l))) + "]";
}
