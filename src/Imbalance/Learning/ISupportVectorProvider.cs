namespace Imbalance.Learning;

/// <summary>
/// Finds the support vectors <see cref="OverSampling.SvmSmote"/> generates around: imblearn's <c>svm_estimator</c>, of which
/// SVM-SMOTE only uses the fitted <c>support_</c>. The default is <see cref="SupportVectorClassifier"/>.
/// </summary>
public interface ISupportVectorProvider
{
    /// <summary>
    /// Fits a support vector machine on <paramref name="x"/> and <paramref name="classes"/> and returns the rows that
    /// are support vectors (scikit-learn's <c>support_</c>): grouped by class in ascending class order, ascending
    /// row index within a class.
    /// </summary>
    /// <param name="x">The samples, <c>n_samples x n_features</c>.</param>
    /// <param name="classes">The class of each row as a code <c>0..K-1</c> (classes in sorted label order).</param>
    /// <param name="cancellationToken">Cancels a long fit.</param>
    /// <returns>The support-vector row indices.</returns>
    IReadOnlyList<int> FindSupportVectors(double[,] x, IReadOnlyList<int> classes, CancellationToken cancellationToken = default);
}
