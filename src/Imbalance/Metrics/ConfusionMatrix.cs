namespace Imbalance.Metrics;

/// <summary>Builds a <see cref="ConfusionMatrix{TLabel}"/> with the label type inferred from the arguments.</summary>
/// <example>
/// <code>
/// var matrix = ConfusionMatrix.Create(y, predicted);     // one pass; every count-based metric derives from it
/// </code>
/// </example>
public static class ConfusionMatrix
{
    /// <summary>
    /// Counts (weighted) samples by true and predicted label in one pass over the data: scikit-learn's
    /// <c>confusion_matrix(y_true, y_pred, labels=labels, sample_weight=sample_weight)</c> as a value from which
    /// every count-based metric of this namespace is derived.
    /// </summary>
    /// <param name="yTrue">Ground-truth labels.</param>
    /// <param name="yPred">Predicted labels, one per sample.</param>
    /// <param name="labels">
    /// The labels to report, in this order (scikit-learn's <c>labels</c>); labels absent from the data have zero
    /// counts. Default: the sorted union of the labels in <paramref name="yTrue"/> and <paramref name="yPred"/>.
    /// </param>
    /// <param name="sampleWeight">Optional weight of each sample (scikit-learn's <c>sample_weight</c>).</param>
    /// <exception cref="ArgumentNullException">A label vector is null.</exception>
    /// <exception cref="ArgumentException">
    /// Different lengths, empty input, null/NaN/non-integral labels, empty or duplicated <paramref name="labels"/>,
    /// or non-finite weights; the exception names the parameter.
    /// </exception>
    public static ConfusionMatrix<TLabel> Create<TLabel>(
        IReadOnlyList<TLabel> yTrue,
        IReadOnlyList<TLabel> yPred,
        IReadOnlyList<TLabel>? labels = null,
        IReadOnlyList<double>? sampleWeight = null)
        where TLabel : notnull => new(yTrue, yPred, labels, sampleWeight);
}
