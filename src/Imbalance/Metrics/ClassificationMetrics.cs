namespace Imbalance.Metrics;

/// <summary>
/// scikit-learn's count-based classification metrics (<c>sklearn.metrics</c>) for labels of any type: each call
/// builds a <see cref="ConfusionMatrix{TLabel}"/> in one pass and derives the score from it. To compute several
/// metrics of the same predictions, build the matrix once with <see cref="ConfusionMatrix.Create"/> and call its
/// methods.
/// </summary>
/// <remarks>
/// Every method throws <see cref="ArgumentNullException"/> for a null vector and <see cref="ArgumentException"/>
/// (naming the parameter) for vectors of different lengths, empty input, null/NaN/non-integral labels, or
/// <c>sampleWeight</c> of the wrong length or with non-finite values.
/// </remarks>
public static class ClassificationMetrics
{
    /// <summary>scikit-learn's <c>accuracy_score</c>: the (weighted) fraction of exact matches, or their (weighted) number when <paramref name="normalize"/> is false.</summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="normalize">Whether to return the fraction (default) or the count.</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    public static double AccuracyScore<TLabel>(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, bool normalize = true, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull => ConfusionMatrix.Create(yTrue, yPred, sampleWeight: sampleWeight).Accuracy(normalize);

    /// <summary>scikit-learn's <c>balanced_accuracy_score</c>: <inheritdoc cref="ConfusionMatrix{TLabel}.BalancedAccuracy" path="/summary"/></summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <param name="adjusted">Whether to rescale so that random guessing scores 0.</param>
    public static double BalancedAccuracyScore<TLabel>(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<double>? sampleWeight = null, bool adjusted = false)
        where TLabel : notnull => ConfusionMatrix.Create(yTrue, yPred, sampleWeight: sampleWeight).BalancedAccuracy(adjusted);

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
        where TLabel : notnull => ConfusionMatrix.Create(yTrue, yPred, labels, sampleWeight).Precision(average, posLabel, zeroDivision);

    /// <summary>scikit-learn's <c>recall_score</c>: tp / (tp + fn), averaged as <paramref name="average"/> says.</summary>
    /// <inheritdoc cref="PrecisionScore{TLabel}" path="/param"/>
    /// <inheritdoc cref="PrecisionScore{TLabel}" path="/exception"/>
    public static double RecallScore<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, PositiveLabel<TLabel> posLabel = default,
        Average average = Average.Binary, IReadOnlyList<double>? sampleWeight = null, ZeroDivision zeroDivision = ZeroDivision.Warn)
        where TLabel : notnull => ConfusionMatrix.Create(yTrue, yPred, labels, sampleWeight).Recall(average, posLabel, zeroDivision);

    /// <summary>scikit-learn's <c>f1_score</c>: the harmonic mean of precision and recall, averaged as <paramref name="average"/> says.</summary>
    /// <inheritdoc cref="PrecisionScore{TLabel}" path="/param"/>
    /// <inheritdoc cref="PrecisionScore{TLabel}" path="/exception"/>
    public static double F1Score<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, PositiveLabel<TLabel> posLabel = default,
        Average average = Average.Binary, IReadOnlyList<double>? sampleWeight = null, ZeroDivision zeroDivision = ZeroDivision.Warn)
        where TLabel : notnull => ConfusionMatrix.Create(yTrue, yPred, labels, sampleWeight).F1(average, posLabel, zeroDivision);

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
        where TLabel : notnull => ConfusionMatrix.Create(yTrue, yPred, labels, sampleWeight).FBeta(beta, average, posLabel, zeroDivision);

    /// <summary>scikit-learn's <c>precision_score(average=None)</c>: the precision of each label.</summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="labels">The labels reported, in order (default: all labels of the data, sorted).</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <param name="zeroDivision">The value with a zero denominator.</param>
    public static ClassScores<TLabel> PrecisionScorePerClass<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, IReadOnlyList<double>? sampleWeight = null, ZeroDivision zeroDivision = ZeroDivision.Warn)
        where TLabel : notnull => ConfusionMatrix.Create(yTrue, yPred, labels, sampleWeight).PrecisionPerClass(zeroDivision);

    /// <summary>scikit-learn's <c>recall_score(average=None)</c>: the recall of each label.</summary>
    /// <inheritdoc cref="PrecisionScorePerClass{TLabel}" path="/param"/>
    public static ClassScores<TLabel> RecallScorePerClass<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, IReadOnlyList<double>? sampleWeight = null, ZeroDivision zeroDivision = ZeroDivision.Warn)
        where TLabel : notnull => ConfusionMatrix.Create(yTrue, yPred, labels, sampleWeight).RecallPerClass(zeroDivision);

    /// <summary>scikit-learn's <c>f1_score(average=None)</c>: the F1 of each label.</summary>
    /// <inheritdoc cref="PrecisionScorePerClass{TLabel}" path="/param"/>
    public static ClassScores<TLabel> F1ScorePerClass<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels = null, IReadOnlyList<double>? sampleWeight = null, ZeroDivision zeroDivision = ZeroDivision.Warn)
        where TLabel : notnull => ConfusionMatrix.Create(yTrue, yPred, labels, sampleWeight).F1PerClass(zeroDivision);

    /// <summary>scikit-learn's <c>fbeta_score(average=None)</c>: the F-beta of each label.</summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="beta">The weight of recall relative to precision (&gt; 0).</param>
    /// <param name="labels">The labels reported, in order (default: all labels of the data, sorted).</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <param name="zeroDivision">The value with a zero denominator.</param>
    public static ClassScores<TLabel> FBetaScorePerClass<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, double beta, IReadOnlyList<TLabel>? labels = null, IReadOnlyList<double>? sampleWeight = null, ZeroDivision zeroDivision = ZeroDivision.Warn)
        where TLabel : notnull => ConfusionMatrix.Create(yTrue, yPred, labels, sampleWeight).FBetaPerClass(beta, zeroDivision);

    /// <summary>scikit-learn's <c>matthews_corrcoef</c>: <inheritdoc cref="ConfusionMatrix{TLabel}.MatthewsCorrelation" path="/summary"/></summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    public static double MatthewsCorrCoef<TLabel>(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull => ConfusionMatrix.Create(yTrue, yPred, sampleWeight: sampleWeight).MatthewsCorrelation();

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
        return ConfusionMatrix.Create(y1, y2, labels, sampleWeight).CohenKappa(weights);
    }
}
