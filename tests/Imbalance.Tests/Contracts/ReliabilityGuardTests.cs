using Imbalance.Learning;
using Imbalance.Metrics;
using Imbalance.ModelSelection;
using Imbalance.Neighbors;
using Imbalance.OverSampling;
using Imbalance.Pipelines;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.Contracts;

/// <summary>
/// The escape classes of issue #12 outside the sampler catalogue: parallel code that used to wrap the real error in
/// an <see cref="AggregateException"/>, missing null checks, silent NaN results, and parameters that contradicted the
/// data only later. Each now fails early with a named exception of the <see cref="ArgumentException"/> family.
/// </summary>
public class ReliabilityGuardTests
{
    [Fact]
    public void Cross_validation_with_a_single_class_training_fold_throws_the_estimators_error_unwrapped()
    {
        var (x, y) = TestData.ThreeClasses();
        var train = Enumerable.Range(0, y.Length).Where(i => y[i] == 0).ToArray();
        var test = Enumerable.Range(0, y.Length).Where(i => y[i] != 0).ToArray();
        var folds = new[] { new Fold(train, test), new Fold(test, train) };

        var act = () => CrossValidation.CrossValScore(new LogisticRegression(), x, y, Scoring.FromPredictions<int>("accuracy", (t, p) => ClassificationMetrics.AccuracyScore(t, p)), folds);

        act.Should().Throw<ArgumentException>().Which.Should().NotBeOfType<AggregateException>();
    }

