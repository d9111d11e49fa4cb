namespace Imbalance.Metrics;

/// <summary>
/// How per-class scores are reduced to one number: scikit-learn's and imblearn's <c>average</c> parameter. Per-class
/// scores (scikit-learn's <c>average=None</c>) come from the separate <c>...PerClass</c> methods instead.
/// </summary>
public enum Average
{
    /// <summary><c>'binary'</c>: only the score of the positive class (<c>pos_label</c>); the target must have at most two classes.</summary>
    Binary,

    /// <summary><c>'micro'</c>: the score of the summed counts (true positives, false positives, ...) over the labels.</summary>
    Micro,

    /// <summary><c>'macro'</c>: the unweighted mean of the per-class scores.</summary>
    Macro,

    /// <summary><c>'weighted'</c>: the mean of the per-class scores weighted by support (the number of true instances of each class).</summary>
    Weighted,

    /// <summary>
    /// <c>'samples'</c>: only meaningful for multilabel targets, which this library does not take; every metric
    /// rejects it with scikit-learn's message, as scikit-learn and imblearn do for multiclass targets.
    /// </summary>
    Samples,

    /// <summary>
    /// <c>'multiclass'</c>: only for <see cref="ImbalancedMetrics.GeometricMeanScore{TLabel}"/>, imblearn's default there: the geometric
    /// mean of the per-class sensitivities (recalls).
    /// </summary>
    Multiclass,
}
