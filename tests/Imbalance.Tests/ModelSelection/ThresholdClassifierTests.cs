using Imbalance.Learning;
using Imbalance.Metrics;
using Imbalance.ModelSelection;
using Imbalance.OverSampling;
using Imbalance.Pipelines;
using static Imbalance.Tests.ModelSelection.DecisionTestKit;

namespace Imbalance.Tests.ModelSelection;

/// <summary>FixedThresholdClassifier and TunedThresholdClassifierCV (scikit-learn 1.5): hand-computed cases and
/// invariants (scikit-learn 1.2.1 has neither class).</summary>
public class ThresholdClassifierTests
{
    // Two stratified folds of 8 rows: fold 0 tests rows 0, 1, 4, 5 (scores .1 .2 .42 .7), fold 1 rows 2, 3, 6, 7 (.3 .62 .8 .9); no score sits on a grid point.
    private static readonly double[,] X = Column(0.1, 0.2, 0.3, 0.62, 0.42, 0.7, 0.8, 0.9);
    private static readonly int[] Y = [0, 0, 0, 0, 1, 1, 1, 1];

    [Fact]
    public void Fixed_threshold_predicts_positive_at_or_above_the_threshold()
    {
        string[] y = ["no", "no", "no", "no", "yes", "yes", "yes", "yes"];
        var model = new FixedThresholdClassifier { Estimator = new ColumnClassifier(), Threshold = 0.3 }.Fit(X, y);
        model.Predict(X).Should().Equal("no", "no", "yes", "yes", "yes", "yes", "yes", "yes");
        model.PositiveLabel.Should().Be("yes");
        model.PredictProba(X)[3, 1].Should().Be(0.62, "probabilities pass through");

        var negativeAsPositive = new FixedThresholdClassifier { Estimator = new ColumnClassifier(), Threshold = 0.75, PosLabel = "no" }.Fit(X, y);
        // p(no) = 1 - x >= 0.75 only for x <= 0.25.
        negativeAsPositive.Predict(X).Should().Equal("no", "no", "yes", "yes", "yes", "yes", "yes", "yes");
    }

    [Fact]
    public void Fixed_threshold_wraps_a_fitted_model()
    {
        var fitted = new ColumnClassifier().Fit(X, Y);
        FixedThresholdClassifier.FromModel(fitted, 0.65).Predict(X).Should().Equal(0, 0, 0, 0, 0, 1, 1, 1);
    }

