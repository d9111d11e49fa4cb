using Imbalance.Sampling;
using Imbalance.UnderSampling;
using Microsoft.ML;

namespace Imbalance.MLNet;

/// <summary>
/// ML.NET catalog entry points for resampling: <see cref="WithResampling{TTransformer}"/> on any trainer (resamples
/// only while fitting), <see cref="Resample"/> on a data view, and <see cref="RandomUnderSample"/> for views too large
/// for memory.
/// </summary>
public static class ResamplingExtensions
{
    /// <summary>
    /// Wraps a trainer so that <paramref name="sampler"/> resamples its training data at <c>Fit</c> and never at
    /// prediction; imblearn's <c>make_pipeline(sampler, classifier)</c> in ML.NET form. See
    /// <see cref="ResamplingEstimator{TTransformer}"/>.
    /// </summary>
    /// <typeparam name="TTransformer">The trainer's transformer type.</typeparam>
    /// <param name="trainer">Any ML.NET trainer, e.g. <c>mlContext.BinaryClassification.Trainers.LightGbm()</c>.</param>
    /// <param name="sampler">Any Imbalance sampler, e.g. <c>new Smote { RandomState = 42 }</c>.</param>
    /// <param name="labelColumnName">The label column; by default the trainer's.</param>
    /// <param name="featureColumnName">The features column; by default the trainer's.</param>
    /// <param name="exampleWeightColumnName">An example-weight column carried through resampling; by default the trainer's.</param>
    /// <returns>An estimator whose <c>Fit</c> returns the trainer's own transformer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trainer"/> or <paramref name="sampler"/> is null.</exception>
    public static ResamplingEstimator<TTransformer> WithResampling<TTransformer>(
        this IEstimator<TTransformer> trainer, ISampler sampler, string? labelColumnName = null, string? featureColumnName = null, string? exampleWeightColumnName = null)
        where TTransformer : class, ITransformer =>
        new(trainer, sampler, labelColumnName, featureColumnName, exampleWeightColumnName);

    /// <summary>
    /// Resamples a whole data view now and returns the resampled rows as an in-memory view; imblearn's
    /// <c>sampler.fit_resample(X, y)</c> over an <see cref="IDataView"/>.
    /// </summary>
    /// <remarks>
    /// <para><b>Leakage:</b> resampling before a train/test split or before <c>CrossValidate</c> puts synthetic or
    /// duplicated copies of training rows into the test rows, and the scores become optimistic (AUC near 1.0 on data
    /// where the honest AUC is far lower). Resample training data only: use <see cref="WithResampling{TTransformer}"/>
    /// inside the pipeline, or call this on a training split.</para>
    /// <para>Selection samplers (random over/under-sampling, cleaning samplers) carry every visible column to the
    /// selected rows. Samplers that synthesise rows return the features and label columns only; naming an
    /// example-weight column with them is an error. Column types and annotations are kept; features are widened to
    /// <see cref="double"/> exactly and synthetic rows are rounded back to <see cref="float"/>.</para>
    /// </remarks>
    /// <param name="catalog">The data catalog (<c>mlContext.Data</c>).</param>
    /// <param name="data">The view to resample; read once.</param>
    /// <param name="sampler">Any Imbalance sampler.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="featureColumnName">The features column: a known-size vector of <see cref="float"/> without missing values.</param>
    /// <param name="exampleWeightColumnName">An example-weight column that must survive resampling, or null.</param>
    /// <param name="cancellationToken">Cancels reading and resampling.</param>
    /// <returns>The resampled rows.</returns>
    /// <exception cref="ArgumentException">A column is missing or has an unsupported type, features are variable-size
    /// or have missing values, a label is missing, or the sampler rejects the data.</exception>
    public static IDataView Resample(
        this DataOperationsCatalog catalog, IDataView data, ISampler sampler, string labelColumnName = "Label", string featureColumnName = "Features",
        string? exampleWeightColumnName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrEmpty(labelColumnName);
        ArgumentException.ThrowIfNullOrEmpty(featureColumnName);
        return ViewResampler.Resample(data, sampler, featureColumnName, labelColumnName, exampleWeightColumnName, keepOtherColumns: true, nameof(data), cancellationToken);
    }

    /// <summary>
    /// Random under-sampling of a view that need not fit in memory: the same rows as
    /// <c>RandomUnderSampler.FitResample</c> (its <see cref="ResampleResult{TLabel}.SampleIndices"/>)
    /// for the same <see cref="RandomUnderSampler.RandomState"/>, in the source's row order.
    /// </summary>
    /// <remarks>
    /// Two streaming passes over the label column run now (count the classes, then turn the drawn rows into
    /// positions); the returned view streams the selected rows from <paramref name="data"/> when read, so the features
    /// are never held in memory. Memory: the kept row positions, plus transient integers per row of the largest class
    /// while drawing (NumPy's <c>choice</c> permutes the class). The source must return the same rows in the same
    /// order on every pass.
    /// </remarks>
    /// <param name="catalog">The data catalog (<c>mlContext.Data</c>).</param>
    /// <param name="data">The view to under-sample.</param>
    /// <param name="sampler">The configured under-sampler (strategy, seed, replacement).</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="cancellationToken">Cancels the passes.</param>
    /// <returns>A lazy view of the kept rows with the source's schema.</returns>
    /// <exception cref="ArgumentException">The label column is missing, of an unsupported type, has missing values or a single class, or the strategy does not fit the data.</exception>
    public static IDataView RandomUnderSample(
        this DataOperationsCatalog catalog, IDataView data, RandomUnderSampler sampler, string labelColumnName = "Label", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentException.ThrowIfNullOrEmpty(labelColumnName);
        return StreamingUnderSampler.Run(data, sampler, labelColumnName, cancellationToken);
    }
}
