namespace Imbalance.Metrics;

/// <summary>scikit-learn's <c>normalize</c> of <c>confusion_matrix</c>: what the counts are divided by.</summary>
public enum ConfusionNormalization
{
    /// <summary><c>None</c>: the raw (weighted) counts.</summary>
    None,

    /// <summary><c>'true'</c>: each row divided by its sum (the number of true samples of the class).</summary>
    True,

    /// <summary><c>'pred'</c>: each column divided by its sum (the number of predictions of the class).</summary>
    Pred,

    /// <summary><c>'all'</c>: every entry divided by the total.</summary>
    All,
}
