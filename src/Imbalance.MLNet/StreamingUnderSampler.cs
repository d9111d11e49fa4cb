using System.Globalization;
using Imbalance.Randomness;
using Imbalance.Sampling;
using Imbalance.UnderSampling;
using Microsoft.ML;

namespace Imbalance.MLNet;

/// <summary>
/// Random under-sampling of a view too large for memory: one pass counts the classes, the strategy is resolved and
/// the rows to keep are drawn exactly as <see cref="RandomUnderSampler"/> draws them (per class, in sorted label order,
/// from one NumPy-legacy stream), and a second pass turns the drawn in-class ranks into row positions. Only the label
/// column is read by these passes; the features are streamed from the source when the result is read.
/// </summary>
internal static class StreamingUnderSampler
{
    public static IDataView Run(IDataView data, RandomUnderSampler sampler, string labelColumnName, CancellationToken cancellationToken)
    {
        var column = DataViewTable.RequireColumn(data.Schema, labelColumnName, nameof(data));
        var raw = column.Type.RawType;
        var isKey = column.Type is Microsoft.ML.Data.KeyDataViewType;
        if (raw == typeof(bool))
        {
            return Run<bool, bool>(data, column, sampler, v => v, _ => false, cancellationToken);
        }

        if (raw == typeof(float))
        {
            return Run<float, float>(data, column, sampler, v => v, float.IsNaN, cancellationToken);
        }

        if (raw == typeof(double))
        {
            return Run<double, double>(data, column, sampler, v => v, double.IsNaN, cancellationToken);
        }

        if (raw == typeof(uint))
        {
            return Run<uint, uint>(data, column, sampler, v => v, v => isKey && v == 0, cancellationToken);
        }

        if (raw == typeof(int))
        {
            return Run<int, int>(data, column, sampler, v => v, _ => false, cancellationToken);
        }

        if (raw == typeof(long))
        {
            return Run<long, long>(data, column, sampler, v => v, _ => false, cancellationToken);
        }

        if (raw == typeof(ReadOnlyMemory<char>))
        {
            return Run<ReadOnlyMemory<char>, string>(data, column, sampler, v => v.ToString(), _ => false, cancellationToken);
        }

        throw new ArgumentException(
            $"Label column '{labelColumnName}' has type {column.Type}; supported label types are Boolean, Single, Double, Int32, Int64, UInt32, key and text.", nameof(labelColumnName));
    }

    private static RowSelectionDataView Run<TRaw, TLabel>(
        IDataView data, DataViewSchema.Column column, RandomUnderSampler sampler, Func<TRaw, TLabel> convert, Func<TRaw, bool> isMissing, CancellationToken cancellationToken)
        where TLabel : notnull
    {
        // Pass 1: class counts.
        var counts = new Dictionary<TLabel, int>();
        var rows = 0;
        ForEachLabel<TRaw>(data, column, value =>
        {
            if (isMissing(value))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Label column '{column.Name}' has a missing value at row {rows}. Filter rows with missing labels before resampling."), nameof(data));
            }

            var label = convert(value);
            counts[label] = counts.TryGetValue(label, out var c) ? c + 1 : 1;
            rows = checked(rows + 1);
        }, cancellationToken);

        // The strategy sees the same classes and counts as the in-memory sampler would.
        var targets = sampler.SamplingStrategy.Resolve(new CountedLabels<TLabel>(counts), SamplingType.UnderSampling);
        cancellationToken.ThrowIfCancellationRequested();
        var rng = sampler.RandomState is { } seed ? new RandomState(seed) : RandomState.FromEntropy();
        var picks = new Dictionary<TLabel, int[]>();
        foreach (var (label, keep) in targets)
        {
            var drawn = rng.Choice(counts[label], keep, sampler.Replacement);
            Array.Sort(drawn);
            picks[label] = drawn;
        }

        // Pass 2: in-class ranks to row positions (increasing; a rank drawn twice keeps its row twice).
        var ranks = counts.Keys.ToDictionary(k => k, _ => 0);
        var next = counts.Keys.ToDictionary(k => k, _ => 0);
        var kept = new List<int>();
        var position = 0;
        ForEachLabel<TRaw>(data, column, value =>
        {
            var label = convert(value);
            if (!picks.TryGetValue(label, out var drawn))
            {
                kept.Add(position);
            }
            else
            {
                var rank = ranks[label];
                var p = next[label];
                while (p < drawn.Length && drawn[p] == rank)
                {
                    kept.Add(position);
                    p++;
                }

                next[label] = p;
                ranks[label] = rank + 1;
            }

            position++;
        }, cancellationToken);

        if (position != rows)
        {
            throw new InvalidOperationException("The source view returned a different number of rows on the second pass; it must not change between passes.");
        }

        return new RowSelectionDataView(data, [.. kept]);
    }

    private static void ForEachLabel<TRaw>(IDataView data, DataViewSchema.Column column, Action<TRaw> action, CancellationToken cancellationToken)
    {
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<TRaw>(column);
        TRaw value = default!;
        while (cursor.MoveNext())
        {
            if ((cursor.Position & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            getter(ref value);
            action(value);
        }
    }

    /// <summary>A label list with the given class counts, computed on demand (classes in blocks); never materialised.</summary>
    private sealed class CountedLabels<TLabel>(IReadOnlyDictionary<TLabel, int> counts) : IReadOnlyList<TLabel>
        where TLabel : notnull
    {
        private readonly TLabel[] _labels = [.. counts.Keys];
        private readonly int[] _ends = Ends(counts.Values);

        public int Count => _ends.Length == 0 ? 0 : _ends[^1];

        public TLabel this[int index]
        {
            get
            {
                var block = Array.BinarySearch(_ends, index);
                return _labels[block < 0 ? ~block : block + 1];
            }
        }

        public IEnumerator<TLabel> GetEnumerator()
        {
            for (var c = 0; c < _labels.Length; c++)
            {
                for (var i = c == 0 ? 0 : _ends[c - 1]; i < _ends[c]; i++)
                {
                    yield return _labels[c];
                }
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private static int[] Ends(IEnumerable<int> counts)
        {
            var total = 0;
            return [.. counts.Select(c => total += c)];
        }
    }
}
