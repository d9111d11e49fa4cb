using System.Globalization;

namespace Imbalance.Datasets;

/// <summary>
/// How <see cref="TabularData.ReadCsv{TLabel}(TextReader, string, CsvOptions?)"/> reads and
/// <see cref="TabularData{TLabel}.WriteCsv(TextWriter, CsvOptions?)"/> writes CSV (pandas' <c>read_csv</c> /
/// <c>to_csv</c> arguments). Quoting follows RFC 4180 (fields with delimiters, quotes or line breaks are quoted).
/// </summary>
public sealed class CsvOptions
{
    private readonly CultureInfo _culture = CultureInfo.InvariantCulture;
    private readonly char _delimiter = ',';
    private readonly IReadOnlyCollection<string> _categoricalColumns = [];

    /// <summary>The options used when none are given: invariant culture, comma, a header row, no categorical columns.</summary>
    public static CsvOptions Default { get; } = new();

    /// <summary>The culture numbers are read and written in (its decimal separator); default invariant, so files do not
    /// change meaning with the machine's regional settings.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public CultureInfo Culture
    {
        get => _culture;
        init => _culture = value ?? throw new ArgumentNullException(nameof(Culture));
    }

    /// <summary>The field delimiter (pandas' <c>sep</c>), an ASCII character such as <c>';'</c> or <c>'\t'</c>; default
    /// <c>','</c>.</summary>
    /// <exception cref="ArgumentException">The value is not ASCII, or is a quote, a line break or a letter or digit.</exception>
    public char Delimiter
    {
        get => _delimiter;
        init => _delimiter = char.IsAscii(value) && value is not ('"' or '\r' or '\n') && !char.IsLetterOrDigit(value)
            ? value
            : throw new ArgumentException("The delimiter must be an ASCII character other than a quote, a line break, a letter or a digit.", nameof(Delimiter));
    }

    /// <summary>Whether the first row holds the column names (pandas' <c>header=0</c>); default true. Without a header
    /// the columns are named <c>"0"</c>, <c>"1"</c>, ... and the label column is given by that name.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Columns holding categories rather than numbers (e.g. <c>["country", "device"]</c>): their values are
    /// encoded as ordinal codes (<see cref="TabularColumn.Categories"/>), usable by <c>SmoteNc</c> and <c>SmoteN</c>, and
    /// decoded back when written. Every other feature column must hold numbers.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IReadOnlyCollection<string> CategoricalColumns
    {
        get => _categoricalColumns;
        init => _categoricalColumns = value ?? throw new ArgumentNullException(nameof(CategoricalColumns));
    }
}
