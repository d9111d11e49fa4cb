namespace Imbalance.Metrics;

/// <summary>scikit-learn's <c>multi_class</c> of <c>roc_auc_score</c> for multiclass targets.</summary>
public enum MultiClassStrategy
{
    /// <summary><c>'ovr'</c>: one-vs-rest, the AUC of each class against all others, then averaged.</summary>
    OneVsRest,

    /// <summary><c>'ovo'</c>: one-vs-one (Hand and Till, 2001), the mean AUC of every pair of classes.</summary>
    OneVsOne,
}
