namespace Imbalance.ModelSelection;

/// <summary>
/// scikit-learn's <c>ParameterGrid</c> for typed parameters: the Cartesian product of value lists, the last list varying
/// fastest. scikit-learn orders a grid's parameters by name, so list them here in alphabetical order of their
/// scikit-learn names to get its candidate order (and its <c>RandomizedSearchCV</c> draws).
/// </summary>
/// <remarks><para>When to use it: building the candidates of GridSearchCV or RandomizedSearchCV from lists of
/// values (of a learner's or a sampler's parameters), with the same candidate order as scikit-learn. Keep the grid
/// small: its size is the product of the list lengths.</para></remarks>
/// <example>
/// <code>
/// var grid = ParameterGrid.Product([3, 5], ["auto", "minority"]);   // (3, auto), (3, minority), (5, auto), (5, minority)
/// </code>
/// </example>
public static class ParameterGrid
{
    /// <summary>All pairs (a, b), b varying fastest.</summary>
    /// <typeparam name="T1">The first parameter's type.</typeparam>
    /// <typeparam name="T2">The second parameter's type.</typeparam>
    /// <param name="first">Values of the first parameter.</param>
    /// <param name="second">Values of the second parameter.</param>
    /// <returns>The grid.</returns>
    public static IReadOnlyList<(T1, T2)> Product<T1, T2>(IEnumerable<T1> first, IEnumerable<T2> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var b = second.ToArray();
        return first.SelectMany(a => b.Select(v => (a, v))).ToArray();
    }

    /// <summary>All triples (a, b, c), c varying fastest.</summary>
    /// <typeparam name="T1">The first parameter's type.</typeparam>
    /// <typeparam name="T2">The second parameter's type.</typeparam>
    /// <typeparam name="T3">The third parameter's type.</typeparam>
    /// <param name="first">Values of the first parameter.</param>
    /// <param name="second">Values of the second parameter.</param>
    /// <param name="third">Values of the third parameter.</param>
    /// <returns>The grid.</returns>
    public static IReadOnlyList<(T1, T2, T3)> Product<T1, T2, T3>(IEnumerable<T1> first, IEnumerable<T2> second, IEnumerable<T3> third)
    {
        ArgumentNullException.ThrowIfNull(third);
        var c = third.ToArray();
        return Product(first, second).SelectMany(p => c.Select(v => (p.Item1, p.Item2, v))).ToArray();
    }
}
