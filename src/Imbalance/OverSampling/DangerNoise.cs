using Imbalance.Neighbors;

namespace Imbalance.OverSampling;

/// <summary>
/// imblearn's <c>_in_danger_noise</c>, shared by Borderline-SMOTE, SVM-SMOTE and ADASYN's weights: among the
/// <c>m</c> nearest neighbours of a sample in the whole data set (column 0 dropped), count those of another class;
/// a sample is in <em>danger</em> when <c>m / 2 &lt;= count &lt; m</c> and <em>noise</em> when <c>count == m</c>.
/// </summary>
internal static class DangerNoise
{
    /// <summary>
    /// For each query row, how many of its <c>m</c> neighbours (imblearn's <c>n_maj</c>) are not of class
    /// <paramref name="code"/>. <paramref name="all"/> indexes every input row with <c>n_neighbors = m + 1</c>.
    /// </summary>
    public static int[] CountOtherClass(NeighborsIndex all, ReadOnlySpan<int> codes, double[] queries, int count, int code, CancellationToken cancellationToken)
    {
        var neighbors = SmoteCore.KNeighborsDropFirst(all, queries, count, cancellationToken);
        var m = all.NNeighbors - 1;
        var result = new int[count];
        for (var i = 0; i < count; i++)
        {
            var other = 0;
            foreach (var j in neighbors.AsSpan(i * m, m))
            {
                if (codes[j] != code)
                {
                    other++;
                }
            }

            result[i] = other;
        }

        return result;
    }

    /// <summary>Danger: at least half, but not all, of the <paramref name="m"/> neighbours are of another class.</summary>
    public static bool IsDanger(int otherClass, int m) => otherClass >= m / 2.0 && otherClass < m;

    /// <summary>Noise: all <paramref name="m"/> neighbours are of another class.</summary>
    public static bool IsNoise(int otherClass, int m) => otherClass == m;
}
