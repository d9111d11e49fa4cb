using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace Imbalance.Interop;

/// <summary>
/// The single adapter between the library's data format, a dense row-major <c>double[,]</c>
/// (<c>n_samples x n_features</c>, like a C-contiguous NumPy array), and the other common .NET shapes: jagged
/// <c>double[][]</c> rows and MathNet.Numerics <see cref="Matrix{T}"/>. Every conversion copies.
/// </summary>
public static class MatrixAdapter
{
    /// <summary>Copies jagged rows into a rectangular array.</summary>
    /// <param name="rows">One array per sample; all of the same length.</param>
    /// <returns>A new <c>rows.Length x rows[0].Length</c> array.</returns>
    /// <exception cref="ArgumentException">A row is null or rows have different lengths (a ragged array).</exception>
    public static double[,] ToArray2D(this double[][] rows) => FromJagged(rows, nameof(rows));

    /// <summary>Copies a MathNet matrix into a rectangular array.</summary>
    /// <param name="matrix">The matrix (dense or sparse).</param>
    /// <returns>A new array with the same shape and values.</returns>
    public static double[,] ToArray2D(this Matrix<double> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return matrix.ToArray();
    }

    /// <summary>Copies a rectangular array into jagged rows.</summary>
    /// <param name="x">The array.</param>
    /// <returns>One new array per row.</returns>
    public static double[][] ToJagged(this double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var rows = new double[x.GetLength(0)][];
        var columns = x.GetLength(1);
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new double[columns];
            for (var j = 0; j < columns; j++)
            {
                rows[i][j] = x[i, j];
            }
        }

        return rows;
    }

    /// <summary>Copies a rectangular array into a dense MathNet matrix.</summary>
    /// <param name="x">The array.</param>
    /// <returns>A new dense matrix.</returns>
    public static Matrix<double> ToMatrix(this double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Matrix<double>.Build.DenseOfArray(x);
    }

    /// <summary>Jagged to rectangular, reporting problems against <paramref name="parameterName"/>.</summary>
    internal static double[,] FromJagged(double[][] rows, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(rows, parameterName);
        var columns = rows.Length == 0 ? 0 : rows[0]?.Length ?? 0;
        var x = new double[rows.Length, columns];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i] ?? throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Row {i} of {parameterName} is null."), parameterName);
            if (row.Length != columns)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{parameterName} is ragged: row {i} has {row.Length} values but row 0 has {columns}."),
                    parameterName);
            }

            for (var j = 0; j < columns; j++)
            {
                x[i, j] = row[j];
            }
        }

        return x;
    }
}
