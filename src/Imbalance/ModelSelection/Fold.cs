namespace Imbalance.ModelSelection;

/// <summary>One cross-validation split: the row indices to train on and to test on, each in increasing order (one
/// item of scikit-learn's <c>split()</c>).</summary>
/// <param name="TrainIndices">Rows in the training part.</param>
/// <param name="TestIndices">Rows in the test part.</param>
public sealed record Fold(int[] TrainIndices, int[] TestIndices);
