using Imbalance.Sampling;

namespace Imbalance.Neighbors;

/// <summary>
/// A row-major block of rows that can be captured by parallel workers: either a flat array or a rectangular matrix,
/// viewed as a span without copying.
/// </summary>
internal readonly struct RowSource
{
    private readonly double[]? _flat;
    private readonly double[,]? _matrix;

    public RowSource(double[] flat, int rows, int columns)
    {
        _flat = flat;
        _matrix = null;
        Rows = rows;
        Columns = columns;
    }

    public RowSource(double[,] matrix)
    {
        _flat = null;
        _matrix = matrix;
        Rows = matrix.GetLength(0);
        Columns = matrix.GetLength(1);
    }

    public int Rows { get; }

    public int Columns { get; }

    public ReadOnlySpan<double> Span =>
        _flat is not null ? _flat.AsSpan(0, Rows * Columns) : _matrix is null ? default : MatrixRows.Of(_matrix);
}
