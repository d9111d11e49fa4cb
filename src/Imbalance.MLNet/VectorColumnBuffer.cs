using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalance.MLNet;

/// <summary>A column of <see cref="VBuffer{T}"/> vectors; each stored vector is a private copy.</summary>
internal sealed class VectorColumnBuffer<T> : ColumnBuffer
{
    private readonly List<VBuffer<T>> _values;

    public VectorColumnBuffer(string name, DataViewType type, DataViewSchema.Annotations annotations)
        : this(name, type, annotations, [])
    {
    }

    public VectorColumnBuffer(string name, DataViewType type, DataViewSchema.Annotations annotations, List<VBuffer<T>> values)
        : base(name, type, annotations)
    {
        _values = values;
    }

    public IReadOnlyList<VBuffer<T>> Values => _values;

    public override int Count => _values.Count;

    public override Action CreateAppender(DataViewRow row, DataViewSchema.Column column)
    {
        var getter = row.GetGetter<VBuffer<T>>(column);
        var current = default(VBuffer<T>);
        return () =>
        {
            getter(ref current);
            var copy = default(VBuffer<T>);
            current.CopyTo(ref copy);
            _values.Add(copy);
        };
    }

    public override ColumnBuffer Take(IReadOnlyList<int> rows)
    {
        var taken = new List<VBuffer<T>>(rows.Count);
        foreach (var row in rows)
        {
            taken.Add(_values[row]);
        }

        return new VectorColumnBuffer<T>(Name, Type, Annotations, taken);
    }

    public override Delegate CreateGetter(Func<int> position) =>
        new ValueGetter<VBuffer<T>>((ref VBuffer<T> value) => _values[position()].CopyTo(ref value));
}
