using System.Text.Json;
using Imbalance.ModelSelection;

namespace Imbalance.Tests.ModelSelection;

/// <summary>train_test_split against scikit-learn 1.2.1, plain and stratified.</summary>
public class TrainTestSplitTests
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sklearn_model_selection.json")));
        return doc.RootElement.Clone();
    });

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Root.Value.GetProperty("train_test_split").GetArrayLength(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static double? Size(JsonElement c, string name) => c.GetProperty(name).ValueKind == JsonValueKind.Null ? null : c.GetProperty(name).GetDouble();

    [Fact]
    public void Fixture_has_every_case() => Root.Value.GetProperty("train_test_split").GetArrayLength().Should().Be(96);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_scikit_learn(int caseIndex)
    {
        var c = Root.Value.GetProperty("train_test_split")[caseIndex];
        var labels = Root.Value.GetProperty("labels").GetProperty(c.GetProperty("y").GetString()!);
        var n = labels.GetArrayLength();
        var x = new double[n, 2];
        for (var i = 0; i < n; i++)
        {
            x[i, 0] = i;
            x[i, 1] = -i;
        }

        var seed = c.GetProperty("seed").GetInt32();
        var stratify = c.GetProperty("stratify").GetBoolean();
        int[] train;
        int[] test;
        if (labels[0].ValueKind == JsonValueKind.String)
        {
            var y = labels.EnumerateArray().Select(e => e.GetString()!).ToArray();
            var split = DataSplit.TrainTestSplit(x, y, Size(c, "test_size"), Size(c, "train_size"), seed, stratify: stratify);
            (train, test) = (split.TrainIndices, split.TestIndices);
            split.YTest.Should().Equal(test.Select(i => y[i]));
        }
        else
        {
            var y = TestData.Ints(labels);
            var split = DataSplit.TrainTestSplit(x, y, Size(c, "test_size"), Size(c, "train_size"), seed, stratify: stratify);
            (train, test) = (split.TrainIndices, split.TestIndices);
            split.XTrain[0, 0].Should().Be(train[0]);
            split.XTest[test.Length - 1, 1].Should().Be(-test[^1]);
        }

        train.Should().Equal(TestData.Ints(c.GetProperty("train")));
        test.Should().Equal(TestData.Ints(c.GetProperty("test")));
    }

    [Fact]
    public void Errors_use_scikit_learns_wording()
    {
        var x = new double[4, 1];
        FluentActions.Invoking(() => DataSplit.TrainTestSplit(x, new[] { 0, 0, 0, 1 }, stratify: true))
            .Should().Throw<ArgumentException>().WithMessage("The least populated class in y has only 1 member*");
        FluentActions.Invoking(() => DataSplit.TrainTestSplit(x, new[] { 0, 0, 1, 1 }, testSize: 1.5))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("testSize");
        FluentActions.Invoking(() => DataSplit.TrainTestSplit(x, new[] { 0, 0, 1, 1 }, shuffle: false, stratify: true))
            .Should().Throw<ArgumentException>().WithParameterName("stratify");
        FluentActions.Invoking(() => DataSplit.TrainTestSplit(x, new[] { 0, 0, 1, 1 }, testSize: 0.7, trainSize: 0.5))
            .Should().Throw<ArgumentException>().WithMessage("The sum of testSize and trainSize*");
        var plain = DataSplit.TrainTestSplit(x, new[] { 0, 1, 0, 1 }, shuffle: false);
        plain.TrainIndices.Should().Equal(0, 1, 2);
        plain.TestIndices.Should().Equal(3);
    }
}
