using Imbalance.Datasets;
using Imbalance.Interop;
using Imbalance.Learning;
using Imbalance.ModelSelection;
using Imbalance.Sampling;

namespace Imbalance.Tests.ModelSelection;

public class ConvenienceTests
{
    [Fact]
    public void Class_counts_follow_label_order_for_any_y()
    {
        new[] { "b", "a", "b", "B" }.ClassCounts().Should().Equal(new Dictionary<string, int> { ["B"] = 1, ["a"] = 1, ["b"] = 2 });
        new List<int> { 3, 1, 3 }.ClassCounts().Keys.Should().Equal(1, 3);
        var act = () => new[] { "a", null! }.ClassCounts();
        act.Should().Throw<ArgumentException>().WithMessage("*index 1*");
    }

    [Fact]
    public void Single_row_and_named_class_probability_agree_with_the_matrix_forms()
    {
        var (x, y) = TestData.ThreeClasses();
        var model = new LogisticRegression().Fit(x, y);
        var proba = model.PredictProba(x);
        var predictions = model.Predict(x);
        var column = model.PredictProbability(x, 2);
        for (var i = 0; i < 5; i++)
        {
            var row = Enumerable.Range(0, x.GetLength(1)).Select(j => x[i, j]).ToArray();
            model.Predict(row).Should().Be(predictions[i]);
            model.PredictProba(row).Should().Equal(proba[i, 0], proba[i, 1], proba[i, 2]);
            column[i].Should().Be(proba[i, 2]);
        }

        var act = () => model.PredictProbability(x, 7);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "label").WithMessage("*7*");
    }

    [Fact]
    public void Summary_gives_mean_and_population_std_per_scorer_in_order()
    {
        var (x, y) = TestData.ThreeClasses();
        var binary = y.Select(v => v == 2 ? 1 : 0).ToArray();
        var scorers = new[] { Scoring.Recall(1), Scoring.F1(1), Scoring.GeometricMean<int>(), Scoring.AveragePrecision(1), Scoring.RocAuc(1), Scoring.Precision(1), Scoring.BalancedAccuracy<int>() };
        var result = CrossValidation.CrossValidate(new LogisticRegression(), x, binary, scorers);
        var summary = result.Summary();

        summary.Scores.Select(s => s.Scorer).Should().Equal("recall", "f1", "geometric_mean", "average_precision", "roc_auc", "precision", "balanced_accuracy");
        var f1 = result.TestScores["f1"];
        var mean = f1.Average();
        summary["f1"].Mean.Should().Be(mean);
        summary["f1"].Std.Should().BeApproximately(Math.Sqrt(f1.Sum(v => (v - mean) * (v - mean)) / f1.Length), 1e-15);
        summary.ToString().Should().Contain("average_precision").And.Contain("±");
        var act = () => summary["nope"];
        act.Should().Throw<KeyNotFoundException>();
    }

    [Fact]
    public void Out_of_fold_probability_of_a_class_is_its_column()
    {
        var (x, y) = TestData.ThreeClasses();
        var labels = y.Select(v => new[] { "a", "b", "c" }[v]).ToArray();
        var proba = CrossValidation.CrossValPredictProba(new LogisticRegression(), x, labels);
        var column = CrossValidation.CrossValPredictProbability(new LogisticRegression(), x.ToJagged(), labels, "b");
        column.Should().Equal(Enumerable.Range(0, labels.Length).Select(i => proba[i, 1]));
        var act = () => CrossValidation.CrossValPredictProbability(new LogisticRegression(), x, labels, "z");
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "label");
    }

    [Fact]
    public void MakeImbalance_takes_any_shape()
    {
        var (x, y) = TestData.ThreeClasses();
        var counts = new Dictionary<int, int> { [0] = 10, [1] = 5, [2] = 15 };
        DataGenerators.MakeImbalance(x.ToJagged(), y, counts, randomState: 0).SampleIndices
            .Should().Equal(DataGenerators.MakeImbalance(x, y, counts, randomState: 0).SampleIndices);
    }
}
