namespace Imbalance.Metrics;

/// <summary>The metric a decision threshold is tuned for by <see cref="ThresholdMoving.TuneThreshold{TLabel}"/>.</summary>
public enum ThresholdObjective
{
    /// <summary>F-beta of the positive class (maximised); beta given separately, 1 by default.</summary>
    FBeta,

    /// <summary>Geometric mean sqrt(sensitivity x specificity), imblearn's binary G-mean (maximised).</summary>
    GeometricMean,

    /// <summary>Balanced accuracy (sensitivity + specificity) / 2 (maximised).</summary>
    BalancedAccuracy,

    /// <summary>Expected cost per sample under a <see cref="ClassificationCosts"/> cost matrix (minimised).</summary>
    ExpectedCost,
}
