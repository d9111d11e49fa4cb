using System.Globalization;
using Imbalance.OverSampling;
using Imbalance.Sampling;

namespace Imbalance.Datasets;

/// <summary>
/// A labelled table ready for the library: the feature matrix <see cref="X"/> (categorical columns as ordinal codes),
/// the labels <see cref="Y"/>, and the column names and categories needed to decode rows back (e.g. to write resampled
/// data as CSV). Made by <see cref="TabularData.FromRecords"/> from typed records or by
/// <see cref="TabularData.ReadCsv{TLabel}(TextReader, string, CsvOptions?)"/> from CSV; deconstructs into
/// <c>(X, Y)</c>. Immutable: <see cref="WithRows(double[,], IReadOnlyList{TLabel})"/> returns a new table.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class TabularData<TLabel>
    where TLabel : notnull
{
    private readonly TabularColumn[] _columns;
    private readonly TLabel[] _y;

    internal TabularData(double[,] x, TLabel[] y, TabularColumn[] columns, string labelName, int labelPosition)
    {
        X = x;
        _y = y;
        _columns = columns;
        LabelName = labelName;
        LabelPosition = labelPosition;
    }

    /// <summary>The feature rows, <c>RowCount x Columns.Count</c>; categorical columns hold ordinal codes 0, 1, ...</summary>
    public double[,] X { get; }

    /// <summary>The label of each row.</summary>
    public IReadOnlyList<TLabel> Y => _y;

    /// <summary>The number of rows.</summary>
    public int RowCount => _y.Length;

    /// <summary>The feature columns in order (names and categories).</summary>
    public IReadOnlyList<TabularColumn> Columns => _columns;

    /// <summary>The feature column names in order.</summary>
    public IReadOnlyList<string> FeatureNames => _columns.Select(c => c.Name).ToArray();

    /// <summary>The label column's name.</summary>
    public string LabelName { get; }

    /// <summary>Where the label column stood among the columns of the source (0 = first); CSV output puts it back there.</summary>
    public int LabelPosition { get; }

    /// <summary>The indices of the categorical columns, in order.</summary>
    public IReadOnlyList<int> CategoricalIndices => Enumerable.Range(0, _columns.Length).Where(j => _columns[j].IsCategorical).ToArray();

    /// <summary>The categorical columns as <see cref="SmoteNc.CategoricalFeatures"/> expects them, or
    /// <see langword="null"/> when every column is numeric.</summary>
    public CategoricalFeatures? CategoricalFeatures =>
        CategoricalIndices is { Count: > 0 } indices ? OverSampling.CategoricalFeatures.Indices([.. indices]) : null;

    /// <summary>The category an ordinal code stands for in a categorical column (scikit-learn's
    /// <c>OrdinalEncoder.inverse_transform</c> for one value).</summary>
    /// <param name="column">The column index.</param>
    /// <param name="code">The code, an integer in <c>[0, Categories.Count)</c>.</param>
    /// <returns>The category.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The column is out of range or not categorical, or the code is not
    /// one of its codes.</exception>
    public string Decode(int column, double code)
    {
        var categories = CategoricalColumn(column).Categories;
        return code >= 0 && code < categories.Count && code == Math.Floor(code)
            ? categories[(int)code]
            : throw new ArgumentOutOfRangeException(
                nameof(code), code, string.Create(CultureInfo.InvariantCulture, $"Column '{_columns[column].Name}' has codes 0 to {categories.Count - 1}."));
    }

    /// <summary>The ordinal code of a category in a categorical column (scikit-learn's <c>OrdinalEncoder.transform</c>
    /// for one value), e.g. to build rows to predict.</summary>
    /// <param name="column">The column index.</param>
    /// <param name="category">A category seen in the data.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The column is out of range or not categorical.</exception>
    /// <exception cref="ArgumentException">The category was not seen in the data.</exception>
    public double Encode(int column, string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        var categories = CategoricalColumn(column).Categories;
        for (var c = 0; c < categories.Count; c++)
        {
            if (categories[c] == category)
            {
                return c;
            }
        }

        throw new ArgumentException($"Found unknown category '{category}' in column '{_columns[column].Name}'.", nameof(category));
    }

    /// <summary>A cell as the source had it: a <see cref="double"/> for a numeric column, the category
    /// (<see cref="string"/>) for a categorical one.</summary>
    /// <param name="row">The row index.</param>
    /// <param name="column">The column index.</param>
    /// <returns>The value.</returns>
    public object Cell(int row, int column)
    {
        var value = X[row, column];
        return _columns[column].IsCategorical ? Decode(column, value) : value;
    }

    /// <summary>
    /// A table with the same columns and new rows, typically a sampler's output
    /// (<c>data.WithRows(sampler.FitResample(data.X, data.Y))</c>) so it can be written back as CSV. Categorical columns
    /// must hold valid codes (as <c>SmoteNc</c>, <c>SmoteN</c> and the row-selecting samplers produce).
    /// </summary>
    /// <param name="x">The rows, with <see cref="Columns"/> columns.</param>
    /// <param name="y">The label of each row.</param>
    /// <returns>The new table (the arrays are copied).</returns>
    /// <exception cref="ArgumentException">The width differs, the lengths differ, or a categorical cell is not a code.</exception>
    public TabularData<TLabel> WithRows(double[,] x, IReadOnlyList<TLabel> y)
    {
        InputGuard.CheckXy(x, y);
        if (x.GetLength(1) != _columns.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"x has {x.GetLength(1)} columns but the table has {_columns.Length}."), nameof(x));
        }

        foreach (var j in CategoricalIndices)
        {
            for (var i = 0; i < x.GetLength(0); i++)
            {
                var code = x[i, j];
                if (!(code >= 0 && code < _columns[j].Categories.Count && code == Math.Floor(code)))
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"x[{i}, {j}] = {code} is not a code of categorical column '{_columns[j].Name}' (0 to {_columns[j].Categories.Count - 1}); resample categorical data with SmoteNc or SmoteN."),
                        nameof(x));
                }
            }
        }

        return new TabularData<TLabel>((double[,])x.Clone(), [.. y], _columns, LabelName, LabelPosition);
    }

    /// <summary>A table with the same columns and a sampler's output rows; see <see cref="WithRows(double[,], IReadOnlyList{TLabel})"/>.</summary>
    /// <param name="resampled">The sampler's result.</param>
    /// <returns>The new table.</returns>
    public TabularData<TLabel> WithRows(ResampleResult<TLabel> resampled)
    {
        ArgumentNullException.ThrowIfNull(resampled);
        return WithRows(resampled.X, resampled.Y);
    }

    /// <summary>Writes the table as CSV (pandas' <c>to_csv(index=False)</c>): a header, then one row per sample with
    /// categories decoded and the label in its original position. Numbers are written so they read back exactly.</summary>
    /// <param name="writer">The destination; it is left open.</param>
    /// <param name="options">Culture and delimiter; default <see cref="CsvOptions.Default"/>.</param>
    public void WriteCsv(TextWriter writer, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        CsvTable.Write(this, writer, options ?? CsvOptions.Default);
    }

    /// <summary>Writes the table to a CSV file (UTF-8, replaced if it exists); see <see cref="WriteCsv(TextWriter, CsvOptions?)"/>.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">Culture and delimiter; default <see cref="CsvOptions.Default"/>.</param>
    public void WriteCsv(string path, CsvOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var writer = new StreamWriter(path);
        WriteCsv(writer, options);
    }

    /// <summary>Deconstructs into <c>(X, Y)</c>.</summary>
    /// <param name="x">Receives <see cref="X"/>.</param>
    /// <param name="y">Receives the labels.</param>
    public void Deconstruct(out double[,] x, out TLabel[] y)
    {
        x = X;
        y = _y;
    }

    private TabularColumn CategoricalColumn(int column)
    {
        if (column < 0 || column >= _columns.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, string.Create(CultureInfo.InvariantCulture, $"The table has {_columns.Length} columns."));
        }

        return _columns[column].IsCategorical
            ? _columns[column]
            : throw new ArgumentOutOfRangeException(nameof(column), column, $"Column '{_columns[column].Name}' is numeric, not categorical.");
    }
}
