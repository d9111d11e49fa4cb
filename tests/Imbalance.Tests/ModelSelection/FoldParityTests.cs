using System.Text.Json;
using Imbalance.ModelSelection;

namespace Imbalance.Tests.ModelSelection;

/// <summary>KFold and StratifiedKFold against scikit-learn 1.2.1 (generate_model_selection.py) and the spec vectors.</summary>
public class FoldParityTests
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sklearn_model_selection.json")));
        return doc.RootElement.Clone();
    });

    public static TheoryData<int> StratifiedCases() => Indices(Root.Value.GetProperty("stratified_kfold"));

    public static TheoryData<int> KFoldCases() => Indices(Root.Value.GetProperty("kfold"));

    private static TheoryData<int> Indices(JsonElement array)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < array.GetArrayLength(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static int? Seed(JsonElement c) => c.GetProperty("seed").ValueKind == JsonValueKind.Null ? null : c.GetProperty("seed").GetInt32();

    private static int[][] Tests(JsonElement c) => c.GetProperty("test").EnumerateArray().Select(TestData.Ints).ToArray();

    [Fact]
    public void Fixture_has_every_case()
    {
        Root.Value.GetProperty("stratified_kfold").GetArrayLength().Should().Be(48);
        Root.Value.GetProperty("kfold").GetArrayLength().Should().Be(18);
    }

    [Theory]
    [MemberData(nameof(StratifiedCases))]
    public void StratifiedKFold_matches_scikit_learn(int caseIndex)
    {
        var c = Root.Value.GetProperty("stratified_kfold")[caseIndex];
        var labels = Root.Value.GetProperty("labels").GetProperty(c.GetProperty("y").GetString()!);
        var splitter = new StratifiedKFold { NSplits = c.GetProperty("n_splits").GetInt32(), Shuffle = c.GetProperty("shuffle").GetBoolean(), RandomState = Seed(c) };
        var folds = labels[0].ValueKind == JsonValueKind.String
            ? splitter.Split(labels.EnumerateArray().Select(e => e.GetString()!).ToArray())
            : splitter.Split(TestData.Ints(labels));

        var expected = Tests(c);
        folds.Select(f => f.TestIndices).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        foreach (var fold in folds)
        {
            fold.TrainIndices.Concat(fold.TestIndices).Order().Should().Equal(Enumerable.Range(0, labels.GetArrayLength()));
            fold.TrainIndices.Should().BeInAscendingOrder();
        }
    }

    [Theory]
    [MemberData(nameof(KFoldCases))]
    public void KFold_matches_scikit_learn(int caseIndex)
    {
        var c = Root.Value.GetProperty("kfold")[caseIndex];
        var folds = new KFold { NSplits = c.GetProperty("n_splits").GetInt32(), Shuffle = c.GetProperty("shuffle").GetBoolean(), RandomState = Seed(c) }
            .Split(c.GetProperty("n").GetInt32());
        folds.Select(f => f.TestIndices).Should().BeEquivalentTo(Tests(c), o => o.WithStrictOrdering());
    }

    [Fact]
    public void StratifiedKFold_reproduces_the_spec_vectors()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sampler_vectors.json")));
        var root = doc.RootElement;
        var vectors = root.GetProperty("stratified_kfold_test_folds_n_splits5_shuffle");
        var y3 = TestData.Ints(root.GetProperty("y3"));
        using var smote = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "smote_e2e.json")));
        var y20 = TestData.Ints(smote.RootElement.GetProperty("Y"));
        foreach (var (name, y) in new[] { ("Y20", y20), ("y3", y3) })
        {
            foreach (var seed in new[] { 0, 42 })
            {
                var expected = TestData.Ints(vectors.GetProperty($"{name}_seed{seed}"));
                new StratifiedKFold { Shuffle = true, RandomState = seed }.TestFolds(y).Should().Equal(expected, $"{name} seed {seed}");
            }
        }
    }

    [Fact]
    public void Errors_use_scikit_learns_wording()
    {
        FluentActions.Invoking(() => new StratifiedKFold { NSplits = 1 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("NSplits");
        new StratifiedKFold { NSplits = 4 }.Invoking(s => s.Split(new[] { 0, 0, 1, 1, 1 }))
            .Should().Throw<ArgumentException>().WithMessage("NSplits=4 cannot be greater than the number of members in each class.*");
        new KFold().Invoking(k => k.Split(3)).Should().Throw<ArgumentException>()
            .WithMessage("Cannot have number of splits NSplits=5 greater than the number of samples: n_samples=3.*");
        new KFold { RandomState = 1 }.Invoking(k => k.Split(10)).Should().Throw<ArgumentException>().WithParameterName("RandomState");
        FluentActions.Invoking(() => new KFold { RandomState = -1 }).Should().Throw<ArgumentOutOfRangeException>();
    }
}
