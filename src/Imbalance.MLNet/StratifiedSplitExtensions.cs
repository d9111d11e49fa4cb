using Imbalance.ModelSelection;
using Microsoft.ML;

namespace Imbalance.MLNet;

/// <summary>
/// Stratified splits of an <see cref="IDataView"/> (ML.NET's own <c>TrainTestSplit</c> and <c>CrossValidationSplit</c>
/// are not stratified): every class keeps its share in each part. The rows are the ones scikit-learn's
/// <c>train_test_split(..., stratify=y)</c> and <c>StratifiedKFold</c> choose for the same seed, computed by the core's
/// <see cref="DataSplit"/> and <see cref="StratifiedKFold"/>.
/// </summary>
public static class StratifiedSplitExtensions
{
    /// <summary>
    /// Splits <paramref name="data"/> into stratified train and test sets; scikit-learn's
    /// <c>train_test_split(X, y, test_size=testFraction, random_state=seed, stratify=y)</c> (same row sets).
    /// </summary>
    /// <param name="catalog">The data catalog (<c>mlContext.Data</c>).</param>
    /// <param name="data">The view to split; its label column is read once.</param>
    /// <param name="testFraction">The share of rows in the test set, in (0, 1); ML.NET's default 0.1.</param>
    /// <param name="labelColumnName">The label column to stratify on.</param>
    /// <param name="seed">The seed (scikit-learn's <c>random_state</c>); null for a random split.</param>
    /// <returns>Lazy train and test views and their row positions.</returns>
    /// <exception cref="ArgumentException">The label column is missing, of an unsupported type or has missing values, a class has fewer than two rows, or a set would hold fewer rows than there are classes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is not in (0, 1).</exception>
    public static StratifiedSplit StratifiedTrainTestSplit(
        this DataOperationsCatalog catalog, IDataView data, double testFraction = 0.1, string labelColumnName = "Label", int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(labelColumnName);
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "testFraction must be in (0, 1).");
        }

        var labels = ReadLabels(data, labelColumnName);
        var (train, test) = DataViewTable.VisitLabels(labels, new TrainTestSplitter(testFraction, seed), nameof(data));
        return Split(data, train, test);
    }

    /// <summary>
    /// Stratified k-fold cross-validation splits of <paramref name="data"/>; scikit-learn's
    /// <c>StratifiedKFold(n_splits=numberOfFolds, shuffle=seed is not None, random_state=seed)</c> (same folds).
    /// </summary>
    /// <param name="catalog">The data catalog (<c>mlContext.Data</c>).</param>
    /// <param name="data">The view to split; its label column is read once.</param>
    /// <param name="numberOfFolds">The number of folds, at least 2; default 5.</param>
    /// <param name="labelColumnName">The label column to stratify on.</param>
    /// <param name="seed">With a seed the rows of each class are shuffled before folding; without one the folds follow the row order (scikit-learn's <c>shuffle=False</c>).</param>
    /// <returns>One split per fold; the test sets partition the rows.</returns>
    /// <exception cref="ArgumentException">The label column is missing, of an unsupported type or has missing values, or every class has fewer rows than <paramref name="numberOfFolds"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numberOfFolds"/> is less than 2.</exception>
    public static IReadOnlyList<StratifiedSplit> StratifiedCrossValidationSplit(
        this DataOperationsCatalog catalog, IDataView data, int numberOfFolds = 5, string labelColumnName = "Label", int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(labelColumnName);
        ArgumentOutOfRangeException.ThrowIfLessThan(numberOfFolds, 2);
        var labels = ReadLabels(data, labelColumnName);
        var folds = DataViewTable.VisitLabels(labels, new FoldSplitter(numberOfFolds, seed), nameof(data));
        return [.. folds.Select(f => Split(data, f.TrainIndices, f.TestIndices))];
    }

    private static ColumnBuffer ReadLabels(IDataView data, string labelColumnName)
    {
        DataViewTable.RequireColumn(data.Schema, labelColumnName, nameof(labelColumnName));
        return DataViewTable.Read(data, [labelColumnName], nameof(data))[0];
    }

    private static StratifiedSplit Split(IDataView data, int[] train, int[] test)
    {
        int[] sortedTrain = [.. train.Order()];
        int[] sortedTest = [.. test.Order()];
        return new StratifiedSplit(new RowSelectionDataView(data, sortedTrain), new RowSelectionDataView(data, sortedTest), sortedTrain, sortedTest);
    }

    private sealed class TrainTestSplitter(double testFraction, int? seed) : ILabelsFunc<(int[] Train, int[] Test)>
    {
        public (int[] Train, int[] Test) Invoke<TLabel>(IReadOnlyList<TLabel> labels)
            where TLabel : notnull
        {
            // The split depends only on y; a one-column placeholder stands in for X.
            var split = DataSplit.TrainTestSplit(new double[labels.Count, 1], labels, testSize: testFraction, randomState: seed, stratify: true);
            return (split.TrainIndices, split.TestIndices);
        }
    }

    private sealed class FoldSplitter(int numberOfFolds, int? seed) : ILabelsFunc<IReadOnlyList<Fold>>
    {
        public IReadOnlyList<Fold> Invoke<TLabel>(IReadOnlyList<TLabel> labels)
            where TLabel : notnull =>
            new StratifiedKFold { NSplits = numberOfFolds, Shuffle = seed is not null, RandomState = seed }.Split(labels);
    }
}
