using Imbalance.Sampling;

namespace Imbalance.OverSampling;

/// <summary>
/// A read-only row view over either the caller's <c>double[,]</c> (no copy) or a flat row-major buffer (an encoded
/// matrix such as SMOTE-NC's), so the SMOTE core reads rows the same way from both.
/// </summary>
internal readonly struct RowMatrix
{
    private readonly double[,]? _grid;
    private readonly double[]? _flat;

    private RowMatrix(double[,]? grid, double[]? flat, int rows, int columns)
    {
        _grid = grid;
        _flat = flat;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The number of rows.</summary>
    public int Rows { get; }

    /// <summary>The number of columns.</summary>
    public int Columns { get; }

    /// <summary>A view of the caller's matrix.</summary>
    public static RowMatrix Of(double[,] x) => new(x, null, x.GetLength(0), x.GetLength(1));

    /// <summary>A view of a flat row-major buffer of <paramref name="rows"/> x <paramref name="columns"/>.</summary>
    public static RowMatrix Of(double[] flat, int rows, int columns) => new(null, flat, rows, columns);

    /// <summary>Row <paramref name="row"/>.</summary>
    public ReadOnlySpan<double> Row(int row) =>
        _grid is not null ? MatrixRows.Row(_grid, row) : _flat.AsSpan(row * Columns, Columns);

    /// <summary>The rows <paramref name="rows"/>, copied in that order into a new flat row-major buffer
    /// (<c>X[rows]</c>).</summary>
    public double[] Gather(ReadOnlySpan<int> rows)
    {
        var d = Columns;
        var result = new double[rows.Length * d];
        for (var i = 0; i < rows.Length; i++)
        {
            Row(rows[i]).CopyTo(result.AsSpan(i * d, d));
        }

        return result;
    }
}
