using Imbalance.Neighbors;

namespace Imbalance.UnderSampling;

/// <summary>
/// imblearn's <c>TomekLinks.is_tomek</c> over rows in a given order: the nearest neighbour of each row is column 1 of a
/// 2-NN self query (column 0 is the row itself), and a row of a targeted class is in a Tomek link when its nearest
/// neighbour has another class and has the row as its own nearest neighbour.
/// </summary>
internal static class TomekRule
{
    /// <summary>The positions (into <paramref name="rows"/>) that are not removed, ascending.</summary>
    /// <param name="rows">Row-major rows, <paramref name="n"/> x <paramref name="d"/>; the index may keep the array.</param>
    /// <param name="n">Number of rows (at least 2).</param>
    /// <param name="d">Number of features.</param>
    /// <param name="codes">The class of each row.</param>
    /// <param name="targeted">Whether each class may lose rows.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the query.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static int[] Kept(double[] rows, int n, int d, ReadOnlySpan<int> codes, Func<int, bool> targeted, int? maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var index = new NearestNeighbors { NNeighbors = 2, MaxDegreeOfParallelism = maxDegreeOfParallelism }.FitOwned(rows, n, d);
        var result = index.KNeighbors(rows, n, 2, cancellationToken);
        var nearest = result.IndexData;
        var kept = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            var j = nearest[(2 * i) + 1];
            var link = targeted(codes[i]) && codes[j] != codes[i] && nearest[(2 * j) + 1] == i;
            if (!link)
            {
                kept.Add(i);
            }
        }

        return kept.ToArray();
    }
}