    [Fact]
    public void Cross_validating_smote_on_a_class_too_small_for_its_neighbours_throws_the_named_error_unwrapped()
    {
        var (x, y) = TestData.ThreeClasses();
        y = y.ToArray();
        y[^1] = 3; // a class of one row: each training fold has at most one, fewer than KNeighbors + 1
        var pipeline = Pipeline.Create().Then("smote", new Smote { RandomState = 0 }).Then("lr", new LogisticRegression());

        var act = () => CrossValidation.CrossValScore(pipeline, x, y, Scoring.FromPredictions<int>("accuracy", (t, p) => ClassificationMetrics.AccuracyScore(t, p)), new KFold { NSplits = 3 }.Split(y.Length));

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "KNeighbors");
    }

    [Fact]
    public void Cross_validating_smote_under_the_default_folds_with_a_one_row_class_throws_the_named_error_unwrapped()
    {
        var (x, y) = TestData.ThreeClasses();
        y = y.ToArray();
        y[^1] = 3;
        var pipeline = Pipeline.Create().Then("smote", new Smote { RandomState = 0 }).Then("lr", new LogisticRegression());

        var act = () => CrossValidation.CrossValScore(pipeline, x, y, Scoring.FromPredictions<int>("accuracy", (t, p) => ClassificationMetrics.AccuracyScore(t, p)));

        act.Should().Throw<ArgumentException>().Which.Should().NotBeOfType<AggregateException>();
    }

    [Fact]
    public void Overlapping_test_folds_are_rejected_before_any_fold_runs_when_predicting()
    {
        var (x, y) = TestData.ThreeClasses();
        var all = Enumerable.Range(0, y.Length).ToArray();
        var folds = new[] { new Fold(all[50..], all[..60]), new Fold(all[..50], all[40..]) };

        var act = () => CrossValidation.CrossValPredict(new LogisticRegression(), x, y, folds);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "folds");
    }

    [Fact]
    public void Asking_every_other_row_for_int_MaxValue_neighbours_is_rejected_by_name()
    {
        var index = new NearestNeighbors().Fit(new double[,] { { 0 }, { 1 }, { 2 } });

        var act = () => index.KNeighbors(int.MaxValue);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "nNeighbors");
    }

    [Fact]
    public void A_null_fold_is_rejected_by_name()
    {
        var (x, y) = TestData.ThreeClasses();
        var folds = new KFold { NSplits = 3 }.Split(y.Length).ToList();
        folds[1] = null!;

        var score = () => CrossValidation.CrossValScore(new LogisticRegression(), x, y, Scoring.FromPredictions<int>("accuracy", (t, p) => ClassificationMetrics.AccuracyScore(t, p)), folds);
        var predict = () => CrossValidation.CrossValPredict(new LogisticRegression(), x, y, folds);

        score.Should().Throw<ArgumentException>().Where(e => e.ParamName == "folds").WithMessage("Fold 1 of folds is null*");
        predict.Should().Throw<ArgumentException>().Where(e => e.ParamName == "folds");
    }

    [Fact]
    public void Instance_hardness_on_values_beyond_float32_throws_an_argument_exception_not_an_aggregate()
    {
        var (x, y) = TestData.ThreeClasses();
        x[3, 1] = 1e39;

        var act = () => new InstanceHardnessThreshold { RandomState = 0 }.FitResample(x, y);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void KNeighborsClassifier_rejects_more_neighbours_than_training_rows_at_fit()
    {
        var x = new double[,] { { 0 }, { 1 }, { 2 } };

        var act = () => new KNeighborsClassifier { NNeighbors = 4 }.Fit(x, new[] { 0, 1, 1 });

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "x").WithMessage("NNeighbors = 4 is larger than the 3 training rows*");
        new KNeighborsClassifier { NNeighbors = 3 }.Fit(x, new[] { 0, 1, 1 }).Predict(x).Should().HaveCount(3);
    }

    [Fact]
    public void Macro_averaged_mean_absolute_error_rejects_null_arguments_by_name()
    {
        int[] labels = [1, 2, 3];

        ((Action)(() => ImbalancedMetrics.MacroAveragedMeanAbsoluteError(labels, null!))).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "yPred");
        ((Action)(() => ImbalancedMetrics.MacroAveragedMeanAbsoluteError(null!, labels))).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "yTrue");
    }

    [Fact]
    public void Auc_rejects_NaN_coordinates()
    {
        var x = () => ScoreMetrics.Auc([0.0, double.NaN, 1.0], [0.0, 0.5, 1.0]);
        var y = () => ScoreMetrics.Auc([0.0, 0.5, 1.0], [0.0, double.NaN, 1.0]);

        x.Should().Throw<ArgumentException>().Where(e => e.ParamName == "x").WithMessage("x contains NaN at index 1*");
        y.Should().Throw<ArgumentException>().Where(e => e.ParamName == "y");
        ScoreMetrics.Auc([0.0, 0.5, 1.0], [0.0, 0.5, 1.0]).Should().Be(0.5);
    }

    [Fact]
    public void Roc_curve_of_a_single_class_has_NaN_rates_as_in_scikit_learn()
    {
        var curve = ScoreMetrics.RocCurve(new[] { 1, 1, 1 }, [0.2, 0.5, 0.9]);

        curve.FalsePositiveRates.Should().OnlyContain(v => double.IsNaN(v), "there are no negatives");
        curve.TruePositiveRates.Should().NotContain(v => double.IsNaN(v));
    }

    [Fact]
    public void Accuracy_with_weights_summing_to_zero_is_rejected_when_normalised()
    {
        int[] yTrue = [0, 1, 1];
        int[] yPred = [0, 1, 0];

        var act = () => ClassificationMetrics.AccuracyScore(yTrue, yPred, sampleWeight: [0.0, 0.0, 0.0]);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "sampleWeight");
        ClassificationMetrics.AccuracyScore(yTrue, yPred, normalize: false, sampleWeight: [0.0, 0.0, 0.0]).Should().Be(0.0);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Sample_weights_from_a_non_finite_class_weight_are_rejected(double weight)
    {
        var act = () => ClassWeights.ComputeSampleWeight(new Dictionary<int, double> { [0] = weight, [1] = 1.0 }, new[] { 0, 1, 1 });

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "classWeight");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void A_categorical_mask_of_the_wrong_length_is_rejected(int length)
    {
        var (x, y) = TestData.ThreeClasses(); // four features
        var mask = new bool[length];
        mask[0] = true;

        var act = () => new SmoteNc { CategoricalFeatures = CategoricalFeatures.Mask(mask), RandomState = 0 }.FitResample(x, y);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "CategoricalFeatures")
            .WithMessage($"The CategoricalFeatures mask has {length} entries but x has 4 features*");
    }

    [Fact]
    public void KMeansSmote_rejects_an_infinite_density_exponent()
    {
        var act = () => new KMeansSmote { DensityExponent = double.PositiveInfinity };

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "DensityExponent");
    }

    [Fact]
    public void KMeansSmote_fails_by_name_instead_of_returning_fewer_rows_when_the_chosen_clusters_rows_coincide()
    {
        // Every minority row is the same point: each chosen cluster has mean distance 0, so every weight is 0 / 0.
        var x = new double[20, 2];
        var y = new int[20];
        for (var i = 0; i < 20; i++)
        {
            y[i] = i < 6 ? 1 : 0;
            x[i, 0] = i < 6 ? 5.0 : i;
            x[i, 1] = i < 6 ? 5.0 : -i;
        }

        var act = () => new KMeansSmote { KMeansEstimator = new KMeans { NClusters = 1, RandomState = 0 }, RandomState = 0 }.FitResample(x, y);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "x").WithMessage("*cannot weight the clusters of class 1*");
    }

    [Fact]
    public void Condensing_samplers_repeat_rows_like_imblearn_by_default_and_return_each_row_once_on_request()
    {
        // Five seeds drawn with replacement from the four rows of class 1: at least one row is drawn twice.
        var x = new double[,] { { 0 }, { 0.1 }, { 0.2 }, { 5 }, { 5.1 }, { 5.3 }, { 5.6 } };
        int[] y = [0, 0, 0, 1, 1, 1, 1];
        foreach (var (repeating, distinct) in new (Imbalance.Sampling.ISampler, Imbalance.Sampling.ISampler)[]
        {
            (new CondensedNearestNeighbour { NSeedsS = 5, RandomState = 0 }, new CondensedNearestNeighbour { NSeedsS = 5, RandomState = 0, DistinctRows = true }),
            (new OneSidedSelection { NSeedsS = 5, RandomState = 0 }, new OneSidedSelection { NSeedsS = 5, RandomState = 0, DistinctRows = true }),
        })
        {
            var imblearn = repeating.FitResample(x, y).SampleIndices!;
            var once = distinct.FitResample(x, y).SampleIndices!;

            imblearn.Distinct().Count().Should().BeLessThan(imblearn.Length, $"{repeating.GetType().Name} draws its seeds with replacement, as imblearn 0.10 does");
            once.Should().Equal(imblearn.Distinct(), "DistinctRows keeps the first occurrence of each selected row, in imblearn's order");
        }
    }

    [Fact]
    public void A_seed_count_larger_than_the_data_is_rejected_by_name_before_allocating()
    {
        var (x, y) = TestData.ThreeClasses();

        var act = () => new CondensedNearestNeighbour { NSeedsS = 101 }.FitResample(x, y);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "NSeedsS").WithMessage("NSeedsS = 101 asks for more seed rows than x has rows (100)*");
    }
}
