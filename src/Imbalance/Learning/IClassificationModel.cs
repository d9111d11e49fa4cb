using Imbalance.Diagnostics;

namespace Imbalance.Learning;

/// <summary>
/// A fitted classifier (scikit-learn's fitted estimator): immutable, safe to use from many threads.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public interface IClassificationModel<TLabel>
    where TLabel : notnull
{
    /// <summary>The classes seen in training, in sorted order (scikit-learn's <c>classes_</c>); the columns of
    /// <see cref="PredictProba"/>.</summary>
    IReadOnlyList<TLabel> Classes { get; }

    /// <summary>The predicted class of each row (scikit-learn's <c>predict</c>).</summary>
    /// <param name="x">Rows with the training width.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>One label per row.</returns>
    TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default);

    /// <summary>Class probabilities (scikit-learn's <c>predict_proba</c>), one row per input row, columns in
    /// <see cref="Classes"/> order.</summary>
    /// <param name="x">Rows with the training width.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>A new <c>rows x classes</c> matrix.</returns>
    double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default);

    /// <summary>What scikit-learn would have warned about while fitting (e.g. a <c>ConvergenceWarning</c>), as data;
    /// empty when fitting went as intended. A pipeline's model lists its steps' warnings too.</summary>
    IReadOnlyList<Diagnostic> Warnings => [];
}
