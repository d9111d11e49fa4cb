using System.Globalization;
using System.Text.Json;
using Imbalance.Sampling;

namespace Imbalance.Serialization;

/// <summary>
/// How class labels are written: <c>int</c> ("int32"), <c>long</c> ("int64"), <c>string</c>, <c>bool</c> ("boolean"),
/// <c>double</c> and enums ("enum", by member name). The label type is always the caller's <c>TLabel</c>; the file only
/// says which of these kinds it holds, so a mismatch is reported and no type is ever looked up by name.
/// </summary>
internal static class LabelCodec
{
    /// <summary>The file's name for <typeparamref name="TLabel"/>, or an error for an unsupported label type.</summary>
    public static string KindOf<TLabel>()
    {
        var type = typeof(TLabel);
        return type == typeof(int) ? "int32"
            : type == typeof(long) ? "int64"
            : type == typeof(string) ? "string"
            : type == typeof(bool) ? "boolean"
            : type == typeof(double) ? "double"
            : type.IsEnum ? "enum"
            : throw new NotSupportedException(
                $"Models with {type.Name} labels cannot be saved; supported label types are int, long, string, bool, double and enums.");
    }

    public static void Write<TLabel>(Utf8JsonWriter writer, TLabel label)
        where TLabel : notnull
    {
        switch (label)
        {
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case Enum e:
                writer.WriteStringValue(Enum.GetName(typeof(TLabel), e) ?? throw new NotSupportedException(
                    string.Create(CultureInfo.InvariantCulture, $"The label {e} is not a named member of {typeof(TLabel).Name}; only named enum members can be saved.")));
                break;
            default:
                throw new NotSupportedException($"Labels of type {typeof(TLabel).Name} cannot be saved.");
        }
    }

    /// <summary>Reads the classes of a classifier node: labels of the caller's type, distinct and in the library's
    /// sorted order (the column order of <c>PredictProba</c>).</summary>
    public static TLabel[] ReadClasses<TLabel>(ModelReader node)
        where TLabel : notnull
    {
        var elements = node.Array("classes");
        if (elements.Count < 1)
        {
            throw node.Error("classes", "a classifier needs at least one class");
        }

        var classes = new TLabel[elements.Count];
        for (var c = 0; c < classes.Length; c++)
        {
            classes[c] = Read<TLabel>(elements[c], node, string.Create(CultureInfo.InvariantCulture, $"classes[{c}]"));
            if (c > 0 && LabelEncoder<TLabel>.SortOrder.Compare(classes[c - 1], classes[c]) >= 0)
            {
                throw node.Error(string.Create(CultureInfo.InvariantCulture, $"classes[{c}]"), "classes must be distinct and in sorted order");
            }
        }

        return classes;
    }

    public static TLabel Read<TLabel>(JsonElement e, ModelReader node, string member)
    {
        var type = typeof(TLabel);
        object? value = null;
        if (type == typeof(int) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var i))
        {
            value = i;
        }
        else if (type == typeof(long) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var l))
        {
            value = l;
        }
        else if (type == typeof(string) && e.ValueKind == JsonValueKind.String)
        {
            value = e.GetString();
        }
        else if (type == typeof(bool) && e.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            value = e.GetBoolean();
        }
        else if (type == typeof(double) && e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var d) && double.IsFinite(d))
        {
            value = d;
        }
        else if (type.IsEnum && e.ValueKind == JsonValueKind.String)
        {
            var name = e.GetString()!;
            if (Enum.TryParse(type, name, ignoreCase: false, out var parsed) && Enum.GetName(type, parsed!) == name)
            {
                value = parsed;
            }
        }

        return value is TLabel label ? label : throw node.Error(member, $"expected a {KindOf<TLabel>()} label, found {Describe(e)}");
    }

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => "\"" + e.GetString() + "\"",
        JsonValueKind.Number => e.GetRawText(),
        _ => e.ValueKind.ToString().ToLowerInvariant(),
    };
}
