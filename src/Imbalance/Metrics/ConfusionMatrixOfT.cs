using System.Globalization;
using Imbalance.Diagnostics;

namespace Imbalance.Metrics;

/// <summary>
/// A (weighted) confusion matrix: scikit-learn's <c>confusion_matrix</c>, rows are true labels and columns
/// predicted labels, kept over every class of the data so that all of scikit-learn's and imblearn's count-based
/// metrics derive from it without another pass over the samples: accuracy, balanced accuracy, precision, recall,
/// F-beta, Matthews correlation, Cohen's kappa, sensitivity, specificity and the geometric mean.
/// </summary>
/// <remarks>
/// <para>When to use it: computing several metrics of the same predictions: build it once and read every score from
/// it, rather than letting each metric call recount. Its rows and columns show where the minority class is
/// lost.</para>
/// <para>
/// Metrics that take <c>labels</c> in scikit-learn (precision, recall, F-beta, sensitivity, specificity, G-mean,
/// kappa) use <see cref="Labels"/>; accuracy, balanced accuracy and MCC use every class, as scikit-learn's versions
/// have no <c>labels</c> parameter. Samples whose labels are not in <see cref="Labels"/> still count as true
/// negatives of the reported classes, as in scikit-learn's <c>multilabel_confusion_matrix</c>.
/// </para>
/// <para>
/// The matrix is immutable (safe to share between threads) and holds K x K counts over all K classes, so memory
/// grows with the square of the number of distinct labels, as scikit-learn's dense <c>confusion_matrix</c> does.
/// </para>
/// <para>
/// Zero division: ratios with a zero denominator take the value chosen by <see cref="ZeroDivision"/>. This library
/// writes no warnings; the counts (<see cref="Support"/>, <see cref="PredictedCounts"/>) show which classes were
/// ill-defined.
/// </para>
/// </remarks>
/// <typeparam name="TLabel">The label type: any type with an ordering (int, string, enum, bool, ...).</typeparam>
/// <example>
/// <code>
/// var matrix = ClassificationMetrics.ConfusionMatrix(y, predicted);   // one pass over the labels
/// double missed = matrix[1, 0];                                        // rows of class 1 predicted as 0
/// double recall = matrix.Recall(posLabel: 1);                          // and every count-based metric from it
/// </code>
/// </example>
public sealed class ConfusionMatrix<TLabel>
    where TLabel : notnull
{
    private const string SamplesMessage =
        "Sample-based precision, recall, fscore is not meaningful outside multilabel classification. See the accuracy_score instead.";

    private readonly PairCounter<TLabel> _encoding;
    private readonly int _k;
    private readonly double[] _matrix;
    private readonly double[] _rowSum;
    private readonly double[] _colSum;
    private readonly bool[] _inTrue;
    private readonly int[] _selected;
    private readonly TLabel[] _labels;

    internal ConfusionMatrix(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels, IReadOnlyList<double>? sampleWeight)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        if (labels is not null && labels.Count == 0)
        {
            throw new ArgumentException("'labels' should contains at least one label.", nameof(labels));
        }

        _encoding = PairCounter<TLabel>.Count(yTrue, yPred, labels, sampleWeight);
        _k = _encoding.Classes.Length;
        IsWeighted = _encoding.IsWeighted;
        _matrix = _encoding.Matrix;
        _inTrue = _encoding.InTrue;
        var k = _k;
        _rowSum = new double[k];
        _colSum = new double[k];
        var total = 0.0;
        for (var r = 0; r < k; r++)
        {
            for (var c = 0; c < k; c++)
            {
                var v = _matrix[(r * k) + c];
                _rowSum[r] += v;
                _colSum[c] += v;
            }

            total += _rowSum[r];
        }

        TotalWeight = total;
        SampleCount = _encoding.SampleCount;

        if (labels is null)
        {
            _selected = Enumerable.Range(0, k).Where(c => _encoding.Present[c]).ToArray();
        }
        else
        {
            _selected = new int[labels.Count];
            var seen = new HashSet<int>();
            for (var i = 0; i < labels.Count; i++)
            {
                _selected[i] = _encoding.CodeOf(labels[i]);
                if (!seen.Add(_selected[i]))
                {
                    throw new ArgumentException($"labels contains {LabelText.Python(labels[i])} more than once.", nameof(labels));
                }
            }
        }

        LabelsGiven = labels is not null;
        _labels = _selected.Select(c => _encoding.Classes[c]).ToArray();
    }

    /// <summary>The reported labels: the <c>labels</c> argument in its order, or the sorted union of the labels in <c>y_true</c> and <c>y_pred</c>.</summary>
    public IReadOnlyList<TLabel> Labels => _labels;

    /// <summary>Every class known to the matrix: the sorted union of the data's labels and the <c>labels</c> argument.</summary>
    public IReadOnlyList<TLabel> AllLabels => _encoding.Classes;

    /// <summary>Whether sample weights were given (counts are then sums of weights).</summary>
    public bool IsWeighted { get; }

    /// <summary>The number of samples.</summary>
    public int SampleCount { get; }

    /// <summary>The sum of the sample weights (the number of samples when unweighted).</summary>
    public double TotalWeight { get; }

    /// <summary>Whether a <c>labels</c> argument was given.</summary>
    internal bool LabelsGiven { get; }

    /// <summary>The (weighted) number of samples with true label <paramref name="actual"/> predicted as <paramref name="predicted"/>; 0 for unknown labels.</summary>
    public double this[TLabel actual, TLabel predicted]
    {
        get
        {
            var r = _encoding.CodeOf(actual);
            var c = _encoding.CodeOf(predicted);
            return r < 0 || c < 0 ? 0.0 : _matrix[(r * _k) + c];
        }
    }

    /// <summary>Support of each reported class: the (weighted) number of true samples (tp + fn).</summary>
    public ClassScores<TLabel> Support => Scores(_selected.Select(c => _rowSum[c]).ToArray());

    /// <summary>The (weighted) number of samples predicted as each reported class (tp + fp).</summary>
    public ClassScores<TLabel> PredictedCounts => Scores(_selected.Select(c => _colSum[c]).ToArray());

    /// <summary>True positives of each reported class (one-vs-rest, scikit-learn's <c>multilabel_confusion_matrix[:, 1, 1]</c>).</summary>
    public ClassScores<TLabel> TruePositives => Scores(_selected.Select(Diagonal).ToArray());

    /// <summary>False positives of each reported class (<c>multilabel_confusion_matrix[:, 0, 1]</c>).</summary>
    public ClassScores<TLabel> FalsePositives => Scores(_selected.Select(c => _colSum[c] - Diagonal(c)).ToArray());

    /// <summary>False negatives of each reported class (<c>multilabel_confusion_matrix[:, 1, 0]</c>).</summary>
    public ClassScores<TLabel> FalseNegatives => Scores(_selected.Select(c => _rowSum[c] - Diagonal(c)).ToArray());

    /// <summary>True negatives of each reported class: total weight - (tp + fp + fn) (<c>multilabel_confusion_matrix[:, 0, 0]</c>).</summary>
    public ClassScores<TLabel> TrueNegatives => Scores(_selected.Select(TrueNegative).ToArray());

    /// <summary>
    /// scikit-learn's <c>confusion_matrix</c> array over <see cref="Labels"/>: entry [i, j] is the (weighted) number
    /// of samples of true label <c>Labels[i]</c> predicted as <c>Labels[j]</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Labels were given and none of them occurs in <c>y_true</c> (scikit-learn's error).</exception>
    public double[,] ToArray()
    {
        RequireLabelInTrue();
        var n = _selected.Length;
        var result = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                result[i, j] = _matrix[(_selected[i] * _k) + _selected[j]];
            }
        }

        return result;
    }

    /// <summary>
    /// scikit-learn's <c>confusion_matrix(..., normalize=...)</c>: <see cref="ToArray()"/> divided by the row sums
    /// (<see cref="ConfusionNormalization.True"/>: each row is the distribution of predictions of a true class), the
    /// column sums (<see cref="ConfusionNormalization.Pred"/>) or the total (<see cref="ConfusionNormalization.All"/>);
    /// a zero sum gives zeros, as scikit-learn's <c>nan_to_num</c> does.
    /// </summary>
    /// <param name="normalize">How to normalise; <see cref="ConfusionNormalization.None"/> gives the counts.</param>
    /// <returns>A new matrix over <see cref="Labels"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="normalize"/> is not a defined value.</exception>
    /// <exception cref="InvalidOperationException">Labels were given and none of them occurs in <c>y_true</c>.</exception>
    public double[,] ToArray(ConfusionNormalization normalize)
    {
        if (!Enum.IsDefined(normalize))
        {
            throw new ArgumentOutOfRangeException(nameof(normalize), normalize, "normalize must be one of {'true', 'pred', 'all', None}.");
        }

        var counts = ToArray();
        var n = counts.GetLength(0);
        if (normalize == ConfusionNormalization.None)
        {
            return counts;
        }

        var rows = new double[n];
        var columns = new double[n];
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                rows[i] += counts[i, j];
                columns[j] += counts[i, j];
                total += counts[i, j];
            }
        }

        var result = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var denominator = normalize switch
                {
                    ConfusionNormalization.True => rows[i],
                    ConfusionNormalization.Pred => columns[j],
                    _ => total,
                };
                result[i, j] = denominator == 0.0 ? 0.0 : counts[i, j] / denominator;
            }
        }

        return result;
    }

    /// <summary>
    /// scikit-learn's <c>jaccard_score</c>: the Jaccard index tp / (tp + fp + fn) (intersection over union of the
    /// true and predicted sets of a class), averaged as <paramref name="average"/> says.
    /// </summary>
    /// <param name="average">The average; <see cref="Average.Binary"/> (the default) reports <paramref name="posLabel"/> only.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (default: 1).</param>
    /// <param name="zeroDivision">The value when a class is neither true nor predicted.</param>
    /// <returns>The score in [0, 1].</returns>
    /// <exception cref="ArgumentException">See <see cref="FBeta"/>.</exception>
    public double Jaccard(Average average = Average.Binary, PositiveLabel<TLabel> posLabel = default, ZeroDivision zeroDivision = ZeroDivision.Warn)
    {
        if (average == Average.Multiclass)
        {
            throw new ArgumentException("average='multiclass' is only available for the geometric mean; use Binary, Micro, Macro or Weighted.", nameof(average));
        }

        var codes = ReportedCodes(average, posLabel, imblearn: false, out _);
        var (tp, pred, truth, _) = CountsOf(codes);
        var union = tp.Select((t, i) => pred[i] + truth[i] - t).ToArray();
        if (average == Average.Micro)
        {
            return Divide([tp.Sum()], [union.Sum()], zeroDivision)[0];
        }

        var jaccard = Divide(tp, union, zeroDivision);
        return average == Average.Weighted && truth.Any(t => t != 0.0) ? WeightedMean(jaccard, truth) : jaccard.Average();
    }

    /// <summary>Per-class Jaccard index (scikit-learn's <c>jaccard_score(average=None)</c>) over <see cref="Labels"/>.</summary>
    /// <param name="zeroDivision">The value when a class is neither true nor predicted.</param>
    /// <returns>The score of each reported label.</returns>
    public ClassScores<TLabel> JaccardPerClass(ZeroDivision zeroDivision = ZeroDivision.Warn)
    {
        var (tp, pred, truth, _) = CountsOf(_selected);
        return Scores(Divide(tp, tp.Select((t, i) => pred[i] + truth[i] - t).ToArray(), zeroDivision));
    }

    /// <summary>
    /// scikit-learn's <c>accuracy_score</c>: the (weighted) fraction of samples whose prediction equals the true
    /// label, or their (weighted) number when <paramref name="normalize"/> is false.
    /// </summary>
    public double Accuracy(bool normalize = true)
    {
        var correct = 0.0;
        for (var c = 0; c < _k; c++)
        {
            correct += Diagonal(c);
        }

        return normalize ? correct / TotalWeight : correct;
    }

    /// <summary>
    /// scikit-learn's <c>balanced_accuracy_score</c>: the mean recall of the classes present in <c>y_true</c>
    /// (classes only predicted are skipped, with scikit-learn's warning dropped). With <paramref name="adjusted"/>,
    /// rescaled so that chance scores 0 and perfect 1: (score - 1/K) / (1 - 1/K).
    /// </summary>
    public double BalancedAccuracy(bool adjusted = false)
    {
        var sum = 0.0;
        var count = 0;
        for (var c = 0; c < _k; c++)
        {
            if (_rowSum[c] != 0.0)
            {
                sum += Diagonal(c) / _rowSum[c];
                count++;
            }
        }

        var score = sum / count;
        if (adjusted)
        {
            var chance = 1.0 / count;
            score -= chance;
            score /= 1.0 - chance;
        }

        return score;
    }

    /// <summary>scikit-learn's <c>precision_score</c>: tp / (tp + fp), averaged as <paramref name="average"/> says.</summary>
    /// <param name="average">The average; <see cref="Average.Binary"/> (the default) reports <paramref name="posLabel"/> only.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (default: 1).</param>
    /// <param name="zeroDivision">The value when a class has no predicted samples.</param>
    /// <exception cref="ArgumentException">See <see cref="FBeta"/>.</exception>
    public double Precision(Average average = Average.Binary, PositiveLabel<TLabel> posLabel = default, ZeroDivision zeroDivision = ZeroDivision.Warn) =>
        PrecisionRecallF(1.0, average, posLabel, zeroDivision).Precision;

    /// <summary>scikit-learn's <c>recall_score</c>: tp / (tp + fn), averaged as <paramref name="average"/> says.</summary>
    /// <param name="average">The average; <see cref="Average.Binary"/> (the default) reports <paramref name="posLabel"/> only.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (default: 1).</param>
    /// <param name="zeroDivision">The value when a class has no true samples.</param>
    /// <exception cref="ArgumentException">See <see cref="FBeta"/>.</exception>
    public double Recall(Average average = Average.Binary, PositiveLabel<TLabel> posLabel = default, ZeroDivision zeroDivision = ZeroDivision.Warn) =>
        PrecisionRecallF(1.0, average, posLabel, zeroDivision).Recall;

    /// <summary>scikit-learn's <c>f1_score</c>: the harmonic mean of precision and recall, averaged as <paramref name="average"/> says.</summary>
    /// <param name="average">The average; <see cref="Average.Binary"/> (the default) reports <paramref name="posLabel"/> only.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (default: 1).</param>
    /// <param name="zeroDivision">The value of precision/recall with a zero denominator.</param>
    /// <exception cref="ArgumentException">See <see cref="FBeta"/>.</exception>
    public double F1(Average average = Average.Binary, PositiveLabel<TLabel> posLabel = default, ZeroDivision zeroDivision = ZeroDivision.Warn) =>
        PrecisionRecallF(1.0, average, posLabel, zeroDivision).FScore;

    /// <summary>
    /// scikit-learn's <c>fbeta_score</c>: (1 + beta^2) P R / (beta^2 P + R) (0 when both are 0), averaged as
    /// <paramref name="average"/> says; beta = +infinity gives recall.
    /// </summary>
    /// <param name="beta">The weight of recall relative to precision; must be positive.</param>
    /// <param name="average">The average; <see cref="Average.Binary"/> (the default) reports <paramref name="posLabel"/> only.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (default: 1).</param>
    /// <param name="zeroDivision">The value of precision/recall with a zero denominator.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not positive.</exception>
    /// <exception cref="ArgumentException">
    /// <see cref="Average.Binary"/> on more than two classes or with a <paramref name="posLabel"/> not in the data;
    /// <see cref="Average.Samples"/> or <see cref="Average.Multiclass"/>.
    /// </exception>
    public double FBeta(double beta, Average average = Average.Binary, PositiveLabel<TLabel> posLabel = default, ZeroDivision zeroDivision = ZeroDivision.Warn) =>
        PrecisionRecallF(CheckBeta(beta), average, posLabel, zeroDivision).FScore;

    /// <summary>Per-class precision (scikit-learn's <c>precision_score(average=None)</c>) over <see cref="Labels"/>.</summary>
    /// <param name="zeroDivision">The value when a class has no predicted samples.</param>
    public ClassScores<TLabel> PrecisionPerClass(ZeroDivision zeroDivision = ZeroDivision.Warn)
    {
        var (tp, pred, _, _) = CountsOf(_selected);
        return new(_labels, Divide(tp, pred, zeroDivision), Undefined("Precision", pred, "predicted", zeroDivision));
    }

    /// <summary>Per-class recall (scikit-learn's <c>recall_score(average=None)</c>) over <see cref="Labels"/>.</summary>
    /// <param name="zeroDivision">The value when a class has no true samples.</param>
    public ClassScores<TLabel> RecallPerClass(ZeroDivision zeroDivision = ZeroDivision.Warn)
    {
        var (tp, _, truth, _) = CountsOf(_selected);
        return new(_labels, Divide(tp, truth, zeroDivision), Undefined("Recall", truth, "true", zeroDivision));
    }

    /// <summary>Per-class F1 (scikit-learn's <c>f1_score(average=None)</c>) over <see cref="Labels"/>.</summary>
    /// <param name="zeroDivision">The value of precision/recall with a zero denominator.</param>
    public ClassScores<TLabel> F1PerClass(ZeroDivision zeroDivision = ZeroDivision.Warn) => FBetaPerClass(1.0, zeroDivision);

    /// <summary>Per-class F-beta (scikit-learn's <c>fbeta_score(average=None)</c>) over <see cref="Labels"/>.</summary>
    /// <param name="beta">The weight of recall relative to precision; must be positive.</param>
    /// <param name="zeroDivision">The value of precision/recall with a zero denominator.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not positive.</exception>
    public ClassScores<TLabel> FBetaPerClass(double beta, ZeroDivision zeroDivision = ZeroDivision.Warn)
    {
        CheckBeta(beta);
        var (tp, pred, truth, _) = CountsOf(_selected);
        var precision = Divide(tp, pred, zeroDivision);
        var recall = Divide(tp, truth, zeroDivision);
        var metric = beta == 1.0 ? "F-score" : "F-beta score";
        return new(_labels, FScores(precision, recall, beta), [.. Undefined(metric, pred, "predicted", zeroDivision), .. Undefined(metric, truth, "true", zeroDivision)]);
    }

    /// <summary>
    /// scikit-learn's <c>matthews_corrcoef</c> for any number of classes (Gorodkin's R_K): the covariance of the
    /// true and predicted one-hot labels over the square root of the product of their variances; 0 when either
    /// variance is 0.
    /// </summary>
    public double MatthewsCorrelation()
    {
        var correct = 0.0;
        var tp = 0.0;
        var tt = 0.0;
        var pp = 0.0;
        for (var c = 0; c < _k; c++)
        {
            correct += Diagonal(c);
            tp += _rowSum[c] * _colSum[c];
            tt += _rowSum[c] * _rowSum[c];
            pp += _colSum[c] * _colSum[c];
        }

        var n = TotalWeight;
        var covTruePred = (correct * n) - tp;
        var covPredPred = (n * n) - pp;
        var covTrueTrue = (n * n) - tt;
        return covPredPred * covTrueTrue == 0.0 ? 0.0 : covTruePred / Math.Sqrt(covTrueTrue * covPredPred);
    }

    /// <summary>
    /// scikit-learn's <c>cohen_kappa_score(y_true, y_pred, labels=Labels, weights=...)</c>: agreement beyond chance,
    /// 1 - sum(W * C) / sum(W * E) where E is the outer product of the marginals over the total, over the matrix
    /// restricted to <see cref="Labels"/> (their order sets the distances of the linear and quadratic weights).
    /// </summary>
    /// <param name="weighting">Unweighted (the default), linear or quadratic disagreement weights.</param>
    /// <exception cref="InvalidOperationException">Labels were given and none of them occurs in <c>y_true</c>.</exception>
    public double CohenKappa(KappaWeighting weighting = KappaWeighting.None)
    {
        var c = ToArray();
        var n = c.GetLength(0);
        var rows = new double[n];
        var cols = new double[n];
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                rows[i] += c[i, j];
                cols[j] += c[i, j];
            }
        }

        for (var j = 0; j < n; j++)
        {
            total += cols[j];
        }

        var observed = 0.0;
        var expected = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double w = weighting switch
                {
                    KappaWeighting.None => i == j ? 0 : 1,
                    KappaWeighting.Linear => Math.Abs(i - j),
                    KappaWeighting.Quadratic => (i - j) * (i - j),
                    _ => throw new ArgumentOutOfRangeException(nameof(weighting), weighting, "Unknown kappa weighting."),
                };
                observed += w * c[i, j];

                // scikit-learn's expected[i, j] = sum0[i] * sum1[j] / total, with sum0 the column sums.
                expected += w * (cols[i] * rows[j] / total);
            }
        }

        return 1.0 - (observed / expected);
    }

    /// <summary>
    /// imblearn's <c>sensitivity_specificity_support</c> with an average: sensitivity (recall) tp / (tp + fn) and
    /// specificity tn / (tn + fp), 0 when undefined.
    /// </summary>
    /// <param name="average">The average (imblearn's default for the score functions is <see cref="Average.Binary"/>).</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (default: 1).</param>
    /// <remarks>
    /// Fixes imblearn #1180: imblearn 0.10.0 computes tn as <c>n_samples - (tp + fp + fn)</c> with a sample count
    /// but weighted tp/fp/fn, so with sample weights specificity can exceed 1. Here tn = total weight - (tp + fp + fn),
    /// as scikit-learn's <c>multilabel_confusion_matrix</c> computes it; unweighted results are unchanged.
    /// Following imblearn, a binary average whose positive label is absent from a single-class target gives (0, 0).
    /// </remarks>
    /// <exception cref="ArgumentException">See <see cref="FBeta"/>.</exception>
    public SensitivitySpecificity SensitivitySpecificity(Average average = Average.Binary, PositiveLabel<TLabel> posLabel = default)
    {
        if (average == Average.Multiclass)
        {
            throw new ArgumentException("average='multiclass' is only available for the geometric mean.", nameof(average));
        }

        var codes = ReportedCodes(average, posLabel, imblearn: true, out var absentPositive);
        if (absentPositive)
        {
            return new SensitivitySpecificity(0.0, 0.0);
        }

        var (tp, pred, truth, tn) = CountsOf(codes);
        if (average == Average.Micro)
        {
            (tp, pred, truth, tn) = ([tp.Sum()], [pred.Sum()], [truth.Sum()], [tn.Sum()]);
        }

        var sensitivity = Divide(tp, truth, ZeroDivision.Warn);
        var specificity = SpecificityOf(tp, pred, tn);
        if (average == Average.Weighted)
        {
            if (truth.Sum() == 0.0)
            {
                return new SensitivitySpecificity(0.0, 0.0);
            }

            return new SensitivitySpecificity(WeightedMean(sensitivity, truth), WeightedMean(specificity, truth));
        }

        return new SensitivitySpecificity(sensitivity.Average(), specificity.Average());
    }

    /// <summary>imblearn's <c>sensitivity_specificity_support(average=None)</c> over <see cref="Labels"/>.</summary>
    /// <remarks><inheritdoc cref="SensitivitySpecificity(Average, PositiveLabel{TLabel})" path="/remarks"/></remarks>
    public PerClassSensitivitySpecificity<TLabel> SensitivitySpecificityPerClass()
    {
        var (tp, pred, truth, tn) = CountsOf(_selected);
        return new PerClassSensitivitySpecificity<TLabel>(
            Scores(Divide(tp, truth, ZeroDivision.Warn)), Scores(SpecificityOf(tp, pred, tn)), Scores(truth));
    }

    /// <summary>
    /// imblearn's <c>geometric_mean_score</c>. <see cref="Average.Multiclass"/> (imblearn's default): the geometric
    /// mean of the per-class sensitivities over <see cref="Labels"/>, a zero (or undefined) sensitivity replaced by
    /// <paramref name="correction"/>. <see cref="Average.Binary"/> and <see cref="Average.Micro"/>: sqrt(sensitivity
    /// x specificity) of the positive class or of the summed counts. <see cref="Average.Macro"/> and
    /// <see cref="Average.Weighted"/>: the (support-weighted) mean of the per-class G-means.
    /// </summary>
    /// <param name="average">The average; default <see cref="Average.Multiclass"/>.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (default: 1).</param>
    /// <param name="correction">Substitute for a zero sensitivity in the multiclass average; must be &gt;= 0.</param>
    /// <remarks>
    /// Fixes imblearn #1096: imblearn 0.10.0 computes the macro and weighted averages as
    /// sqrt(mean sensitivity x mean specificity) instead of the mean of the per-class G-means sqrt(sen_c x spe_c);
    /// this method returns the mean of the per-class G-means. Also fixes imblearn #1180 (see
    /// <see cref="SensitivitySpecificity(Average, PositiveLabel{TLabel})"/>).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="correction"/> is negative or not finite.</exception>
    /// <exception cref="ArgumentException">See <see cref="FBeta"/>.</exception>
    public double GeometricMean(Average average = Average.Multiclass, PositiveLabel<TLabel> posLabel = default, double correction = 0.0)
    {
        if (!(correction >= 0.0) || double.IsInfinity(correction))
        {
            throw new ArgumentOutOfRangeException(nameof(correction), correction, "correction must be a finite number >= 0.");
        }

        switch (average)
        {
            case Average.Multiclass:
            {
                var (tp, _, truth, _) = CountsOf(_selected);
                var recall = Divide(tp, truth, ZeroDivision.Warn);
                var logSum = 0.0;
                for (var i = 0; i < recall.Length; i++)
                {
                    logSum += Math.Log(recall[i] == 0.0 ? correction : recall[i]);
                }

                return Math.Exp(logSum / recall.Length);
            }

            case Average.Macro:
            case Average.Weighted:
            {
                var perClass = GeometricMeanPerClass().ToArray();
                var (_, _, truth, _) = CountsOf(_selected);
                if (average == Average.Macro)
                {
                    return perClass.Average();
                }

                return truth.Sum() == 0.0 ? 0.0 : WeightedMean(perClass, truth);
            }

            default:
            {
                var (sensitivity, specificity) = SensitivitySpecificity(average, posLabel);
                return Math.Sqrt(sensitivity * specificity);
            }
        }
    }

    /// <summary>imblearn's <c>geometric_mean_score(average=None)</c>: sqrt(sensitivity x specificity) of each class over <see cref="Labels"/>.</summary>
    public ClassScores<TLabel> GeometricMeanPerClass()
    {
        var (tp, pred, truth, tn) = CountsOf(_selected);
        var sensitivity = Divide(tp, truth, ZeroDivision.Warn);
        var specificity = SpecificityOf(tp, pred, tn);
        var result = new double[sensitivity.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Math.Sqrt(sensitivity[i] * specificity[i]);
        }

        return Scores(result);
    }

    /// <summary>
    /// The per-class index balanced accuracy of the G-mean, the <c>iba</c> column of imblearn's
    /// <c>classification_report_imbalanced</c>: (1 + alpha (sen_c - spe_c)) x G_c^2 (or x G_c when not
    /// <paramref name="squared"/>), after García, Mollineda and Sánchez (2009).
    /// </summary>
    /// <param name="alpha">Weight of the dominance (sensitivity - specificity); imblearn's default 0.1.</param>
    /// <param name="squared">Whether the G-mean is squared (imblearn's default true).</param>
    public ClassScores<TLabel> IndexBalancedAccuracyPerClass(double alpha = 0.1, bool squared = true)
    {
        var (tp, pred, truth, tn) = CountsOf(_selected);
        var sensitivity = Divide(tp, truth, ZeroDivision.Warn);
        var specificity = SpecificityOf(tp, pred, tn);
        var result = new double[sensitivity.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var g = Math.Sqrt(sensitivity[i] * specificity[i]);
            result[i] = (1.0 + (alpha * (sensitivity[i] - specificity[i]))) * (squared ? g * g : g);
        }

        return Scores(result);
    }

    internal (double Precision, double Recall, double FScore) PrecisionRecallF(double beta, Average average, PositiveLabel<TLabel> posLabel, ZeroDivision zeroDivision)
    {
        if (average == Average.Multiclass)
        {
            throw new ArgumentException("average='multiclass' is only available for the geometric mean; use Binary, Micro, Macro or Weighted.", nameof(average));
        }

        var codes = ReportedCodes(average, posLabel, imblearn: false, out _);
        var (tp, pred, truth, _) = CountsOf(codes);
        if (average == Average.Micro)
        {
            (tp, pred, truth) = ([tp.Sum()], [pred.Sum()], [truth.Sum()]);
        }

        var precision = Divide(tp, pred, zeroDivision);
        var recall = Divide(tp, truth, zeroDivision);
        var f = FScores(precision, recall, beta);
        if (average == Average.Weighted)
        {
            if (truth.Sum() == 0.0)
            {
                var z = zeroDivision == ZeroDivision.One ? 1.0 : 0.0;
                return pred.Sum() == 0.0 ? (z, z, z) : (0.0, z, 0.0);
            }

            return (WeightedMean(precision, truth), WeightedMean(recall, truth), WeightedMean(f, truth));
        }

        return (precision.Average(), recall.Average(), f.Average());
    }

    /// <summary>The codes scored by an average: the positive class for binary, else the reported labels.</summary>
    internal int[] ReportedCodes(Average average, PositiveLabel<TLabel> posLabel, bool imblearn, out bool absentPositive)
    {
        absentPositive = false;
        switch (average)
        {
            case Average.Binary:
                break;
            case Average.Samples:
                throw new ArgumentException(SamplesMessage, nameof(average));
            case Average.Micro or Average.Macro or Average.Weighted:
                return _selected;
            default:
                throw new ArgumentOutOfRangeException(nameof(average), average, "Unknown average.");
        }

        var present = _encoding.Classes.Where((_, c) => _encoding.Present[c]).ToArray();
        if (_encoding.PresentCount > 2)
        {
            throw new ArgumentException(
                "Target is multiclass but average='binary'. Please choose another average setting, one of [None, 'micro', 'macro', 'weighted'].",
                nameof(average));
        }

        if (!posLabel.TryResolve(out var positive))
        {
            throw new ArgumentException(
                $"posLabel=1 is not a valid label for labels of type {typeof(TLabel).Name}. It should be one of {LabelText.List(present)}; pass posLabel.",
                nameof(posLabel));
        }

        var code = _encoding.CodeOf(positive);
        if (code >= 0 && _encoding.Present[code])
        {
            return [code];
        }

        if (_encoding.PresentCount >= 2)
        {
            throw new ArgumentException(
                $"posLabel={LabelText.Python(positive)} is not a valid label. It should be one of {LabelText.List(present)}",
                nameof(posLabel));
        }

        // A single-class target: scikit-learn scores the absent positive label (all counts 0), imblearn returns 0.
        absentPositive = true;
        return imblearn ? [] : [-1];
    }

    private (double[] Tp, double[] Pred, double[] Truth, double[] Tn) CountsOf(int[] codes)
    {
        var n = codes.Length;
        var tp = new double[n];
        var pred = new double[n];
        var truth = new double[n];
        var tn = new double[n];
        for (var i = 0; i < n; i++)
        {
            var c = codes[i];
            if (c < 0)
            {
                tn[i] = TotalWeight;
                continue;
            }

            tp[i] = Diagonal(c);
            pred[i] = _colSum[c];
            truth[i] = _rowSum[c];
            tn[i] = TrueNegative(c);
        }

        return (tp, pred, truth, tn);
    }

    private double Diagonal(int c) => _matrix[(c * _k) + c];

    private double TrueNegative(int c) => TotalWeight - (_colSum[c] + _rowSum[c] - Diagonal(c));

    private void RequireLabelInTrue()
    {
        if (LabelsGiven && !_selected.Any(c => _inTrue[c]))
        {
            throw new InvalidOperationException("At least one label specified must be in y_true.");
        }
    }

    private ClassScores<TLabel> Scores(double[] values) => new(_labels, values);

    /// <summary>scikit-learn's <c>UndefinedMetricWarning</c> for the classes whose denominator is 0, when
    /// <paramref name="zeroDivision"/> is <see cref="ZeroDivision.Warn"/>.</summary>
    private Diagnostic[] Undefined(string metric, double[] denominator, string samples, ZeroDivision zeroDivision)
    {
        if (zeroDivision != ZeroDivision.Warn)
        {
            return [];
        }

        var undefined = _labels.Where((_, i) => denominator[i] == 0.0).ToArray();
        return undefined.Length == 0
            ? []
            : [new Diagnostic(
                DiagnosticKind.UndefinedMetric,
                "ConfusionMatrix",
                $"{metric} is ill-defined and being set to 0.0 in labels with no {samples} samples: {LabelText.List(undefined)}. Use the zeroDivision parameter to control this behavior.")];
    }

    private static double CheckBeta(double beta) =>
        beta > 0.0 ? beta : throw new ArgumentOutOfRangeException(nameof(beta), beta, string.Create(CultureInfo.InvariantCulture, $"beta should be >0 in the F-beta score, got {beta}."));

    internal static double[] Divide(double[] numerator, double[] denominator, ZeroDivision zeroDivision)
    {
        var result = new double[numerator.Length];
        var fill = zeroDivision == ZeroDivision.One ? 1.0 : 0.0;
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = denominator[i] == 0.0 ? fill : numerator[i] / denominator[i];
        }

        return result;
    }

    private static double[] SpecificityOf(double[] tp, double[] pred, double[] tn)
    {
        var denominator = new double[tp.Length];
        for (var i = 0; i < tp.Length; i++)
        {
            denominator[i] = tn[i] + pred[i] - tp[i];
        }

        return Divide(tn, denominator, ZeroDivision.Warn);
    }

    private static double[] FScores(double[] precision, double[] recall, double beta)
    {
        var f = new double[precision.Length];
        if (double.IsPositiveInfinity(beta))
        {
            Array.Copy(recall, f, f.Length);
            return f;
        }

        var beta2 = beta * beta;
        for (var i = 0; i < f.Length; i++)
        {
            var denominator = (beta2 * precision[i]) + recall[i];
            f[i] = denominator == 0.0 ? 0.0 : (1 + beta2) * precision[i] * recall[i] / denominator;
        }

        return f;
    }

    internal static double WeightedMean(double[] values, double[] weights)
    {
        var sum = 0.0;
        var weightSum = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += values[i] * weights[i];
            weightSum += weights[i];
        }

        return sum / weightSum;
    }
}
