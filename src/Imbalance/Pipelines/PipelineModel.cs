using Imbalance.Diagnostics;
using Imbalance.Learning;

namespace Imbalance.Pipelines;

/// <summary>
/// A fitted <see cref="Pipeline"/>: the fitted transformers in order and the final model. It holds no samplers, so
/// <see cref="Predict"/> and <see cref="PredictProba"/> only transform and predict — resampling never touches data
/// being predicted or scored (imblearn's guarantee, enforced here by the types).
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class PipelineModel<TLabel> : IClassificationModel<TLabel>
    where TLabel : notnull
{
    private readonly IFeatureTransformerModel[] _transforms;

    private readonly Diagnostic[] _warnings;

    internal PipelineModel(
        IReadOnlyList<IFeatureTransformerModel> transforms,
        IClassificationModel<TLabel> final,
        IReadOnlyDictionary<TLabel, int>? classCountsBeforeResampling = null,
        IReadOnlyDictionary<TLabel, int>? classCountsAfterResampling = null,
        IReadOnlyList<Diagnostic>? warnings = null)
    {
        _transforms = [.. transforms];
        FinalModel = final;
        ClassCountsBeforeResampling = classCountsBeforeResampling ?? new Dictionary<TLabel, int>();
        ClassCountsAfterResampling = classCountsAfterResampling ?? ClassCountsBeforeResampling;
        _warnings = [.. warnings ?? []];
    }

    /// <summary>The rows of each class the pipeline was fitted on, before any sampler ran (the training priors);
    /// empty when unknown. <see cref="Calibration.PriorCorrection"/> reads it.</summary>
    public IReadOnlyDictionary<TLabel, int> ClassCountsBeforeResampling { get; }

    /// <summary>The rows of each class the final classifier was fitted on, after the samplers (the priors its
    /// probabilities reflect); equal to <see cref="ClassCountsBeforeResampling"/> without samplers.</summary>
    public IReadOnlyDictionary<TLabel, int> ClassCountsAfterResampling { get; }

    /// <summary>The warnings of every step while fitting, in step order, each <see cref="Diagnostic.Source"/>
    /// prefixed with its step name (nested pipelines add their own step names): a sampler that returned fewer rows
    /// than asked, a final classifier that did not converge.</summary>
    public IReadOnlyList<Diagnostic> Warnings => _warnings;

    /// <summary>The fitted transformers, in the order they are applied (nested pipelines flattened).</summary>
    public IReadOnlyList<IFeatureTransformerModel> Transformers => _transforms;

    /// <summary>The fitted final classifier.</summary>
    public IClassificationModel<TLabel> FinalModel { get; }

    /// <inheritdoc/>
    public IReadOnlyList<TLabel> Classes => FinalModel.Classes;

    /// <summary>Applies the fitted transformers in order (imblearn's <c>pipeline[:-1].transform</c>).</summary>
    /// <param name="x">Rows with the training width.</param>
    /// <returns>The transformed rows (a new matrix, or <paramref name="x"/> itself when there are no transformers).</returns>
    public double[,] Transform(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        foreach (var t in _transforms)
        {
            x = t.Transform(x);
        }

        return x;
    }

    /// <inheritdoc/>
    public TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default) => FinalModel.Predict(Transform(x), cancellationToken);

    /// <inheritdoc/>
    public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default) => FinalModel.PredictProba(Transform(x), cancellationToken);
}
