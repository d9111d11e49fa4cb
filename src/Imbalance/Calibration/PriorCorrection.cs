using Imbalance.Learning;
using Imbalance.Pipelines;
using Imbalance.Sampling;

namespace Imbalance.Calibration;

/// <summary>
/// Corrects the probabilities of a model trained on resampled data back to the class priors of the original data, in
/// closed form (Dal Pozzolo, Caelen, Johnson and Bontempi, "Calibrating probability with undersampling for
/// unbalanced classification", 2015; imblearn issue #1128 and PR #1077's <c>recalibrate</c>): by Bayes' rule
/// p(c|x) is proportional to p_s(c|x) x pi_c / pi_s,c, where pi are the original and pi_s the resampled class
/// shares, renormalised over the classes. For binary under-sampling of the negatives at rate beta this is
/// p = beta p_s / (beta p_s - p_s + 1).
/// </summary>
/// <remarks>
/// <para>When to use it: to undo the prior shift of a model trained on resampled data when the resampling rates are
/// known: a closed-form correction with no extra data or cross-validation. It fixes the priors only; prefer
/// CalibratedClassifierCV when the model is also mis-calibrated for other reasons (boosting, SVM scores).</para>
/// <para>The priors come from the fit itself, so the user supplies nothing: wrap a resampling
/// <see cref="Pipeline"/> (its <see cref="PipelineModel{TLabel}"/> records the class counts before and after the
/// samplers), or call <see cref="FromResample{TLabel}"/> with the original labels and the
/// <see cref="ResampleResult{TLabel}"/> a model was trained on.</para>
/// <para>The correction assumes the sampler changed the class priors only, not p(x|c) (exact for random under- and
/// over-sampling; approximate for SMOTE and cleaning samplers). Corrected probabilities are calibrated for the
/// original priors, so their arg-max favours the majority again: pick the decision threshold separately
/// (<see cref="ModelSelection.TunedThresholdClassifierCV"/>) or by cost (<see cref="ModelSelection.CostSensitiveClassifier"/>).</para>
/// </remarks>
/// <example>
/// <code>
/// var underSampled = Pipeline.Make(new RandomUnderSampler { RandomState = 0 }, new LogisticRegression());
/// var model = new PriorCorrection { Estimator = underSampled }.Fit(x, y);   // probabilities back to the 10 % prior
/// </code>
/// </example>
public sealed class PriorCorrection : IClassifier
{
    private readonly IClassifier _estimator = null!;

    /// <summary>The classifier to correct, usually a <see cref="Pipeline"/> with a sampler; required. A classifier
    /// whose fitted model records no resampling is left uncorrected.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required IClassifier Estimator
    {
        get => _estimator;
        init => _estimator = value ?? throw new ArgumentNullException(nameof(Estimator));
    }

    /// <summary>Wraps a fitted pipeline, reading the class counts it recorded before and after its samplers.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="model">A fitted pipeline.</param>
    /// <returns>The corrected model.</returns>
    public static PriorCorrectionModel<TLabel> FromPipeline<TLabel>(PipelineModel<TLabel> model)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        return new PriorCorrectionModel<TLabel>(model, model.ClassCountsBeforeResampling, model.ClassCountsAfterResampling);
    }

    /// <summary>Wraps a model trained on <paramref name="resampled"/>, a resampling of rows labelled
    /// <paramref name="originalY"/>.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="model">The model fitted on the resampled rows.</param>
    /// <param name="originalY">The labels before resampling.</param>
    /// <param name="resampled">The sampler's result the model was fitted on.</param>
    /// <returns>The corrected model.</returns>
    public static PriorCorrectionModel<TLabel> FromResample<TLabel>(IClassificationModel<TLabel> model, IReadOnlyList<TLabel> originalY, ResampleResult<TLabel> resampled)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(originalY);
        ArgumentNullException.ThrowIfNull(resampled);
        return new PriorCorrectionModel<TLabel>(model, originalY.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count()), resampled.ClassCounts());
    }

    /// <summary>
    /// The closed-form correction itself: each row of <paramref name="probabilities"/> (columns in
    /// <paramref name="classes"/> order) multiplied by pi_c / pi_s,c and renormalised.
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="probabilities">Probabilities learned under the resampled priors.</param>
    /// <param name="classes">The class of each column.</param>
    /// <param name="originalCounts">Rows per class before resampling.</param>
    /// <param name="resampledCounts">Rows per class after resampling.</param>
    /// <returns>A new matrix of corrected probabilities.</returns>
    /// <exception cref="ArgumentException">The column count differs from the class count, or a class has no count (or a
    /// zero count) on either side.</exception>
    public static double[,] Correct<TLabel>(
        double[,] probabilities, IReadOnlyList<TLabel> classes, IReadOnlyDictionary<TLabel, int> originalCounts, IReadOnlyDictionary<TLabel, int> resampledCounts)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(originalCounts);
        ArgumentNullException.ThrowIfNull(resampledCounts);
        if (probabilities.GetLength(1) != classes.Count)
        {
            throw new ArgumentException("probabilities needs one column per class.", nameof(probabilities));
        }

        var ratio = Ratios(classes, originalCounts, resampledCounts);
        var n = probabilities.GetLength(0);
        var k = classes.Count;
        var result = new double[n, k];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var c = 0; c < k; c++)
            {
                result[i, c] = probabilities[i, c] * ratio[c];
                sum += result[i, c];
            }

            for (var c = 0; c < k; c++)
            {
                result[i, c] = sum > 0 ? result[i, c] / sum : probabilities[i, c];
            }
        }

        return result;
    }

    /// <summary>Fits <see cref="Estimator"/> and wraps its model with the correction of the priors it recorded.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="x">The training rows.</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="sampleWeight">Optional weight per row, passed on.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The corrected model.</returns>
    public PriorCorrectionModel<TLabel> Fit<TLabel>(
        double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        InputGuard.CheckXy(x, y);
        var model = Estimator.Fit(x, y, sampleWeight, cancellationToken);
        return model is PipelineModel<TLabel> pipeline && pipeline.ClassCountsBeforeResampling.Count > 0
            ? FromPipeline(pipeline)
            : new PriorCorrectionModel<TLabel>(model, null, null);
    }

    IClassificationModel<TLabel> IClassifier.Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight, CancellationToken cancellationToken) =>
        Fit(x, y, sampleWeight, cancellationToken);

    /// <summary>pi_c / pi_s,c per class.</summary>
    internal static double[] Ratios<TLabel>(IReadOnlyList<TLabel> classes, IReadOnlyDictionary<TLabel, int> original, IReadOnlyDictionary<TLabel, int> resampled)
        where TLabel : notnull
    {
        var originalTotal = (double)original.Values.Sum();
        var resampledTotal = (double)resampled.Values.Sum();
        return classes.Select(c =>
        {
            if (!original.TryGetValue(c, out var before) || before <= 0 || !resampled.TryGetValue(c, out var after) || after <= 0)
            {
                throw new ArgumentException($"Class {c} needs a positive count before and after resampling.", nameof(classes));
            }

            return before / originalTotal / (after / resampledTotal);
        }).ToArray();
    }
}
