using Imbalance.Sampling;
using Microsoft.ML;

namespace Imbalance.MLNet;

/// <summary>
/// Wraps an ML.NET trainer so that an Imbalance sampler resamples the training data inside <see cref="Fit"/>: the
/// features and label columns are read, resampled with <see cref="Sampler"/>, and the trainer is fitted on the
/// resampled rows. The result is the trainer's own transformer, so scoring never resamples; this is the ML.NET form of
/// imblearn's <c>Pipeline</c>, where samplers act only in <c>fit</c>.
/// </summary>
/// <typeparam name="TTransformer">The transformer the wrapped trainer returns.</typeparam>
/// <remarks>
/// <para>Create it with <see cref="ResamplingExtensions.WithResampling{TTransformer}"/>:
/// <c>mlContext.BinaryClassification.Trainers.LightGbm().WithResampling(new Smote { RandomState = 42 })</c>.</para>
/// <para>Because resampling happens at fit time, placing it inside <c>CrossValidate</c> or after a train/test split
/// resamples only training folds; test rows stay original. <see cref="GetOutputSchema"/> delegates to the trainer
/// and reads no data, so <c>EstimatorChain</c> and <c>CrossValidate</c> work as with the bare trainer.</para>
/// <para>Features must be a known-size vector of <see cref="float"/> without missing values; they are widened to
/// <see cref="double"/> exactly, and synthetic rows are rounded back to the nearest <see cref="float"/>, so selection
/// samplers reproduce the original values bit for bit. Key-typed labels keep their raw values and key type, and
/// annotations (<c>KeyValues</c>, <c>SlotNames</c>) are kept. An example-weight column is carried to the selected
/// rows of selection samplers (through <see cref="ResampleResult{TLabel}.SampleIndices"/>); with a sampler that
/// synthesises rows it is an error. The training rows are held in memory while fitting.</para>
/// </remarks>
public sealed class ResamplingEstimator<TTransformer> : IEstimator<TTransformer>
    where TTransformer : class, ITransformer
{
    /// <summary>Wraps <paramref name="trainer"/> so that <paramref name="sampler"/> resamples its training data.</summary>
    /// <param name="trainer">Any ML.NET trainer estimator (binary or multiclass).</param>
    /// <param name="sampler">Any Imbalance sampler.</param>
    /// <param name="labelColumnName">The label column; by default the trainer's own label column, else <c>"Label"</c>.</param>
    /// <param name="featureColumnName">The features column; by default the trainer's own, else <c>"Features"</c>.</param>
    /// <param name="exampleWeightColumnName">An example-weight column carried through resampling; by default the trainer's own weight column, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="trainer"/> or <paramref name="sampler"/> is null.</exception>
    /// <exception cref="ArgumentException">A column name is empty.</exception>
    public ResamplingEstimator(IEstimator<TTransformer> trainer, ISampler sampler, string? labelColumnName = null, string? featureColumnName = null, string? exampleWeightColumnName = null)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(sampler);
        RejectEmpty(labelColumnName, nameof(labelColumnName));
        RejectEmpty(featureColumnName, nameof(featureColumnName));
        RejectEmpty(exampleWeightColumnName, nameof(exampleWeightColumnName));
        Trainer = trainer;
        Sampler = sampler;
        LabelColumnName = labelColumnName ?? TrainerColumns.Name(trainer, "LabelColumn") ?? "Label";
        FeatureColumnName = featureColumnName ?? TrainerColumns.Name(trainer, "FeatureColumn") ?? "Features";
        ExampleWeightColumnName = exampleWeightColumnName ?? TrainerColumns.Name(trainer, "WeightColumn");
    }

    /// <summary>The wrapped trainer.</summary>
    public IEstimator<TTransformer> Trainer { get; }

    /// <summary>The sampler applied to the training data.</summary>
    public ISampler Sampler { get; }

    /// <summary>The label column read and resampled.</summary>
    public string LabelColumnName { get; }

    /// <summary>The features column read and resampled.</summary>
    public string FeatureColumnName { get; }

    /// <summary>The example-weight column carried through resampling, or <see langword="null"/>.</summary>
    public string? ExampleWeightColumnName { get; }

    /// <summary>
    /// Resamples <paramref name="input"/> with <see cref="Sampler"/> and fits <see cref="Trainer"/> on the result.
    /// </summary>
    /// <param name="input">The training data.</param>
    /// <returns>The trainer's transformer, which scores data without resampling.</returns>
    /// <exception cref="ArgumentException">A column is missing or has an unsupported type, the features are a
    /// variable-size vector or contain missing values, a label is missing, the sampler rejects the data, or the
    /// sampler synthesises rows while an example-weight column is used.</exception>
    public TTransformer Fit(IDataView input)
    {
        var resampled = ViewResampler.Resample(input, Sampler, FeatureColumnName, LabelColumnName, ExampleWeightColumnName, keepOtherColumns: false, nameof(input), CancellationToken.None);
        return Trainer.Fit(resampled);
    }

    /// <summary>The trainer's output schema; reads no data (resampling does not change the schema).</summary>
    /// <param name="inputSchema">The input schema shape.</param>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => Trainer.GetOutputSchema(inputSchema);

    private static void RejectEmpty(string? name, string parameterName)
    {
        if (name is { Length: 0 })
        {
            throw new ArgumentException("A column name cannot be empty; pass null to use the trainer's column.", parameterName);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Trainer.GetType().Name}.WithResampling({Sampler})";
}
