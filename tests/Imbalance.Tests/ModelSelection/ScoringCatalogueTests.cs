using Imbalance.Learning;
using Imbalance.Metrics;
using Imbalance.ModelSelection;
using static Imbalance.Tests.ModelSelection.DecisionTestKit;

namespace Imbalance.Tests.ModelSelection;

public class ScoringCatalogueTests
{
    public static TheoryData<string> AllNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Scoring.Names)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Every_name_scores_binary_and_string_labels(string name)
    {
        var (x, y) = BinaryWithIds(120, 2);
        var model = new LogisticRegression().Fit(x, y);
        var value = Scoring.Get(name).Score(model, x, y);
        double.IsFinite(value).Should().BeTrue();

        var names = y.Select(v => v == 1 ? "pos" : "neg").ToArray();
        var stringModel = new LogisticRegression().Fit(x, names);
        Scoring.Get(name, "pos").Score(stringModel, x, names).Should().BeApproximately(value, 1e-12, "the same scorer with the positive label named");
    }

    [Fact]
    public void Catalogue_values_equal_the_metrics()
    {
        var (x, y) = BinaryWithIds(150, 3);
        var model = new LogisticRegression().Fit(x, y);
        var predicted = model.Predict(x);
        var proba = model.PredictProba(x);
        var positive = Enumerable.Range(0, y.Length).Select(i => proba[i, 1]).ToArray();
        Scoring.Get("f1").Score(model, x, y).Should().Be(ClassificationMetrics.F1Score(y, predicted));
        Scoring.Get("mcc").Score(model, x, y).Should().Be(ClassificationMetrics.MatthewsCorrCoef(y, predicted));
        Scoring.Get("g_mean").Score(model, x, y).Should().Be(ImbalancedMetrics.GeometricMeanScore(y, predicted));
        Scoring.Get("average_precision").Score(model, x, y).Should().Be(ScoreMetrics.AveragePrecisionScore(y, positive));
        Scoring.Get("roc_auc").Score(model, x, y).Should().Be(ScoreMetrics.RocAucScore(y, positive));
        Scoring.Get("brier").Score(model, x, y).Should().Be(-ClassificationMetrics.BrierScoreLoss(y, positive));
        Scoring.Get("brier").Name.Should().Be("neg_brier_score");
        Scoring.Get("neg_log_loss").Score(model, x, y).Should().Be(-ClassificationMetrics.LogLoss(y, proba));
        Scoring.Get("iba").Score(model, x, y).Should().Be(
            ImbalancedMetrics.MakeIndexBalancedAccuracy<int>((t, p) => ImbalancedMetrics.GeometricMeanScore(t, p), average: Average.Binary)(y, predicted));
        Scoring.Get("recall", 0).Score(model, x, y).Should().Be(ClassificationMetrics.RecallScore(y, predicted, posLabel: 0));
    }

    [Fact]
    public void Multiclass_scorers_and_binary_only_errors()
    {
        var (x, y) = TestData.ThreeClasses();
        var model = new LogisticRegression().Fit(x, y);
        Scoring.Get("roc_auc_ovr").Score(model, x, y).Should().Be(ScoreMetrics.RocAucScore(y, model.PredictProba(x), MultiClassStrategy.OneVsRest));
        Scoring.Get("average_precision").Score(model, x, y).Should().Be(ScoreMetrics.AveragePrecisionScore(y, model.PredictProba(x)));
        Scoring.Get("f1_macro").Score(model, x, y).Should().BeInRange(0, 1);
        var binaryOnly = () => Scoring.Get("roc_auc").Score(model, x, y);
        binaryOnly.Should().Throw<ArgumentException>().WithMessage("*binary*");
    }

    [Fact]
    public void Objectives_as_scorers_agree_with_threshold_moving()
    {
        var (x, y) = BinaryWithIds(100, 8);
        var model = new ColumnClassifier().Fit(x, y);
        var costs = new ClassificationCosts(1, 3);
        var curve = ThresholdMoving.TuneThreshold(y, Enumerable.Range(0, y.Length).Select(i => Math.Clamp(x[i, 0], 0, 1)).ToArray(), ThresholdObjective.ExpectedCost, 1, costs: costs);
        var thresholded = FixedThresholdClassifier.FromModel(model, curve.BestThreshold);
        Scoring.FromObjective(ThresholdObjective.ExpectedCost, costs: costs).Score(thresholded, x, y).Should().BeApproximately(-curve.BestValue, 1e-12);
        Scoring.FromObjective(ThresholdObjective.FBeta, 2).Name.Should().Be("f_beta_2");
    }

    [Fact]
    public void Bad_names_labels_and_combinations_fail_clearly()
    {
        var unknown = () => Scoring.Get("f2_score");
        unknown.Should().Throw<ArgumentException>().WithParameterName("name").WithMessage("*not a valid scoring value*");
        var iba = () => Scoring.IndexBalancedAccuracy(Scoring.Get("roc_auc"));
        iba.Should().Throw<ArgumentException>().WithParameterName("scorer").WithMessage("*needs probabilities*");
        Scoring.IndexBalancedAccuracy(Scoring.Get("accuracy")).Name.Should().Be("iba_accuracy");
        var cost = () => Scoring.FromObjective(ThresholdObjective.ExpectedCost);
        cost.Should().Throw<ArgumentException>().WithParameterName("costs");

        var (x, y) = BinaryWithIds(60, 1);
        var model = new LogisticRegression().Fit(x, y);
        var wrongType = () => Scoring.Get("f1", "pos").Score(model, x, y);
        wrongType.Should().Throw<ArgumentException>().WithParameterName("posLabel");
        var typed = Scoring.FromPredictions<string>("s", (t, p) => 0);
        var typedMismatch = () => typed.Score(model, x, y);
        typedMismatch.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Catalogue_scorers_work_in_cross_validation()
    {
        var (x, y) = BinaryWithIds(100, 9);
        var result = CrossValidation.CrossValidate(new LogisticRegression(), x, y, [Scoring.Get("f1"), Scoring.Get("roc_auc"), Scoring.Get("iba")]);
        result.TestScores.Keys.Should().BeEquivalentTo("f1", "roc_auc", "iba");
    }
}
