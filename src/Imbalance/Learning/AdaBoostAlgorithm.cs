namespace Imbalance.Learning;

/// <summary>The boosting algorithm of <see cref="AdaBoostClassifier"/> and <see cref="Ensemble.RusBoostClassifier"/>
/// (scikit-learn's <c>algorithm</c>).</summary>
public enum AdaBoostAlgorithm
{
    /// <summary>scikit-learn's <c>"SAMME.R"</c> (the default): real boosting on the learners' class probabilities;
    /// every learner weighs 1.</summary>
    SammeR,

    /// <summary>scikit-learn's <c>"SAMME"</c>: discrete boosting on the learners' predictions, each weighted by
    /// <c>lr * (log((1 - err) / err) + log(K - 1))</c>.</summary>
    Samme,
}
