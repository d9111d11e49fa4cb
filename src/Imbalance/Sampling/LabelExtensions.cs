namespace Imbalance.Sampling;

/// <summary>Conveniences on label sequences (any <c>y</c>).</summary>
public static class LabelExtensions
{
    /// <summary>
    /// Counts the rows of each class, in sorted label order (<c>np.unique</c>'s order: numbers numerically, strings by
    /// code point, enums by value): Python's <c>sorted(Counter(y).items())</c>. Use it to see how imbalanced a data
    /// set is before and after resampling.
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="y">The labels.</param>
    /// <returns>Class label to number of rows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">A label is null.</exception>
    public static IReadOnlyDictionary<TLabel, int> ClassCounts<TLabel>(this IEnumerable<TLabel> y)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(y);
        var counts = new SortedDictionary<TLabel, int>(LabelEncoder<TLabel>.SortOrder);
        var index = 0;
        foreach (var label in y)
        {
            if (label is null)
            {
                throw new ArgumentException($"y contains a null label at index {index}.", nameof(y));
            }

            counts[label] = counts.TryGetValue(label, out var n) ? n + 1 : 1;
            index++;
        }

        return counts;
    }
}
