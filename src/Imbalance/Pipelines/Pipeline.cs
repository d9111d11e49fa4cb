using System.Collections.Immutable;
using System.Globalization;
using Imbalance.Diagnostics;
using Imbalance.Learning;
using Imbalance.Sampling;

namespace Imbalance.Pipelines;

/// <summary>
/// imblearn's <c>Pipeline</c>: an immutable chain of named steps — transformers, samplers, nested pipelines — and an
/// optional final classifier. <see cref="Fit{TLabel}"/> runs the transformers and samplers in order, fits the final
/// classifier on the result and returns a <see cref="PipelineModel{TLabel}"/> that holds the fitted transformers and
/// the final model and <em>no samplers</em>: resampling happens only while fitting, never while predicting or
/// scoring, so synthetic or duplicated rows cannot leak into evaluation.
/// </summary>
/// <remarks>
/// <para>When to use it: whenever a sampler is combined with a learner: the samplers run only during fitting and
/// only on the training rows, so cross-validation and searches never score synthetic or removed rows. Resampling
/// the whole data set before splitting leaks information and inflates scores.</para>
/// <para>Build with <see cref="Create"/> and <c>Then(...)</c> (each call returns a new pipeline), or with
/// <see cref="Make"/> (imblearn's <c>make_pipeline</c>, which names steps after their types).</para>
/// <para>Unlike imblearn (#787), pipelines nest: a pipeline without a final classifier can be a step of another,
/// contributing its transformers (at fit and predict) and its samplers (at fit only). A sampler may come anywhere
/// before the final step.</para>
/// <para>Sample weights follow the rows: through a sampler that selects or copies rows
/// (<see cref="ResampleResult{TLabel}.SampleIndices"/>) each output row keeps its source row's weight; a sampler that
/// synthesises rows cannot be combined with sample weights.</para>
/// </remarks>
/// <example>
/// <code>
/// var pipeline = Pipeline.Make(new StandardScaler(), new Smote { RandomState = 0 }, new LogisticRegression());
/// var model = pipeline.Fit(x, y);           // the sampler runs here only
/// int[] predicted = model.Predict(x);       // the fitted model holds no sampler
/// </code>
/// </example>
public sealed class Pipeline : IClassifier
{
    private static readonly Pipeline EmptyPipeline = new([]);
    private readonly ImmutableArray<PipelineStep> _steps;

    private Pipeline(ImmutableArray<PipelineStep> steps) => _steps = steps;

    /// <summary>The step names in order.</summary>
    public IReadOnlyList<string> StepNames => _steps.Select(s => s.Name).ToArray();

    /// <summary>The steps in order, as (name, step object) pairs: imblearn's <c>steps</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Steps => _steps.Select(s => new KeyValuePair<string, object>(s.Name, s.Step)).ToArray();

    /// <summary>True when the last step is a classifier, so <see cref="Fit{TLabel}"/> can be called.</summary>
    public bool HasFinalClassifier => _steps.Length > 0 && _steps[^1].Kind == StepKind.Classifier;

    /// <summary>An empty pipeline to extend with <c>Then</c>.</summary>
    /// <returns>The empty pipeline.</returns>
    public static Pipeline Create() => EmptyPipeline;

