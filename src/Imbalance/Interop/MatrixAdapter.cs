using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace Imbalance.Interop;

/// <summary>
/// The single adapter between the library's data format, a dense row-major <c>double[,]</c>
/// (<c>n_samples x n_features</c>, like a C-contiguous NumPy array), and the other common .NET shapes: jagged
/// <c>double[][]</c> rows, single-precision <c>float[,]</c> / <c>float[][]</c> and MathNet.Numerics
/// <see cref="Matrix{T}"/>. Every conversion copies. Methods that take <c>double[,]</c> also take a
/// <see cref="FeatureMatrix"/>, which converts any of these shapes implicitly through this class.
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

    /// <summary>Widens single-precision rows into a rectangular double array (exact: every float is a double).</summary>
    /// <param name="x">The rows.</param>
    /// <returns>A new array with the same shape.</returns>
    public static double[,] ToArray2D(this float[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = new double[x.GetLength(0), x.GetLength(1)];
        for (var i = 0; i < result.GetLength(0); i++)
        {
            for (var j = 0; j < result.GetLength(1); j++)
            {
                result[i, j] = x[i, j];
            }
        }

        return result;
    }

    /// <summary>Widens jagged single-precision rows into a rectangular double array.</summary>
    /// <param name="rows">One array per sample; all of the same length.</param>
    /// <returns>A new <c>rows.Length x rows[0].Length</c> array.</returns>
    /// <exception cref="ArgumentException">A row is null or rows have different lengths (a ragged array).</exception>
    public static double[,] ToArray2D(this float[][] rows) => FromJagged(rows, nameof(rows));

    /// <summary>Widens a single-precision MathNet matrix into a rectangular double array.</summary>
    /// <param name="matrix">The matrix (dense or sparse).</param>
    /// <returns>A new array with the same shape.</returns>
    public static double[,] ToArray2D(this Matrix<float> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return matrix.Map(v => (double)v).ToArray();
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

    /// <summary>Any supported shape (see <see cref="FeatureMatrix"/>) to rectangular, reporting problems against
    /// <paramref name="parameterName"/>; a <c>double[,]</c> is returned as it is.</summary>
    internal static double[,] ToArray2D(object? source, string parameterName) => source switch
    {
        null => throw new ArgumentNullException(parameterName),
        double[,] x => x,
        double[][] rows => FromJagged(rows, parameterName),
        float[,] x => x.ToArray2D(),
        float[][] rows => FromJagged(rows, parameterName),
        Matrix<double> m => m.ToArray(),
        Matrix<float> m => m.ToArray2D(),
        _ => throw new ArgumentException($"{parameterName} has an unsupported type {source.GetType().Name}.", parameterName),
    };

    /// <summary>Jagged to rectangular, reporting problems against <paramref name="parameterName"/>.</summary>
    internal static double[,] FromJagged<T>(T[][] rows, string parameterName)
        where T : struct, IConvertible
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
                x[i, j] = Widen(row[j]);
            }
        }

        return x;
    }

    private static double Widen<T>(T value)
        where T : struct, IConvertible => value is double d ? d : value is float f ? f : value.ToDouble(CultureInfo.InvariantCulture);
}
