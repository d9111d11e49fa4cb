using Microsoft.ML;

namespace Imbalance.MLNet;

/// <summary>
/// A stratified train/test split (or one cross-validation fold) of an <see cref="IDataView"/>: lazy views of the
/// source rows, each set in the source's row order.
/// </summary>
/// <param name="TrainSet">The training rows.</param>
/// <param name="TestSet">The test rows.</param>
/// <param name="TrainIndices">The source row positions of <paramref name="TrainSet"/>, in increasing order.</param>
/// <param name="TestIndices">The source row positions of <paramref name="TestSet"/>, in increasing order.</param>
public sealed record StratifiedSplit(IDataView TrainSet, IDataView TestSet, IReadOnlyList<int> TrainIndices, IReadOnlyList<int> TestIndices);
