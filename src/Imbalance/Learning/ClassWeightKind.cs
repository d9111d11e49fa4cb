namespace Imbalance.Learning;

/// <summary>The kinds of <see cref="ClassWeight"/> (scikit-learn's <c>class_weight</c> values other than <c>None</c>).</summary>
public enum ClassWeightKind
{
    /// <summary><c>"balanced"</c>: <c>n_samples / (n_classes * count_c)</c>.</summary>
    Balanced,

    /// <summary><c>"balanced_subsample"</c>: balanced weights per bootstrap sample (random forests only).</summary>
    BalancedSubsample,

    /// <summary>A dictionary of weights per label.</summary>
    Explicit,

    /// <summary>Class-balanced weights over the effective number of samples (Cui et al. 2019):
    /// <c>(1 - beta) / (1 - beta^n_c)</c>, normalised to sum to the number of classes.</summary>
    EffectiveNumber,
}
