using Imbalance.Learning;
using Imbalance.Sampling;

namespace Imbalance.Neighbors;

/// <summary>
/// A fitted <see cref="KNeighborsClassifier"/>: predicts the class of new rows by the vote of their nearest training
/// rows (scikit-learn's fitted <c>KNeighborsClassifier</c>). Immutable and safe to use from many threads.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class KNeighborsClassifierModel<TLabel> : IClassificationModel<TLabel>
    where TLabel : notnull
{
    private readonly KNeighborsVoter _voter;
    private readonly TLabel[] _classes;

    internal KNeighborsClassifierModel(KNeighborsVoter voter, IReadOnlyList<TLabel> classes)
    {
        _voter = voter;
        _classes = [.. classes];
    }

    /// <summary>The fitted vote, for saving.</summary>
    internal KNeighborsVoter Voter => _voter;

    /// <summary>The classes in sorted order (scikit-learn's <c>classes_</c>); the columns of <see cref="PredictProba"/>.</summary>
    public IReadOnlyList<TLabel> Classes => _classes;

    /// <summary>The predicted class of each row (scikit-learn's <c>predict</c>): the class with the largest (weighted)
    /// vote among the row's nearest training rows, ties to the first class in <see cref="Classes"/>.</summary>
    /// <param name="x">The rows to classify, with the training width.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>One label per row.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or infinity, or has the wrong width.</exception>
    /// <exception cref="InvalidOperationException">The model was fitted on fewer rows than <c>NNeighbors</c> (scikit-learn's wording).</exception>
    public TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default)
    {
        var codes = _voter.Predict(Rows(x), x.GetLength(0), cancellationToken);
        var labels = new TLabel[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            labels[i] = _classes[codes[i]];
        }

        return labels;
    }

    /// <summary>Class probabilities (scikit-learn's <c>predict_proba</c>): each class's share of the (weighted) vote,
    /// one row per input row, columns in <see cref="Classes"/> order.</summary>
    /// <param name="x">The rows to classify, with the training width.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>A new <c>rows x classes</c> matrix whose rows sum to 1.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or infinity, or has the wrong width.</exception>
    /// <exception cref="InvalidOperationException">The model was fitted on fewer rows than <c>NNeighbors</c> (scikit-learn's wording).</exception>
    public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default)
    {
        var flat = _voter.PredictProba(Rows(x), x.GetLength(0), cancellationToken);
        var proba = new double[x.GetLength(0), _classes.Length];
        flat.CopyTo(MatrixRows.Of(proba));
        return proba;
    }

    private double[] Rows(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        InputGuard.CheckMatrix(x, nameof(x));
        if (x.GetLength(1) != _voter.Features)
        {
            throw new ArgumentException(
                $"X has {x.GetLength(1)} features, but KNeighborsClassifier is expecting {_voter.Features} features as input.", nameof(x));
        }

        return MatrixRows.Of(x).ToArray();
    }
}
