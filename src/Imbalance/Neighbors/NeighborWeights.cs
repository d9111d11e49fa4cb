namespace Imbalance.Neighbors;

/// <summary>How <see cref="KNeighborsClassifier"/> weighs the votes of the neighbours (scikit-learn's <c>weights</c>).</summary>
public enum NeighborWeights
{
    /// <summary>scikit-learn's <c>"uniform"</c>: every neighbour votes 1.</summary>
    Uniform,

    /// <summary>
    /// scikit-learn's <c>"distance"</c>: a neighbour votes the inverse of its distance; when a query has neighbours at
    /// distance 0, only those vote (1 each).
    /// </summary>
    Distance,
}