    [Fact]
    public void Fixed_threshold_rejects_bad_configurations()
    {
        var nan = () => new FixedThresholdClassifier { Estimator = new ColumnClassifier(), Threshold = double.NaN };
        nan.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Threshold");
        var wrongType = () => new FixedThresholdClassifier { Estimator = new ColumnClassifier(), PosLabel = "x" }.Fit(X, Y);
        wrongType.Should().Throw<ArgumentException>().WithParameterName("PosLabel");
        var multiclass = () => new FixedThresholdClassifier { Estimator = new ColumnClassifier() }.Fit(X, [0, 1, 2, 0, 1, 2, 0, 1]);
        multiclass.Should().Throw<ArgumentException>().WithParameterName("y");
        var nullEstimator = () => new FixedThresholdClassifier { Estimator = null! };
        nullEstimator.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Tuned_threshold_over_given_values_matches_the_hand_computed_curve()
    {
        // Balanced accuracy per fold at (.25, .5, .65, .85): fold 0 (1, .75, .75, .5), fold 1 (.5, .75, 1, .75).
        var model = new TunedThresholdClassifierCV
        {
            Estimator = new ColumnClassifier(),
            Cv = new StratifiedKFold { NSplits = 2 },
            ThresholdValues = [0.85, 0.25, 0.5, 0.65],
        }.Fit(X, Y);

        model.Thresholds.Should().Equal(0.25, 0.5, 0.65, 0.85);
        model.Scores.Should().Equal(0.75, 0.75, 0.875, 0.625);
        model.BestThreshold.Should().Be(0.65);
        model.BestScore.Should().Be(0.875);
        model.ScorerName.Should().Be("balanced_accuracy");
        model.Predict(X).Should().Equal(0, 0, 0, 0, 0, 1, 1, 1);
    }

    [Fact]
    public void Tuned_threshold_interpolates_per_fold_grids_onto_the_global_grid()
    {
        // Fold grids linspace(.1, .7, 5) and linspace(.3, .9, 5); global grid linspace(.1, .9, 5).
        var model = new TunedThresholdClassifierCV { Estimator = new ColumnClassifier(), Cv = new StratifiedKFold { NSplits = 2 }, Thresholds = 5 }.Fit(X, Y);
        model.Thresholds.Should().Equal([0.1, 0.3, 0.5, 0.7, 0.9], (a, b) => Math.Abs(a - b) < 1e-12);
        model.Scores.Should().Equal([0.5, 0.75, (0.75 + (1 - (0.25 * 0.1 / 0.15))) / 2, (0.75 + 0.75 + (0.25 * 0.1 / 0.15)) / 2, 0.75], (a, b) => Math.Abs(a - b) < 1e-9);
        model.BestThreshold.Should().BeApproximately(0.7, 1e-12);
    }

    [Fact]
    public void Tuned_threshold_fits_the_sampler_on_training_rows_only_and_refits_on_all()
    {
        var (x, y) = BinaryWithIds();
        var spy = new IdSpySampler(new Smote { RandomState = 0 });
        var folds = new StratifiedKFold { NSplits = 3 }.Split(y);
        var model = new TunedThresholdClassifierCV
        {
            Estimator = Pipeline.Create().Then("spy", spy).Then("lr", new LogisticRegression()),
            Cv = new StratifiedKFold { NSplits = 3 },
            Scoring = Scoring.Get("f1"),
        }.Fit(x, y);

        var seen = spy.Seen.Select(s => s.Order().ToArray()).ToList();
        seen.Should().HaveCount(4);
        foreach (var fold in folds)
        {
            seen.Should().ContainSingle(s => s.SequenceEqual(fold.TrainIndices), "each split's sampler sees exactly its training rows");
        }

        seen.Should().ContainSingle(s => s.Length == y.Length, "the refit sees every row");
        model.Thresholds.Should().HaveCount(100).And.BeInAscendingOrder();
        model.BestScore.Should().Be(model.Scores.Max());
    }

    [Fact]
    public void Tuned_threshold_with_a_cost_objective_moves_the_threshold_towards_the_cheap_error()
    {
        var (x, y) = BinaryWithIds(300, 4);
        var lr = new LogisticRegression();
        var costly = new TunedThresholdClassifierCV { Estimator = lr, Scoring = Scoring.FromObjective(ThresholdObjective.ExpectedCost, costs: new ClassificationCosts(1, 20)) }.Fit(x, y);
        var cheap = new TunedThresholdClassifierCV { Estimator = lr, Scoring = Scoring.FromObjective(ThresholdObjective.ExpectedCost, costs: new ClassificationCosts(20, 1)) }.Fit(x, y);
        costly.BestThreshold.Should().BeLessThan(cheap.BestThreshold, "missing a positive costs more, so predict positive more readily");
        costly.ScorerName.Should().Be("neg_expected_cost");
        costly.BestScore.Should().BeLessThanOrEqualTo(0);
    }

    [Fact]
    public void Tuned_threshold_does_not_depend_on_the_thread_count()
    {
        var (x, y) = BinaryWithIds(150, 2);
        TunedThresholdClassifierModel<int> Run(int threads) => new TunedThresholdClassifierCV
        {
            Estimator = Pipeline.Make(new Smote { RandomState = 1 }, new LogisticRegression()),
            Scoring = Scoring.Get("g_mean"),
            MaxDegreeOfParallelism = threads,
        }.Fit(x, y);

        var one = Run(1);
        var four = Run(4);
        four.Scores.Should().Equal(one.Scores);
        four.BestThreshold.Should().Be(one.BestThreshold);
    }

    [Fact]
    public void Tuned_threshold_single_split_without_refit_keeps_the_split_model()
    {
        var (x, y) = BinaryWithIds();
        var weights = new ColumnClassifier();
        var model = new TunedThresholdClassifierCV { Estimator = weights, TestSize = 0.25, RandomState = 0, Refit = false }.Fit(x, y);
        weights.Weights.Should().HaveCount(1, "no refit on all rows");
        model.Thresholds.Should().HaveCount(100);
    }

    [Fact]
    public void Tuned_threshold_rejects_bad_configurations()
    {
        var proba = () => new TunedThresholdClassifierCV { Estimator = new ColumnClassifier(), Scoring = Scoring.Get("roc_auc") };
        proba.Should().Throw<ArgumentException>().WithParameterName("Scoring");
        var thresholds = () => new TunedThresholdClassifierCV { Estimator = new ColumnClassifier(), Thresholds = 1 };
        thresholds.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Thresholds");
        var values = () => new TunedThresholdClassifierCV { Estimator = new ColumnClassifier(), ThresholdValues = [0.5] };
        values.Should().Throw<ArgumentException>().WithParameterName("ThresholdValues");
        var testSize = () => new TunedThresholdClassifierCV { Estimator = new ColumnClassifier(), TestSize = 1.5 };
        testSize.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("TestSize");
        var refit = () => new TunedThresholdClassifierCV { Estimator = new ColumnClassifier(), Refit = false }.Fit(X, Y);
        refit.Should().Throw<ArgumentException>().WithParameterName("Refit");
        var constant = () => new TunedThresholdClassifierCV { Estimator = new ColumnClassifier(), Cv = new StratifiedKFold { NSplits = 2 } }.Fit(Column(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5), Y);
        constant.Should().Throw<ArgumentException>().WithMessage("*constant predictions*");
    }
}
