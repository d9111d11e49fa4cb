namespace Imbalance.Sampling;

/// <summary>
/// What <see cref="Sampler"/> hands to a sampler's own step once the inputs are validated: the data (read-only by
/// convention, never written), the encoded classes, the resolved targets and the label view for label-keyed
/// parameters.
/// </summary>
internal sealed class SamplerInput(double[,] x, ClassIndex classes, ClassTargets targets, LabelSet labels)
{
    /// <summary>The caller's samples. Never modified.</summary>
    public double[,] X { get; } = x;

    /// <summary>Number of rows.</summary>
    public int SampleCount => X.GetLength(0);

    /// <summary>Number of columns.</summary>
    public int FeatureCount => X.GetLength(1);

    /// <summary>The encoded classes.</summary>
    public ClassIndex Classes { get; } = classes;

    /// <summary>The resolved strategy.</summary>
    public ClassTargets Targets { get; } = targets;

    /// <summary>The label view, for parameters keyed by label.</summary>
    public LabelSet Labels { get; } = labels;

    /// <summary>Where long samplers report progress; null for nowhere.</summary>
    public IProgress<Diagnostics.ProgressReport>? Progress { get; init; }
}
