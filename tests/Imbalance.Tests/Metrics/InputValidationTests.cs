using Imbalance.Metrics;

namespace Imbalance.Tests.Metrics;

/// <summary>Bad input fails early with the parameter named.</summary>
public class InputValidationTests
{
    private static readonly int[] Two = [0, 1];
    private static readonly int[] Three = [0, 1, 1];

    [Fact]
    public void Different_lengths_name_the_second_vector()
    {
        FluentActions.Invoking(() => ClassificationMetrics.AccuracyScore(Two, Three))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("yPred");
        FluentActions.Invoking(() => ImbalancedMetrics.SensitivityScore(Two, Three))
            .Should().Throw<ArgumentException>().WithMessage("Found input variables with inconsistent numbers of samples: [2, 3]*");
        FluentActions.Invoking(() => ScoreMetrics.RocCurve(Two, [0.1, 0.2, 0.3]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("yScore");
        FluentActions.Invoking(() => ClassificationMetrics.F1Score(Two, Two, sampleWeight: [1.0]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("sampleWeight");
    }

    [Fact]
    public void Empty_input_is_rejected()
    {
        FluentActions.Invoking(() => ClassificationMetrics.ConfusionMatrix(Array.Empty<int>(), Array.Empty<int>()))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("yTrue");
        FluentActions.Invoking(() => ScoreMetrics.RocAucScore(Array.Empty<int>(), Array.Empty<double>()))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("yTrue");
    }

    [Fact]
    public void Null_vectors_throw_argument_null()
    {
        FluentActions.Invoking(() => ClassificationMetrics.ConfusionMatrix(null!, Two)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("yTrue");
        FluentActions.Invoking(() => ClassificationMetrics.ConfusionMatrix(Two, null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("yPred");
    }

    [Fact]
    public void Nan_and_non_integral_labels_are_rejected()
    {
        FluentActions.Invoking(() => ClassificationMetrics.AccuracyScore([0.0, double.NaN], [0.0, 1.0]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("yTrue");
        FluentActions.Invoking(() => ClassificationMetrics.AccuracyScore([0.0, 1.0], [0.0, 0.5]))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "yPred" && e.Message.Contains("continuous"));
    }

    [Fact]
    public void Curve_and_weight_helpers_validate_labels_too()
    {
        FluentActions.Invoking(() => ScoreMetrics.RocCurve([0.0, double.NaN], [0.1, 0.2]))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "yTrue" && e.Message.Contains("NaN at index 1"));
        FluentActions.Invoking(() => ClassWeights.ComputeSampleWeight(ClassWeightMode.Balanced, new[] { "a", null! }))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("y");
        FluentActions.Invoking(() => ClassificationMetrics.ConfusionMatrix(new object[] { 1, 2 }, new object[] { 1, 2 }))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "yTrue" && e.Message.Contains("cannot be sorted"));
    }

    [Fact]
    public void Curves_need_a_sample_with_weight()
    {
        FluentActions.Invoking(() => ScoreMetrics.PrecisionRecallCurve(Two, [0.1, 0.2], sampleWeight: [0.0, 0.0]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("sampleWeight");
    }

    [Fact]
    public void Nan_and_infinite_scores_are_rejected()
    {
        FluentActions.Invoking(() => ScoreMetrics.RocCurve(Two, [0.1, double.NaN]))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "yScore" && e.Message.Contains("NaN"));
        FluentActions.Invoking(() => ScoreMetrics.PrecisionRecallCurve(Two, [double.PositiveInfinity, 0.1]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("probasPred");
        FluentActions.Invoking(() => ThresholdMoving.TuneThreshold(Two, [0.1, double.NaN], ThresholdObjective.FBeta))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("yScore");
        FluentActions.Invoking(() => ClassificationMetrics.F1Score(Two, Two, sampleWeight: [1.0, double.NaN]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("sampleWeight");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Probabilities_outside_zero_one_are_rejected(double bad)
    {
        FluentActions.Invoking(() => ClassificationMetrics.BrierScoreLoss(Two, [0.2, bad]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("yProb");
        FluentActions.Invoking(() => ClassificationMetrics.LogLoss(Two, [0.2, bad]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("yProb");
        FluentActions.Invoking(() => ClassificationMetrics.LogLoss(Two, new[,] { { 0.8, 0.2 }, { 1 - bad, bad } }))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("yProb");
    }

    [Fact]
    public void Multiclass_probabilities_must_sum_to_one()
    {
        int[] y = [0, 1, 2];
        var proba = new[,] { { 0.5, 0.3, 0.2 }, { 0.1, 0.8, 0.1 }, { 0.3, 0.3, 0.3 } };
        FluentActions.Invoking(() => ScoreMetrics.RocAucScore(y, proba, MultiClassStrategy.OneVsRest))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "yScore" && e.Message.Contains("sum up to 1.0"));
    }

    [Fact]
    public void Positive_label_not_present_is_rejected()
    {
        FluentActions.Invoking(() => ClassificationMetrics.PrecisionScore(Two, Two, posLabel: 5))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "posLabel" && e.Message.StartsWith("posLabel=5 is not a valid label. It should be one of [0, 1]"));
        FluentActions.Invoking(() => ImbalancedMetrics.SpecificityScore(Two, Two, posLabel: 5))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("posLabel");
        FluentActions.Invoking(() => ScoreMetrics.RocCurve(Two, [0.1, 0.9], posLabel: 5))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("posLabel");
        FluentActions.Invoking(() => ThresholdMoving.TuneThreshold(Two, [0.1, 0.9], ThresholdObjective.GeometricMean, posLabel: 7))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("posLabel");
    }

    [Fact]
    public void String_labels_need_an_explicit_positive_label_for_binary_averages()
    {
        string[] y = ["no", "yes", "yes"];
        FluentActions.Invoking(() => ClassificationMetrics.RecallScore(y, y))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "posLabel" && e.Message.Contains("['no', 'yes']"));
        FluentActions.Invoking(() => ScoreMetrics.RocCurve(y, [0.1, 0.7, 0.9]))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "posLabel" && e.Message.Contains("posLabel is not specified"));
        ClassificationMetrics.RecallScore(y, y, posLabel: "yes").Should().Be(1.0);
    }

    [Fact]
    public void Binary_average_on_multiclass_and_samples_average_are_rejected()
    {
        FluentActions.Invoking(() => ClassificationMetrics.F1Score(Three.Append(2).ToArray(), [0, 1, 2, 2]))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "average" && e.Message.StartsWith("Target is multiclass but average='binary'"));
        FluentActions.Invoking(() => ClassificationMetrics.F1Score(Two, Two, average: Average.Samples))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "average" && e.Message.StartsWith("Sample-based precision"));
        FluentActions.Invoking(() => ImbalancedMetrics.SensitivityScore(Two, Two, average: Average.Samples))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("average");
        FluentActions.Invoking(() => ClassificationMetrics.PrecisionScore(Two, Two, average: Average.Multiclass))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("average");
    }

    [Fact]
    public void Parameter_ranges_are_checked()
    {
        FluentActions.Invoking(() => ClassificationMetrics.FBetaScore(Two, Two, 0.0))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("beta");
        FluentActions.Invoking(() => ImbalancedMetrics.GeometricMeanScore(Two, Two, correction: -1))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("correction");
        FluentActions.Invoking(() => ImbalancedMetrics.ClassificationReportImbalanced(Two, Two, digits: -1))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("digits");
        FluentActions.Invoking(() => ScoreMetrics.RocAucScore(Two, [0.1, 0.2], maxFpr: 0.0))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("maxFpr");
        FluentActions.Invoking(() => ImbalancedMetrics.ClassificationReportImbalanced(Two, Two, targetNames: ["a"]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("targetNames");
        FluentActions.Invoking(() => ClassificationMetrics.ConfusionMatrix(Two, Two, labels: Array.Empty<int>()))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("labels");
        FluentActions.Invoking(() => ClassificationMetrics.ConfusionMatrix(Two, Two, labels: [1, 1]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("labels");
        FluentActions.Invoking(() => ThresholdMoving.TuneThreshold(Two, [0.1, 0.9], ThresholdObjective.ExpectedCost))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("costs");
    }

    [Fact]
    public void Kappa_with_labels_absent_from_y_true_fails_like_scikit_learn()
    {
        FluentActions.Invoking(() => ClassificationMetrics.CohenKappaScore(Two, Two, labels: [5, 6]))
            .Should().Throw<InvalidOperationException>().WithMessage("At least one label specified must be in y_true.");
    }

    [Fact]
    public void Roc_auc_with_one_class_fails_like_scikit_learn()
    {
        FluentActions.Invoking(() => ScoreMetrics.RocAucScore([1, 1, 1], [0.1, 0.2, 0.3]))
            .Should().Throw<ArgumentException>().WithMessage("Only one class present in y_true. ROC AUC score is not defined in that case.*");
    }

    [Fact]
    public void Class_weight_inputs_are_checked()
    {
        FluentActions.Invoking(() => ClassWeights.ComputeClassWeight(ClassWeightMode.Balanced, [0, 1], [0, 1, 2]))
            .Should().Throw<ArgumentException>().WithMessage("classes should include all valid labels that can be in y*");
        FluentActions.Invoking(() => ClassWeights.ComputeClassWeight(ClassWeightMode.Balanced, [0, 1, 2], [0, 1, 1]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("classes");
        FluentActions.Invoking(() => ClassWeights.ComputeClassWeight(new Dictionary<int, double> { [0] = 2.0, [9] = 1.0 }, [0, 1], [0, 1]))
            .Should().Throw<ArgumentException>().WithMessage("The classes, [1], are not in ClassWeight*");
        FluentActions.Invoking(() => ClassWeights.ComputeSampleWeight(ClassWeightMode.Uniform, Two, indices: [0]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("indices");
    }
}
