using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Imbalance.Sampling;

namespace Imbalance.Datasets;

/// <summary>
/// Builds a <see cref="TabularData{TLabel}"/> from typed records (<see cref="FromRecords"/>) or from CSV
/// (<see cref="ReadCsv{TLabel}(TextReader, string, CsvOptions?)"/>): the step that turns an application's data into the
/// <c>double[,]</c> and labels every sampler, learner and pipeline takes, with categorical text columns encoded as
/// ordinal codes (usable by <c>SmoteNc</c> and <c>SmoteN</c>) and decodable back.
/// </summary>
/// <remarks>
/// <para>When to use it: loading application data (records or CSV) into the matrix and labels the library takes,
/// with categorical columns encoded and their indices recorded for SmoteNc. Prefer building the double[,] yourself
/// when the data are already numeric.</para>
/// CSV goes through CsvHelper, a dependency-free RFC 4180 reader and writer: quoting, delimiters and line breaks inside
/// fields, and culture-aware numbers are its job, so the library does not carry a hand-written splitter. Missing
/// values are not supported: an empty cell is reported with its line and column.
/// </remarks>
/// <example>
/// <code>
/// var csv = new StringReader("amount,country,fraud\n12.5,FR,no\n830.0,US,yes\n40.1,FR,no\n7.9,DE,no\n912.0,US,yes\n22.0,DE,no\n");
/// var options = new CsvOptions { CategoricalColumns = ["country"] };    // categories become ordinal codes
/// var table = TabularData.ReadCsv&lt;string&gt;(csv, labelColumn: "fraud", options);
/// var smoteNc = new SmoteNc { CategoricalFeatures = table.CategoricalFeatures, KNeighbors = 1, RandomState = 0 };
/// var output = new StringWriter();
/// table.WithRows(smoteNc.FitResample(table.X, table.Y)).WriteCsv(output);  // codes decoded back to "FR", "US" ...
/// </code>
/// </example>
public static class TabularData
{
    /// <summary>
    /// Builds a table from records: <c>TabularData.FromRecords(rows, r =&gt; r.IsFraud, r =&gt; r.Amount, r =&gt; r.Age,
    /// r =&gt; r.Country)</c>. Numeric members (any integer or floating type, <c>decimal</c>, <c>bool</c> as 0/1) become
    /// numeric columns; <c>string</c>, <c>char</c> and enum members become categorical columns (ordinal codes). With no
    /// feature selectors, every public readable property of <typeparamref name="TRecord"/> but the label's is used, in
    /// declaration order.
    /// </summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="rows">The records.</param>
    /// <param name="label">Selects the label; a member access (<c>r =&gt; r.Label</c>) also names the label column.</param>
    /// <param name="features">Select the features, each a member access (which names the column) or any expression
    /// (named <c>x0</c>, <c>x1</c>, ...); none for every property.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">There are no rows or no features, a feature has an unsupported type, or a
    /// value is null or not finite (the message names the row and column).</exception>
    public static TabularData<TLabel> FromRecords<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TRecord, TLabel>(
        IEnumerable<TRecord> rows, Expression<Func<TRecord, TLabel>> label, params Expression<Func<TRecord, object?>>[] features)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(features);
        var labelName = MemberName(label.Body) ?? "label";
        var columns = features.Length > 0
            ? features.Select((f, i) => (Name: MemberName((f ?? throw new ArgumentException($"features[{i}] is null.", nameof(features))).Body) ?? $"x{i}",
                Type: Unwrap(f.Body).Type, Get: f.Compile())).ToArray()
            : typeof(TRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != labelName)
                .Select(p => (p.Name, Type: p.PropertyType, Get: (Func<TRecord, object?>)(r => p.GetValue(r)))).ToArray();
        if (columns.Length == 0)
        {
            throw new ArgumentException($"{typeof(TRecord).Name} has no feature columns.", nameof(features));
        }

