namespace Imbalance.ModelSelection;

/// <summary>How a <see cref="CostSensitiveClassifier"/> uses its cost matrix.</summary>
public enum CostSensitiveMethod
{
    /// <summary>Fit the inner classifier as is and predict the class of least expected cost from its probabilities
    /// (Elkan 2001; for two classes, the threshold (C_fp - C_tn) / (C_fp - C_tn + C_fn - C_tp)).</summary>
    MinimumExpectedCost,

    /// <summary>Fit the inner classifier with sample weights derived from the costs
    /// (<see cref="CostSensitiveClassifier.ClassWeightFromCosts{TLabel}"/>) and predict as it does.</summary>
    Reweighting,
}
