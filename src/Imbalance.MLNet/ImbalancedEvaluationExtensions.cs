using Imbalance.Metrics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalance.MLNet;

/// <summary>
/// Imbalanced-classification metrics and threshold tuning computed from ML.NET scored data views (the output of a
/// model's <c>Transform</c>), using the core's <see cref="ImbalancedMetrics"/>, <see cref="ClassificationMetrics"/>
/// and <see cref="ThresholdMoving"/>.
/// </summary>
public static class ImbalancedEvaluationExtensions
{
    /// <summary>
    /// Evaluates a binary model's scored view with imbalance-aware metrics: ROC-AUC, PR-AUC, average precision,
    /// precision, recall, specificity, F1, G-mean, index balanced accuracy and imblearn's imbalanced classification report.
    /// </summary>
    /// <param name="catalog">The binary classification catalog.</param>
    /// <param name="data">The scored view.</param>
    /// <param name="labelColumnName">The <see cref="bool"/> label column.</param>
    /// <param name="scoreColumnName">The score column (higher means more likely positive).</param>
    /// <param name="predictedLabelColumnName">The predicted-label column, used when <paramref name="threshold"/> is null.</param>
    /// <param name="threshold">When set, labels are predicted as score &gt;= threshold (e.g. a tuned threshold from <see cref="TuneThreshold"/>).</param>
    /// <param name="alpha">The dominance weight of the index balanced accuracy (imblearn's default 0.1).</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type, a score is not finite, or the labels hold a single class.</exception>
    public static ImbalancedBinaryMetrics EvaluateImbalanced(
        this BinaryClassificationCatalog catalog, IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score",
        string predictedLabelColumnName = "PredictedLabel", double? threshold = null, double alpha = 0.1)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var (labels, scores, predicted) = ReadBinary(data, labelColumnName, scoreColumnName, threshold is null ? predictedLabelColumnName : null);
        if (threshold is { } t)
        {
            predicted = [.. scores.Select(s => s >= t)];
        }

