using Microsoft.ML;

namespace Imbalance.MLNet.Tests;

public class StratifiedSplitTests
{
    private static readonly bool[] BoolLabels = [.. Enumerable.Range(0, 60).Select(i => i % 7 == 0)];
    private static readonly string[] TextLabels = [.. Enumerable.Range(0, 60).Select(i => i % 5 == 0 ? "a" : i % 3 == 0 ? "b" : "c")];

    // scikit-learn 1.2.1: train_test_split(arange(60), test_size=0.25, random_state=42, stratify=y) and
    // StratifiedKFold(5, shuffle=True, random_state=7).split(X, y) (test indices, sorted).
    private static readonly int[] BoolTest = [7, 9, 12, 17, 22, 24, 26, 27, 28, 33, 41, 45, 48, 50, 59];
    private static readonly int[][] BoolFolds =
    [
        [14, 20, 26, 34, 37, 40, 43, 45, 46, 47, 49, 57], [0, 4, 5, 9, 15, 16, 18, 22, 35, 41, 44, 59],
        [2, 10, 17, 25, 28, 29, 30, 39, 52, 55, 56, 58], [1, 7, 8, 11, 12, 19, 23, 32, 36, 42, 48, 50],
        [3, 6, 13, 21, 24, 27, 31, 33, 38, 51, 53, 54],
    ];

    private static readonly int[] TextTest = [9, 15, 17, 21, 22, 27, 29, 30, 31, 35, 46, 49, 52, 53, 57];
    private static readonly int[][] TextFolds =
    [
        [3, 7, 10, 12, 16, 20, 25, 27, 29, 34, 44, 52], [11, 15, 21, 24, 26, 33, 40, 43, 53, 55, 56, 58],
        [0, 1, 2, 6, 13, 14, 19, 42, 45, 46, 49, 57], [4, 8, 17, 18, 23, 31, 35, 36, 37, 38, 39, 50],
        [5, 9, 22, 28, 30, 32, 41, 47, 48, 51, 54, 59],
    ];

    public sealed class TextRow
    {
        public string Label { get; set; } = "";

        public int Id { get; set; }
    }

    public sealed class BoolRow
    {
        public bool Label { get; set; }

        public int Id { get; set; }
    }

    [Fact]
    public void TrainTestSplit_selects_the_rows_scikit_learn_selects()
    {
        var ml = new MLContext(seed: 1);
        var boolData = ml.Data.LoadFromEnumerable(BoolLabels.Select((l, i) => new BoolRow { Label = l, Id = i }));
        var textData = ml.Data.LoadFromEnumerable(TextLabels.Select((l, i) => new TextRow { Label = l, Id = i }));

        var boolSplit = ml.Data.StratifiedTrainTestSplit(boolData, testFraction: 0.25, seed: 42);
        var textSplit = ml.Data.StratifiedTrainTestSplit(textData, testFraction: 0.25, seed: 42);

        boolSplit.TestIndices.Should().Equal(BoolTest);
        TestData.Column<int>(boolSplit.TestSet, "Id").Should().Equal(BoolTest);
        TestData.Column<int>(boolSplit.TrainSet, "Id").Should().Equal(Enumerable.Range(0, 60).Except(BoolTest));
        textSplit.TestIndices.Should().Equal(TextTest);
        TestData.Column<int>(textSplit.TestSet, "Id").Should().Equal(TextTest);
    }

    [Fact]
    public void CrossValidationSplit_gives_scikit_learns_stratified_folds()
    {
        var ml = new MLContext(seed: 1);
        var boolData = ml.Data.LoadFromEnumerable(BoolLabels.Select((l, i) => new BoolRow { Label = l, Id = i }));
        var textData = ml.Data.LoadFromEnumerable(TextLabels.Select((l, i) => new TextRow { Label = l, Id = i }));

        var boolFolds = ml.Data.StratifiedCrossValidationSplit(boolData, numberOfFolds: 5, seed: 7);
        var textFolds = ml.Data.StratifiedCrossValidationSplit(textData, numberOfFolds: 5, seed: 7);

        boolFolds.Select(f => TestData.Column<int>(f.TestSet, "Id")).Should().BeEquivalentTo(BoolFolds, o => o.WithStrictOrdering());
        textFolds.Select(f => f.TestIndices.ToArray()).Should().BeEquivalentTo(TextFolds, o => o.WithStrictOrdering());
        textFolds[2].TrainSet.GetRowCount().Should().Be(48);
        TestData.Column<int>(textFolds[2].TrainSet, "Id").Should().Equal(Enumerable.Range(0, 60).Except(TextFolds[2]));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(BoolLabels.Select((l, i) => new BoolRow { Label = l, Id = i }));

        FluentActions.Invoking(() => ml.Data.StratifiedTrainTestSplit(data, testFraction: 1.0)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("testFraction");
        FluentActions.Invoking(() => ml.Data.StratifiedCrossValidationSplit(data, numberOfFolds: 1)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("numberOfFolds");
        FluentActions.Invoking(() => ml.Data.StratifiedCrossValidationSplit(data, labelColumnName: "Missing")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("labelColumnName");
    }
}
