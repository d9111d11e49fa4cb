namespace Imbalance.Metrics;

/// <summary>
/// imblearn's <c>sensitivity_specificity_support(average=None)</c>: per class sensitivity, specificity and support
/// (the weighted number of true samples), aligned with <see cref="Labels"/>.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class PerClassSensitivitySpecificity<TLabel>
    where TLabel : notnull
{
    internal PerClassSensitivitySpecificity(ClassScores<TLabel> sensitivity, ClassScores<TLabel> specificity, ClassScores<TLabel> support)
    {
        Sensitivity = sensitivity;
        Specificity = specificity;
        Support = support;
    }

    /// <summary>The classes, in report order.</summary>
    public IReadOnlyList<TLabel> Labels => Sensitivity.Labels;

    /// <summary>Sensitivity (recall) of each class: tp / (tp + fn), 0 when the class has no true samples.</summary>
    public ClassScores<TLabel> Sensitivity { get; }

    /// <summary>Specificity of each class: tn / (tn + fp), 0 when undefined.</summary>
    public ClassScores<TLabel> Specificity { get; }

    /// <summary>Support of each class: the (weighted) number of samples whose true label is the class.</summary>
    public ClassScores<TLabel> Support { get; }
}