    /// <summary>
    /// imblearn's <c>make_pipeline</c>: a pipeline of the given steps named after their types in lower case
    /// (<c>"standardscaler"</c>, <c>"smote"</c>); repeated names get <c>-1</c>, <c>-2</c>, ... suffixes.
    /// </summary>
    /// <param name="steps">Transformers (<see cref="IFeatureTransformer"/>), samplers (<see cref="ISampler"/>), nested
    /// pipelines, and optionally a final <see cref="IClassifier"/>.</param>
    /// <returns>The pipeline.</returns>
    /// <exception cref="ArgumentException">A step is of none of those kinds, or a classifier is not last.</exception>
    public static Pipeline Make(params object[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var names = steps.Select(s => (s ?? throw new ArgumentException("A step is null.", nameof(steps))).GetType().Name.ToLowerInvariant()).ToArray();
        var counts = names.GroupBy(n => n, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var pipeline = Create();
        for (var i = 0; i < steps.Length; i++)
        {
            var name = names[i];
            if (counts[name] > 1)
            {
                seen[name] = seen.GetValueOrDefault(name) + 1;
                name = string.Create(CultureInfo.InvariantCulture, $"{name}-{seen[name]}");
            }

            pipeline = steps[i] switch
            {
                Pipeline p => pipeline.Add(name, p, StepKind.Pipeline, nameof(steps)),
                ISampler s => pipeline.Add(name, s, StepKind.Sampler, nameof(steps)),
                IFeatureTransformer t => pipeline.Add(name, t, StepKind.Transformer, nameof(steps)),
                IClassifier c => pipeline.Add(name, c, StepKind.Classifier, nameof(steps)),
                _ => throw new ArgumentException(
                    $"Step {i} ({steps[i].GetType().Name}) is not a transformer, sampler, pipeline or classifier.", nameof(steps)),
            };
        }

        return pipeline;
    }

    /// <summary>Appends a transformer step (fitted at fit time, applied at fit and predict time).</summary>
    /// <param name="name">A unique, non-empty step name without <c>"__"</c>.</param>
    /// <param name="transformer">The transformer.</param>
    /// <returns>A new pipeline.</returns>
    /// <exception cref="ArgumentException">The name is empty, repeated or contains <c>"__"</c>, or the pipeline already
    /// ends with a classifier.</exception>
    public Pipeline Then(string name, IFeatureTransformer transformer) => Add(name, transformer, StepKind.Transformer, nameof(transformer));

    /// <summary>Appends a sampler step (run at fit time only).</summary>
    /// <param name="name">A unique, non-empty step name without <c>"__"</c>.</param>
    /// <param name="sampler">The sampler.</param>
    /// <returns>A new pipeline.</returns>
    /// <exception cref="ArgumentException">The name is invalid, or the pipeline already ends with a classifier.</exception>
    public Pipeline Then(string name, ISampler sampler) => Add(name, sampler, StepKind.Sampler, nameof(sampler));

    /// <summary>Appends a nested pipeline: its steps run in place of this one (a nested pipeline ending in a
    /// classifier must be the last step).</summary>
    /// <param name="name">A unique, non-empty step name without <c>"__"</c>.</param>
    /// <param name="pipeline">The nested pipeline.</param>
    /// <returns>A new pipeline.</returns>
    /// <exception cref="ArgumentException">The name is invalid, or the pipeline already ends with a classifier.</exception>
    public Pipeline Then(string name, Pipeline pipeline) => Add(name, pipeline, StepKind.Pipeline, nameof(pipeline));

    /// <summary>Appends the final classifier.</summary>
    /// <param name="name">A unique, non-empty step name without <c>"__"</c>.</param>
    /// <param name="classifier">The classifier.</param>
    /// <returns>A new pipeline.</returns>
    /// <exception cref="ArgumentException">The name is invalid, or the pipeline already ends with a classifier.</exception>
    public Pipeline Then(string name, IClassifier classifier) => Add(name, classifier, StepKind.Classifier, nameof(classifier));

    /// <summary>
    /// Fits the pipeline (imblearn's <c>Pipeline.fit</c>): each transformer is fitted and applied, each sampler
    /// resamples, then the final classifier is fitted on the result.
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="x">The training rows.</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="sampleWeight">Optional weight per row, passed to the final classifier (see remarks).</param>
    /// <param name="cancellationToken">Cancels between and inside steps.</param>
    /// <returns>The fitted model, holding no samplers.</returns>
    /// <exception cref="InvalidOperationException">The pipeline has no final classifier, or sample weights meet a
    /// sampler that synthesises rows.</exception>
    public PipelineModel<TLabel> Fit<TLabel>(
        double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        InputGuard.CheckXy(x, y);
        if (sampleWeight is not null && sampleWeight.Count != y.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"sampleWeight has {sampleWeight.Count} values for {y.Count} rows."), nameof(sampleWeight));
        }

        if (!HasFinalClassifier)
        {
            throw new InvalidOperationException("The pipeline has no final classifier: its last step must be an IClassifier to call Fit.");
        }

        var transforms = new List<IFeatureTransformerModel>();
        var state = new FitState<TLabel>(x, y, sampleWeight);
        FitSteps(state, transforms, cancellationToken);
        var model = ((IClassifier)_steps[^1].Step).Fit(state.X, state.Y, state.Weights, cancellationToken);
        state.Warnings.AddRange(Diagnostic.Within(_steps[^1].Name, model.Warnings));
        return new PipelineModel<TLabel>(transforms, model, CountClasses(y), CountClasses(state.Y), state.Warnings);
    }

