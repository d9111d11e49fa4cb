using System.Globalization;
using System.Reflection;
using Imbalance.Sampling;
using Microsoft.Data.Analysis;

namespace Imbalance.MLNet;

/// <summary>
/// <see cref="DataFrame"/> in and out for the core samplers: imblearn's <c>fit_resample</c> on a pandas
/// <c>DataFrame</c>, where the output keeps the column names and types.
/// </summary>
/// <remarks>
/// A <see cref="DataFrame"/> is also an ML.NET <c>IDataView</c>, so it can be passed to
/// <see cref="ResamplingExtensions.Resample"/> or to a pipeline with
/// <see cref="ResamplingExtensions.WithResampling{TTransformer}"/> directly; <c>ToDataFrame()</c> turns a view back
/// into a data frame.
/// </remarks>
public static class DataFrameResampling
{
    private static readonly Type[] NumericTypes = [typeof(double), typeof(float), typeof(long), typeof(int), typeof(short), typeof(byte)];

    /// <summary>
    /// Resamples a data frame with <paramref name="sampler"/>: the feature columns form X, the label column y.
    /// </summary>
    /// <remarks>
    /// As imblearn does with pandas input, resampled feature values are cast back to each column's type: a
    /// <see cref="float"/> column is rounded to the nearest float, an integer column is truncated toward zero (NumPy's
    /// <c>astype</c>); selection samplers reproduce the original values exactly. Columns that are neither features nor
    /// label are carried to the selected rows of selection samplers (through
    /// <see cref="ResampleResult{TLabel}.SampleIndices"/>); with a sampler that synthesises rows they are an error.
    /// </remarks>
    /// <param name="sampler">Any sampler.</param>
    /// <param name="data">The data frame; not modified.</param>
    /// <param name="labelColumnName">The label column (string, Boolean or numeric; no nulls).</param>
    /// <param name="featureColumnNames">The feature columns; by default every numeric column except the label.</param>
    /// <param name="cancellationToken">Cancels the resampling.</param>
    /// <returns>A new data frame with the columns of <paramref name="data"/> in the same order.</returns>
    /// <exception cref="ArgumentException">A column is missing, a feature column is not numeric or has nulls, a
    /// label is null, the sampler rejects the data, or other columns cannot follow synthetic rows.</exception>
    public static DataFrame FitResample(
        this ISampler sampler, DataFrame data, string labelColumnName, IReadOnlyList<string>? featureColumnNames = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(labelColumnName);
        var label = Column(data, labelColumnName, nameof(labelColumnName));
        var features = featureColumnNames is null
            ? data.Columns.Where(c => c.Name != labelColumnName && NumericTypes.Contains(c.DataType)).ToArray()
            : [.. featureColumnNames.Select(n => Column(data, n, nameof(featureColumnNames)))];
        if (features.Length == 0)
        {
            throw new ArgumentException("The data frame has no numeric feature column besides the label.", nameof(data));
        }

        var rows = checked((int)data.Rows.Count);
        var x = new double[rows, features.Length];
        for (var j = 0; j < features.Length; j++)
        {
            var column = features[j];
            if (!NumericTypes.Contains(column.DataType) || column.Name == labelColumnName)
            {
                throw new ArgumentException($"Feature column '{column.Name}' must be numeric (double, float, long, int, short, byte) and not the label; it is {column.DataType.Name}.", nameof(featureColumnNames));
            }

            for (var i = 0; i < rows; i++)
            {
                x[i, j] = column[i] is { } value
                    ? Convert.ToDouble(value, CultureInfo.InvariantCulture)
                    : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Feature column '{column.Name}' has a null at row {i}. Fill or drop nulls first (DataFrame.FillNulls / DropNulls)."), nameof(data));
            }
        }

        var run = typeof(DataFrameResampling).GetMethod(nameof(Run), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(label.DataType);
        try
        {
            return (DataFrame)run.Invoke(null, [sampler, data, label, features, x, cancellationToken])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private static DataFrame Run<TLabel>(ISampler sampler, DataFrame data, DataFrameColumn label, DataFrameColumn[] features, double[,] x, CancellationToken cancellationToken)
        where TLabel : notnull
    {
        var y = new TLabel[x.GetLength(0)];
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = label[i] is TLabel value
                ? value
                : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Label column '{label.Name}' has a null at row {i}."), nameof(data));
        }

        var result = sampler.FitResample(x, y, cancellationToken);
        var others = data.Columns.Where(c => c != label && !features.Contains(c)).ToArray();
        if (result.SampleIndices is null && others.Length > 0)
        {
            throw new ArgumentException(
                $"{sampler.GetType().Name} synthesises rows (it reports no SampleIndices), so columns {string.Join(", ", others.Select(c => $"'{c.Name}'"))} have no values for them. "
                + "Pass only the feature and label columns, or use a sampler that selects rows.", nameof(data));
        }

        var map = result.SampleIndices is { } indices ? new Int64DataFrameColumn("map", indices.Select(i => (long)i)) : null;
        var output = new List<DataFrameColumn>();
        foreach (var column in data.Columns)
        {
            if (column == label)
            {
                output.Add(LabelColumn(label.Name, result.Y));
            }
            else if (Array.IndexOf(features, column) is var j and >= 0)
            {
                output.Add(FeatureColumn(column, result.X, j));
            }
            else
            {
                output.Add(column.Clone(map!));
            }
        }

        return new DataFrame(output);
    }

    private static DataFrameColumn LabelColumn<TLabel>(string name, TLabel[] values)
        where TLabel : notnull
    {
        if (values is string[] text)
        {
            return new StringDataFrameColumn(name, text);
        }

        var type = typeof(PrimitiveDataFrameColumn<>).MakeGenericType(typeof(TLabel));
        return (DataFrameColumn)Activator.CreateInstance(type, name, values.AsEnumerable())!;
    }

    private static DataFrameColumn FeatureColumn(DataFrameColumn template, double[,] x, int j)
    {
        var values = Enumerable.Range(0, x.GetLength(0)).Select(i => x[i, j]);
        var type = template.DataType;
        return type == typeof(double) ? new DoubleDataFrameColumn(template.Name, values)
            : type == typeof(float) ? new SingleDataFrameColumn(template.Name, values.Select(v => (float)v))
            : type == typeof(long) ? new Int64DataFrameColumn(template.Name, values.Select(v => (long)v))
            : type == typeof(int) ? new Int32DataFrameColumn(template.Name, values.Select(v => (int)v))
            : type == typeof(short) ? new Int16DataFrameColumn(template.Name, values.Select(v => (short)v))
            : (DataFrameColumn)new ByteDataFrameColumn(template.Name, values.Select(v => (byte)v));
    }

    private static DataFrameColumn Column(DataFrame data, string name, string parameterName) =>
        data.Columns.IndexOf(name) is var index and >= 0
            ? data.Columns[index]
            : throw new ArgumentException($"Column '{name}' is not in the data frame; the columns are: {string.Join(", ", data.Columns.Select(c => c.Name))}.", parameterName);
}
