using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalance.MLNet;

/// <summary>
/// A lazy view of selected rows of a source view: streams the source in its own order and returns the rows whose
/// position is listed (a position listed twice is returned twice). Holds only the sorted positions, never the data.
/// </summary>
internal sealed class RowSelectionDataView : IDataView
{
    private readonly IDataView _source;
    private readonly int[] _rows;

    /// <param name="source">The view to select from.</param>
    /// <param name="sortedRows">Source row positions in increasing order; repeats allowed.</param>
    public RowSelectionDataView(IDataView source, int[] sortedRows)
    {
        _source = source;
        _rows = sortedRows;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema => _source.Schema;

    public long? GetRowCount() => _rows.Length;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, _source.GetRowCursor(columnsNeeded));

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(RowSelectionDataView view, DataViewRowCursor source) : DataViewRowCursor
    {
        private long _position = -1;
        private long _sourcePosition = -1;

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => view.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column) => source.IsColumnActive(column);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => source.GetGetter<TValue>(column);

        public override ValueGetter<DataViewRowId> GetIdGetter()
        {
            // Unique per output row even where a source row repeats.
            return (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);
        }

        public override bool MoveNext()
        {
            if (_position + 1 >= view._rows.Length)
            {
                _position = view._rows.Length;
                return false;
            }

            var target = view._rows[_position + 1];
            while (_sourcePosition < target)
            {
                if (!source.MoveNext())
                {
                    throw new InvalidOperationException("The source view returned fewer rows than when it was counted; it must not change between passes.");
                }

                _sourcePosition++;
            }

            _position++;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                source.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
