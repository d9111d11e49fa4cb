using System.Globalization;
using Imbalance.Learning;
using Imbalance.Sampling;

namespace Imbalance.ModelSelection;

/// <summary>
/// scikit-learn 1.5's <c>FixedThresholdClassifier</c>: a binary classifier that predicts the positive class when the
/// inner model's probability of it is at least <see cref="Threshold"/>, instead of 0.5. Wraps any
/// <see cref="IClassifier"/>, a resampling <see cref="Pipelines.Pipeline"/> included.
/// </summary>
/// <remarks>
/// <para>When to use it: binary problems where the decision threshold is known in advance (from a cost ratio, a
/// policy or an earlier tuning) and 0.5 is wrong, which on imbalanced data it usually is. Moving the threshold is
/// often a cheaper alternative to resampling; prefer TunedThresholdClassifierCV when the threshold must be learned
/// from data.</para>
/// Use it when the threshold is known (a business rule, or the cost ratio of
/// <see cref="CostSensitiveClassifier"/>); to choose it from data without leaking use
/// <see cref="TunedThresholdClassifierCV"/>. Probabilities pass through unchanged, as in scikit-learn.</remarks>
/// <example>
/// <code>
/// var model = new FixedThresholdClassifier { Estimator = plain, Threshold = 0.2 }.Fit(x, y);   // class 1 when P(1) &gt;= 0.2
/// </code>
/// </example>
public sealed class FixedThresholdClassifier : IClassifier
{
    private readonly IClassifier _estimator = null!;
    private readonly double _threshold = 0.5;

    /// <summary>The inner classifier or pipeline (scikit-learn's <c>estimator</c>); required.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required IClassifier Estimator
    {
        get => _estimator;
        init => _estimator = value ?? throw new ArgumentNullException(nameof(Estimator));
    }

    /// <summary>The decision threshold on the positive class's probability (scikit-learn's <c>threshold</c>; its
    /// <c>"auto"</c> is 0.5 for probabilities, the default here). A row is positive when its probability is
    /// &gt;= the threshold.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite.</exception>
    public double Threshold
    {
        get => _threshold;
        init => _threshold = double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Threshold), value, string.Create(CultureInfo.InvariantCulture, $"The threshold must be finite, got {value}."));
    }

    /// <summary>The positive class (scikit-learn's <c>pos_label</c>), of the label type; <see langword="null"/>
    /// (the default) for the second class in sorted order.</summary>
    public object? PosLabel { get; init; }

    /// <summary>Wraps an already fitted binary model with a threshold, without fitting anything (scikit-learn's
    /// <c>FixedThresholdClassifier(FrozenEstimator(model))</c>).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="model">A fitted binary model.</param>
    /// <param name="threshold">The threshold on the positive class's probability.</param>
    /// <param name="posLabel">The positive class; default: the second class.</param>
    /// <returns>The thresholded model.</returns>
    /// <exception cref="ArgumentException">The model is not binary, the threshold is not finite, or the positive label
    /// is not one of its classes.</exception>
    public static FixedThresholdClassifierModel<TLabel> FromModel<TLabel>(IClassificationModel<TLabel> model, double threshold, object? posLabel = null)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!double.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be finite.");
        }

        var positive = ModelResponse.ResolvePositive(posLabel, model.Classes, nameof(posLabel));
        return new FixedThresholdClassifierModel<TLabel>(model, threshold, positive);
    }

    /// <summary>Fits the inner classifier on all rows and keeps the threshold (scikit-learn's <c>fit</c>).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="x">The training rows.</param>
    /// <param name="y">Binary labels.</param>
    /// <param name="sampleWeight">Optional weight per row, passed to the inner classifier.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException">y is not binary, or <see cref="PosLabel"/> is not one of its classes.</exception>
    public FixedThresholdClassifierModel<TLabel> Fit<TLabel>(
        double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        InputGuard.CheckXy(x, y);
        ModelResponse.CheckWeights(sampleWeight, y.Count);
        var positive = ModelResponse.ResolvePositive(PosLabel, LabelEncoder<TLabel>.Fit(y).Classes, nameof(PosLabel));
        var model = Estimator.Fit(x, y, sampleWeight, cancellationToken);
        return new FixedThresholdClassifierModel<TLabel>(model, Threshold, positive);
    }

    IClassificationModel<TLabel> IClassifier.Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight, CancellationToken cancellationToken) =>
        Fit(x, y, sampleWeight, cancellationToken);
}
