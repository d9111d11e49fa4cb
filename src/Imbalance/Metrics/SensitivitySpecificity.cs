namespace Imbalance.Metrics;

/// <summary>
/// The averaged result of imblearn's <c>sensitivity_specificity_support</c> (its support is <c>None</c> when an
/// average is taken).
/// </summary>
/// <param name="Sensitivity">The (averaged) sensitivity, i.e. recall: tp / (tp + fn).</param>
/// <param name="Specificity">The (averaged) specificity: tn / (tn + fp).</param>
public readonly record struct SensitivitySpecificity(double Sensitivity, double Specificity);
