namespace Imbalance.Learning;

/// <summary>
/// A fitted <see cref="AdaBoostClassifier"/> (scikit-learn's fitted <c>AdaBoostClassifier</c>): its learners with
/// their weights and errors. Immutable and safe to use from many threads.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class AdaBoostClassifierModel<TLabel> : IClassificationModel<TLabel>
    where TLabel : notnull
{
    private readonly BoostedEnsemble _ensemble;
    private readonly TLabel[] _classes;

    internal AdaBoostClassifierModel(BoostedEnsemble ensemble, IReadOnlyList<TLabel> classes)
    {
        _ensemble = ensemble;
        _classes = [.. classes];
    }

    /// <summary>The classes in sorted order (scikit-learn's <c>classes_</c>); the columns of <see cref="PredictProba"/>.</summary>
    public IReadOnlyList<TLabel> Classes => _classes;

    /// <summary>The fitted ensemble (a saved model writes it).</summary>
    internal BoostedEnsemble Ensemble => _ensemble;

    /// <summary>The number of features seen in training (scikit-learn's <c>n_features_in_</c>).</summary>
    public int FeatureCount => _ensemble.Features;

    /// <summary>The fitted learners in boosting order (scikit-learn's <c>estimators_</c>), fitted on class codes: code
    /// <c>c</c> stands for <c>Classes[c]</c>.</summary>
    public IReadOnlyList<IClassificationModel<int>> Estimators => _ensemble.Estimators;

    /// <summary>The weight of each round (scikit-learn's <c>estimator_weights_</c>, length <c>NEstimators</c>; rounds
    /// not run weigh 0; every SAMME.R learner weighs 1).</summary>
    public IReadOnlyList<double> EstimatorWeights => _ensemble.Weights;

    /// <summary>The weighted training error of each round (scikit-learn's <c>estimator_errors_</c>; rounds not run
    /// keep 1).</summary>
    public IReadOnlyList<double> EstimatorErrors => _ensemble.Errors;

    /// <summary>For <see cref="Ensemble.RusBoostClassifier"/>: the training rows each kept round's under-sampler kept,
    /// in the sampler's order (imblearn's <c>samplers_[i].sample_indices_</c>); <see langword="null"/> for plain
    /// AdaBoost.</summary>
    public IReadOnlyList<IReadOnlyList<int>>? SamplerIndices => _ensemble.SampleIndices;

    /// <summary>What scikit-learn would have warned about during the fit (weights overflowing); empty normally.</summary>
    public IReadOnlyList<string> Warnings => _ensemble.Warnings;

    /// <summary>The importance of each feature (scikit-learn's <c>feature_importances_</c>): the learners' importances
    /// weighted by their estimator weights; <see langword="null"/> when the learners are not decision trees.</summary>
    public IReadOnlyList<double>? FeatureImportances => _ensemble.FeatureImportances();

    /// <summary>scikit-learn's <c>decision_function</c>: one column for two classes (positive favours
    /// <c>Classes[1]</c>), one per class otherwise.</summary>
    /// <param name="x">Rows with the training width, finite.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>A new matrix, one row per input row.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or infinity, or has the wrong width.</exception>
    public double[,] DecisionFunction(double[,] x, CancellationToken cancellationToken = default)
    {
        var rows = EnsembleMembers.CheckRows(x, FeatureCount, "AdaBoostClassifier");
        var decision = _ensemble.Decision(x, rows, cancellationToken);
        var n = x.GetLength(0);
        var columns = decision.Length / n;
        var result = new double[n, columns];
        decision.CopyTo(Sampling.MatrixRows.Of(result));
        return result;
    }

    /// <summary>The predicted class of each row (scikit-learn's <c>predict</c>): the sign of the decision for two
    /// classes, its largest column otherwise.</summary>
    /// <param name="x">Rows with the training width, finite.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>One label per row.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or infinity, or has the wrong width.</exception>
    public TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default)
    {
        var rows = EnsembleMembers.CheckRows(x, FeatureCount, "AdaBoostClassifier");
        var codes = _ensemble.Predict(_ensemble.Decision(x, rows, cancellationToken), x.GetLength(0));
        return codes.Select(c => _classes[c]).ToArray();
    }

    /// <summary>Class probabilities (scikit-learn's <c>predict_proba</c>): a softmax of the decision function.</summary>
    /// <param name="x">Rows with the training width, finite.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>A new <c>rows x classes</c> matrix.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or infinity, or has the wrong width.</exception>
    public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default)
    {
        var rows = EnsembleMembers.CheckRows(x, FeatureCount, "AdaBoostClassifier");
        var n = x.GetLength(0);
        var flat = _ensemble.Proba(_ensemble.Decision(x, rows, cancellationToken), n);
        var result = new double[n, _classes.Length];
        flat.CopyTo(Sampling.MatrixRows.Of(result));
        return result;
    }
}
