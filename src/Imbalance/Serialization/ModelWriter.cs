using System.Text.Json;
using Imbalance.Learning;

namespace Imbalance.Serialization;

/// <summary>Writes the members of one model object; numbers are written so they read back bit for bit.</summary>
internal sealed class ModelWriter(Utf8JsonWriter json)
{
    public Utf8JsonWriter Json { get; } = json;

    public void Int(string name, int value) => Json.WriteNumber(name, value);

    public void OptionalInt(string name, int? value)
    {
        if (value is { } v)
        {
            Json.WriteNumber(name, v);
        }
    }

    public void Double(string name, double value) => Json.WriteNumber(name, value);

    public void Bool(string name, bool value) => Json.WriteBoolean(name, value);

    public void String(string name, string value) => Json.WriteString(name, value);

    public void Doubles(string name, ReadOnlySpan<double> values)
    {
        Json.WriteStartArray(name);
        foreach (var v in values)
        {
            Json.WriteNumberValue(v);
        }

        Json.WriteEndArray();
    }

    /// <summary>A number that may be NaN (a score of a scorer that divided by zero), written as <c>null</c>.</summary>
    public void DoubleOrNaN(string name, double value)
    {
        if (double.IsNaN(value))
        {
            Json.WriteNull(name);
        }
        else
        {
            Json.WriteNumber(name, value);
        }
    }

    /// <summary>Numbers that may be NaN, each NaN written as <c>null</c>.</summary>
    public void DoublesOrNaN(string name, ReadOnlySpan<double> values)
    {
        Json.WriteStartArray(name);
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                Json.WriteNullValue();
            }
            else
            {
                Json.WriteNumberValue(v);
            }
        }

        Json.WriteEndArray();
    }

    public void Ints(string name, ReadOnlySpan<int> values)
    {
        Json.WriteStartArray(name);
        foreach (var v in values)
        {
            Json.WriteNumberValue(v);
        }

        Json.WriteEndArray();
    }

    /// <summary>An array of integer arrays; a null item is written as <c>null</c>.</summary>
    public void IntArrays(string name, IEnumerable<IReadOnlyList<int>?> values)
    {
        Json.WriteStartArray(name);
        foreach (var row in values)
        {
            if (row is null)
            {
                Json.WriteNullValue();
                continue;
            }

            Json.WriteStartArray();
            foreach (var v in row)
            {
                Json.WriteNumberValue(v);
            }

            Json.WriteEndArray();
        }

        Json.WriteEndArray();
    }

    public void Strings(string name, IEnumerable<string> values)
    {
        Json.WriteStartArray(name);
        foreach (var v in values)
        {
            Json.WriteStringValue(v);
        }

        Json.WriteEndArray();
    }

    /// <summary>A matrix whose NaN entries are written as <c>null</c> (JSON has no NaN).</summary>
    public void MatrixWithNaN(string name, double[,] values)
    {
        Json.WriteStartArray(name);
        for (var i = 0; i < values.GetLength(0); i++)
        {
            Json.WriteStartArray();
            for (var j = 0; j < values.GetLength(1); j++)
            {
                if (double.IsNaN(values[i, j]))
                {
                    Json.WriteNullValue();
                }
                else
                {
                    Json.WriteNumberValue(values[i, j]);
                }
            }

            Json.WriteEndArray();
        }

        Json.WriteEndArray();
    }

    public void Matrix(string name, double[,] values)
    {
        Json.WriteStartArray(name);
        for (var i = 0; i < values.GetLength(0); i++)
        {
            Json.WriteStartArray();
            for (var j = 0; j < values.GetLength(1); j++)
            {
                Json.WriteNumberValue(values[i, j]);
            }

            Json.WriteEndArray();
        }

        Json.WriteEndArray();
    }

    /// <summary>Writes a nested classifier as an object with its kind and classes.</summary>
    public void Classifier<TLabel>(string name, IClassificationModel<TLabel> model)
        where TLabel : notnull
    {
        Json.WritePropertyName(name);
        ModelKinds.WriteClassifier(this, model);
    }

    /// <summary>Writes a nested transformer as an object with its kind.</summary>
    public void Transformer(IFeatureTransformerModel model) => ModelKinds.WriteTransformer(this, model);

    /// <summary>Writes a nested outlier detector as an object with its kind.</summary>
    public void Detector(Anomaly.IOutlierModel model) => ModelKinds.WriteDetector(this, model);
}
