using System.Text;

namespace Imbalance.Metrics;

/// <summary>
/// imblearn's <c>classification_report_imbalanced</c>: per class precision, recall, specificity, F1, geometric mean,
/// index balanced accuracy and support, plus their support-weighted averages (the <c>avg / total</c> line).
/// <see cref="Text"/> (and <see cref="ToString"/>) is the table imblearn prints; the properties are its
/// <c>output_dict=True</c> result.
/// </summary>
/// <remarks><para>When to use it: a per-class summary of a classifier on imbalanced data, reading the minority rows
/// (recall, specificity, geometric mean) rather than the averages, which the majority class
/// dominates.</para></remarks>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class ClassificationReport<TLabel>
    where TLabel : notnull
{
    internal ClassificationReport(IReadOnlyList<ClassificationReportRow<TLabel>> rows, double[] averages, double totalSupport, string text)
    {
        Rows = rows;
        AveragePrecision = averages[0];
        AverageRecall = averages[1];
        AverageSpecificity = averages[2];
        AverageF1 = averages[3];
        AverageGeometricMean = averages[4];
        AverageIndexBalancedAccuracy = averages[5];
        TotalSupport = totalSupport;
        Text = text;
    }

    /// <summary>One row per reported label, in report order.</summary>
    public IReadOnlyList<ClassificationReportRow<TLabel>> Rows { get; }

    /// <summary><c>avg_pre</c>: support-weighted mean precision.</summary>
    public double AveragePrecision { get; }

    /// <summary><c>avg_rec</c>: support-weighted mean recall.</summary>
    public double AverageRecall { get; }

    /// <summary><c>avg_spe</c>: support-weighted mean specificity.</summary>
    public double AverageSpecificity { get; }

    /// <summary><c>avg_f1</c>: support-weighted mean F1.</summary>
    public double AverageF1 { get; }

    /// <summary><c>avg_geo</c>: support-weighted mean geometric mean.</summary>
    public double AverageGeometricMean { get; }

    /// <summary><c>avg_iba</c>: support-weighted mean index balanced accuracy.</summary>
    public double AverageIndexBalancedAccuracy { get; }

    /// <summary><c>total_support</c>: the summed support of the reported labels.</summary>
    public double TotalSupport { get; }

    /// <summary>scikit-learn's <c>UndefinedMetricWarning</c>s as data: under <see cref="ZeroDivision.Warn"/>, the
    /// precision, recall and F1 values that had a zero denominator and were set to 0. Empty otherwise.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Warnings { get; private init; } = [];

    /// <summary>The text table, character for character as imblearn 0.10.0 prints it (lines end with <c>\n</c>).</summary>
    public string Text { get; }

    /// <summary>The row of class <paramref name="label"/>.</summary>
    /// <exception cref="KeyNotFoundException">The label is not reported.</exception>
    public ClassificationReportRow<TLabel> this[TLabel label] =>
        Rows.FirstOrDefault(r => EqualityComparer<TLabel>.Default.Equals(r.Label, label))
        ?? throw new KeyNotFoundException($"Label {LabelText.Python(label)} is not in the report.");

    /// <summary>Returns <see cref="Text"/>.</summary>
    public override string ToString() => Text;

    /// <summary>Builds the report from a confusion matrix (see <see cref="ImbalancedMetrics.ClassificationReportImbalanced{TLabel}"/>).</summary>
    internal static ClassificationReport<TLabel> Build(ConfusionMatrix<TLabel> matrix, IReadOnlyList<string>? targetNames, int digits, double alpha, ZeroDivision zeroDivision)
    {
        var labels = matrix.Labels;
        if (targetNames is not null && targetNames.Count != labels.Count)
        {
            throw new ArgumentException(
                $"targetNames has {targetNames.Count} names but {labels.Count} labels are reported.", nameof(targetNames));
        }

        var names = targetNames?.ToArray() ?? labels.Select(l => LabelText.Str(l)).ToArray();
        const string LastLineHeading = "avg / total";
        var width = Math.Max(Math.Max(names.Max(n => n.Length), LastLineHeading.Length), digits);
        var precisionScores = matrix.PrecisionPerClass(zeroDivision);
        var recallScores = matrix.RecallPerClass(zeroDivision);
        var f1Scores = matrix.F1PerClass(zeroDivision);
        var precision = precisionScores.ToArray();
        var recall = recallScores.ToArray();
        var f1 = f1Scores.ToArray();
        var perClass = matrix.SensitivitySpecificityPerClass();
        var specificity = perClass.Specificity.ToArray();
        var support = perClass.Support.ToArray();
        var geo = matrix.GeometricMeanPerClass().ToArray();
        var iba = matrix.IndexBalancedAccuracyPerClass(alpha).ToArray();
        var totalSupport = support.Sum();

        // scikit-learn's support is a float array when weighted, and also when no prediction is correct (its
        // multilabel_confusion_matrix then starts from float zeros); Python prints floats as "2.0".
        var floatSupport = matrix.IsWeighted || matrix.Accuracy(normalize: false) == 0.0;
        if (totalSupport == 0.0)
        {
            throw Sampling.InputGuard.Invalid("labels", "None of the reported labels occurs in y_true: weights sum to zero, the averages are undefined.");
        }

        var builder = new StringBuilder();
        string[] headers = ["pre", "rec", "spe", "f1", "geo", "iba", "sup"];
        AppendLine(builder, width, string.Empty, headers);
        builder.Append('\n');
        var rows = new ClassificationReportRow<TLabel>[labels.Count];
        var columns = new[] { precision, recall, specificity, f1, geo, iba };
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new ClassificationReportRow<TLabel>(labels[i], names[i], precision[i], recall[i], specificity[i], f1[i], geo[i], iba[i], support[i]);
            var cells = columns.Select(c => FixedFormat.Format(c[i], digits)).Append(FormatSupport(support[i], floatSupport)).ToArray();
            AppendLine(builder, width, names[i], cells);
        }

        builder.Append('\n');
        var averages = columns.Select(c => ConfusionMatrix<TLabel>.WeightedMean(c, support)).ToArray();
        var averageCells = averages.Select(a => FixedFormat.Format(a, digits)).Append(FormatSupport(totalSupport, floatSupport)).ToArray();
        AppendLine(builder, width, LastLineHeading, averageCells);
        return new ClassificationReport<TLabel>(rows, averages, totalSupport, builder.ToString())
        {
            Warnings = [.. precisionScores.Warnings, .. recallScores.Warnings, .. f1Scores.Warnings],
        };
    }

    // Python prints numpy's integer support as "12" and weighted (float) support with repr, e.g. "12.5" or "13.0".
    private static string FormatSupport(double value, bool weighted) =>
        weighted ? Sampling.PythonFormat.Float(value) : ((long)value).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void AppendLine(StringBuilder builder, int width, string name, string[] cells)
    {
        builder.Append(FixedFormat.Right(name, width)).Append("  ");
        builder.Append(string.Join(' ', cells.Select(c => FixedFormat.Right(c, 9))));
        builder.Append('\n');
    }
}
