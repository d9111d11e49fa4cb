using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalance.MLNet;

/// <summary>
/// The values of one <see cref="IDataView"/> column held in memory, with the column's name, type and annotations, so
/// that a view rebuilt from it has exactly the source's schema (key types and their <c>KeyValues</c>, <c>SlotNames</c>).
/// Values are stored raw: a key column keeps its 1-based <see cref="uint"/> values, never a 0-based CLR index.
/// </summary>
internal abstract class ColumnBuffer
{
    private protected ColumnBuffer(string name, DataViewType type, DataViewSchema.Annotations annotations)
    {
        Name = name;
        Type = type;
        Annotations = annotations;
    }

    public string Name { get; }

    public DataViewType Type { get; }

    public DataViewSchema.Annotations Annotations { get; }

    public abstract int Count { get; }

    /// <summary>Creates the buffer matching the column's raw type: scalar values or <see cref="VBuffer{T}"/> vectors.</summary>
    public static ColumnBuffer For(DataViewSchema.Column column)
    {
        var raw = column.Type.RawType;
        var generic = raw.IsGenericType && raw.GetGenericTypeDefinition() == typeof(VBuffer<>)
            ? typeof(VectorColumnBuffer<>).MakeGenericType(raw.GetGenericArguments()[0])
            : typeof(ScalarColumnBuffer<>).MakeGenericType(raw);
        return (ColumnBuffer)Activator.CreateInstance(generic, column.Name, column.Type, column.Annotations)!;
    }

    /// <summary>Returns an action that appends the value of <paramref name="column"/> at the row's current position.</summary>
    public abstract Action CreateAppender(DataViewRow row, DataViewSchema.Column column);

    /// <summary>A new buffer with the rows at <paramref name="rows"/> (repeats allowed), in that order.</summary>
    public abstract ColumnBuffer Take(IReadOnlyList<int> rows);

    /// <summary>A getter (<see cref="ValueGetter{TValue}"/> of the raw type) reading the row <paramref name="position"/> returns.</summary>
    public abstract Delegate CreateGetter(Func<int> position);
}
