using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalance.MLNet;

/// <summary>A column of scalar values of raw type <typeparamref name="T"/> (key columns: raw 1-based <see cref="uint"/>).</summary>
internal sealed class ScalarColumnBuffer<T> : ColumnBuffer
{
    private readonly List<T> _values;

    public ScalarColumnBuffer(string name, DataViewType type, DataViewSchema.Annotations annotations)
        : this(name, type, annotations, [])
    {
    }

    public ScalarColumnBuffer(string name, DataViewType type, DataViewSchema.Annotations annotations, List<T> values)
        : base(name, type, annotations)
    {
        _values = values;
    }

    public IReadOnlyList<T> Values => _values;

    public override int Count => _values.Count;

    public override Action CreateAppender(DataViewRow row, DataViewSchema.Column column)
    {
        var getter = row.GetGetter<T>(column);
        return () =>
        {
            T value = default!;
            getter(ref value);
            _values.Add(Detach(value));
        };
    }

    public override ColumnBuffer Take(IReadOnlyList<int> rows)
    {
        var taken = new List<T>(rows.Count);
        foreach (var row in rows)
        {
            taken.Add(_values[row]);
        }

        return new ScalarColumnBuffer<T>(Name, Type, Annotations, taken);
    }

    public override Delegate CreateGetter(Func<int> position) =>
        new ValueGetter<T>((ref T value) => value = _values[position()]);

    // Text values may point into a buffer the cursor reuses; keep a private copy.
    private static T Detach(T value) =>
        value is ReadOnlyMemory<char> text ? (T)(object)text.ToString().AsMemory() : value;
}
