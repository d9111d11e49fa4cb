using System.Numerics;

namespace Imbalance.Metrics;

/// <summary>
/// imblearn's metrics (<c>imblearn.metrics</c>, 0.10.0 semantics) for labels of any type: sensitivity,
/// specificity, the geometric mean, the index balanced accuracy, the imbalanced classification report and the
/// macro-averaged mean absolute error. Each call builds one <see cref="ConfusionMatrix{TLabel}"/> in one pass.
/// </summary>
/// <remarks>
/// <para>When to use it: evaluating classifiers on imbalanced data, where accuracy is misleading: sensitivity and
/// specificity per class, the geometric mean (balanced across classes), the index balanced accuracy, and the
/// imbalanced classification report. Prefer ScoreMetrics when the model's scores, not its labels, are to be
/// judged.</para>
/// <para>
/// Two imblearn bugs are fixed: #1180 (with sample weights, imblearn counts true negatives as
/// <c>n_samples - (tp + fp + fn)</c>, mixing a count with weights, so specificity can exceed 1; here
/// tn = total weight - (tp + fp + fn)) and #1096 (imblearn's macro and weighted G-mean is
/// sqrt(mean sensitivity x mean specificity); here it is the mean of the per-class G-means). Results without sample
/// weights and other averages are imblearn's.
/// </para>
/// <para>
/// Every method throws <see cref="ArgumentNullException"/> for a null vector and <see cref="ArgumentException"/>
/// (naming the parameter) for vectors of different lengths, empty input, null/NaN/non-integral labels, bad
/// <c>sampleWeight</c>, <see cref="Average.Samples"/> (multilabel only), a binary average on a multiclass target,
/// or a <c>posLabel</c> that is not a label of the data.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var gMean = ImbalancedMetrics.GeometricMeanScore(y, predicted, average: Average.Binary, posLabel: 1);
/// var report = ImbalancedMetrics.ClassificationReportImbalanced(y, predicted);   // report.Text is imblearn's table
/// </code>
/// </example>
public static class ImbalancedMetrics
{
    /// <summary>
    /// imblearn's <c>sensitivity_specificity_support</c> with an average: the averaged sensitivity (recall,
    /// tp / (tp + fn)) and specificity (tn / (tn + fp)); a zero denominator gives 0.
    /// </summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="labels">The labels averaged over, in order (default: the sorted labels of the data).</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (default: 1).</param>
    /// <param name="average">The average (default <see cref="Average.Binary"/>); per-class values come from <see cref="SensitivitySpecificitySupportPerClass"/>.</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    public static SensitivitySpecificity SensitivitySpecificitySupport<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, PositiveLabel<TLabel> posLabel = default,
        Average average = Average.Binary, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull => ClassificationMetrics.ConfusionMatrix(yTrue, yPred, labels, sampleWeight).SensitivitySpecificity(average, posLabel);

    /// <summary>imblearn's <c>sensitivity_specificity_support(average=None)</c>: sensitivity, specificity and support of each label.</summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="labels">The labels reported, in order (default: the sorted labels of the data).</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    public static PerClassSensitivitySpecificity<TLabel> SensitivitySpecificitySupportPerClass<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull => ClassificationMetrics.ConfusionMatrix(yTrue, yPred, labels, sampleWeight).SensitivitySpecificityPerClass();

    /// <summary>imblearn's <c>sensitivity_score</c>: tp / (tp + fn), averaged as <paramref name="average"/> says.</summary>
    /// <inheritdoc cref="SensitivitySpecificitySupport{TLabel}" path="/param"/>
    public static double SensitivityScore<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, PositiveLabel<TLabel> posLabel = default,
        Average average = Average.Binary, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull => SensitivitySpecificitySupport(yTrue, yPred, labels, posLabel, average, sampleWeight).Sensitivity;

    /// <summary>imblearn's <c>specificity_score</c>: tn / (tn + fp), averaged as <paramref name="average"/> says (imblearn #1180 fixed, see the class remarks).</summary>
    /// <inheritdoc cref="SensitivitySpecificitySupport{TLabel}" path="/param"/>
    public static double SpecificityScore<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, PositiveLabel<TLabel> posLabel = default,
        Average average = Average.Binary, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull => SensitivitySpecificitySupport(yTrue, yPred, labels, posLabel, average, sampleWeight).Specificity;

