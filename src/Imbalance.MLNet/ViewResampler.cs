using Imbalance.Sampling;
using Microsoft.ML;

namespace Imbalance.MLNet;

/// <summary>
/// The one resampling routine of the ML.NET adapters: reads the features and label columns (and any passthrough
/// columns), runs the sampler on widened <c>double</c> features, and rebuilds an in-memory view with the source's
/// column types and annotations.
/// </summary>
internal static class ViewResampler
{
    /// <param name="data">The view to resample.</param>
    /// <param name="sampler">Any sampler.</param>
    /// <param name="featureColumnName">A known-size vector of <see cref="float"/>.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="weightColumnName">An example-weight column carried along (selection samplers only), or null.</param>
    /// <param name="keepOtherColumns">Whether the other visible columns are carried along by selection samplers.</param>
    /// <param name="parameterName">The caller's name for <paramref name="data"/>, used in errors.</param>
    /// <param name="cancellationToken">Cancels reading and resampling.</param>
    public static IDataView Resample(
        IDataView data, ISampler sampler, string featureColumnName, string labelColumnName, string? weightColumnName,
        bool keepOtherColumns, string parameterName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data, parameterName);
        ArgumentNullException.ThrowIfNull(sampler);
        var schema = data.Schema;
        var size = DataViewTable.RequireFeatureVector(schema, featureColumnName, parameterName);
        DataViewTable.RequireColumn(schema, labelColumnName, parameterName);
        if (weightColumnName is not null)
        {
            DataViewTable.RequireColumn(schema, weightColumnName, parameterName);
        }

        var names = keepOtherColumns
            ? schema.Where(c => !c.IsHidden).Select(c => c.Name).ToList()
            : new[] { featureColumnName, labelColumnName, weightColumnName }.OfType<string>().Distinct().ToList();
        if (featureColumnName == labelColumnName)
        {
            throw new ArgumentException($"The features and label columns are both '{featureColumnName}'.", parameterName);
        }

        var columns = DataViewTable.Read(data, names, parameterName, cancellationToken);
        var features = (VectorColumnBuffer<float>)columns[names.IndexOf(featureColumnName)];
        var labelIndex = names.IndexOf(labelColumnName);
        var x = DataViewTable.FeatureMatrix(features, size, parameterName);
        var (label, sampleIndices) = DataViewTable.VisitLabels(columns[labelIndex], new Run(sampler, x, columns[labelIndex], cancellationToken), parameterName);

        var output = new List<ColumnBuffer>(columns.Length);
        for (var c = 0; c < columns.Length; c++)
        {
            if (c == labelIndex)
            {
                output.Add(label.Labels);
            }
            else if (ReferenceEquals(columns[c], features))
            {
                output.Add(DataViewTable.FeatureColumn(features, label.X));
            }
            else if (sampleIndices is not null)
            {
                output.Add(columns[c].Take(sampleIndices));
            }
            else if (columns[c].Name == weightColumnName)
            {
                throw new ArgumentException(
                    $"{sampler.GetType().Name} synthesises rows (it reports no SampleIndices), so the example weights in column '{weightColumnName}' cannot be carried to the new rows. "
                    + "Use a sampler that selects rows (random over/under-sampling, cleaning samplers), or drop the weight column.", nameof(sampler));
            }

            // Other passthrough columns have no value for synthetic rows and are dropped.
        }

        return new ArrayDataView(output);
    }

    private sealed record Resampled(ColumnBuffer Labels, double[,] X);

    private sealed class Run(ISampler sampler, double[,] x, ColumnBuffer labelTemplate, CancellationToken cancellationToken)
        : ILabelsFunc<(Resampled Result, int[]? SampleIndices)>
    {
        public (Resampled Result, int[]? SampleIndices) Invoke<TLabel>(IReadOnlyList<TLabel> labels)
            where TLabel : notnull
        {
            var result = sampler.FitResample(x, labels, cancellationToken);
            return (new Resampled(DataViewTable.LabelColumn(labelTemplate, result.Y), result.X), result.SampleIndices);
        }
    }
}
