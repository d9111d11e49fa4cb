namespace Imbalance.Metrics;

/// <summary>scikit-learn's <c>weights</c> of <c>cohen_kappa_score</c>: how disagreements between classes are penalised.</summary>
public enum KappaWeighting
{
    /// <summary><c>None</c>: every disagreement costs 1 (plain Cohen's kappa).</summary>
    None,

    /// <summary><c>'linear'</c>: a disagreement between the i-th and j-th label costs |i - j|.</summary>
    Linear,

    /// <summary><c>'quadratic'</c>: a disagreement between the i-th and j-th label costs (i - j)^2.</summary>
    Quadratic,
}
