namespace Imbalance.Tests.Parity;

/// <summary>
/// The named callables of tests/fixtures/generate.py, written again in C# so the same "sampling_strategy" callable
/// is handed to imblearn and to Imbalance. Keys are in sorted label order (np.unique order: ordinal for strings), the
/// order generate.py's functions build their dicts in.
/// </summary>
internal static class CustomStrategies
{
    public static Func<IReadOnlyList<TLabel>, IReadOnlyDictionary<TLabel, int>> Get<TLabel>(string name)
        where TLabel : notnull => name switch
        {
            "equalize_to_majority" => y => Build(y, counts => counts.Select(kv => KeyValuePair.Create(kv.Key, counts.Values.Max()))),
            "half_of_each" => y => Build(y, counts => counts.Select(kv => KeyValuePair.Create(kv.Key, kv.Value / 2))),
            "double_minority" => y => Build(y, counts =>
            {
                // np.argmin: the first smallest count in sorted label order.
                var minority = counts.First(kv => kv.Value == counts.Values.Min());
                return [KeyValuePair.Create(minority.Key, 2 * minority.Value)];
            }),
            "negative_first" => y => Build(y, counts => [KeyValuePair.Create(counts.Keys.First(), -1)]),
            _ => throw new InvalidOperationException($"Unknown custom strategy '{name}' in the fixture."),
        };

    private static OrderedDictionary<TLabel, int> Build<TLabel>(
        IReadOnlyList<TLabel> y,
        Func<SortedDictionary<TLabel, int>, IEnumerable<KeyValuePair<TLabel, int>>> select)
        where TLabel : notnull
    {
        IComparer<TLabel> order = typeof(TLabel) == typeof(string)
            ? (IComparer<TLabel>)StringComparer.Ordinal
            : Comparer<TLabel>.Default;
        var counts = new SortedDictionary<TLabel, int>(order);
        foreach (var label in y)
        {
            counts[label] = counts.TryGetValue(label, out var n) ? n + 1 : 1;
        }

        var result = new OrderedDictionary<TLabel, int>();
        foreach (var (label, count) in select(counts))
        {
            result.Add(label, count);
        }

        return result;
    }
}
