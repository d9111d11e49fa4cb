namespace Imbalance.Datasets;

/// <summary>
/// One feature column of a <see cref="TabularData{TLabel}"/>: its name and, for a categorical column, its categories in
/// code order (scikit-learn's <c>OrdinalEncoder.categories_</c>: sorted by Unicode code point, code <c>i</c> stands for
/// <c>Categories[i]</c>).
/// </summary>
/// <param name="Name">The column name.</param>
/// <param name="Categories">The categories of a categorical column; empty for a numeric column.</param>
public sealed record TabularColumn(string Name, IReadOnlyList<string> Categories)
{
    /// <summary>True when the column holds ordinal codes of categories.</summary>
    public bool IsCategorical => Categories.Count > 0;
}
