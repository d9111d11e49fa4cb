using System.Globalization;

namespace Imbalance.Metrics;

/// <summary>
/// scikit-learn's score-based metrics (<c>sklearn.metrics._ranking</c>) for labels of any type: ROC curve and
/// ROC-AUC (binary, one-vs-rest and one-vs-one multiclass), precision-recall curve, average precision, PR-AUC and
/// the trapezoidal <c>auc</c>. Each curve sorts the scores once: O(n log n).
/// </summary>
/// <remarks>
/// <para>When to use it: judging scores or probabilities independently of a threshold. On strong imbalance prefer
/// the precision-recall curve and average precision: ROC-AUC looks optimistic when negatives dominate.</para>
/// Scores must be finite (NaN or infinity: <see cref="ArgumentException"/> naming the parameter). Unlike
/// scikit-learn, an explicit <c>posLabel</c> that does not occur in <c>yTrue</c> is rejected instead of giving a
/// curve of NaN rates with a warning.
/// </remarks>
/// <example>
/// <code>
/// var averagePrecision = ScoreMetrics.AveragePrecisionScore(y, scores);   // scores: probability of class 1
/// var rocAuc = ScoreMetrics.RocAucScore(y, scores);
/// var curve = ScoreMetrics.PrecisionRecallCurve(y, scores);
/// </code>
/// </example>
public static class ScoreMetrics
{
    /// <summary>
    /// scikit-learn 1.2's <c>roc_curve</c>: false and true positive rates at each distinct score, with collinear
    /// intermediate points dropped when <paramref name="dropIntermediate"/> (the default). As in scikit-learn (which
    /// warns), when <paramref name="yTrue"/> holds only one class the rates of the missing class are NaN: all false
    /// positive rates are NaN without negatives, all true positive rates NaN without positives. Check for that
    /// before passing the curve to <see cref="Auc"/>, which rejects NaN coordinates.
    /// </summary>
    /// <param name="yTrue">True binary labels.</param>
    /// <param name="yScore">Scores of the positive class (probabilities, decision values, ...).</param>
    /// <param name="posLabel">The positive class; by default 1, allowed only when <paramref name="yTrue"/> takes values in {0, 1} or {-1, 1}.</param>
    /// <param name="sampleWeight">Optional sample weights; zero-weight samples are ignored.</param>
    /// <param name="dropIntermediate">Whether to drop suboptimal thresholds.</param>
    /// <exception cref="ArgumentException">Lengths differ, empty input, non-finite scores, more than two classes without <paramref name="posLabel"/>, or no usable positive label.</exception>
    public static RocCurve RocCurve<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<double> yScore, PositiveLabel<TLabel> posLabel = default, IReadOnlyList<double>? sampleWeight = null, bool dropIntermediate = true)
        where TLabel : notnull
    {
        var curve = Curve(yTrue, yScore, posLabel, sampleWeight, defaultPositiveIsOne: false);
        return RocFromCurve(curve, dropIntermediate);
    }

    /// <summary>
    /// scikit-learn's binary <c>roc_auc_score</c>: the area under the ROC curve, the score being that of the greater
    /// label (the second in sorted order), as scikit-learn binarises binary targets.
    /// </summary>
    /// <param name="yTrue">True labels with exactly two classes.</param>
    /// <param name="yScore">Scores of the greater class.</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <param name="maxFpr">When set in (0, 1), the McClish-standardised partial AUC up to this false positive rate.</param>
    /// <exception cref="ArgumentException">Not exactly two classes (<c>Only one class present in y_true</c>), lengths differ or scores are not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFpr"/> is not in (0, 1].</exception>
    public static double RocAucScore<TLabel>(IReadOnlyList<TLabel> yTrue, IReadOnlyList<double> yScore, IReadOnlyList<double>? sampleWeight = null, double? maxFpr = null)
        where TLabel : notnull
    {
        if (maxFpr is { } m && !(m > 0.0 && m <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxFpr), maxFpr, string.Create(CultureInfo.InvariantCulture, $"Expected max_fpr in range (0, 1], got: {m}"));
        }

        var encoding = TargetEncoding<TLabel>.Encode(yTrue, null, null);
        if (encoding.Classes.Length > 2)
        {
            throw new ArgumentException("y_true is multiclass; pass a matrix of class probabilities and a MultiClassStrategy.", nameof(yTrue));
        }

        var scores = BinaryCurve.CheckScores(yScore, yTrue.Count, nameof(yScore));
        var weights = SampleWeights.Check(sampleWeight, yTrue.Count);
        var positive = encoding.TrueCodes.Select(c => c == 1).ToArray();
        return BinaryAuc(positive, scores, weights, maxFpr);
    }

    /// <summary>
    /// scikit-learn's multiclass <c>roc_auc_score</c>. One-vs-rest: the AUC of each class against the rest,
    /// averaged (<see cref="Average.Macro"/>, support-<see cref="Average.Weighted"/>, or <see cref="Average.Micro"/>
    /// over the flattened indicator matrix). One-vs-one (Hand and Till, 2001): the mean over class pairs of the
    /// two directional AUCs, <see cref="Average.Macro"/> or prevalence-<see cref="Average.Weighted"/>.
    /// </summary>
    /// <param name="yTrue">True labels.</param>
    /// <param name="yScore">Class probabilities, one row per sample, one column per class in sorted label order (or <paramref name="labels"/> order); rows must sum to 1.</param>
    /// <param name="multiClass">One-vs-rest or one-vs-one.</param>
    /// <param name="average">Macro (default), weighted, or micro (one-vs-rest only).</param>
    /// <param name="labels">The classes of the columns, sorted and unique; default: the sorted labels of <paramref name="yTrue"/>.</param>
    /// <param name="sampleWeight">Optional sample weights (one-vs-rest only, as in scikit-learn).</param>
    /// <exception cref="ArgumentException">Rows do not sum to 1, values outside [0, 1], column count differs from the class count, an unsupported average, sample weights with one-vs-one, or unsorted labels.</exception>
    public static double RocAucScore<TLabel>(
        IReadOnlyList<TLabel> yTrue, double[,] yScore, MultiClassStrategy multiClass, Average average = Average.Macro, IReadOnlyList<TLabel>? labels = null, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull
    {
        var (codes, scores, weights, k) = PrepareMulticlass(yTrue, yScore, labels, sampleWeight);
        if (k == 2)
        {
            // A binary target: the AUC of the second column, as scikit-learn's binary path.
            return BinaryAuc(codes.Select(c => c == 1).ToArray(), Column(scores, k, 1), weights, null);
        }

        return multiClass switch
        {
            MultiClassStrategy.OneVsRest => OneVsRest(codes, scores, k, average, weights),
            MultiClassStrategy.OneVsOne => OneVsOne(codes, scores, k, average, weights),
            _ => throw new ArgumentOutOfRangeException(nameof(multiClass), multiClass, "multi_class must be in ('ovo', 'ovr')"),
        };
    }

    /// <summary>
    /// scikit-learn's <c>roc_auc_score(multi_class='ovr', average=None)</c>: the one-vs-rest ROC-AUC of each class.
    /// </summary>
    /// <param name="yTrue">True labels.</param>
    /// <param name="yScore">Class probabilities, one column per class in sorted label order (or <paramref name="labels"/> order); rows must sum to 1.</param>
    /// <param name="labels">The classes of the columns, sorted and unique; default: the sorted labels of <paramref name="yTrue"/>.</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <exception cref="ArgumentException">As <see cref="RocAucScore{TLabel}(IReadOnlyList{TLabel}, double[,], MultiClassStrategy, Average, IReadOnlyList{TLabel}?, IReadOnlyList{double}?)"/>.</exception>
    public static ClassScores<TLabel> RocAucScorePerClass<TLabel>(
        IReadOnlyList<TLabel> yTrue, double[,] yScore, IReadOnlyList<TLabel>? labels = null, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull
    {
        var (codes, scores, weights, k) = PrepareMulticlass(yTrue, yScore, labels, sampleWeight);
        var classes = labels?.ToArray() ?? TargetEncoding<TLabel>.Encode(yTrue, null, null).Classes;
        var values = new double[k];
        for (var c = 0; c < k; c++)
        {
            var positive = new bool[codes.Length];
            for (var i = 0; i < positive.Length; i++)
            {
                positive[i] = codes[i] == c;
            }

            values[c] = BinaryAuc(positive, Column(scores, k, c), weights, null);
        }

        return new ClassScores<TLabel>(classes, values);
    }

    /// <summary>
    /// scikit-learn's <c>precision_recall_curve</c>: precision and recall at each distinct score, in increasing
    /// threshold order, ending with precision 1 and recall 0.
    /// </summary>
    /// <param name="yTrue">True binary labels.</param>
    /// <param name="probasPred">Scores of the positive class.</param>
    /// <param name="posLabel">The positive class; by default 1, allowed only when <paramref name="yTrue"/> takes values in {0, 1} or {-1, 1}.</param>
    /// <param name="sampleWeight">Optional sample weights; zero-weight samples are ignored.</param>
    /// <exception cref="ArgumentException"><inheritdoc cref="RocCurve{TLabel}" path="/exception"/></exception>
    public static PrecisionRecallCurve PrecisionRecallCurve<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<double> probasPred, PositiveLabel<TLabel> posLabel = default, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull => PrFromCurve(Curve(yTrue, probasPred, posLabel, sampleWeight, defaultPositiveIsOne: false, scoreName: nameof(probasPred)));

    /// <summary>
    /// scikit-learn's binary <c>average_precision_score</c>: AP = sum_n (R_n - R_{n-1}) P_n over the
    /// precision-recall curve (no interpolation).
    /// </summary>
    /// <param name="yTrue">True binary labels.</param>
    /// <param name="yScore">Scores of the positive class.</param>
    /// <param name="posLabel">The positive class (default 1, which must then be a label when there are two).</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <exception cref="ArgumentException">A multiclass target, a positive label not in the data, lengths differ or scores are not finite.</exception>
    public static double AveragePrecisionScore<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<double> yScore, PositiveLabel<TLabel> posLabel = default, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull
    {
        var pr = PrFromCurve(Curve(yTrue, yScore, posLabel, sampleWeight, defaultPositiveIsOne: true));
        var sum = 0.0;
        for (var i = 0; i + 1 < pr.Recall.Count; i++)
        {
            sum += (pr.Recall[i + 1] - pr.Recall[i]) * pr.Precision[i];
        }

        return -sum;
    }

    /// <summary>
    /// scikit-learn's <c>average_precision_score</c> over a matrix of class scores: the target is binarised one-vs-rest
    /// over the classes present in <paramref name="yTrue"/> (sorted; scikit-learn's <c>label_binarize</c>), the binary
    /// average precision of each column is computed, and the results are averaged: <see cref="Average.Macro"/> (mean),
    /// <see cref="Average.Weighted"/> (weighted by support) or <see cref="Average.Micro"/> (one curve over every
    /// (sample, class) pair). With two classes the second column is scored as the positive class.
    /// </summary>
    /// <param name="yTrue">True labels.</param>
    /// <param name="yScore">Scores (probabilities or decision values), one row per sample, one column per class of
    /// <paramref name="yTrue"/> in sorted order; finite.</param>
    /// <param name="average">Macro (default), weighted or micro.</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <returns>The averaged average precision.</returns>
    /// <exception cref="ArgumentException">Lengths differ, the column count differs from the class count, scores are not
    /// finite, or the average is binary, samples or multiclass.</exception>
    public static double AveragePrecisionScore<TLabel>(
        IReadOnlyList<TLabel> yTrue, double[,] yScore, Average average = Average.Macro, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(yScore);
        if (average is not (Average.Macro or Average.Weighted or Average.Micro))
        {
            throw new ArgumentException("average has to be one of ('micro', 'macro', 'weighted') for a matrix of scores.", nameof(average));
        }

        var encoding = TargetEncoding<TLabel>.Encode(yTrue, null, null);
        var n = yTrue.Count;
        var k = encoding.Classes.Length;
        if (yScore.GetLength(0) != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Found input variables with inconsistent numbers of samples: [{n}, {yScore.GetLength(0)}]"), nameof(yScore));
        }

        if (yScore.GetLength(1) != k)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"y_score has {yScore.GetLength(1)} columns but y_true has {k} classes; give one column per class in sorted order."), nameof(yScore));
        }

        var scores = BinaryCurve.CheckScores(Sampling.MatrixRows.Of(yScore).ToArray(), n * k, nameof(yScore));
        var weights = SampleWeights.Check(sampleWeight, n);
        if (k == 2)
        {
            return AveragePrecisionScore(encoding.TrueCodes, Column(scores, k, 1), 1, weights);
        }

        if (average == Average.Micro)
        {
            var flatTruth = new int[n * k];
            var flatWeights = weights is null ? null : new double[n * k];
            for (var i = 0; i < n; i++)
            {
                flatTruth[(i * k) + encoding.TrueCodes[i]] = 1;
                for (var c = 0; c < k && flatWeights is not null; c++)
                {
                    flatWeights[(i * k) + c] = weights![i];
                }
            }

            return AveragePrecisionScore(flatTruth, scores, 1, flatWeights);
        }

        var values = new double[k];
        var support = new double[k];
        for (var c = 0; c < k; c++)
        {
            var truth = new int[n];
            for (var i = 0; i < n; i++)
            {
                truth[i] = encoding.TrueCodes[i] == c ? 1 : 0;
                support[c] += truth[i] * (weights?[i] ?? 1.0);
            }

            values[c] = AveragePrecisionScore(truth, Column(scores, k, c), 1, weights);
        }

        return average == Average.Weighted ? ConfusionMatrix<TLabel>.WeightedMean(values, support) : values.Average();
    }

    /// <summary>
    /// The area under the precision-recall curve by the trapezoidal rule, scikit-learn's
    /// <c>auc(recall, precision)</c> over <see cref="PrecisionRecallCurve{TLabel}"/> (PR-AUC). Prefer
    /// <see cref="AveragePrecisionScore{TLabel}(IReadOnlyList{TLabel}, IReadOnlyList{double}, PositiveLabel{TLabel}, IReadOnlyList{double}?)"/>, which does not interpolate linearly between points.
    /// </summary>
    /// <param name="yTrue">True binary labels.</param>
    /// <param name="yScore">Scores of the positive class.</param>
    /// <param name="posLabel">The positive class; by default 1, allowed only when <paramref name="yTrue"/> takes values in {0, 1} or {-1, 1}.</param>
    /// <param name="sampleWeight">Optional sample weights; zero-weight samples are ignored.</param>
    public static double PrecisionRecallAucScore<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<double> yScore, PositiveLabel<TLabel> posLabel = default, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull
    {
        var pr = PrFromCurve(Curve(yTrue, yScore, posLabel, sampleWeight, defaultPositiveIsOne: false));
        return AucCore(pr.Recall, pr.Precision);
    }

    /// <summary>scikit-learn's <c>auc</c>: the area under the curve (x, y) by the trapezoidal rule; x must be monotonic.</summary>
    /// <param name="x">Monotonic (increasing or decreasing) x coordinates, at least two.</param>
    /// <param name="y">y coordinates.</param>
    /// <exception cref="ArgumentException">Fewer than two points, different lengths, a NaN coordinate (scikit-learn
    /// would return NaN, or an area that depends on where the NaN is), or x neither increasing nor decreasing.</exception>
    public static double Auc(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        RejectNaN(x, nameof(x));
        RejectNaN(y, nameof(y));
        return AucCore(x, y);
    }

    private static void RejectNaN(IReadOnlyList<double> values, string parameterName)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (double.IsNaN(values[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{parameterName} contains NaN at index {i}; the area under the curve is undefined."), parameterName);
            }
        }
    }

    /// <summary><see cref="Auc"/> without the NaN check, for curves this class computed itself (scikit-learn's
    /// results, NaN included, where its curves hold NaN).</summary>
    private static double AucCore(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Found input variables with inconsistent numbers of samples: [{x.Count}, {y.Count}]"), nameof(y));
        }

        if (x.Count < 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"At least 2 points are needed to compute area under curve, but x.shape = {x.Count}"), nameof(x));
        }

        var increasing = true;
        var decreasing = true;
        for (var i = 1; i < x.Count; i++)
        {
            var dx = x[i] - x[i - 1];
            increasing &= !(dx < 0);
            decreasing &= dx <= 0;
        }

        if (!increasing && !decreasing)
        {
            throw new ArgumentException("x is neither increasing nor decreasing.", nameof(x));
        }

        var area = 0.0;
        for (var i = 1; i < x.Count; i++)
        {
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0;
        }

        return increasing ? area : -area;
    }

    /// <summary>The binary curve of <paramref name="yTrue"/> against scores, with scikit-learn's positive label rules.</summary>
    internal static BinaryCurve Curve<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<double> yScore, PositiveLabel<TLabel> posLabel, IReadOnlyList<double>? sampleWeight, bool defaultPositiveIsOne, string scoreName = "yScore")
        where TLabel : notnull
    {
        var encoding = TargetEncoding<TLabel>.Encode(yTrue, null, null);
        var scores = BinaryCurve.CheckScores(yScore, yTrue.Count, scoreName);
        var weights = SampleWeights.Check(sampleWeight, yTrue.Count);
        var positiveCode = PositiveCode(encoding, posLabel, defaultPositiveIsOne);
        var codes = encoding.TrueCodes;
        var positive = new bool[codes.Length];
        for (var i = 0; i < positive.Length; i++)
        {
            positive[i] = codes[i] == positiveCode;
        }

        return BinaryCurve.Compute(positive, scores, weights);
    }

    /// <summary>The code of the positive class, or -1 when the default label 1 is absent from a {0} or {-1} target.</summary>
    internal static int PositiveCode<TLabel>(TargetEncoding<TLabel> encoding, PositiveLabel<TLabel> posLabel, bool defaultPositiveIsOne)
        where TLabel : notnull
    {
        var classes = encoding.Classes;
        if (posLabel.IsSet)
        {
            var code = encoding.CodeOf(posLabel.Label);
            return code >= 0
                ? code
                : throw new ArgumentException(
                    $"posLabel={LabelText.Python(posLabel.Label)} is not a valid label. It should be one of {LabelText.List(classes)}", nameof(posLabel));
        }

        if (classes.Length > 2)
        {
            throw Sampling.InputGuard.Invalid("yTrue", "multiclass format is not supported; pass posLabel to score one class against the rest.");
        }

        posLabel.TryResolve(out var one);
        var texts = classes.Select(c => LabelText.Str(c)).ToArray();
        var allowed = texts.All(t => t is "0" or "1" or "0.0" or "1.0" or "False" or "True")
            || texts.All(t => t is "-1" or "1" or "-1.0" or "1.0");
        if (!defaultPositiveIsOne && !allowed)
        {
            throw new ArgumentException(
                $"y_true takes value in {{{string.Join(", ", classes.Select(c => LabelText.Python(c)))}}} and posLabel is not specified: either make y_true take value in {{0, 1}} or {{-1, 1}} or pass posLabel explicitly.",
                nameof(posLabel));
        }

        var oneCode = typeof(TLabel) == typeof(bool) ? encoding.CodeOf(one) : (one is null ? -1 : encoding.CodeOf(one));
        if (oneCode < 0 && defaultPositiveIsOne && classes.Length == 2)
        {
            throw new ArgumentException($"posLabel=1 is not a valid label. It should be one of {LabelText.List(classes)}", nameof(posLabel));
        }

        return oneCode;
    }

    internal static RocCurve RocFromCurve(BinaryCurve curve, bool dropIntermediate)
    {
        var fps = curve.FalsePositives;
        var tps = curve.TruePositives;
        var thresholds = curve.Thresholds;
        var kept = new int[fps.Length];
        var keptCount = 0;
        for (var i = 0; i < fps.Length; i++)
        {
            // Keep the ends and every point where the second difference of fps or tps is non-zero (a corner).
            if (!dropIntermediate || fps.Length <= 2 || i == 0 || i == fps.Length - 1
                || (fps[i + 1] - fps[i]) - (fps[i] - fps[i - 1]) != 0.0
                || (tps[i + 1] - tps[i]) - (tps[i] - tps[i - 1]) != 0.0)
            {
                kept[keptCount++] = i;
            }
        }

        Array.Resize(ref kept, keptCount);
        var m = kept.Length + 1;
        var fpr = new double[m];
        var tpr = new double[m];
        var th = new double[m];
        th[0] = thresholds[kept[0]] + 1.0;
        var fpLast = fps[^1];
        var tpLast = tps[^1];
        for (var j = 0; j < kept.Length; j++)
        {
            fpr[j + 1] = fps[kept[j]];
            tpr[j + 1] = tps[kept[j]];
            th[j + 1] = thresholds[kept[j]];
        }

        for (var j = 0; j < m; j++)
        {
            fpr[j] = fpLast <= 0 ? double.NaN : fpr[j] / fpLast;
            tpr[j] = tpLast <= 0 ? double.NaN : tpr[j] / tpLast;
        }

        return new RocCurve(fpr, tpr, th);
    }

    internal static PrecisionRecallCurve PrFromCurve(BinaryCurve curve)
    {
        var fps = curve.FalsePositives;
        var tps = curve.TruePositives;
        var n = tps.Length;
        var precision = new double[n + 1];
        var recall = new double[n + 1];
        var thresholds = new double[n];
        var tpLast = tps[^1];
        for (var i = 0; i < n; i++)
        {
            var j = n - 1 - i;
            var predicted = tps[j] + fps[j];
            precision[i] = predicted != 0 ? tps[j] / predicted : 0.0;
            recall[i] = tpLast == 0 ? 1.0 : tps[j] / tpLast;
            thresholds[i] = curve.Thresholds[j];
        }

        precision[n] = 1.0;
        recall[n] = 0.0;
        return new PrecisionRecallCurve(precision, recall, thresholds);
    }

    private static double BinaryAuc(bool[] positive, double[] scores, double[]? weights, double? maxFpr)
    {
        var hasPositive = false;
        var hasNegative = false;
        foreach (var p in positive)
        {
            hasPositive |= p;
            hasNegative |= !p;
        }

        if (!hasPositive || !hasNegative)
        {
            throw Sampling.InputGuard.Invalid("yTrue", "Only one class present in y_true. ROC AUC score is not defined in that case.");
        }

        var roc = RocFromCurve(BinaryCurve.Compute(positive, scores, weights), dropIntermediate: true);
        if (maxFpr is not { } max || max == 1.0)
        {
            return AucCore(roc.FalsePositiveRates, roc.TruePositiveRates);
        }

        // Partial AUC up to max_fpr by linear interpolation, McClish-standardised.
        var fpr = roc.FalsePositiveRates;
        var tpr = roc.TruePositiveRates;
        var stop = 0;
        while (stop < fpr.Count && fpr[stop] <= max)
        {
            stop++;
        }

        var x0 = fpr[stop - 1];
        var x1 = fpr[stop];
        var y0 = tpr[stop - 1];
        var y1 = tpr[stop];
        var yAtMax = x1 == x0 ? y0 : y0 + ((max - x0) * (y1 - y0) / (x1 - x0));
        var xs = fpr.Take(stop).Append(max).ToArray();
        var ys = tpr.Take(stop).Append(yAtMax).ToArray();
        var partial = AucCore(xs, ys);
        var minArea = 0.5 * max * max;
        return 0.5 * (1 + ((partial - minArea) / (max - minArea)));
    }

    private static (int[] Codes, double[] Scores, double[]? Weights, int K) PrepareMulticlass<TLabel>(
        IReadOnlyList<TLabel> yTrue, double[,] yScore, IReadOnlyList<TLabel>? labels, IReadOnlyList<double>? sampleWeight)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(yScore);
        var encoding = TargetEncoding<TLabel>.Encode(yTrue, null, labels);
        var n = yTrue.Count;
        var k = yScore.GetLength(1);
        if (yScore.GetLength(0) != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Found input variables with inconsistent numbers of samples: [{n}, {yScore.GetLength(0)}]"), nameof(yScore));
        }

        if (labels is not null)
        {
            if (labels.Distinct().Count() != labels.Count)
            {
                throw new ArgumentException("Parameter 'labels' must be unique", nameof(labels));
            }

            if (!labels.SequenceEqual(encoding.Classes.Take(labels.Count)) || encoding.Classes.Length != labels.Count)
            {
                throw new ArgumentException(
                    encoding.Classes.Length != labels.Count ? "'y_true' contains labels not in parameter 'labels'" : "Parameter 'labels' must be ordered",
                    nameof(labels));
            }
        }

        if (encoding.Classes.Length != k)
        {
            throw new ArgumentException(
                labels is null
                    ? "Number of classes in y_true not equal to the number of columns in 'y_score'"
                    : string.Create(CultureInfo.InvariantCulture, $"Number of given labels, {labels.Count}, not equal to the number of columns in 'y_score', {k}"),
                nameof(yScore));
        }

        var scores = new double[n * k];
        for (var i = 0; i < n; i++)
        {
            var rowSum = 0.0;
            for (var j = 0; j < k; j++)
            {
                var v = yScore[i, j];
                scores[(i * k) + j] = v;
                rowSum += v;
            }

            // numpy.allclose(1, row_sum): |1 - s| <= 1e-8 + 1e-5 |s|.
            if (!(Math.Abs(1.0 - rowSum) <= 1e-8 + (1e-5 * Math.Abs(rowSum))))
            {
                throw new ArgumentException("Target scores need to be probabilities for multiclass roc_auc, i.e. they should sum up to 1.0 over classes", nameof(yScore));
            }
        }

        BinaryCurve.CheckProbabilities(scores, nameof(yScore));
        var weights = SampleWeights.Check(sampleWeight, n);
        return (encoding.TrueCodes, scores, weights, k);
    }

    private static double[] Column(double[] scores, int k, int column)
    {
        var n = scores.Length / k;
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = scores[(i * k) + column];
        }

        return result;
    }

    private static double OneVsRest(int[] codes, double[] scores, int k, Average average, double[]? weights)
    {
        var n = codes.Length;
        switch (average)
        {
            case Average.Micro:
            {
                var positive = new bool[n * k];
                for (var i = 0; i < n; i++)
                {
                    positive[(i * k) + codes[i]] = true;
                }

                double[]? repeated = null;
                if (weights is not null)
                {
                    repeated = new double[n * k];
                    for (var i = 0; i < repeated.Length; i++)
                    {
                        repeated[i] = weights[i / k];
                    }
                }

                return BinaryAuc(positive, scores, repeated, null);
            }

            case Average.Macro:
            case Average.Weighted:
            {
                var perClass = new double[k];
                var support = new double[k];
                for (var i = 0; i < n; i++)
                {
                    support[codes[i]] += weights?[i] ?? 1.0;
                }

                if (average == Average.Weighted && Math.Abs(support.Sum()) <= 1e-8)
                {
                    return 0.0;
                }

                for (var c = 0; c < k; c++)
                {
                    if (average == Average.Weighted && support[c] == 0.0)
                    {
                        continue;
                    }

                    var positive = codes.Select(code => code == c).ToArray();
                    perClass[c] = BinaryAuc(positive, Column(scores, k, c), weights, null);
                }

                return average == Average.Macro ? perClass.Average() : ConfusionMatrix<int>.WeightedMean(perClass, support);
            }

            default:
                throw new ArgumentException("average must be one of ('micro', 'macro', 'weighted') for multiclass one-vs-rest ROC AUC.", nameof(average));
        }
    }

    private static double OneVsOne(int[] codes, double[] scores, int k, Average average, double[]? weights)
    {
        if (weights is not null)
        {
            throw Sampling.InputGuard.Invalid(
                "sampleWeight", "sampleWeight is not supported for multiclass one-vs-one ROC AUC, 'sampleWeight' must be None in this case.");
        }

        if (average is not (Average.Macro or Average.Weighted))
        {
            throw new ArgumentException("average must be one of ('macro', 'weighted') for multiclass one-vs-one ROC AUC.", nameof(average));
        }

        var n = codes.Length;
        var pairScores = new List<double>();
        var prevalence = new List<double>();
        for (var a = 0; a < k; a++)
        {
            for (var b = a + 1; b < k; b++)
            {
                var rows = Enumerable.Range(0, n).Where(i => codes[i] == a || codes[i] == b).ToArray();
                var isA = rows.Select(i => codes[i] == a).ToArray();
                var isB = rows.Select(i => codes[i] == b).ToArray();
                var scoreA = rows.Select(i => scores[(i * k) + a]).ToArray();
                var scoreB = rows.Select(i => scores[(i * k) + b]).ToArray();
                var aucA = BinaryAuc(isA, scoreA, null, null);
                var aucB = BinaryAuc(isB, scoreB, null, null);
                pairScores.Add((aucA + aucB) / 2);
                prevalence.Add((double)rows.Length / n);
            }
        }

        return average == Average.Macro
            ? pairScores.Average()
            : ConfusionMatrix<int>.WeightedMean([.. pairScores], [.. prevalence]);
    }
}
