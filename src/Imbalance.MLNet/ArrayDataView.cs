using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalance.MLNet;

/// <summary>
/// An in-memory <see cref="IDataView"/> over column buffers: the schema is rebuilt column by column with each
/// source column's type and annotations, and the getters return the stored raw values.
/// </summary>
internal sealed class ArrayDataView : IDataView
{
    private readonly ColumnBuffer[] _columns;
    private readonly int _rowCount;

    public ArrayDataView(IReadOnlyList<ColumnBuffer> columns)
    {
        _columns = [.. columns];
        _rowCount = columns.Count == 0 ? 0 : columns[0].Count;
        var builder = new DataViewSchema.Builder();
        foreach (var column in _columns)
        {
            builder.AddColumn(column.Name, column.Type, column.Annotations);
        }

        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly ArrayDataView _view;
        private readonly bool[] _active;
        private readonly Delegate?[] _getters;
        private int _position = -1;

        public Cursor(ArrayDataView view, IEnumerable<DataViewSchema.Column> columnsNeeded)
        {
            _view = view;
            _active = new bool[view._columns.Length];
            _getters = new Delegate?[view._columns.Length];
            foreach (var column in columnsNeeded)
            {
                _active[column.Index] = true;
                _getters[column.Index] = view._columns[column.Index].CreateGetter(() => _position);
            }
        }

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _view.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!_active[column.Index])
            {
                throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was created.");
            }

            return _getters[column.Index] as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type.RawType.Name}, not {typeof(TValue).Name}.");
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

        public override bool MoveNext()
        {
            if (_position + 1 >= _view._rowCount)
            {
                _position = _view._rowCount;
                return false;
            }

            _position++;
            return true;
        }
    }
}
