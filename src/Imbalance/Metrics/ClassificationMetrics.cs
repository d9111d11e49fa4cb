using System.Globalization;

namespace Imbalance.Metrics;

/// <summary>
/// scikit-learn's count-based classification metrics (<c>sklearn.metrics</c>) for labels of any type: each call
/// builds a <see cref="ConfusionMatrix{TLabel}"/> in one pass and derives the score from it. To compute several
/// metrics of the same predictions, build the matrix once with <see cref="ConfusionMatrix{TLabel}(IReadOnlyList{TLabel}, IReadOnlyList{TLabel}, IReadOnlyList{TLabel}, IReadOnlyList{double})"/> and call its
/// methods.
/// </summary>
/// <remarks>
/// <para>When to use it: scikit-learn's metrics on predicted labels; on imbalanced data read balanced accuracy,
/// recall, precision and F1 (macro or per class) rather than accuracy. Prefer ImbalancedMetrics for sensitivity,
/// specificity and the geometric mean.</para>
/// Every method throws <see cref="ArgumentNullException"/> for a null vector and <see cref="ArgumentException"/>
/// (naming the parameter) for vectors of different lengths, empty input, null/NaN/non-integral labels, or
/// <c>sampleWeight</c> of the wrong length or with non-finite values.
/// </remarks>
/// <example>
/// <code>
/// var f1 = ClassificationMetrics.F1Score(y, predicted, posLabel: 1);
/// var balanced = ClassificationMetrics.BalancedAccuracyScore(y, predicted);
/// var mcc = ClassificationMetrics.MatthewsCorrCoef(y, predicted);
/// </code>
/// </example>
public static class ClassificationMetrics
{
    /// <summary>
    /// Builds a <see cref="ConfusionMatrix{TLabel}"/> (label type inferred from the arguments). Counts (weighted) samples by true and predicted label in one pass over the data: scikit-learn's
    /// <c>confusion_matrix(y_true, y_pred, labels=labels, sample_weight=sample_weight)</c> as a value from which
    /// every count-based metric of this namespace is derived.
    /// </summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels, one per sample.</param>
    /// <param name="labels">
    /// The labels to report, in this order (scikit-learn's <c>labels</c>); labels absent from the data have zero
    /// counts. Default: the sorted union of the labels in <paramref name="yTrue"/> and <paramref name="yPred"/>.
    /// </param>
    /// <param name="sampleWeight">Optional weight of each sample (scikit-learn's <c>sample_weight</c>).</param>
    /// <exception cref="ArgumentNullException">A label vector is null.</exception>
    /// <exception cref="ArgumentException">
    /// Different lengths, empty input, null/NaN/non-integral labels, empty or duplicated <paramref name="labels"/>,
    /// or non-finite weights; the exception names the parameter.
    /// </exception>
    public static ConfusionMatrix<TLabel> ConfusionMatrix<TLabel>(
        IReadOnlyList<TLabel> yTrue,
        IReadOnlyList<TLabel> yPred,
        IReadOnlyList<TLabel>? labels = null,
        IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull => new(yTrue, yPred, labels, sampleWeight);

    /// <summary>scikit-learn's <c>accuracy_score</c>: the (weighted) fraction of exact matches, or their (weighted) number when <paramref name="normalize"/> is false.</summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="normalize">Whether to return the fraction (default) or the count.</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <exception cref="ArgumentException"><paramref name="normalize"/> is set and the sample weights sum to zero
    /// (scikit-learn returns NaN with a warning).</exception>
    public static double AccuracyScore<TLabel>(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, bool normalize = true, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull
    {
        var matrix = ConfusionMatrix(yTrue, yPred, sampleWeight: sampleWeight);
        if (normalize && !(matrix.TotalWeight > 0))
        {
            throw new ArgumentException("The sample weights sum to zero, so the normalised accuracy is undefined; pass non-zero weights or normalize: false.", nameof(sampleWeight));
        }

        return matrix.Accuracy(normalize);
    }

    /// <summary>scikit-learn's <c>balanced_accuracy_score</c>: <inheritdoc cref="ConfusionMatrix{TLabel}.BalancedAccuracy" path="/summary"/></summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <param name="adjusted">Whether to rescale so that random guessing scores 0.</param>
    public static double BalancedAccuracyScore<TLabel>(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<double>? sampleWeight = null, bool adjusted = false)
        where TLabel : notnull => ConfusionMatrix(yTrue, yPred, sampleWeight: sampleWeight).BalancedAccuracy(adjusted);

    /// <summary>scikit-learn's <c>precision_score</c>: tp / (tp + fp), averaged as <paramref name="average"/> says.</summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="labels">The labels averaged over, in order (default: all labels of the data, sorted).</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (default: 1).</param>
    /// <param name="average">The average (default <see cref="Average.Binary"/>); per-class scores come from <see cref="PrecisionScorePerClass"/>.</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <param name="zeroDivision">The value when a class has no predicted samples.</param>
    /// <exception cref="ArgumentException">Also: <inheritdoc cref="ConfusionMatrix{TLabel}.FBeta" path="/exception[2]"/></exception>
    public static double PrecisionScore<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, PositiveLabel<TLabel> posLabel = default,
        Average average = Average.Binary, IReadOnlyList<double>? sampleWeight = null, ZeroDivision zeroDivision = ZeroDivision.Warn)
        where TLabel : notnull => ConfusionMatrix(yTrue, yPred, labels, sampleWeight).Precision(average, posLabel, zeroDivision);

    /// <summary>scikit-learn's <c>recall_score</c>: tp / (tp + fn), averaged as <paramref name="average"/> says.</summary>
    /// <inheritdoc cref="PrecisionScore{TLabel}" path="/param"/>
    /// <inheritdoc cref="PrecisionScore{TLabel}" path="/exception"/>
    public static double RecallScore<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, PositiveLabel<TLabel> posLabel = default,
        Average average = Average.Binary, IReadOnlyList<double>? sampleWeight = null, ZeroDivision zeroDivision = ZeroDivision.Warn)
        where TLabel : notnull => ConfusionMatrix(yTrue, yPred, labels, sampleWeight).Recall(average, posLabel, zeroDivision);

