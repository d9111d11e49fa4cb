namespace Imbalance.Sampling;

/// <summary>
/// Where each synthetic row of an over-sampler's output came from (asked for by imblearn users in imblearn issue
/// #772, which imblearn does not provide): for output row <c>FirstRow + i</c>, the input row it was built around
/// (<see cref="BaseIndices"/>), the input row it moved towards (<see cref="NeighborIndices"/>) and the step taken
/// (<see cref="Steps"/>), so that, feature by feature, <c>new = x[base] + step * (x[neighbor] - x[base])</c>.
/// </summary>
/// <remarks>
/// Only samplers that synthesise rows fill it (the SMOTE family and ADASYN); it is <see langword="null"/> on the
/// result of every other sampler. A negative step is an extrapolation away from the neighbour (SVM-SMOTE's safe
/// samples). For SMOTE-NC the categorical features of a synthetic row are a majority vote of the base row's
/// neighbours, not an interpolation; for SMOTE-N the whole row is such a vote, so its neighbour is -1 and its step
/// NaN.
/// </remarks>
public sealed class SyntheticProvenance
{
    internal SyntheticProvenance(int firstRow, int[] baseIndices, int[] neighborIndices, double[] steps)
    {
        FirstRow = firstRow;
        BaseIndices = baseIndices;
        NeighborIndices = neighborIndices;
        Steps = steps;
    }

    /// <summary>The output row of the first synthetic row: the number of input rows (over-samplers keep every input
    /// row first, in order).</summary>
    public int FirstRow { get; }

    /// <summary>The number of synthetic rows.</summary>
    public int Count => Steps.Count;

    /// <summary>For each synthetic row, the input row it was generated from (SMOTE's <c>X[rows]</c>).</summary>
    public IReadOnlyList<int> BaseIndices { get; }

    /// <summary>For each synthetic row, the input row of the neighbour it was interpolated towards
    /// (SMOTE's <c>nn_data[nn_num[rows, cols]]</c>), or -1 when the row is a vote (SMOTE-N).</summary>
    public IReadOnlyList<int> NeighborIndices { get; }

    /// <summary>For each synthetic row, the step <c>step_size * uniform(0, 1)</c> along <c>neighbor - base</c>, or NaN
    /// when the row is a vote (SMOTE-N).</summary>
    public IReadOnlyList<double> Steps { get; }
}