        var matrix = ClassificationMetrics.ConfusionMatrix(labels, predicted!, [false, true]);
        var (sensitivity, specificity) = matrix.SensitivitySpecificity(Average.Binary, true);
        var gmean = Math.Sqrt(sensitivity * specificity);
        var iba = ImbalancedMetrics.MakeIndexBalancedAccuracy<bool>(
            (y, p) => ImbalancedMetrics.GeometricMeanScore(y, p, [false, true], true, Average.Binary), alpha, squared: true, Average.Binary, true, [false, true])(labels, predicted!);
        return new ImbalancedBinaryMetrics(
            ImbalancedMetrics.ClassificationReportImbalanced(labels, predicted!, [false, true], zeroDivision: ZeroDivision.Zero, alpha: alpha),
            ScoreMetrics.RocAucScore(labels, scores),
            ScoreMetrics.PrecisionRecallAucScore(labels, scores, true),
            ScoreMetrics.AveragePrecisionScore(labels, scores, true),
            matrix.Precision(Average.Binary, true, ZeroDivision.Zero),
            sensitivity,
            specificity,
            matrix.F1(Average.Binary, true, ZeroDivision.Zero),
            gmean,
            iba,
            threshold);
    }

    /// <summary>
    /// Threshold moving from a scored view: evaluates <paramref name="objective"/> at every distinct score and returns
    /// the curve with the best threshold (predict positive when score &gt;= threshold); the core's
    /// <see cref="ThresholdMoving.TuneThreshold{TLabel}"/>.
    /// </summary>
    /// <remarks>Tune on held-out scores (a validation split or cross-validation folds), never on the training rows, then
    /// pass the threshold to <see cref="EvaluateImbalanced(BinaryClassificationCatalog, IDataView, string, string, string, double?, double)"/>
    /// on test data, or compare the model's score with it when predicting.</remarks>
    /// <param name="catalog">The binary classification catalog.</param>
    /// <param name="data">The scored view.</param>
    /// <param name="objective">The metric to maximise (or the cost to minimise); default the G-mean.</param>
    /// <param name="labelColumnName">The <see cref="bool"/> label column.</param>
    /// <param name="scoreColumnName">The score column.</param>
    /// <param name="beta">Beta of <see cref="ThresholdObjective.FBeta"/>.</param>
    /// <param name="costs">The cost matrix of <see cref="ThresholdObjective.ExpectedCost"/>.</param>
    /// <returns>The thresholds, the objective at each, and the best.</returns>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type, a score is not finite, or costs are missing for the expected cost.</exception>
    public static ThresholdCurve TuneThreshold(
        this BinaryClassificationCatalog catalog, IDataView data, ThresholdObjective objective = ThresholdObjective.GeometricMean, string labelColumnName = "Label",
        string scoreColumnName = "Score", double beta = 1.0, ClassificationCosts? costs = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var (labels, scores, _) = ReadBinary(data, labelColumnName, scoreColumnName, null);
        return ThresholdMoving.TuneThreshold(labels, scores, objective, true, beta, costs);
    }

    /// <summary>
    /// imblearn's <c>classification_report_imbalanced</c> for a multiclass model's scored view. Key-typed labels are
    /// reported by their key values (the <c>KeyValues</c> annotation) when present, else by their 1-based key number.
    /// </summary>
    /// <param name="catalog">The multiclass classification catalog.</param>
    /// <param name="data">The scored view.</param>
    /// <param name="labelColumnName">The label column (key, or any supported label type).</param>
    /// <param name="predictedLabelColumnName">The predicted-label column, of the same type as the label.</param>
    /// <param name="alpha">The dominance weight of the index balanced accuracy.</param>
    /// <returns>The report, one row per class.</returns>
    /// <exception cref="ArgumentException">A column is missing or of an unsupported type, or the two columns differ in type.</exception>
    public static ClassificationReport<string> EvaluateImbalanced(
        this MulticlassClassificationCatalog catalog, IDataView data, string labelColumnName = "Label", string predictedLabelColumnName = "PredictedLabel", double alpha = 0.1)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(labelColumnName);
        ArgumentException.ThrowIfNullOrEmpty(predictedLabelColumnName);
        var label = DataViewTable.RequireColumn(data.Schema, labelColumnName, nameof(labelColumnName));
        var predicted = DataViewTable.RequireColumn(data.Schema, predictedLabelColumnName, nameof(predictedLabelColumnName));
        if (!label.Type.Equals(predicted.Type))
        {
            throw new ArgumentException($"Label column '{labelColumnName}' ({label.Type}) and predicted-label column '{predictedLabelColumnName}' ({predicted.Type}) must have the same type.", nameof(predictedLabelColumnName));
        }

        var columns = DataViewTable.Read(data, [labelColumnName, predictedLabelColumnName], nameof(data));
        var names = KeyNames(label);
        var truth = DataViewTable.VisitLabels(columns[0], new AsText(names), nameof(data));
        var guess = DataViewTable.VisitLabels(columns[1], new AsText(names), nameof(data));
        return ImbalancedMetrics.ClassificationReportImbalanced(truth, guess, alpha: alpha, zeroDivision: ZeroDivision.Zero);
    }

    private static string[]? KeyNames(DataViewSchema.Column column)
    {
        if (column.Type is not KeyDataViewType || column.Annotations.Schema.GetColumnOrNull("KeyValues") is not { } kv
            || kv.Type is not VectorDataViewType { ItemType: TextDataViewType })
        {
            return null;
        }

        var values = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetKeyValues(ref values);
        return [.. values.DenseValues().Select(v => v.ToString())];
    }

    private static (bool[] Labels, double[] Scores, bool[]? Predicted) ReadBinary(IDataView data, string labelColumnName, string scoreColumnName, string? predictedLabelColumnName)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(labelColumnName);
        ArgumentException.ThrowIfNullOrEmpty(scoreColumnName);
        RequireType(data.Schema, labelColumnName, typeof(bool), nameof(labelColumnName));
        RequireType(data.Schema, scoreColumnName, typeof(float), nameof(scoreColumnName));
        List<string> names = [labelColumnName, scoreColumnName];
        if (predictedLabelColumnName is not null)
        {
            RequireType(data.Schema, predictedLabelColumnName, typeof(bool), nameof(predictedLabelColumnName));
            names.Add(predictedLabelColumnName);
        }

        var columns = DataViewTable.Read(data, names, nameof(data));
        var labels = ((ScalarColumnBuffer<bool>)columns[0]).Values.ToArray();
        var scores = ((ScalarColumnBuffer<float>)columns[1]).Values.Select(s => (double)s).ToArray();
        var predicted = predictedLabelColumnName is null ? null : ((ScalarColumnBuffer<bool>)columns[2]).Values.ToArray();
        return (labels, scores, predicted);
    }

    private static void RequireType(DataViewSchema schema, string name, Type rawType, string parameterName)
    {
        var column = DataViewTable.RequireColumn(schema, name, parameterName);
        if (column.Type.RawType != rawType || column.Type is KeyDataViewType)
        {
            throw new ArgumentException($"Column '{name}' must be {rawType.Name}, but is {column.Type}.", parameterName);
        }
    }

    private sealed class AsText(string[]? keyNames) : ILabelsFunc<string[]>
    {
        public string[] Invoke<TLabel>(IReadOnlyList<TLabel> labels)
            where TLabel : notnull =>
            [.. labels.Select(l => keyNames is not null && l is uint key && key >= 1 && key <= keyNames.Length
                ? keyNames[key - 1]
                : Convert.ToString(l, System.Globalization.CultureInfo.InvariantCulture)!)];
    }
}
