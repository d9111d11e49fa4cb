namespace Imbalance.Neighbors;

/// <summary>
/// How <see cref="NearestNeighbors"/> searches: scikit-learn's <c>algorithm</c> parameter (<c>"auto"</c>,
/// <c>"brute"</c>, <c>"kd_tree"</c>).
/// </summary>
public enum NeighborsAlgorithm
{
    /// <summary>
    /// scikit-learn's <c>"auto"</c>: a KD-tree when the data has at most 15 features and fewer neighbours are asked
    /// for than half the fitted rows (<c>k &lt; n / 2</c>, integer division), otherwise brute force.
    /// </summary>
    Auto,

    /// <summary>
    /// scikit-learn's <c>"brute"</c>: every query is compared with every fitted row, in cache-sized tiles with SIMD
    /// kernels; memory stays linear in the number of rows.
    /// </summary>
    Brute,

    /// <summary>scikit-learn's <c>"kd_tree"</c>: a KD-tree with <see cref="NearestNeighbors.LeafSize"/> rows per leaf.</summary>
    KdTree,
}