    /// <summary>imblearn's <c>sensitivity_score(average=None)</c>: the sensitivity of each label.</summary>
    /// <inheritdoc cref="SensitivitySpecificitySupportPerClass{TLabel}" path="/param"/>
    public static ClassScores<TLabel> SensitivityScorePerClass<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull => SensitivitySpecificitySupportPerClass(yTrue, yPred, labels, sampleWeight).Sensitivity;

    /// <summary>imblearn's <c>specificity_score(average=None)</c>: the specificity of each label (imblearn #1180 fixed).</summary>
    /// <inheritdoc cref="SensitivitySpecificitySupportPerClass{TLabel}" path="/param"/>
    public static ClassScores<TLabel> SpecificityScorePerClass<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull => SensitivitySpecificitySupportPerClass(yTrue, yPred, labels, sampleWeight).Specificity;

    /// <summary>
    /// imblearn's <c>geometric_mean_score</c>. <see cref="Average.Multiclass"/> (the default): the geometric mean
    /// of the per-class sensitivities, a zero sensitivity replaced by <paramref name="correction"/>; other averages:
    /// see <see cref="ConfusionMatrix{TLabel}.GeometricMean"/>.
    /// </summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="labels">The labels used, in order (default: the sorted labels of the data).</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (default: 1).</param>
    /// <param name="average">The average (default <see cref="Average.Multiclass"/>).</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <param name="correction">Substitute for a zero sensitivity (multiclass average only), &gt;= 0; imblearn's default 0.</param>
    /// <remarks>
    /// Fixes imblearn #1096: the macro and weighted averages are the (support-weighted) mean of the per-class
    /// G-means sqrt(sen_c x spe_c), not imblearn 0.10.0's sqrt(mean sensitivity x mean specificity). Also fixes
    /// imblearn #1180 for weighted specificity.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="correction"/> is negative or not finite.</exception>
    public static double GeometricMeanScore<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, PositiveLabel<TLabel> posLabel = default,
        Average average = Average.Multiclass, IReadOnlyList<double>? sampleWeight = null, double correction = 0.0)
        where TLabel : notnull => ClassificationMetrics.ConfusionMatrix(yTrue, yPred, labels, sampleWeight).GeometricMean(average, posLabel, correction);

    /// <summary>imblearn's <c>geometric_mean_score(average=None)</c>: sqrt(sensitivity x specificity) of each label.</summary>
    /// <inheritdoc cref="SensitivitySpecificitySupportPerClass{TLabel}" path="/param"/>
    public static ClassScores<TLabel> GeometricMeanScorePerClass<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull => ClassificationMetrics.ConfusionMatrix(yTrue, yPred, labels, sampleWeight).GeometricMeanPerClass();

    /// <summary>
    /// imblearn's <c>make_index_balanced_accuracy(alpha=alpha, squared=squared)(scoring_func)</c>: wraps a metric
    /// of (y_true, y_pred) into its index balanced accuracy, IBA = (1 + alpha x (sensitivity - specificity)) x
    /// score (score squared when <paramref name="squared"/>), García, Mollineda and Sánchez (2009).
    /// </summary>
    /// <param name="scoringFunction">The metric to correct, e.g. <c>(t, p) =&gt; ImbalancedMetrics.GeometricMeanScore(t, p)</c>.</param>
    /// <param name="alpha">Weight of the dominance (sensitivity - specificity); imblearn's default 0.1.</param>
    /// <param name="squared">Whether the score is squared (imblearn's default true).</param>
    /// <param name="average">
    /// The average of the sensitivity and specificity giving the dominance: the one the wrapped metric uses, as
    /// imblearn passes the metric's own <c>average</c> on (imblearn maps the G-mean's <see cref="Average.Multiclass"/>
    /// to <see cref="Average.Macro"/>, and uses <see cref="Average.Binary"/> for accuracy; pass those). Default
    /// <see cref="Average.Binary"/>.
    /// </param>
    /// <param name="posLabel">The positive class of the dominance for <see cref="Average.Binary"/> (default: 1).</param>
    /// <param name="labels">The labels of the dominance, as passed to the metric.</param>
    /// <param name="sampleWeight">The sample weights of the dominance, as passed to the metric.</param>
    /// <returns>A function of (y_true, y_pred) returning the IBA of the metric.</returns>
    /// <remarks>
    /// imblearn discovers the metric's <c>average</c>, <c>labels</c>, <c>pos_label</c> and <c>sample_weight</c> by
    /// introspection; .NET has no such binding, so they are given here once and apply to the dominance, while
    /// <paramref name="scoringFunction"/> carries its own.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="scoringFunction"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not finite.</exception>
    public static Func<IReadOnlyList<TLabel>, IReadOnlyList<TLabel>, double> MakeIndexBalancedAccuracy<TLabel>(
        Func<IReadOnlyList<TLabel>, IReadOnlyList<TLabel>, double> scoringFunction, double alpha = 0.1, bool squared = true,
        Average average = Average.Binary, PositiveLabel<TLabel> posLabel = default, IReadOnlyList<TLabel>? labels = null, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(scoringFunction);
        if (!double.IsFinite(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be a finite number.");
        }

        var dominanceAverage = average == Average.Multiclass ? Average.Macro : average;
        return (yTrue, yPred) =>
        {
            var score = scoringFunction(yTrue, yPred);
            if (squared)
            {
                score *= score;
            }

            var (sensitivity, specificity) = SensitivitySpecificitySupport(yTrue, yPred, labels, posLabel, dominanceAverage, sampleWeight);
            return (1.0 + (alpha * (sensitivity - specificity))) * score;
        };
    }

    /// <summary>
    /// imblearn's <c>classification_report_imbalanced</c>: per-class precision, recall, specificity, F1, geometric
    /// mean, index balanced accuracy and support with their support-weighted averages; the text table is
    /// character for character imblearn's.
    /// </summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="labels">The labels reported, in order (default: the sorted labels of the data).</param>
    /// <param name="targetNames">Display names, one per reported label (default: the labels as Python prints them).</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <param name="digits">Decimals printed (default 2), &gt;= 0.</param>
    /// <param name="alpha">Weight of the dominance in the IBA column (default 0.1).</param>
    /// <param name="zeroDivision">Value of precision, recall and F1 with a zero denominator.</param>
    /// <remarks>With sample weights the <c>spe</c>, <c>geo</c> and <c>iba</c> columns differ from imblearn 0.10.0 because imblearn #1180 is fixed.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="digits"/> is negative or <paramref name="alpha"/> not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="targetNames"/> has the wrong length, or no reported label occurs in <paramref name="yTrue"/>.</exception>
    public static ClassificationReport<TLabel> ClassificationReportImbalanced<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, IReadOnlyList<string>? targetNames = null,
        IReadOnlyList<double>? sampleWeight = null, int digits = 2, double alpha = 0.1, ZeroDivision zeroDivision = ZeroDivision.Warn)
        where TLabel : notnull
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        if (!double.IsFinite(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be a finite number.");
        }

        return ClassificationReport<TLabel>.Build(ClassificationMetrics.ConfusionMatrix(yTrue, yPred, labels, sampleWeight), targetNames, digits, alpha, zeroDivision);
    }

    /// <summary>
    /// imblearn's <c>macro_averaged_mean_absolute_error</c> for ordinal classification: the mean absolute error
    /// |y_true - y_pred| within each class of <paramref name="yTrue"/>, averaged over the classes with equal weight.
    /// </summary>
    /// <param name="yTrue">Ground-truth ordinal labels.</param>
    /// <param name="yPred">Predicted ordinal labels.</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <remarks>
    /// imblearn 0.10.0 raises a <c>ValueError</c> when a label occurs only in <paramref name="yPred"/> (it computes
    /// the error of an empty class); here such labels are skipped, as they have no samples to average over.
    /// </remarks>
    /// <exception cref="ArgumentException">The weights of a class of <paramref name="yTrue"/> sum to zero.</exception>
    public static double MacroAveragedMeanAbsoluteError<TLabel>(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : struct, INumber<TLabel>
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        var encoding = TargetEncoding<TLabel>.Encode(yTrue, yPred, null);
        var weights = SampleWeights.Check(sampleWeight, yTrue.Count);
        var k = encoding.Classes.Length;
        var errorSum = new double[k];
        var weightSum = new double[k];
        var seen = new bool[k];
        var codes = encoding.TrueCodes;
        for (var i = 0; i < codes.Length; i++)
        {
            var w = weights?[i] ?? 1.0;
            var error = Math.Abs(double.CreateChecked(yTrue[i]) - double.CreateChecked(yPred[i]));
            errorSum[codes[i]] += w * error;
            weightSum[codes[i]] += w;
            seen[codes[i]] = true;
        }

        var total = 0.0;
        var classes = 0;
        for (var c = 0; c < k; c++)
        {
            if (!seen[c])
            {
                continue;
            }

            if (weightSum[c] == 0.0)
            {
                throw new ArgumentException($"The sample weights of class {LabelText.Python(encoding.Classes[c])} sum to zero.", nameof(sampleWeight));
            }

            total += errorSum[c] / weightSum[c];
            classes++;
        }

        return total / classes;
    }
}
