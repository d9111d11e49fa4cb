using Microsoft.ML;

namespace Imbalance.MLNet;

/// <summary>
/// Adds an example-weight column computed from the class of each row (by default scikit-learn's "balanced" weights),
/// the alternative to resampling that the ML.NET team suggests: pass the column to a trainer's
/// <c>exampleWeightColumnName</c>. The weights are fitted on the training data; the fitted transformer is ML.NET's
/// value-mapping transformer (label to weight), so it saves and loads with the model.
/// </summary>
/// <remarks>
/// Create it with <see cref="ClassWeightExtensions.AddClassWeights"/>. scikit-learn equivalent:
/// <c>compute_sample_weight(class_weight, y)</c>, or a model's <c>class_weight</c> parameter.
/// </remarks>
public sealed class ClassWeightEstimator : IEstimator<ITransformer>
{
    private readonly TransformsCatalog _catalog;

    internal ClassWeightEstimator(TransformsCatalog catalog, string labelColumnName, string outputColumnName, ClassWeighting weighting)
    {
        _catalog = catalog;
        LabelColumnName = labelColumnName;
        OutputColumnName = outputColumnName;
        Weighting = weighting;
    }

    /// <summary>The label column the weights depend on.</summary>
    public string LabelColumnName { get; }

    /// <summary>The weight column added (a <see cref="float"/> scalar).</summary>
    public string OutputColumnName { get; }

    /// <summary>How class counts become weights.</summary>
    public ClassWeighting Weighting { get; }

    /// <summary>Counts the classes of <paramref name="input"/> and returns a transformer adding each row's class weight.</summary>
    /// <param name="input">The training data.</param>
    /// <returns>ML.NET's value-mapping transformer from label to weight.</returns>
    /// <exception cref="ArgumentException">The label column is missing, of an unsupported type, or has missing values.</exception>
    public ITransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        DataViewTable.RequireColumn(input.Schema, LabelColumnName, nameof(input));
        var labels = DataViewTable.Read(input, [LabelColumnName], nameof(input))[0];
        var estimator = DataViewTable.VisitLabels(labels, new WeightMapping(this), nameof(input));
        return estimator.Fit(input);
    }

    /// <summary>The input schema plus the weight column; reads no data.</summary>
    /// <param name="inputSchema">The input schema shape.</param>
    /// <exception cref="ArgumentException">The label column is missing or of an unsupported type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var label = inputSchema.FirstOrDefault(c => c.Name == LabelColumnName);
        if (label.Name is null)
        {
            throw new ArgumentException($"Column '{LabelColumnName}' is not in the input schema.", nameof(inputSchema));
        }

        var raw = label.ItemType.RawType;
        IEstimator<ITransformer> placeholder =
            raw == typeof(bool) ? Map<bool>([default])
            : raw == typeof(float) ? Map<float>([default])
            : raw == typeof(double) ? Map<double>([default])
            : raw == typeof(uint) ? Map<uint>([default])
            : raw == typeof(int) ? Map<int>([default])
            : raw == typeof(long) ? Map<long>([default])
            : raw == typeof(ReadOnlyMemory<char>) ? Map<string>([string.Empty])
            : throw new ArgumentException($"Label column '{LabelColumnName}' has type {label.ItemType}; supported label types are Boolean, Single, Double, Int32, Int64, UInt32, key and text.", nameof(inputSchema));
        return placeholder.GetOutputSchema(inputSchema);

        IEstimator<ITransformer> Map<TKey>(TKey[] keys) => _catalog.Conversion.MapValue(OutputColumnName, keys.Select(k => new KeyValuePair<TKey, float>(k, 1f)), LabelColumnName);
    }

    /// <inheritdoc/>
    public override string ToString() => $"ClassWeights({LabelColumnName} -> {OutputColumnName}, {Weighting})";

    private sealed class WeightMapping(ClassWeightEstimator owner) : ILabelsFunc<IEstimator<ITransformer>>
    {
        public IEstimator<ITransformer> Invoke<TLabel>(IReadOnlyList<TLabel> labels)
            where TLabel : notnull
        {
            var order = new Dictionary<TLabel, int>();
            var counts = new List<int>();
            foreach (var label in labels)
            {
                if (!order.TryGetValue(label, out var code))
                {
                    code = order.Count;
                    order.Add(label, code);
                    counts.Add(0);
                }

                counts[code]++;
            }

            var classes = order.Keys.ToArray();
            var weights = owner.Weighting.Weights(classes, counts, labels);
            var pairs = classes.Select((c, i) => new KeyValuePair<TLabel, float>(c, (float)weights[i]));
            return owner._catalog.Conversion.MapValue(owner.OutputColumnName, pairs, owner.LabelColumnName);
        }
    }
}
