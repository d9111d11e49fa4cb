using System.Globalization;
using CsvHelper;

namespace Imbalance.Datasets;

/// <summary>CSV reading and writing through CsvHelper (RFC 4180 quoting, line breaks inside quoted fields,
/// culture-aware numbers), with errors that name the file line and the column.</summary>
internal static class CsvTable
{
    private const string Missing = "an empty cell (missing values are not supported)";

    public static TabularData<TLabel> Read<TLabel>(TextReader reader, string labelColumn, CsvOptions options)
        where TLabel : notnull
    {
        LabelFormat.CheckSupported<TLabel>();
        var readerOptions = new CsvReaderOptions
        {
            Separator = options.Delimiter,
            HasHeader = options.HasHeader,
            FormatProvider = options.Culture,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        using var csv = CsvReader.Create(reader, readerOptions, leaveOpen: true);
        try
        {
            var hasRow = csv.Read();
            string[] header = options.HasHeader
                ? [.. csv.Headers]
                : Enumerable.Range(0, hasRow ? csv.FieldCount : 0).Select(j => j.ToString(CultureInfo.InvariantCulture)).ToArray();
            if (header.Length == 0)
            {
                throw new InvalidDataException(options.HasHeader ? "The CSV is empty: expected a header row." : "The CSV is empty.");
            }

            var labelIndex = Array.IndexOf(header, labelColumn);
            if (labelIndex < 0)
            {
                throw new ArgumentException(
                    $"The CSV has no column named '{labelColumn}'; its columns are: {string.Join(", ", header.Select(h => $"'{h}'"))}.", nameof(labelColumn));
            }

            var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new InvalidDataException($"The CSV header names column '{duplicate.Key}' more than once.");
            }

            var unknown = options.CategoricalColumns.FirstOrDefault(c => !header.Contains(c, StringComparer.Ordinal) || c == labelColumn);
            if (unknown is not null)
            {
                throw new ArgumentException($"CategoricalColumns names '{unknown}', which is not a feature column of the CSV.", nameof(options));
            }

            var features = Enumerable.Range(0, header.Length).Where(j => j != labelIndex).ToArray();
            var categorical = features.Select(j => options.CategoricalColumns.Contains(header[j], StringComparer.Ordinal)).ToArray();
            var builder = new TableBuilder<TLabel>(features.Select(j => header[j]).ToArray(), categorical);
            for (; hasRow; hasRow = csv.Read())
            {
                var line = csv.LineNumber;
                if (csv.FieldCount != header.Length)
                {
                    throw new InvalidDataException(string.Create(
                        CultureInfo.InvariantCulture, $"CSV line {line}: expected {header.Length} fields, found {csv.FieldCount}."));
                }

                var numbers = new double[features.Length];
                var texts = new string?[features.Length];
                for (var k = 0; k < features.Length; k++)
                {
                    var cell = csv.GetString(features[k]);
                    if (categorical[k])
                    {
                        texts[k] = cell.Length > 0 ? cell : throw Bad(line, header, features[k], cell, Missing);
                    }
                    else if (!double.TryParse(cell, NumberStyles.Float, options.Culture, out numbers[k]) || !double.IsFinite(numbers[k]))
                    {
                        throw Bad(line, header, features[k], cell, cell.Length == 0
                            ? Missing
                            : $"not a finite number in culture '{options.Culture.Name}' (list the column in CsvOptions.CategoricalColumns if it holds categories)");
                    }
                }

                var labelText = csv.GetString(labelIndex);
                if (labelText.Length == 0 || !LabelFormat.TryParse<TLabel>(labelText, options.Culture, out var label))
                {
                    throw Bad(line, header, labelIndex, labelText, labelText.Length == 0 ? Missing : $"not a {typeof(TLabel).Name} label");
                }

                builder.Add(numbers, texts, label);
            }

            return builder.Build(labelColumn, labelIndex);
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"CSV line {e.LineNumber}: the CSV is malformed: {e.Message}"), e);
        }
    }

    public static void Write<TLabel>(TabularData<TLabel> data, TextWriter writer, CsvOptions options)
        where TLabel : notnull
    {
        var writerOptions = new CsvWriterOptions { Separator = options.Delimiter, FormatProvider = options.Culture, NewLine = "\n" };
        using var csv = CsvWriter.Create(writer, writerOptions, leaveOpen: true);
        var width = data.Columns.Count;
        for (var j = 0; j <= width; j++)
        {
            csv.WriteField(j == data.LabelPosition ? data.LabelName : data.Columns[j < data.LabelPosition ? j : j - 1].Name);
        }

        csv.EndRecord();
        for (var i = 0; i < data.RowCount; i++)
        {
            for (var j = 0; j <= width; j++)
            {
                if (j == data.LabelPosition)
                {
                    csv.WriteField(LabelFormat.Format(data.Y[i], options.Culture));
                    continue;
                }

                var column = j < data.LabelPosition ? j : j - 1;
                if (data.Columns[column].IsCategorical)
                {
                    csv.WriteField(data.Decode(column, data.X[i, column]));
                }
                else
                {
                    csv.WriteField(data.X[i, column], ReadOnlySpan<char>.Empty);
                }
            }

            csv.EndRecord();
        }

        csv.Flush();
    }

    private static InvalidDataException Bad(long line, string[] header, int column, string cell, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"CSV line {line}, column '{header[column]}' (field {column + 1}): \"{cell}\" is {what}."));
}
