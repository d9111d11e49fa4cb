using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Imbalance.Sampling;

/// <summary>
/// Row-major span views over <c>double[,]</c>: the public data format is a rectangular array, algorithms work on
/// contiguous row spans (row <c>i</c> is <c>Of(x).Slice(i * columns, columns)</c>).
/// </summary>
internal static class MatrixRows
{
    /// <summary>The whole matrix as one row-major span (no copy).</summary>
    public static Span<double> Of(double[,] matrix) =>
        matrix.Length == 0
            ? Span<double>.Empty
            : MemoryMarshal.CreateSpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(matrix)), matrix.Length);

    /// <summary>Row <paramref name="row"/> of <paramref name="matrix"/> (no copy).</summary>
    public static Span<double> Row(double[,] matrix, int row)
    {
        var columns = matrix.GetLength(1);
        return Of(matrix).Slice(row * columns, columns);
    }

    /// <summary>A new matrix of the rows <paramref name="indices"/> of <paramref name="matrix"/>, in that order
    /// (NumPy's <c>X[indices]</c>).</summary>
    public static double[,] Take(double[,] matrix, ReadOnlySpan<int> indices)
    {
        var columns = matrix.GetLength(1);
        var result = new double[indices.Length, columns];
        var source = Of(matrix);
        var target = Of(result);
        for (var i = 0; i < indices.Length; i++)
        {
            source.Slice(indices[i] * columns, columns).CopyTo(target.Slice(i * columns, columns));
        }

        return result;
    }
}
