using System.Text.Json;
using Imbalance.Metrics;
using static Imbalance.Tests.Metrics.MetricsFixture;

namespace Imbalance.Tests.Metrics;

/// <summary>classification_report_imbalanced against imblearn 0.10.0: the text character for character, and the output_dict values.</summary>
public class ReportParityTests
{
    public static IEnumerable<object[]> CaseNames => Names("count_cases");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Report_matches_imblearn(string name)
    {
        var c = Case("count_cases", name);
        if (c.GetProperty("label_type").GetString() == "str")
        {
            ReportCase<string>(c);
        }
        else
        {
            ReportCase<int>(c);
        }
    }

    private static void ReportCase<TLabel>(JsonElement c)
        where TLabel : notnull
    {
        var yTrue = Labels<TLabel>(c.GetProperty("y_true"));
        var yPred = Labels<TLabel>(c.GetProperty("y_pred"));
        var w = OptionalNumbers(c.GetProperty("sample_weight"));
        var labels = OptionalLabels<TLabel>(c.GetProperty("labels"));
        var r = c.GetProperty("imblearn");
        var reference = c.GetProperty("reference");
        foreach (var digits in new[] { 2, 4 })
        {
            var expectedText = r.GetProperty($"report_{digits}");
            if (IsError(expectedText))
            {
                FluentActions.Invoking(() => ImbalancedMetrics.ClassificationReportImbalanced(yTrue, yPred, labels, sampleWeight: w, digits: digits))
                    .Should().Throw<ArgumentException>();
                continue;
            }

            var report = ImbalancedMetrics.ClassificationReportImbalanced(yTrue, yPred, labels, sampleWeight: w, digits: digits);
            var dict = r.GetProperty($"report_dict_{digits}");
            var n = report.Rows.Count;
            dict.GetArrayLength().Should().Be(n + 7);
            for (var i = 0; i < n; i++)
            {
                var row = report.Rows[i];
                var e = dict[i];
                Close(row.Precision, Number(e.GetProperty("pre")), "pre");
                Close(row.Recall, Number(e.GetProperty("rec")), "rec");
                Close(row.F1, Number(e.GetProperty("f1")), "f1");
                Close(row.Support, Number(e.GetProperty("sup")), "sup");
                Close(row.Specificity, Number(reference.GetProperty("specificity")[i]), "spe (reference)");
                Close(row.GeometricMean, Number(reference.GetProperty("gmean")[i]), "geo (reference)");
                if (w is null)
                {
                    Close(row.Specificity, Number(e.GetProperty("spe")), "spe");
                    Close(row.GeometricMean, Number(e.GetProperty("geo")), "geo");
                    Close(row.IndexBalancedAccuracy, Number(e.GetProperty("iba")), "iba");
                }
            }

            Close(report.AveragePrecision, Number(dict[n]), "avg_pre");
            Close(report.AverageRecall, Number(dict[n + 1]), "avg_rec");
            Close(report.AverageF1, Number(dict[n + 3]), "avg_f1");
            Close(report.TotalSupport, Number(dict[n + 6]), "total_support");
            if (w is null)
            {
                Close(report.AverageSpecificity, Number(dict[n + 2]), "avg_spe");
                Close(report.AverageGeometricMean, Number(dict[n + 4]), "avg_geo");
                Close(report.AverageIndexBalancedAccuracy, Number(dict[n + 5]), "avg_iba");

                // Without sample weights the text is imblearn's, character for character.
                report.Text.Should().Be(expectedText.GetString());
                report.ToString().Should().Be(expectedText.GetString());
            }
        }

        var named = r.GetProperty("report_names");
        if (w is null && !IsError(named))
        {
            var count = labels?.Length ?? yTrue.Concat(yPred).Distinct().Count();
            var names = Enumerable.Range(0, count).Select(i => $"name-{i}").ToArray();
            ImbalancedMetrics.ClassificationReportImbalanced(yTrue, yPred, labels, names, alpha: 0.3, zeroDivision: ZeroDivision.One)
                .Text.Should().Be(named.GetString());
        }
    }
}
