using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalance.MLNet;

/// <summary>
/// Reads columns of an <see cref="IDataView"/> into memory and converts between ML.NET columns and the core's
/// <c>double[,]</c> features and typed labels. Every input check of the ML.NET adapters lives here.
/// </summary>
internal static class DataViewTable
{
    public const string MissingValuesAdvice = "Put mlContext.Transforms.ReplaceMissingValues (or a filter) before resampling.";

    /// <summary>Reads the named columns (visible ones) in one pass, in the order given.</summary>
    public static ColumnBuffer[] Read(IDataView data, IReadOnlyList<string> columnNames, string parameterName, CancellationToken cancellationToken = default)
    {
        var columns = columnNames.Select(name => RequireColumn(data.Schema, name, parameterName)).ToArray();
        var buffers = columns.Select(ColumnBuffer.For).ToArray();
        using var cursor = data.GetRowCursor(columns);
        var appenders = buffers.Select((b, i) => b.CreateAppender(cursor, columns[i])).ToArray();
        while (cursor.MoveNext())
        {
            if ((cursor.Position & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            foreach (var append in appenders)
            {
                append();
            }
        }

        return buffers;
    }

    public static DataViewSchema.Column RequireColumn(DataViewSchema schema, string name, string parameterName) =>
        schema.GetColumnOrNull(name)
        ?? throw new ArgumentException($"Column '{name}' is not in the data; the columns are: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name))}.", parameterName);

    /// <summary>Checks that a column is a known-size vector of <see cref="float"/>, the features type of ML.NET trainers.</summary>
    public static int RequireFeatureVector(DataViewSchema schema, string name, string parameterName)
    {
        var column = RequireColumn(schema, name, parameterName);
        if (column.Type is not VectorDataViewType { ItemType: NumberDataViewType } vector || vector.ItemType.RawType != typeof(float))
        {
            throw new ArgumentException(
                $"Features column '{name}' must be a vector of Single (float), but is {column.Type}. Use mlContext.Transforms.Concatenate and Conversion.ConvertType to build it.", parameterName);
        }

        if (!vector.IsKnownSize)
        {
            throw new ArgumentException(
                $"Features column '{name}' is a variable-size vector; resampling needs every row to have the same number of features. Give the vector a known size (e.g. with a fixed-size loader column or Concatenate of scalar columns).", parameterName);
        }

        return vector.Size;
    }

    /// <summary>Widens the features to <c>double</c> (exact) and rejects missing values.</summary>
    public static double[,] FeatureMatrix(VectorColumnBuffer<float> features, int size, string parameterName)
    {
        var x = new double[features.Count, size];
        var dense = new float[size];
        for (var i = 0; i < features.Count; i++)
        {
            var row = features.Values[i];
            if (row.Length != size)
            {
                throw new ArgumentException($"Row {i} of features column '{features.Name}' has {row.Length} values, expected {size}.", parameterName);
            }

            row.CopyTo(dense);
            for (var j = 0; j < size; j++)
            {
                if (!float.IsFinite(dense[j]))
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"Features column '{features.Name}' has a missing or infinite value ({dense[j]}) at row {i}, slot {j}. {MissingValuesAdvice}"), parameterName);
                }

                x[i, j] = dense[j];
            }
        }

        return x;
    }

    /// <summary>Builds a features column from resampled rows, rounding each value to the nearest <see cref="float"/>.</summary>
    public static VectorColumnBuffer<float> FeatureColumn(ColumnBuffer template, double[,] x)
    {
        var rows = new List<VBuffer<float>>(x.GetLength(0));
        var size = x.GetLength(1);
        for (var i = 0; i < x.GetLength(0); i++)
        {
            var values = new float[size];
            for (var j = 0; j < size; j++)
            {
                values[j] = (float)x[i, j];
            }

            rows.Add(new VBuffer<float>(size, values));
        }

        return new VectorColumnBuffer<float>(template.Name, template.Type, template.Annotations, rows);
    }

    /// <summary>Runs <paramref name="func"/> over the labels with their CLR type: raw key values stay 1-based <see cref="uint"/>, text becomes <see cref="string"/>.</summary>
    public static TResult VisitLabels<TResult>(ColumnBuffer labels, ILabelsFunc<TResult> func, string parameterName) => labels switch
    {
        ScalarColumnBuffer<bool> b => func.Invoke(b.Values),
        ScalarColumnBuffer<float> f => func.Invoke(NotMissing(f, float.IsNaN, parameterName)),
        ScalarColumnBuffer<double> d => func.Invoke(NotMissing(d, double.IsNaN, parameterName)),
        ScalarColumnBuffer<uint> k when labels.Type is KeyDataViewType => func.Invoke(NotMissing(k, v => v == 0, parameterName)),
        ScalarColumnBuffer<uint> u => func.Invoke(u.Values),
        ScalarColumnBuffer<int> i => func.Invoke(i.Values),
        ScalarColumnBuffer<long> l => func.Invoke(l.Values),
        ScalarColumnBuffer<ushort> k when labels.Type is KeyDataViewType => func.Invoke(NotMissing(k, v => v == 0, parameterName)),
        ScalarColumnBuffer<byte> k when labels.Type is KeyDataViewType => func.Invoke(NotMissing(k, v => v == 0, parameterName)),
        ScalarColumnBuffer<ReadOnlyMemory<char>> t => func.Invoke(t.Values.Select(v => v.ToString()).ToArray()),
        _ => throw new ArgumentException(
            $"Label column '{labels.Name}' has type {labels.Type}; supported label types are Boolean, Single, Double, Int32, Int64, UInt32, key and text.", parameterName),
    };

    /// <summary>The inverse of <see cref="VisitLabels"/>: a label column of the template's type and annotations holding <paramref name="labels"/>.</summary>
    public static ColumnBuffer LabelColumn<TLabel>(ColumnBuffer template, IReadOnlyList<TLabel> labels)
    {
        if (labels is IReadOnlyList<string> text)
        {
            return new ScalarColumnBuffer<ReadOnlyMemory<char>>(template.Name, template.Type, template.Annotations, [.. text.Select(s => s.AsMemory())]);
        }

        return new ScalarColumnBuffer<TLabel>(template.Name, template.Type, template.Annotations, [.. labels]);
    }

    private static IReadOnlyList<T> NotMissing<T>(ScalarColumnBuffer<T> column, Func<T, bool> isMissing, string parameterName)
    {
        for (var i = 0; i < column.Count; i++)
        {
            if (isMissing(column.Values[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Label column '{column.Name}' has a missing value at row {i}. Filter rows with missing labels (mlContext.Data.FilterRowsByMissingValues) before resampling."), parameterName);
            }
        }

        return column.Values;
    }
}
