using System.Globalization;
using System.Text.Json;

namespace Imbalance.Serialization;

/// <summary>
/// A checked view of one JSON object of a model file: every accessor validates the kind, range and shape of the
/// value it returns and reports problems as a <see cref="InvalidDataException"/> naming the value's path.
/// </summary>
internal sealed class ModelReader
{
    private readonly JsonElement _element;

    public ModelReader(JsonElement element, string path)
    {
        Path = path;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path}: expected a JSON object, found {element.ValueKind}.");
        }

        _element = element;
    }

    /// <summary>The JSON path of this object, e.g. <c>model.final</c>.</summary>
    public string Path { get; }

    public InvalidDataException Error(string member, string message)
    {
        var path = Path + "." + member;
        return new InvalidDataException($"{path}: {message}.");
    }

    public JsonElement Member(string name, JsonValueKind kind)
    {
        if (!_element.TryGetProperty(name, out var value))
        {
            throw Error(name, "missing");
        }

        if (value.ValueKind != kind && !(kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False))
        {
            throw Error(name, $"expected {Describe(kind)}, found {value.ValueKind.ToString().ToLowerInvariant()}");
        }

        return value;
    }

    /// <summary>A member of any JSON kind (its reader checks the kind).</summary>
    public JsonElement Any(string name) => _element.TryGetProperty(name, out var value) ? value : throw Error(name, "missing");

    public bool Has(string name) => _element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public ModelReader Object(string name) => new(Member(name, JsonValueKind.Object), Path + "." + name);

    public IReadOnlyList<ModelReader> Objects(string name) =>
        Array(name).Select((e, i) => new ModelReader(e, string.Create(CultureInfo.InvariantCulture, $"{Path}.{name}[{i}]"))).ToArray();

    public IReadOnlyList<JsonElement> Array(string name) => Member(name, JsonValueKind.Array).EnumerateArray().ToArray();

    public string String(string name) => Member(name, JsonValueKind.String).GetString()!;

    public bool Bool(string name) => Member(name, JsonValueKind.True).GetBoolean();

    public int Int(string name, int min, int max)
    {
        var e = Member(name, JsonValueKind.Number);
        return e.TryGetInt32(out var v) && v >= min && v <= max
            ? v
            : throw Error(name, string.Create(CultureInfo.InvariantCulture, $"expected an integer in [{min}, {max}], found {e.GetRawText()}"));
    }

    public int? OptionalInt(string name, int min, int max) => Has(name) ? Int(name, min, max) : null;

    public double Double(string name, double min = double.MinValue, double max = double.MaxValue)
    {
        var e = Member(name, JsonValueKind.Number);
        return ToDouble(e, min, max) ?? throw Error(name, string.Create(CultureInfo.InvariantCulture, $"expected a finite number in [{min}, {max}], found {e.GetRawText()}"));
    }

    /// <summary>A finite number, or NaN written as <c>null</c> (by <see cref="ModelWriter.DoubleOrNaN"/>).</summary>
    public double DoubleOrNaN(string name) =>
        _element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Null ? double.NaN : Double(name);

    /// <summary>A number array whose <c>null</c> items read as NaN (written by <see cref="ModelWriter.DoublesOrNaN"/>).</summary>
    public double[] DoublesOrNaN(string name, int length)
    {
        var items = Array(name);
        CheckLength(name, items.Count, length);
        var values = new double[items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = items[i].ValueKind == JsonValueKind.Null
                ? double.NaN
                : ToDouble(items[i], double.MinValue, double.MaxValue) ?? throw Error(
                    string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]"),
                    string.Create(CultureInfo.InvariantCulture, $"expected a finite number or null, found {items[i].GetRawText()}"));
        }

        return values;
    }

    /// <summary>A number array; <paramref name="length"/> -1 accepts any length.</summary>
    public double[] Doubles(string name, int length, double min = double.MinValue, double max = double.MaxValue)
    {
        var items = Array(name);
        CheckLength(name, items.Count, length);
        var values = new double[items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ToDouble(items[i], min, max) ?? throw Error(
                string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]"),
                string.Create(CultureInfo.InvariantCulture, $"expected a finite number in [{min}, {max}], found {items[i].GetRawText()}"));
        }

        return values;
    }

    /// <summary>An integer array; <paramref name="length"/> -1 accepts any length.</summary>
    public int[] Ints(string name, int length, int min, int max)
    {
        var items = Array(name);
        CheckLength(name, items.Count, length);
        var values = new int[items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (items[i].ValueKind != JsonValueKind.Number || !items[i].TryGetInt32(out values[i]) || values[i] < min || values[i] > max)
            {
                throw Error(
                    string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]"),
                    string.Create(CultureInfo.InvariantCulture, $"expected an integer in [{min}, {max}], found {items[i].GetRawText()}"));
            }
        }

        return values;
    }

    public string[] Strings(string name)
    {
        var items = Array(name);
        var values = new string[items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = items[i].ValueKind == JsonValueKind.String
                ? items[i].GetString()!
                : throw Error(string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]"), "expected a string");
        }

        return values;
    }

    /// <summary>An array of integer arrays (<paramref name="count"/> -1 accepts any count); with
    /// <paramref name="allowNull"/> an item may be <c>null</c>.</summary>
    public int[]?[] IntArrays(string name, int count, int min, int max, bool allowNull)
    {
        var items = Array(name);
        CheckLength(name, items.Count, count);
        var values = new int[]?[items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]");
            if (allowNull && items[i].ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (items[i].ValueKind != JsonValueKind.Array)
            {
                throw Error(itemPath, "expected an array");
            }

            var row = items[i].EnumerateArray().ToArray();
            var ints = new int[row.Length];
            for (var j = 0; j < ints.Length; j++)
            {
                if (row[j].ValueKind != JsonValueKind.Number || !row[j].TryGetInt32(out ints[j]) || ints[j] < min || ints[j] > max)
                {
                    throw Error(
                        string.Create(CultureInfo.InvariantCulture, $"{itemPath}[{j}]"),
                        string.Create(CultureInfo.InvariantCulture, $"expected an integer in [{min}, {max}], found {row[j].GetRawText()}"));
                }
            }

            values[i] = ints;
        }

        return values;
    }

    /// <summary>An array of non-null integer arrays.</summary>
    public int[][] IntArrays(string name, int count, int min, int max) =>
        IntArrays(name, count, min, max, allowNull: false).Select(a => a!).ToArray();

    /// <summary>A <c>rows x columns</c> matrix written as an array of rows.</summary>
    /// <param name="name">The member.</param>
    /// <param name="rows">The row count.</param>
    /// <param name="columns">The column count.</param>
    /// <param name="allowNaN">Reads <c>null</c> entries as NaN (written by <see cref="ModelWriter.MatrixWithNaN"/>).</param>
    public double[,] Matrix(string name, int rows, int columns, bool allowNaN)
    {
        var items = Array(name);
        CheckLength(name, items.Count, rows);
        var matrix = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            var rowPath = string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]");
            if (items[i].ValueKind != JsonValueKind.Array)
            {
                throw Error(rowPath, "expected an array");
            }

            var values = items[i].EnumerateArray().ToArray();
            CheckLength(rowPath, values.Length, columns);
            for (var j = 0; j < columns; j++)
            {
                matrix[i, j] = allowNaN && values[j].ValueKind == JsonValueKind.Null
                    ? double.NaN
                    : ToDouble(values[j], double.MinValue, double.MaxValue) ?? throw Error(
                        string.Create(CultureInfo.InvariantCulture, $"{rowPath}[{j}]"),
                        string.Create(CultureInfo.InvariantCulture, $"expected a finite number, found {values[j].GetRawText()}"));
            }
        }

        return matrix;
    }

    /// <summary>A <c>rows x columns</c> matrix written as an array of rows.</summary>
    public double[,] Matrix(string name, int rows, int columns) => Matrix(name, rows, columns, allowNaN: false);

    /// <summary>An enum member written by name (never a number).</summary>
    public T Enum<T>(string name)
        where T : struct, Enum
    {
        var text = String(name);
        return System.Enum.TryParse<T>(text, ignoreCase: false, out var value) && System.Enum.GetName(value) == text
            ? value
            : throw Error(name, $"unknown value \"{text}\"; expected one of {string.Join(", ", System.Enum.GetNames<T>())}");
    }

    private static double? ToDouble(JsonElement e, double min, double max) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var v) && double.IsFinite(v) && v >= min && v <= max ? v : null;

    private void CheckLength(string name, int actual, int expected)
    {
        if (expected >= 0 && actual != expected)
        {
            throw Error(name, string.Create(CultureInfo.InvariantCulture, $"expected {expected} values, found {actual}"));
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True => "a boolean",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };
}
