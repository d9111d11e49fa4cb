using Microsoft.ML;

namespace Imbalance.MLNet;

/// <summary>
/// Class weights for ML.NET trainers: an example-weight column (<see cref="AddClassWeights"/>) for any trainer that
/// takes <c>exampleWeightColumnName</c>, and the positive-class weight for LightGBM's binary trainer
/// (<see cref="WeightOfPositiveExamples"/>).
/// </summary>
public static class ClassWeightExtensions
{
    /// <summary>
    /// An estimator adding a weight column computed from the label (by default balanced weights, n / (k x count)).
    /// </summary>
    /// <param name="catalog">The transforms catalog (<c>mlContext.Transforms</c>).</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="outputColumnName">The weight column to add; pass it to the trainer's <c>exampleWeightColumnName</c>.</param>
    /// <param name="weighting">How class counts become weights; default <see cref="ClassWeighting.Balanced"/>.</param>
    /// <returns>The estimator; append a trainer with <c>.Append(...)</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    /// <exception cref="ArgumentException">A column name is null or empty.</exception>
    public static ClassWeightEstimator AddClassWeights(
        this TransformsCatalog catalog, string labelColumnName = "Label", string outputColumnName = "Weight", ClassWeighting? weighting = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrEmpty(labelColumnName);
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        return new ClassWeightEstimator(catalog, labelColumnName, outputColumnName, weighting ?? ClassWeighting.Balanced);
    }

    /// <summary>
    /// The weight of positive examples that balances a binary data set, negatives / positives: the value for
    /// LightGBM's <c>LightGbmBinaryTrainer.Options.WeightOfPositiveExamples</c> (LightGBM's <c>scale_pos_weight</c>).
    /// </summary>
    /// <remarks>
    /// Use on training data only: <c>new LightGbmBinaryTrainer.Options { WeightOfPositiveExamples =
    /// mlContext.BinaryClassification.WeightOfPositiveExamples(train) }</c>. Returned as a number so this package does
    /// not depend on the LightGBM package.
    /// </remarks>
    /// <param name="catalog">The binary classification catalog.</param>
    /// <param name="data">The training data.</param>
    /// <param name="labelColumnName">A <see cref="bool"/> label column.</param>
    /// <returns>The count of <see langword="false"/> labels divided by the count of <see langword="true"/> labels.</returns>
    /// <exception cref="ArgumentException">The label column is missing or not Boolean, or one class is absent.</exception>
    public static double WeightOfPositiveExamples(this BinaryClassificationCatalog catalog, IDataView data, string labelColumnName = "Label")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(labelColumnName);
        var column = DataViewTable.RequireColumn(data.Schema, labelColumnName, nameof(labelColumnName));
        if (column.Type.RawType != typeof(bool))
        {
            throw new ArgumentException($"Label column '{labelColumnName}' must be Boolean for binary classification, but is {column.Type}.", nameof(labelColumnName));
        }

        long positives = 0, negatives = 0;
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<bool>(column);
        var value = false;
        while (cursor.MoveNext())
        {
            getter(ref value);
            _ = value ? positives++ : negatives++;
        }

        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException($"Label column '{labelColumnName}' needs both classes; found {positives} positive and {negatives} negative rows.", nameof(data));
        }

        return (double)negatives / positives;
    }
}
