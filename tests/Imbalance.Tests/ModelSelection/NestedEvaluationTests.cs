using Imbalance.Learning;
using Imbalance.ModelSelection;
using Imbalance.OverSampling;
using Imbalance.Pipelines;
using static Imbalance.Tests.ModelSelection.DecisionTestKit;

namespace Imbalance.Tests.ModelSelection;

/// <summary>A search or a tuned threshold inside CrossValidate: the outer test rows never reach an inner fit.</summary>
public class NestedEvaluationTests
{
    [Fact]
    public void Search_inside_cross_validation_never_sees_the_outer_test_rows()
    {
        var (x, y) = BinaryWithIds(150, 2);
        var outer = new StratifiedKFold { NSplits = 3, Shuffle = true, RandomState = 0 }.Split(y);
        foreach (var fold in outer)
        {
            var spy = new IdSpySampler(new Smote { RandomState = 0 });
            var search = new GridSearchCV<double>
            {
                Candidates = [0.1, 1.0],
                Factory = c => Pipeline.Create().Then("spy", spy).Then("lr", new LogisticRegression { C = c }),
                Scoring = [Scoring.Get("average_precision")],
                Cv = new StratifiedKFold { NSplits = 3 },
            };
            var result = CrossValidation.CrossValidate(search, x, y, [Scoring.Get("f1")], [fold]);
            result.TestScores["f1"].Should().ContainSingle();
            var test = fold.TestIndices.ToHashSet();
            spy.Seen.Should().HaveCount((2 * 3) + 1, "two candidates x three inner folds, then the refit");
            spy.Seen.Should().OnlyContain(ids => !ids.Any(test.Contains), "no outer test row reaches a sampler");
            spy.Seen.Should().ContainSingle(ids => ids.Length == fold.TrainIndices.Length, "the refit sees the outer training rows");
        }
    }

    [Fact]
    public void Tuned_threshold_inside_cross_validation_never_sees_the_outer_test_rows()
    {
        var (x, y) = BinaryWithIds(120, 3);
        var fold = new StratifiedKFold { NSplits = 4 }.Split(y)[1];
        var spy = new IdSpySampler(new RandomOverSampler { RandomState = 0 });
        var tuned = new TunedThresholdClassifierCV { Estimator = Pipeline.Create().Then("spy", spy).Then("lr", new LogisticRegression()), Scoring = Scoring.Get("f1") };
        CrossValidation.CrossValidate(tuned, x, y, [Scoring.Get("f1")], [fold]);
        var test = fold.TestIndices.ToHashSet();
        spy.Seen.Should().HaveCount(6).And.OnlyContain(ids => !ids.Any(test.Contains));
    }

    [Fact]
    public void Search_results_do_not_depend_on_the_thread_count()
    {
        var (x, y) = BinaryWithIds(120, 4);
        SearchModel<int, int> Run(int threads) => new GridSearchCV<int>
        {
            Candidates = [3, 5, 7],
            Factory = k => Pipeline.Make(new Smote { KNeighbors = k, RandomState = 0 }, new LogisticRegression()),
            Scoring = [Scoring.Get("f1"), Scoring.Get("roc_auc")],
            Refit = "roc_auc",
            MaxDegreeOfParallelism = threads,
        }.Fit(x, y);

        var one = Run(1);
        var three = Run(3);
        three.Results.MeanTestScore("f1").Should().Equal(one.Results.MeanTestScore("f1"));
        three.Results.MeanTestScore("roc_auc").Should().Equal(one.Results.MeanTestScore("roc_auc"));
        three.BestParams.Should().Be(one.BestParams);
        three.RefitScorer.Should().Be("roc_auc");
        three.BestScore.Should().Be(three.Results.MeanTestScore("roc_auc").Max());
    }

    [Fact]
    public void Search_rejects_bad_configurations()
    {
        var empty = () => new GridSearchCV<int> { Candidates = [], Factory = _ => new LogisticRegression() };
        empty.Should().Throw<ArgumentException>().WithParameterName("Candidates");
        var duplicate = () => new GridSearchCV<int> { Candidates = [1], Factory = _ => new LogisticRegression(), Scoring = [Scoring.Get("f1"), Scoring.Get("f1")] };
        duplicate.Should().Throw<ArgumentException>().WithParameterName("Scoring");
        var (x, y) = BinaryWithIds(60, 5);
        var refit = () => new GridSearchCV<int> { Candidates = [1], Factory = _ => new LogisticRegression(), Refit = "auc" }.Fit(x, y);
        refit.Should().Throw<ArgumentException>().WithParameterName("Refit");
        var nIter = () => new RandomizedSearchCV<int> { Candidates = [1], Factory = _ => new LogisticRegression(), NIter = 0 };
        nIter.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("NIter");
        ParameterGrid.Product([1, 2], ["a", "b"], [true]).Should().Equal((1, "a", true), (1, "b", true), (2, "a", true), (2, "b", true));
    }
}
