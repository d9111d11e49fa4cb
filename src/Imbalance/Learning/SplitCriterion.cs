namespace Imbalance.Learning;

/// <summary>The impurity a CART tree minimises when it splits (scikit-learn's <c>criterion</c>).</summary>
public enum SplitCriterion
{
    /// <summary><c>"gini"</c>: the Gini index <c>1 - sum_k p_k^2</c> (scikit-learn's default).</summary>
    Gini,

    /// <summary><c>"entropy"</c> (also scikit-learn's <c>"log_loss"</c>): the Shannon entropy
    /// <c>-sum_k p_k log2 p_k</c>.</summary>
    Entropy,
}
