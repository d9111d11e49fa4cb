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
}