    IClassificationModel<TLabel> IClassifier.Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight, CancellationToken cancellationToken) =>
        Fit(x, y, sampleWeight, cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => "Pipeline(" + string.Join(", ", _steps.Select(s => $"{s.Name}={s.Step}")) + ")";

    /// <summary>Runs every step but a final classifier, collecting the fitted transformers.</summary>
    private void FitSteps<TLabel>(FitState<TLabel> state, List<IFeatureTransformerModel> transforms, CancellationToken cancellationToken, string prefix = "")
        where TLabel : notnull
    {
        foreach (var step in _steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (step.Kind)
            {
                case StepKind.Transformer:
                    var model = ((IFeatureTransformer)step.Step).Fit(state.X, cancellationToken);
                    state.X = model.Transform(state.X);
                    transforms.Add(model);
                    break;
                case StepKind.Sampler:
                    var result = ((ISampler)step.Step).FitResample(state.X, state.Y, cancellationToken);
                    if (state.Weights is not null)
                    {
                        var indices = result.SampleIndices ?? throw new InvalidOperationException(
                            $"Step '{step.Name}' synthesises rows, so sample weights cannot be carried through it.");
                        state.Weights = indices.Select(i => state.Weights[i]).ToArray();
                    }

                    state.X = result.X;
                    state.Y = result.Y;
                    state.Warnings.AddRange(Diagnostic.Within(prefix + step.Name, result.Warnings));
                    break;
                case StepKind.Pipeline:
                    ((Pipeline)step.Step).FitSteps(state, transforms, cancellationToken, prefix + step.Name + "/");
                    break;
                default:
                    // The final classifier is fitted by the caller.
                    break;
            }
        }
    }

    private static Dictionary<TLabel, int> CountClasses<TLabel>(IReadOnlyList<TLabel> y)
        where TLabel : notnull
    {
        var counts = new Dictionary<TLabel, int>();
        foreach (var label in y)
        {
            counts[label] = counts.GetValueOrDefault(label) + 1;
        }

        return counts;
    }

    private Pipeline Add(string name, object step, StepKind kind, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(step, parameterName);
        if (string.IsNullOrEmpty(name) || name.Contains("__", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Step name '{name}' is invalid: it must be non-empty and not contain '__'.", nameof(name));
        }

        if (_steps.Any(s => s.Name == name))
        {
            throw new ArgumentException($"Names provided are not unique: '{name}' is already a step.", nameof(name));
        }

        if (HasFinalClassifier || (_steps.Length > 0 && _steps[^1].Kind == StepKind.Pipeline && ((Pipeline)_steps[^1].Step).HasFinalClassifier))
        {
            throw new ArgumentException(
                $"All intermediate steps should be transformers, samplers or pipelines without a classifier; '{_steps[^1].Name}' ends in a classifier.",
                parameterName);
        }

        // A nested pipeline that ends in a classifier acts as the final classifier.
        var effectiveKind = kind == StepKind.Pipeline && ((Pipeline)step).HasFinalClassifier ? StepKind.Classifier : kind;
        return new Pipeline(_steps.Add(new PipelineStep(name, step, effectiveKind)));
    }

    private enum StepKind
    {
        Transformer,
        Sampler,
        Pipeline,
        Classifier,
    }

    private sealed record PipelineStep(string Name, object Step, StepKind Kind);

    private sealed class FitState<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? weights)
        where TLabel : notnull
    {
        public double[,] X { get; set; } = x;

        public IReadOnlyList<TLabel> Y { get; set; } = y;

        public IReadOnlyList<double>? Weights { get; set; } = weights;

        /// <summary>The warnings of the steps run so far, named by step.</summary>
        public List<Diagnostic> Warnings { get; } = [];
    }
}
