using System.Text.Json;
using Imbalance.Metrics;
using static Imbalance.Tests.Metrics.MetricsFixture;

namespace Imbalance.Tests.Metrics;

/// <summary>Curves, AUCs, average precision, log loss and Brier score against scikit-learn 1.2.1.</summary>
public class CurveParityTests
{
    public static IEnumerable<object[]> CurveNames => Names("curve_cases");

    public static IEnumerable<object[]> MulticlassNames => Names("multiclass_auc_cases");

    public static IEnumerable<object[]> WeightNames => Names("class_weight_cases");

    [Theory]
    [MemberData(nameof(CurveNames))]
    public void Binary_curves_match(string name)
    {
        var c = Case("curve_cases", name);
        if (c.GetProperty("label_type").GetString() == "str")
        {
            CurveCase<string>(c);
        }
        else
        {
            CurveCase<int>(c);
        }
    }

    [Theory]
    [MemberData(nameof(MulticlassNames))]
    public void Multiclass_auc_and_log_loss_match(string name)
    {
        var c = Case("multiclass_auc_cases", name);
        if (c.GetProperty("label_type").GetString() == "str")
        {
            MulticlassCase<string>(c);
        }
        else
        {
            MulticlassCase<int>(c);
        }
    }

    [Theory]
    [MemberData(nameof(WeightNames))]
    public void Class_weights_match(string name)
    {
        var c = Case("class_weight_cases", name);
        if (c.GetProperty("label_type").GetString() == "str")
        {
            WeightCase<string>(c);
        }
        else
        {
            WeightCase<int>(c);
        }
    }

    private static void CurveCase<TLabel>(JsonElement c)
        where TLabel : notnull
    {
        var yTrue = Labels<TLabel>(c.GetProperty("y_true"));
        var score = Numbers(c.GetProperty("y_score"));
        var w = OptionalNumbers(c.GetProperty("sample_weight"));
        var pos = CountMetricsParityTests.Positive<TLabel>(c.GetProperty("pos_label"));
        var r = c.GetProperty("results");

        foreach (var (key, drop) in new[] { ("roc", true), ("roc_all", false) })
        {
            var e = r.GetProperty(key);
            if (IsError(e))
            {
                FluentActions.Invoking(() => ScoreMetrics.RocCurve(yTrue, score, pos, w, drop)).Should().Throw<ArgumentException>();
                continue;
            }

            var roc = ScoreMetrics.RocCurve(yTrue, score, pos, w, drop);
            Close(roc.FalsePositiveRates, e[0], key + " fpr");
            Close(roc.TruePositiveRates, e[1], key + " tpr");
            Close(roc.Thresholds, e[2], key + " thresholds");
        }

        var pr = r.GetProperty("pr");
        var curve = ScoreMetrics.PrecisionRecallCurve(yTrue, score, pos, w);
        Close(curve.Precision, pr[0], "precision");
        Close(curve.Recall, pr[1], "recall");
        Close(curve.Thresholds, pr[2], "thresholds");

        Check(r.GetProperty("ap"), () => ScoreMetrics.AveragePrecisionScore(yTrue, score, pos, w), "average precision");
        Check(r.GetProperty("pr_auc"), () => ScoreMetrics.PrecisionRecallAucScore(yTrue, score, pos, w), "PR-AUC");
        Check(r.GetProperty("brier"), () => ClassificationMetrics.BrierScoreLoss(yTrue, score, w, pos), "Brier");
        Check(r.GetProperty("log_loss"), () => ClassificationMetrics.LogLoss(yTrue, score, sampleWeight: w), "log loss");
        Check(r.GetProperty("log_loss_sum"), () => ClassificationMetrics.LogLoss(yTrue, score, normalize: false, sampleWeight: w), "log loss sum");
        if (r.TryGetProperty("roc_auc", out var auc))
        {
            Check(auc, () => ScoreMetrics.RocAucScore(yTrue, score, w), "ROC-AUC");
            Check(r.GetProperty("roc_auc_max_fpr"), () => ScoreMetrics.RocAucScore(yTrue, score, w, maxFpr: 0.3), "partial ROC-AUC");
        }
    }

    private static void MulticlassCase<TLabel>(JsonElement c)
        where TLabel : notnull
    {
        var yTrue = Labels<TLabel>(c.GetProperty("y_true"));
        var proba = TestData.Matrix(c.GetProperty("y_score"));
        var w = OptionalNumbers(c.GetProperty("sample_weight"));
        var r = c.GetProperty("results");
        foreach (var (mcName, mc) in new[] { ("ovr", MultiClassStrategy.OneVsRest), ("ovo", MultiClassStrategy.OneVsOne) })
        {
            foreach (var avgName in new[] { "macro", "weighted", "micro" })
            {
                var avg = CountMetricsParityTests.ParseAverage(avgName);
                Check(r.GetProperty($"{mcName}_{avgName}"), () => ScoreMetrics.RocAucScore(yTrue, proba, mc, avg, sampleWeight: w), $"ROC-AUC {mcName} {avgName}");
            }
        }

        CheckList(r.GetProperty("ovr_None"), () => ScoreMetrics.RocAucScorePerClass(yTrue, proba, sampleWeight: w).Values, "ROC-AUC per class");
        Check(r.GetProperty("log_loss"), () => ClassificationMetrics.LogLoss(yTrue, proba, sampleWeight: w), "log loss");
    }

    private static void WeightCase<TLabel>(JsonElement c)
        where TLabel : notnull
    {
        var y = Labels<TLabel>(c.GetProperty("y"));
        var classes = Labels<TLabel>(c.GetProperty("classes"));
        var dict = c.GetProperty("class_weight").EnumerateArray().ToDictionary(p => Label<TLabel>(p[0]), p => p[1].GetDouble());
        var indices = TestData.Ints(c.GetProperty("indices"));
        var r = c.GetProperty("results");
        Close(ClassWeights.ComputeClassWeight(ClassWeightMode.Balanced, classes, y), r.GetProperty("balanced"), "balanced");
        Close(ClassWeights.ComputeClassWeight(ClassWeightMode.Uniform, classes, y), r.GetProperty("none"), "none");
        Close(ClassWeights.ComputeClassWeight(dict, classes, y), r.GetProperty("dict"), "dict");
        Close(ClassWeights.ComputeSampleWeight(ClassWeightMode.Balanced, y), r.GetProperty("sample_balanced"), "sample balanced");
        Close(ClassWeights.ComputeSampleWeight(dict, y), r.GetProperty("sample_dict"), "sample dict");
        Close(ClassWeights.ComputeSampleWeight(ClassWeightMode.Balanced, y, indices), r.GetProperty("sample_indices"), "sample indices");
    }
}
