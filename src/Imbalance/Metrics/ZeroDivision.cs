namespace Imbalance.Metrics;

/// <summary>
/// scikit-learn's <c>zero_division</c>: the value a ratio takes when its denominator is zero (precision with no
/// predicted samples of a class, recall with no true samples).
/// </summary>
public enum ZeroDivision
{
    /// <summary>
    /// <c>'warn'</c> (the default): 0, as scikit-learn returns after its <c>UndefinedMetricWarning</c>. This
    /// library writes no warnings; <see cref="ConfusionMatrix{TLabel}.PredictedCounts"/> and
    /// <see cref="ConfusionMatrix{TLabel}.Support"/> show which classes were ill-defined.
    /// </summary>
    Warn,

    /// <summary><c>0</c>: the ratio is 0, silently.</summary>
    Zero,

    /// <summary><c>1</c>: the ratio is 1, silently.</summary>
    One,
}
