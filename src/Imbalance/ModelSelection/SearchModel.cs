using Imbalance.Learning;

namespace Imbalance.ModelSelection;

/// <summary>A fitted <see cref="GridSearchCV{TParam}"/> or <see cref="RandomizedSearchCV{TParam}"/>: the results
/// table, the best candidate and the best model refitted on all rows (scikit-learn's <c>best_estimator_</c>), which
/// this model predicts with.</summary>
/// <typeparam name="TLabel">The label type.</typeparam>
/// <typeparam name="TParam">The parameter type.</typeparam>
public sealed class SearchModel<TLabel, TParam> : IClassificationModel<TLabel>
    where TLabel : notnull
{
    internal SearchModel(SearchResults<TParam> results, int bestIndex, string refitScorer, IClassifier bestEstimator, IClassificationModel<TLabel> bestModel)
    {
        Results = results;
        BestIndex = bestIndex;
        RefitScorer = refitScorer;
        BestEstimator = bestEstimator;
        BestModel = bestModel;
    }

    /// <summary>The results table (scikit-learn's <c>cv_results_</c>).</summary>
    public SearchResults<TParam> Results { get; }

    /// <summary>The index of the best candidate by <see cref="RefitScorer"/> (scikit-learn's <c>best_index_</c>: the
    /// first of rank 1).</summary>
    public int BestIndex { get; }

    /// <summary>The scorer that chose the best candidate (scikit-learn's <c>refit</c> metric).</summary>
    public string RefitScorer { get; }

    /// <summary>The best candidate's parameters (scikit-learn's <c>best_params_</c>).</summary>
    public TParam BestParams => Results.Candidates[BestIndex];

    /// <summary>The best candidate's mean cross-validated score (scikit-learn's <c>best_score_</c>).</summary>
    public double BestScore => Results.MeanTestScore(RefitScorer)[BestIndex];

    /// <summary>The best candidate's configuration, unfitted.</summary>
    public IClassifier BestEstimator { get; }

    /// <summary>The best candidate refitted on all rows (scikit-learn's <c>best_estimator_</c>).</summary>
    public IClassificationModel<TLabel> BestModel { get; }

    /// <inheritdoc/>
    public IReadOnlyList<TLabel> Classes => BestModel.Classes;

    /// <summary>The best model's predictions.</summary>
    /// <param name="x">Rows with the training width.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>One label per row.</returns>
    public TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default) => BestModel.Predict(x, cancellationToken);

    /// <summary>The best model's probabilities.</summary>
    /// <param name="x">Rows with the training width.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>A new <c>rows x classes</c> matrix.</returns>
    public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default) => BestModel.PredictProba(x, cancellationToken);
}
