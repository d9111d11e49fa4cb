namespace Imbalance.ModelSelection;

/// <summary>
/// The result of <see cref="DataSplit.TrainTestSplit{TLabel}"/>: scikit-learn's <c>X_train, X_test, y_train, y_test</c>
/// plus the row indices each part was taken from.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
/// <param name="XTrain">The training rows.</param>
/// <param name="XTest">The test rows.</param>
/// <param name="YTrain">The training labels.</param>
/// <param name="YTest">The test labels.</param>
/// <param name="TrainIndices">For each training row, its index in the input.</param>
/// <param name="TestIndices">For each test row, its index in the input.</param>
public sealed record TrainTestSplit<TLabel>(double[,] XTrain, double[,] XTest, TLabel[] YTrain, TLabel[] YTest, int[] TrainIndices, int[] TestIndices)
    where TLabel : notnull;