        var categorical = columns.Select(c => IsCategorical(c.Type, c.Name)).ToArray();
        var getLabel = label.Compile();
        var builder = new TableBuilder<TLabel>(columns.Select(c => c.Name).ToArray(), categorical);
        var index = 0;
        foreach (var row in rows)
        {
            var numbers = new double[columns.Length];
            var texts = new string?[columns.Length];
            for (var j = 0; j < columns.Length; j++)
            {
                var value = columns[j].Get(row) ?? throw Bad(index, columns[j].Name, "is null (missing values are not supported)");
                if (categorical[j])
                {
                    texts[j] = value.ToString();
                }
                else
                {
                    numbers[j] = value is bool b ? (b ? 1.0 : 0.0) : Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    if (!double.IsFinite(numbers[j]))
                    {
                        throw Bad(index, columns[j].Name, string.Create(CultureInfo.InvariantCulture, $"is {numbers[j]}, not a finite number"));
                    }
                }
            }

            var y = getLabel(row);
            builder.Add(numbers, texts, y is null ? throw Bad(index, labelName, "is null") : y);
            index++;
        }

        return index > 0
            ? builder.Build(labelName, columns.Length)
            : throw new ArgumentException("There are no rows.", nameof(rows));
    }

    /// <summary>
    /// Reads a labelled table from CSV (pandas' <c>read_csv</c> followed by <c>X = df.drop(columns=label)</c>,
    /// <c>y = df[label]</c>). Feature columns must hold numbers in <see cref="CsvOptions.Culture"/> unless listed in
    /// <see cref="CsvOptions.CategoricalColumns"/>.
    /// </summary>
    /// <typeparam name="TLabel">The label type: <c>int</c>, <c>long</c>, <c>double</c>, <c>bool</c>, <c>string</c> or an
    /// enum (by member name).</typeparam>
    /// <param name="reader">The CSV text; it is left open.</param>
    /// <param name="labelColumn">The label column's name (its header, or its 0-based position as text without a header).</param>
    /// <param name="options">Culture, delimiter, header and categorical columns; default <see cref="CsvOptions.Default"/>.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentException">No column is named <paramref name="labelColumn"/>, or a categorical column is
    /// not in the file.</exception>
    /// <exception cref="InvalidDataException">The CSV is empty or malformed, a row has the wrong number of fields, or a
    /// cell is empty or not a number / label (the message names the line and the column).</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="TLabel"/> cannot be parsed from text.</exception>
    public static TabularData<TLabel> ReadCsv<TLabel>(TextReader reader, string labelColumn, CsvOptions? options = null)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrEmpty(labelColumn);
        return CsvTable.Read<TLabel>(reader, labelColumn, options ?? CsvOptions.Default);
    }

    /// <summary>Reads a labelled table from a CSV file (UTF-8, or the encoding its byte-order mark names); see
    /// <see cref="ReadCsv{TLabel}(TextReader, string, CsvOptions?)"/>.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="path">The file path.</param>
    /// <param name="labelColumn">The label column's name.</param>
    /// <param name="options">Culture, delimiter, header and categorical columns.</param>
    /// <returns>The table.</returns>
    public static TabularData<TLabel> ReadCsv<TLabel>(string path, string labelColumn, CsvOptions? options = null)
        where TLabel : notnull
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path);
        return ReadCsv<TLabel>(reader, labelColumn, options);
    }

    private static bool IsCategorical(Type type, string name)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string) || t == typeof(char) || t.IsEnum)
        {
            return true;
        }

        return t == typeof(double) || t == typeof(float) || t == typeof(decimal) || t == typeof(int) || t == typeof(long) || t == typeof(short)
            || t == typeof(byte) || t == typeof(sbyte) || t == typeof(uint) || t == typeof(ulong) || t == typeof(ushort) || t == typeof(bool)
            ? false
            : throw InputGuard.Invalid("features", $"Column '{name}' has type {t.Name}; features must be numbers, bool, string, char or enums.");
    }

    private static Expression Unwrap(Expression body) =>
        body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u ? Unwrap(u.Operand) : body;

    private static string? MemberName(Expression body) => Unwrap(body) is MemberExpression { Expression: ParameterExpression } m ? m.Member.Name : null;

    private static ArgumentException Bad(int row, string column, string what) =>
        InputGuard.Invalid("rows", string.Create(CultureInfo.InvariantCulture, $"Row {row}, column '{column}' {what}."));
}