    /// <summary>scikit-learn's <c>f1_score</c>: the harmonic mean of precision and recall, averaged as <paramref name="average"/> says.</summary>
    /// <inheritdoc cref="PrecisionScore{TLabel}" path="/param"/>
    /// <inheritdoc cref="PrecisionScore{TLabel}" path="/exception"/>
    public static double F1Score<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, PositiveLabel<TLabel> posLabel = default,
        Average average = Average.Binary, IReadOnlyList<double>? sampleWeight = null, ZeroDivision zeroDivision = ZeroDivision.Warn)
        where TLabel : notnull => ConfusionMatrix(yTrue, yPred, labels, sampleWeight).F1(average, posLabel, zeroDivision);

    /// <summary>scikit-learn's <c>fbeta_score</c>: (1 + beta^2) P R / (beta^2 P + R), averaged as <paramref name="average"/> says.</summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="beta">The weight of recall relative to precision (&gt; 0).</param>
    /// <param name="labels">The labels averaged over, in order (default: all labels of the data, sorted).</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (default: 1).</param>
    /// <param name="average">The average (default <see cref="Average.Binary"/>).</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <param name="zeroDivision">The value of precision/recall with a zero denominator.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not positive.</exception>
    public static double FBetaScore<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, double beta, IReadOnlyList<TLabel>? labels = null, PositiveLabel<TLabel> posLabel = default,
        Average average = Average.Binary, IReadOnlyList<double>? sampleWeight = null, ZeroDivision zeroDivision = ZeroDivision.Warn)
        where TLabel : notnull => ConfusionMatrix(yTrue, yPred, labels, sampleWeight).FBeta(beta, average, posLabel, zeroDivision);

    /// <summary>scikit-learn's <c>precision_score(average=None)</c>: the precision of each label.</summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="labels">The labels reported, in order (default: all labels of the data, sorted).</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <param name="zeroDivision">The value with a zero denominator.</param>
    public static ClassScores<TLabel> PrecisionScorePerClass<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, IReadOnlyList<double>? sampleWeight = null, ZeroDivision zeroDivision = ZeroDivision.Warn)
        where TLabel : notnull => ConfusionMatrix(yTrue, yPred, labels, sampleWeight).PrecisionPerClass(zeroDivision);

    /// <summary>scikit-learn's <c>recall_score(average=None)</c>: the recall of each label.</summary>
    /// <inheritdoc cref="PrecisionScorePerClass{TLabel}" path="/param"/>
    public static ClassScores<TLabel> RecallScorePerClass<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, IReadOnlyList<double>? sampleWeight = null, ZeroDivision zeroDivision = ZeroDivision.Warn)
        where TLabel : notnull => ConfusionMatrix(yTrue, yPred, labels, sampleWeight).RecallPerClass(zeroDivision);

    /// <summary>scikit-learn's <c>f1_score(average=None)</c>: the F1 of each label.</summary>
    /// <inheritdoc cref="PrecisionScorePerClass{TLabel}" path="/param"/>
    public static ClassScores<TLabel> F1ScorePerClass<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, IReadOnlyList<double>? sampleWeight = null, ZeroDivision zeroDivision = ZeroDivision.Warn)
        where TLabel : notnull => ConfusionMatrix(yTrue, yPred, labels, sampleWeight).F1PerClass(zeroDivision);

    /// <summary>scikit-learn's <c>fbeta_score(average=None)</c>: the F-beta of each label.</summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="beta">The weight of recall relative to precision (&gt; 0).</param>
    /// <param name="labels">The labels reported, in order (default: all labels of the data, sorted).</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <param name="zeroDivision">The value with a zero denominator.</param>
    public static ClassScores<TLabel> FBetaScorePerClass<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, double beta, IReadOnlyList<TLabel>? labels = null, IReadOnlyList<double>? sampleWeight = null, ZeroDivision zeroDivision = ZeroDivision.Warn)
        where TLabel : notnull => ConfusionMatrix(yTrue, yPred, labels, sampleWeight).FBetaPerClass(beta, zeroDivision);

    /// <summary>scikit-learn's <c>jaccard_score</c>: tp / (tp + fp + fn), averaged as <paramref name="average"/> says.</summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="labels">The labels averaged over, in order (default: all labels of the data, sorted).</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (default: 1).</param>
    /// <param name="average">The average (default <see cref="Average.Binary"/>); per-class scores come from <see cref="JaccardScorePerClass"/>.</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <param name="zeroDivision">The value when a class is neither true nor predicted.</param>
    /// <returns>The score in [0, 1].</returns>
    /// <exception cref="ArgumentException">Also: <inheritdoc cref="ConfusionMatrix{TLabel}.FBeta" path="/exception[2]"/></exception>
    public static double JaccardScore<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, PositiveLabel<TLabel> posLabel = default,
        Average average = Average.Binary, IReadOnlyList<double>? sampleWeight = null, ZeroDivision zeroDivision = ZeroDivision.Warn)
        where TLabel : notnull => ClassificationMetrics.ConfusionMatrix(yTrue, yPred, labels, sampleWeight).Jaccard(average, posLabel, zeroDivision);

    /// <summary>scikit-learn's <c>jaccard_score(average=None)</c>: the Jaccard index of each label.</summary>
    /// <inheritdoc cref="PrecisionScorePerClass{TLabel}" path="/param"/>
    /// <returns>The score of each label.</returns>
    public static ClassScores<TLabel> JaccardScorePerClass<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, IReadOnlyList<double>? sampleWeight = null, ZeroDivision zeroDivision = ZeroDivision.Warn)
        where TLabel : notnull => ClassificationMetrics.ConfusionMatrix(yTrue, yPred, labels, sampleWeight).JaccardPerClass(zeroDivision);

    /// <summary>scikit-learn's <c>matthews_corrcoef</c>: <inheritdoc cref="ConfusionMatrix{TLabel}.MatthewsCorrelation" path="/summary"/></summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    public static double MatthewsCorrCoef<TLabel>(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull => ConfusionMatrix(yTrue, yPred, sampleWeight: sampleWeight).MatthewsCorrelation();

    /// <summary>scikit-learn's <c>cohen_kappa_score</c>: agreement between two labelings beyond chance.</summary>
    /// <param name="y1">Labels of the first annotator (scikit-learn's rows of the confusion matrix).</param>
    /// <param name="y2">Labels of the second annotator.</param>
    /// <param name="labels">The labels used, in order (their order sets the linear/quadratic distances).</param>
    /// <param name="weights">Unweighted (default), linear or quadratic.</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <exception cref="InvalidOperationException"><paramref name="labels"/> has no label of <paramref name="y1"/>.</exception>
    public static double CohenKappaScore<TLabel>(
        IReadOnlyList<TLabel> y1, IReadOnlyList<TLabel> y2, IReadOnlyList<TLabel>? labels = null, KappaWeighting weights = KappaWeighting.None, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(y1);
        ArgumentNullException.ThrowIfNull(y2);
        return ConfusionMatrix(y1, y2, labels, sampleWeight).CohenKappa(weights);
    }

    /// <summary>
    /// scikit-learn's <c>log_loss</c> (cross-entropy) for a binary target: -mean(log p(true class)), where
    /// <paramref name="yProb"/> is the probability of the greater label (the second in sorted order, as scikit-learn's
    /// <c>LabelBinarizer</c> orders them). Probabilities are clipped to [eps, 1 - eps] with eps the float64 machine
    /// epsilon (scikit-learn 1.2's <c>eps="auto"</c>).
    /// </summary>
    /// <param name="yTrue">True labels; with two classes unless <paramref name="labels"/> lists both.</param>
    /// <param name="yProb">Probability of the greater label for each sample, in [0, 1].</param>
    /// <param name="normalize">Whether to return the mean (default) or the sum of the per-sample losses.</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <param name="labels">The two labels, when <paramref name="yTrue"/> holds only one of them.</param>
    /// <remarks>scikit-learn clips probabilities outside [0, 1] silently; this method rejects them.</remarks>
    /// <exception cref="ArgumentException">Probabilities outside [0, 1] or NaN, lengths differ, or not exactly two classes.</exception>
    public static double LogLoss<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<double> yProb, bool normalize = true, IReadOnlyList<double>? sampleWeight = null, IReadOnlyList<TLabel>? labels = null)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(yProb);
        var n = yTrue?.Count ?? 0;
        var matrix = new double[yProb.Count, 2];
        for (var i = 0; i < yProb.Count; i++)
        {
            matrix[i, 0] = 1.0 - yProb[i];
            matrix[i, 1] = yProb[i];
        }

        BinaryCurve.CheckProbabilities(yProb.ToArray(), nameof(yProb));
        return LogLossCore(yTrue!, matrix, normalize, sampleWeight, labels, nameof(yProb), n);
    }

    /// <summary>
    /// scikit-learn's <c>log_loss</c> (cross-entropy) for any number of classes: -mean(log p(true class)) with the
    /// rows of <paramref name="yProb"/> clipped to [eps, 1 - eps] and renormalised to sum to 1.
    /// </summary>
    /// <param name="yTrue">True labels.</param>
    /// <param name="yProb">Class probabilities, one row per sample, one column per class in sorted label order (<c>predict_proba</c> order); values in [0, 1].</param>
    /// <param name="normalize">Whether to return the mean (default) or the sum of the per-sample losses.</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <param name="labels">All classes, when <paramref name="yTrue"/> does not contain every column's class.</param>
    /// <remarks>scikit-learn clips probabilities outside [0, 1] silently; this method rejects them.</remarks>
    /// <exception cref="ArgumentException">Probabilities outside [0, 1] or NaN, lengths differ, fewer than two classes, or a column count different from the class count.</exception>
    public static double LogLoss<TLabel>(
        IReadOnlyList<TLabel> yTrue, double[,] yProb, bool normalize = true, IReadOnlyList<double>? sampleWeight = null, IReadOnlyList<TLabel>? labels = null)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(yProb);
        BinaryCurve.CheckProbabilities(Sampling.MatrixRows.Of(yProb), nameof(yProb));
        return LogLossCore(yTrue, yProb, normalize, sampleWeight, labels, nameof(yProb), yTrue?.Count ?? 0);
    }

    /// <summary>
    /// scikit-learn's <c>brier_score_loss</c>: the (weighted) mean squared difference between the probability of the
    /// positive class and the outcome (1 for the positive class, else 0).
    /// </summary>
    /// <param name="yTrue">True binary labels.</param>
    /// <param name="yProb">Probability of the positive class, in [0, 1].</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <param name="posLabel">The positive class; by default 1, allowed only when <paramref name="yTrue"/> takes values in {0, 1} or {-1, 1}.</param>
    /// <exception cref="ArgumentException">Probabilities outside [0, 1] or NaN, a multiclass target, lengths differ, or no usable positive label.</exception>
    public static double BrierScoreLoss<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<double> yProb, IReadOnlyList<double>? sampleWeight = null, PositiveLabel<TLabel> posLabel = default)
        where TLabel : notnull
    {
        var encoding = TargetEncoding<TLabel>.Encode(yTrue, null, null);
        var probabilities = BinaryCurve.CheckScores(yProb, yTrue.Count, nameof(yProb));
        BinaryCurve.CheckProbabilities(probabilities, nameof(yProb));
        if (encoding.Classes.Length > 2)
        {
            throw new ArgumentException("Only binary classification is supported. The type of the target is multiclass.", nameof(yTrue));
        }

        var weights = SampleWeights.Check(sampleWeight, yTrue.Count);
        var positive = ScoreMetrics.PositiveCode(encoding, posLabel, defaultPositiveIsOne: false);
        var sum = 0.0;
        var weightSum = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var outcome = encoding.TrueCodes[i] == positive ? 1.0 : 0.0;
            var d = outcome - probabilities[i];
            var w = weights?[i] ?? 1.0;
            sum += w * d * d;
            weightSum += w;
        }

        return sum / weightSum;
    }

    private static double LogLossCore<TLabel>(
        IReadOnlyList<TLabel> yTrue, double[,] yProb, bool normalize, IReadOnlyList<double>? sampleWeight, IReadOnlyList<TLabel>? labels, string probName, int n)
        where TLabel : notnull
    {
        var encoding = TargetEncoding<TLabel>.Encode(yTrue, null, labels);
        if (yProb.GetLength(0) != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Found input variables with inconsistent numbers of samples: [{n}, {yProb.GetLength(0)}]"), probName);
        }

        var k = encoding.Classes.Length;
        if (labels is not null && encoding.Classes.Length != labels.Distinct().Count())
        {
            throw new ArgumentException($"y_true contains labels not in labels: {LabelText.List(encoding.Classes.Except(labels))}", nameof(labels));
        }

        if (k == 1)
        {
            throw new ArgumentException(
                labels is null
                    ? $"y_true contains only one label ({LabelText.Python(encoding.Classes[0])}). Please provide the true labels explicitly through the labels argument."
                    : $"The labels array needs to contain at least two labels for log_loss, got {LabelText.List(encoding.Classes)}.",
                labels is null ? nameof(yTrue) : nameof(labels));
        }

        if (k != yProb.GetLength(1))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"y_true and y_pred contain different number of classes {k}, {yProb.GetLength(1)}. Please provide the true labels explicitly through the labels argument. Classes found in y_true: {LabelText.List(encoding.Classes)}"),
                probName);
        }

        var weights = SampleWeights.Check(sampleWeight, n);
        const double Eps = 2.220446049250313e-16;
        var total = 0.0;
        var weightSum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var rowSum = 0.0;
            for (var j = 0; j < k; j++)
            {
                rowSum += Math.Clamp(yProb[i, j], Eps, 1.0 - Eps);
            }

            var p = Math.Clamp(yProb[i, encoding.TrueCodes[i]], Eps, 1.0 - Eps) / rowSum;
            var w = weights?[i] ?? 1.0;
            total += -Math.Log(p) * w;
            weightSum += w;
        }

        return normalize ? total / weightSum : total;
    }
}
