using System.Globalization;

namespace Imbalance.Sampling;

/// <summary>
/// The non-generic view of a fitted <see cref="LabelEncoder{TLabel}"/>: what label-keyed parameters
/// (a strategy's counts, a per-class shrinkage) need to map their keys to class codes without knowing the
/// label type of <c>y</c> at compile time.
/// </summary>
internal abstract class LabelSet
{
    /// <summary>The runtime type of the labels in <c>y</c>.</summary>
    public abstract Type LabelType { get; }

    /// <summary>The number of distinct classes.</summary>
    public abstract int ClassCount { get; }

    /// <summary>Looks up the class code of <paramref name="label"/>; false when the label is not in <c>y</c>.</summary>
    public abstract bool TryGetCode<TKey>(TKey label, out int code)
        where TKey : notnull;

    /// <summary>The label of class <paramref name="code"/>, formatted for messages as Python would print it.</summary>
    public abstract string Format(int code);

    /// <summary>The original labels of <c>y</c> as <typeparamref name="TKey"/> (for custom strategy functions).</summary>
    public abstract IReadOnlyList<TKey> Labels<TKey>();

    /// <summary>The label of class <paramref name="code"/> as <typeparamref name="TKey"/>.</summary>
    public abstract TKey Label<TKey>(int code);

    /// <summary>Calls <paramref name="visitor"/> with the typed encoder, for steps that must call other samplers
    /// with the caller's own labels (composite samplers).</summary>
    public abstract TResult Accept<TResult>(ILabelVisitor<TResult> visitor);

    /// <summary>
    /// Throws when a parameter keyed by labels of type <typeparamref name="TKey"/> is applied to labels of another
    /// type, so a <c>Dictionary&lt;string, int&gt;</c> strategy can never silently miss int labels.
    /// </summary>
    public void RequireKeyType<TKey>(string parameterName)
    {
        if (typeof(TKey) != LabelType)
        {
            throw InputGuard.Invalid(
                parameterName,
                $"'{parameterName}' is keyed by labels of type {typeof(TKey).Name} but y holds labels of type {LabelType.Name}.");
        }
    }

    /// <summary>
    /// Formats one label the way Python's <c>repr</c> would show it in imblearn's messages: strings quoted and
    /// escaped (<c>'a'</c>, <c>"it's"</c>), floats in Python's shortest form (<c>5.0</c>, <c>1e-05</c>), booleans
    /// as <c>True</c>/<c>False</c>, integers in invariant digits. A <see cref="char"/> is shown as a one-character
    /// string; an enum by its member name (Python has no equivalent).
    /// </summary>
    public static string FormatLabel(object? label) => label switch
    {
        null => "None",
        string s => PythonRepr.String(s),
        char c => PythonRepr.String(c.ToString()),
        bool b => b ? "True" : "False",
        double d => PythonFormat.Float(d),
        float f => PythonRepr.Float(f),
        Half h => PythonRepr.Float(h),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => label.ToString() ?? string.Empty,
    };
}
