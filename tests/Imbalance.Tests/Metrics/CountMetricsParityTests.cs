using System.Text.Json;
using Imbalance.Metrics;
using static Imbalance.Tests.Metrics.MetricsFixture;

namespace Imbalance.Tests.Metrics;

/// <summary>Count-based metrics against scikit-learn 1.2.1 and imblearn 0.10.0 (tests/fixtures/generate_metrics.py).</summary>
public class CountMetricsParityTests
{
    public static IEnumerable<object[]> CaseNames => Names("count_cases");

    private static readonly string[] AverageNames = ["micro", "macro", "weighted", "binary"];

    [Fact]
    public void Fixture_was_made_by_the_target_versions()
    {
        var v = Document.GetProperty("versions");
        v.GetProperty("sklearn").GetString().Should().Be("1.2.1");
        v.GetProperty("imblearn").GetString().Should().Be("0.10.0");
        Document.GetProperty("count_cases").GetArrayLength().Should().BeGreaterThanOrEqualTo(19);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Scikit_learn_metrics_match(string name)
    {
        var c = Case("count_cases", name);
        if (c.GetProperty("label_type").GetString() == "str")
        {
            SklearnCase<string>(c);
        }
        else
        {
            SklearnCase<int>(c);
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Imblearn_metrics_match(string name)
    {
        var c = Case("count_cases", name);
        if (c.GetProperty("label_type").GetString() == "str")
        {
            ImblearnCase<string>(c);
        }
        else
        {
            ImblearnCase<int>(c);
        }
    }

    internal static PositiveLabel<TLabel> Positive<TLabel>(JsonElement e)
        where TLabel : notnull =>
        e.ValueKind == JsonValueKind.Null || (typeof(TLabel) == typeof(string) && e.ValueKind == JsonValueKind.Number)
            ? default
            : new PositiveLabel<TLabel>(Label<TLabel>(e)!);

    internal static Average ParseAverage(string name) => name switch
    {
        "micro" => Average.Micro,
        "macro" => Average.Macro,
        "weighted" => Average.Weighted,
        "binary" => Average.Binary,
        "samples" => Average.Samples,
        "multiclass" => Average.Multiclass,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static void SklearnCase<TLabel>(JsonElement c)
        where TLabel : notnull
    {
        var yTrue = Labels<TLabel>(c.GetProperty("y_true"));
        var yPred = Labels<TLabel>(c.GetProperty("y_pred"));
        var w = OptionalNumbers(c.GetProperty("sample_weight"));
        var labels = OptionalLabels<TLabel>(c.GetProperty("labels"));
        var pos = Positive<TLabel>(c.GetProperty("pos_label"));
        var r = c.GetProperty("sklearn");
        var cm = ClassificationMetrics.ConfusionMatrix(yTrue, yPred, labels, w);

        Check(r.GetProperty("accuracy"), () => ClassificationMetrics.AccuracyScore(yTrue, yPred, sampleWeight: w), "accuracy");
        Check(r.GetProperty("accuracy_count"), () => cm.Accuracy(normalize: false), "accuracy count");
        Check(r.GetProperty("balanced_accuracy"), () => ClassificationMetrics.BalancedAccuracyScore(yTrue, yPred, w), "balanced accuracy");
        Check(r.GetProperty("balanced_accuracy_adjusted"), () => cm.BalancedAccuracy(adjusted: true), "adjusted balanced accuracy");
        Check(r.GetProperty("mcc"), () => ClassificationMetrics.MatthewsCorrCoef(yTrue, yPred, w), "MCC");
        Check(r.GetProperty("kappa_None"), () => ClassificationMetrics.CohenKappaScore(yTrue, yPred, labels, KappaWeighting.None, w), "kappa");
        Check(r.GetProperty("kappa_linear"), () => cm.CohenKappa(KappaWeighting.Linear), "linear kappa");
        Check(r.GetProperty("kappa_quadratic"), () => cm.CohenKappa(KappaWeighting.Quadratic), "quadratic kappa");

        var expectedMatrix = r.GetProperty("confusion_matrix");
        if (!IsError(expectedMatrix))
        {
            var actual = cm.ToArray();
            var n = expectedMatrix.GetArrayLength();
            actual.GetLength(0).Should().Be(n);
            for (var i = 0; i < n; i++)
            {
                Close(Enumerable.Range(0, n).Select(j => actual[i, j]).ToArray(), expectedMatrix[i], $"confusion matrix row {i}");
            }
        }

        foreach (var zdName in new[] { "warn", "0", "1" })
        {
            var zd = zdName switch { "warn" => ZeroDivision.Warn, "0" => ZeroDivision.Zero, _ => ZeroDivision.One };
            foreach (var avgName in AverageNames.Append("None"))
            {
                var key = $"{avgName}_{zdName}";
                if (!r.TryGetProperty("precision_" + key, out var precision))
                {
                    continue;
                }

                if (avgName == "None")
                {
                    CheckList(precision, () => ClassificationMetrics.PrecisionScorePerClass(yTrue, yPred, labels, w, zd).Values, "precision " + key);
                    CheckList(r.GetProperty("recall_" + key), () => ClassificationMetrics.RecallScorePerClass(yTrue, yPred, labels, w, zd).Values, "recall " + key);
                    CheckList(r.GetProperty("f1_" + key), () => ClassificationMetrics.F1ScorePerClass(yTrue, yPred, labels, w, zd).Values, "f1 " + key);
                    CheckList(r.GetProperty("f0.5_" + key), () => cm.FBetaPerClass(0.5, zd).Values, "f0.5 " + key);
                    CheckList(r.GetProperty("f2_" + key), () => ClassificationMetrics.FBetaScorePerClass(yTrue, yPred, 2.0, labels, w, zd).Values, "f2 " + key);
                    continue;
                }

                var avg = ParseAverage(avgName);
                Check(precision, () => ClassificationMetrics.PrecisionScore(yTrue, yPred, labels, pos, avg, w, zd), "precision " + key);
                Check(r.GetProperty("recall_" + key), () => ClassificationMetrics.RecallScore(yTrue, yPred, labels, pos, avg, w, zd), "recall " + key);
                Check(r.GetProperty("f1_" + key), () => ClassificationMetrics.F1Score(yTrue, yPred, labels, pos, avg, w, zd), "f1 " + key);
                Check(r.GetProperty("f0.5_" + key), () => cm.FBeta(0.5, avg, pos, zd), "f0.5 " + key);
                Check(r.GetProperty("f2_" + key), () => ClassificationMetrics.FBetaScore(yTrue, yPred, 2.0, labels, pos, avg, w, zd), "f2 " + key);
            }
        }
    }

    private static void ImblearnCase<TLabel>(JsonElement c)
        where TLabel : notnull
    {
        var yTrue = Labels<TLabel>(c.GetProperty("y_true"));
        var yPred = Labels<TLabel>(c.GetProperty("y_pred"));
        var w = OptionalNumbers(c.GetProperty("sample_weight"));
        var weighted = w is not null;
        var labels = OptionalLabels<TLabel>(c.GetProperty("labels"));
        var pos = Positive<TLabel>(c.GetProperty("pos_label"));
        var r = c.GetProperty("imblearn");
        var reference = c.GetProperty("reference");
        var cm = ClassificationMetrics.ConfusionMatrix(yTrue, yPred, labels, w);

        // Per-class: sensitivity and support always equal imblearn's; specificity equals imblearn's unweighted and
        // the corrected reference (scikit-learn's multilabel confusion matrix) always (imblearn #1180).
        var perClass = ImbalancedMetrics.SensitivitySpecificitySupportPerClass(yTrue, yPred, labels, w);
        var sss = r.GetProperty("sss_None");
        Close(perClass.Sensitivity.Values, sss[0], "per-class sensitivity");
        Close(perClass.Support.Values, sss[2], "per-class support");
        Close(perClass.Specificity.Values, reference.GetProperty("specificity"), "per-class specificity (reference)");
        Close(cm.GeometricMeanPerClass().Values, reference.GetProperty("gmean"), "per-class G-mean (reference)");
        if (!weighted)
        {
            Close(perClass.Specificity.Values, sss[1], "per-class specificity (imblearn)");
            Close(ImbalancedMetrics.GeometricMeanScorePerClass(yTrue, yPred, labels, w).Values, r.GetProperty("gmean_None"), "per-class G-mean (imblearn)");
        }

        foreach (var avgName in AverageNames.Append("samples"))
        {
            if (!r.TryGetProperty("sss_" + avgName, out var expected))
            {
                continue;
            }

            var avg = ParseAverage(avgName);
            if (IsError(expected))
            {
                FluentActions.Invoking(() => ImbalancedMetrics.SensitivitySpecificitySupport(yTrue, yPred, labels, pos, avg, w))
                    .Should().Throw<ArgumentException>().Which.ParamName.Should().BeOneOf("average", "posLabel");
                continue;
            }

            var actual = ImbalancedMetrics.SensitivitySpecificitySupport(yTrue, yPred, labels, pos, avg, w);
            Close(actual.Sensitivity, Number(expected[0]), "sensitivity " + avgName);
            Close(ImbalancedMetrics.SensitivityScore(yTrue, yPred, labels, pos, avg, w), Number(expected[0]), "sensitivity score " + avgName);
            if (!weighted)
            {
                Close(actual.Specificity, Number(expected[1]), "specificity " + avgName);
                Close(ImbalancedMetrics.SpecificityScore(yTrue, yPred, labels, pos, avg, w), Number(expected[1]), "specificity score " + avgName);
            }
            else if (avgName != "binary")
            {
                Close(actual.Specificity, Number(reference.GetProperty("specificity_" + avgName)), "specificity (reference) " + avgName);
            }

            var gmean = r.GetProperty("gmean_" + avgName);
            if (avgName is "macro" or "weighted")
            {
                // imblearn #1096: the mean of the per-class G-means, not sqrt(mean sen x mean spe).
                Close(cm.GeometricMean(avg), Number(reference.GetProperty("gmean_" + avgName)), "G-mean (reference) " + avgName);
            }
            else if (!weighted)
            {
                Close(ImbalancedMetrics.GeometricMeanScore(yTrue, yPred, labels, pos, avg, w), Number(gmean), "G-mean " + avgName);
            }
            else
            {
                Close(cm.GeometricMean(avg, pos), Math.Sqrt(actual.Sensitivity * actual.Specificity), "G-mean " + avgName);
            }
        }

        Check(r.GetProperty("gmean_multiclass_0.0"), () => ImbalancedMetrics.GeometricMeanScore(yTrue, yPred, labels, sampleWeight: w), "G-mean multiclass");
        Check(r.GetProperty("gmean_multiclass_0.001"), () => cm.GeometricMean(Average.Multiclass, correction: 0.001), "G-mean multiclass corrected");

        if (!weighted)
        {
            foreach (var avgName in AverageNames)
            {
                foreach (var (alpha, squared) in new[] { (0.1, true), (0.5, false) })
                {
                    var key = $"{avgName}_{alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)}_{(squared ? "True" : "False")}";
                    if (!r.TryGetProperty("iba_recall_" + key, out var ibaRecall))
                    {
                        continue;
                    }

                    var avg = ParseAverage(avgName);
                    var recallIba = ImbalancedMetrics.MakeIndexBalancedAccuracy<TLabel>(
                        (t, p) => ClassificationMetrics.RecallScore(t, p, labels, pos, avg), alpha, squared, avg, pos, labels);
                    Check(ibaRecall, () => recallIba(yTrue, yPred), "IBA(recall) " + key);
                    var gmeanIba = ImbalancedMetrics.MakeIndexBalancedAccuracy<TLabel>(
                        (t, p) => ImbalancedMetrics.GeometricMeanScore(t, p, labels, pos, avg), alpha, squared, avg, pos, labels);
                    if (avgName is "binary" or "micro")
                    {
                        Check(r.GetProperty("iba_gmean_" + key), () => gmeanIba(yTrue, yPred), "IBA(G-mean) " + key);
                    }
                    else
                    {
                        var (sen, spe) = cm.SensitivitySpecificity(avg);
                        var g = Number(reference.GetProperty("gmean_" + avgName));
                        Close(gmeanIba(yTrue, yPred), (1 + (alpha * (sen - spe))) * (squared ? g * g : g), "IBA(G-mean, fixed) " + key);
                    }
                }
            }
        }

        if (r.TryGetProperty("macro_mae", out var mae) && !IsError(mae))
        {
            var t = yTrue.Cast<int>().ToArray();
            var p = yPred.Cast<int>().ToArray();
            Close(ImbalancedMetrics.MacroAveragedMeanAbsoluteError(t, p, w), Number(mae), "macro MAE");
        }
    }
}
