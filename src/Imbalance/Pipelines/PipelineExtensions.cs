using Imbalance.Interop;

namespace Imbalance.Pipelines;

/// <summary><see cref="Pipeline.Fit{TLabel}"/> and <see cref="PipelineModel{TLabel}.Transform"/> for the other supported
/// input shapes (see <see cref="FeatureMatrix"/>), converted once through <see cref="MatrixAdapter"/>.</summary>
public static class PipelineExtensions
{
    /// <summary>Fits a pipeline on rows of any supported shape; see <see cref="Pipeline.Fit{TLabel}"/>.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="x">The training rows: <c>double[][]</c>, <c>float[,]</c>, <c>float[][]</c> or a MathNet matrix.</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="sampleWeight">Optional weight per row.</param>
    /// <param name="cancellationToken">Cancels between and inside steps.</param>
    /// <returns>The fitted model.</returns>
    public static PipelineModel<TLabel> Fit<TLabel>(
        this Pipeline pipeline, FeatureMatrix x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return pipeline.Fit(x.ToArray2D(nameof(x)), y, sampleWeight, cancellationToken);
    }

    /// <summary>Applies the fitted transformers to rows of any supported shape; see <see cref="PipelineModel{TLabel}.Transform"/>.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="model">The fitted pipeline.</param>
    /// <param name="x">The rows.</param>
    /// <returns>The transformed rows.</returns>
    public static double[,] Transform<TLabel>(this PipelineModel<TLabel> model, FeatureMatrix x)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Transform(x.ToArray2D(nameof(x)));
    }
}
