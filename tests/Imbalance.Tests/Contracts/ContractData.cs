using Imbalance.Sampling;

namespace Imbalance.Tests.Contracts;

/// <summary>The data sets and comparison helpers of the contract suite.</summary>
public static class ContractData
{
    /// <summary>Class sizes of <see cref="Multiclass"/>: 60, 25 and 15 rows of labels 0, 1, 2.</summary>
    public static readonly int[] MulticlassCounts = [60, 25, 15];

    /// <summary>Three interleaved Gaussian blobs in four dimensions (60/25/15 rows), tie-free.</summary>
    public static (double[,] X, int[] Y) Multiclass() => TestData.ThreeClasses();

    /// <summary>
    /// Ten times <see cref="Multiclass"/>'s size (600/250/150 rows, four features, interleaved, tie-free): enough
    /// rows for the neighbour engine to split its work into several blocks.
    /// </summary>
    public static (double[,] X, int[] Y) Large()
    {
        var rng = new Imbalance.Randomness.RandomState(2024);
        var labels = Enumerable.Repeat(0, 600).Concat(Enumerable.Repeat(1, 250)).Concat(Enumerable.Repeat(2, 150)).ToArray();
        rng.Shuffle(labels.AsSpan());
        var x = new double[labels.Length, 4];
        for (var i = 0; i < labels.Length; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                x[i, j] = rng.StandardNormal() + (labels[i] * 1.5) + j;
            }
        }

        return (x, labels);
    }

    /// <summary>Classes 0 and 1 of <see cref="Multiclass"/> (60 and 25 rows), in their original order.</summary>
    public static (double[,] X, int[] Y) Binary()
    {
        var (x, y) = TestData.ThreeClasses();
        var keep = Enumerable.Range(0, y.Length).Where(i => y[i] != 2).ToArray();
        var columns = x.GetLength(1);
        var xb = new double[keep.Length, columns];
        for (var r = 0; r < keep.Length; r++)
        {
            for (var j = 0; j < columns; j++)
            {
                xb[r, j] = x[keep[r], j];
            }
        }

        return (xb, keep.Select(i => y[i]).ToArray());
    }

    /// <summary>Row <paramref name="row"/> of <paramref name="x"/> as a new array.</summary>
    public static double[] Row(double[,] x, int row) =>
        Enumerable.Range(0, x.GetLength(1)).Select(j => x[row, j]).ToArray();

    /// <summary>Whether two matrices have the same shape and bit-identical values.</summary>
    public static bool BitEqual(double[,] a, double[,] b) =>
        a.GetLength(0) == b.GetLength(0)
        && a.GetLength(1) == b.GetLength(1)
        && MatrixRows.Of(a).SequenceEqual(MatrixRows.Of(b), BitComparer.Instance);

    /// <summary>Whether rows <paramref name="ra"/> of <paramref name="a"/> and <paramref name="rb"/> of <paramref name="b"/> are bit-identical.</summary>
    public static bool RowBitEqual(double[,] a, int ra, double[,] b, int rb) =>
        a.GetLength(1) == b.GetLength(1)
        && MatrixRows.Row(a, ra).SequenceEqual(MatrixRows.Row(b, rb), BitComparer.Instance);

    /// <summary>Counts the labels 0..<paramref name="classCount"/>-1 of <paramref name="y"/> (zero when absent).</summary>
    public static int[] CountsOf(IReadOnlyList<int> y, int classCount)
    {
        var counts = new int[classCount];
        foreach (var label in y)
        {
            counts[label]++;
        }

        return counts;
    }

    private sealed class BitComparer : IEqualityComparer<double>
    {
        public static BitComparer Instance { get; } = new();

        public bool Equals(double x, double y) => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y);

        public int GetHashCode(double obj) => obj.GetHashCode();
    }
}
