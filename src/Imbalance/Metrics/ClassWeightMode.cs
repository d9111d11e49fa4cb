namespace Imbalance.Metrics;

/// <summary>The string and <c>None</c> options of scikit-learn's <c>class_weight</c>.</summary>
public enum ClassWeightMode
{
    /// <summary><c>None</c>: every class has weight 1.</summary>
    Uniform,

    /// <summary><c>'balanced'</c>: class j has weight n_samples / (n_classes x n_samples_j), inversely proportional to its frequency.</summary>
    Balanced,
}
