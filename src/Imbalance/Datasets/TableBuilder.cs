using Imbalance.Sampling;

namespace Imbalance.Datasets;

/// <summary>Collects rows cell by cell (numbers, or categories to encode) and builds a <see cref="TabularData{TLabel}"/>:
/// categories are coded in code-point order, as scikit-learn's <c>OrdinalEncoder</c> sorts them.</summary>
internal sealed class TableBuilder<TLabel>
    where TLabel : notnull
{
    private readonly string[] _names;
    private readonly bool[] _categorical;
    private readonly List<double[]> _numbers = [];
    private readonly List<string?[]> _texts = [];
    private readonly List<TLabel> _labels = [];

    public TableBuilder(string[] names, bool[] categorical)
    {
        _names = names;
        _categorical = categorical;
    }

    public void Add(double[] numbers, string?[] texts, TLabel label)
    {
        _numbers.Add(numbers);
        _texts.Add(texts);
        _labels.Add(label);
    }

    public TabularData<TLabel> Build(string labelName, int labelPosition)
    {
        var n = _labels.Count;
        var d = _names.Length;
        var x = new double[n, d];
        var columns = new TabularColumn[d];
        for (var j = 0; j < d; j++)
        {
            if (!_categorical[j])
            {
                for (var i = 0; i < n; i++)
                {
                    x[i, j] = _numbers[i][j];
                }

                columns[j] = new TabularColumn(_names[j], []);
                continue;
            }

            var categories = _texts.Select(t => t[j]!).Distinct(StringComparer.Ordinal).Order(CodePointComparer.Instance).ToArray();
            var code = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var c = 0; c < categories.Length; c++)
            {
                code[categories[c]] = c;
            }

            for (var i = 0; i < n; i++)
            {
                x[i, j] = code[_texts[i][j]!];
            }

            columns[j] = new TabularColumn(_names[j], categories);
        }

        return new TabularData<TLabel>(x, [.. _labels], columns, labelName, labelPosition);
    }
}
