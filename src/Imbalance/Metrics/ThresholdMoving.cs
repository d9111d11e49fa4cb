namespace Imbalance.Metrics;

/// <summary>
/// Threshold moving for binary classifiers on imbalanced data: instead of resampling, pick the decision threshold
/// on the scores that maximises a metric suited to imbalance (or minimises an expected cost), and report the metric
/// at every threshold. One sort plus one sweep: O(n log n).
/// </summary>
/// <remarks>
/// <para>When to use it: binary classifiers whose scores rank well but whose default threshold gives poor recall or
/// F1 on the minority class: choose the threshold instead of resampling. Tune it on validation rows, not the
/// training rows; prefer TunedThresholdClassifierCV to do this inside cross-validation.</para>
/// Tune on held-out (validation or cross-validated) scores, not on the training data, or the threshold overfits.
/// There is no imblearn 0.10 counterpart; scikit-learn 1.5's <c>TunedThresholdClassifierCV</c> does the same per fold.
/// </remarks>
/// <example>
/// <code>
/// var curve = ThresholdMoving.TuneThreshold(y, scores, ThresholdObjective.GeometricMean);
/// int[] decided = scores.Select(s =&gt; s &gt;= curve.BestThreshold ? 1 : 0).ToArray();   // tune on validation rows
/// </code>
/// </example>
public static class ThresholdMoving
{
    /// <summary>
    /// Evaluates <paramref name="objective"/> at every distinct score used as threshold (predict positive when
    /// score &gt;= threshold) and returns the curve with the best threshold.
    /// </summary>
    /// <param name="yTrue">True binary labels.</param>
    /// <param name="yScore">Scores (probabilities or decision values) of the positive class; finite.</param>
    /// <param name="objective">The metric to optimise.</param>
    /// <param name="posLabel">The positive class; by default 1, allowed only when <paramref name="yTrue"/> takes values in {0, 1} or {-1, 1}.</param>
    /// <param name="beta">Beta of <see cref="ThresholdObjective.FBeta"/> (default 1), &gt; 0.</param>
    /// <param name="costs">The cost matrix, required for <see cref="ThresholdObjective.ExpectedCost"/>.</param>
    /// <param name="sampleWeight">Optional sample weights.</param>
    /// <exception cref="ArgumentException">Lengths differ, empty input, non-finite scores, a multiclass target without <paramref name="posLabel"/>, no usable positive label, or costs missing/non-finite for the expected cost.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not positive.</exception>
    public static ThresholdCurve TuneThreshold<TLabel>(
        IReadOnlyList<TLabel> yTrue, IReadOnlyList<double> yScore, ThresholdObjective objective, PositiveLabel<TLabel> posLabel = default,
        double beta = 1.0, ClassificationCosts? costs = null, IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull
    {
        if (!(beta > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta should be >0 in the F-beta score.");
        }

        if (objective == ThresholdObjective.ExpectedCost)
        {
            if (costs is not { } c)
            {
                throw new ArgumentException("The expected cost objective needs a cost matrix.", nameof(costs));
            }

            if (!double.IsFinite(c.FalsePositive) || !double.IsFinite(c.FalseNegative) || !double.IsFinite(c.TruePositive) || !double.IsFinite(c.TrueNegative))
            {
                throw new ArgumentException("Costs must be finite.", nameof(costs));
            }
        }

        var curve = ScoreMetrics.Curve(yTrue, yScore, posLabel, sampleWeight, defaultPositiveIsOne: false);
        var fps = curve.FalsePositives;
        var tps = curve.TruePositives;
        var positives = tps[^1];
        var negatives = fps[^1];
        var m = fps.Length + 1;
        var thresholds = new double[m];
        var values = new double[m];
        thresholds[0] = double.PositiveInfinity;
        var best = 0;
        for (var j = 0; j < m; j++)
        {
            var tp = j == 0 ? 0.0 : tps[j - 1];
            var fp = j == 0 ? 0.0 : fps[j - 1];
            if (j > 0)
            {
                thresholds[j] = curve.Thresholds[j - 1];
            }

            values[j] = Evaluate(objective, tp, fp, positives - tp, negatives - fp, beta, costs);
            var better = objective == ThresholdObjective.ExpectedCost ? values[j] < values[best] : values[j] > values[best];
            if (better)
            {
                best = j;
            }
        }

        return new ThresholdCurve(thresholds, values, best, objective);
    }

    private static double Evaluate(ThresholdObjective objective, double tp, double fp, double fn, double tn, double beta, ClassificationCosts? costs)
    {
        if (!Enum.IsDefined(objective))
        {
            throw new ArgumentOutOfRangeException(nameof(objective), objective, "Unknown threshold objective.");
        }

        // One definition shared with the threshold classifiers' scorers (which negate the cost so higher is better).
        var value = ModelSelection.ObjectiveScorer.Value(objective, tp, fp, fn, tn, beta, costs ?? default);
        return objective == ThresholdObjective.ExpectedCost ? -value : value;
    }
}
