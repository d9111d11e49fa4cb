using Imbalance.Learning;

namespace Imbalance.Ensemble;

/// <summary>
/// A fitted <see cref="BalancedRandomForestClassifier"/> (imblearn's fitted <c>BalancedRandomForestClassifier</c>): its
/// trees and the rows each tree's under-sampler kept, in tree order. Immutable and safe to use from many threads.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class BalancedRandomForestClassifierModel<TLabel> : IClassificationModel<TLabel>
    where TLabel : notnull
{
    private readonly CartTree[] _trees;
    private readonly int[][] _samplerIndices;
    private readonly RandomForestClassifierModel<TLabel> _forest;

    internal BalancedRandomForestClassifierModel(CartTree[] trees, int[][] samplerIndices, IReadOnlyList<TLabel> classes, int features, int? maxDegreeOfParallelism)
    {
        _trees = trees;
        _samplerIndices = samplerIndices;
        _forest = new RandomForestClassifierModel<TLabel>(trees, classes, features, maxDegreeOfParallelism);
    }

    /// <summary>The classes in sorted order (<c>classes_</c>); the columns of <see cref="PredictProba"/>.</summary>
    public IReadOnlyList<TLabel> Classes => _forest.Classes;

    /// <summary>The number of features seen in training (<c>n_features_in_</c>).</summary>
    public int FeatureCount => _forest.FeatureCount;

    /// <summary>The trees in order (imblearn's <c>estimators_</c>), fitted on class codes: code <c>c</c> stands for
    /// <c>Classes[c]</c>.</summary>
    public IReadOnlyList<DecisionTreeClassifierModel<int>> Estimators =>
        _trees.Select(t => new DecisionTreeClassifierModel<int>(t, Enumerable.Range(0, t.ClassCount).ToArray(), FeatureCount)).ToArray();

    /// <summary>For each tree, the training rows its under-sampler kept, in the sampler's order (imblearn's
    /// <c>samplers_[i].sample_indices_</c>).</summary>
    public IReadOnlyList<IReadOnlyList<int>> SamplerIndices => _samplerIndices;

    /// <summary>The node count of each tree, in order.</summary>
    public IReadOnlyList<int> TreeNodeCounts => _forest.TreeNodeCounts;

    /// <summary>The impurity-based importance of each feature (<c>feature_importances_</c>): the mean of the trees'
    /// normalised importances (single-leaf trees left out), normalised to sum to 1.</summary>
    public IReadOnlyList<double> FeatureImportances => _forest.FeatureImportances;

    /// <summary>The predicted class of each row (<c>predict</c>): the class with the largest mean probability, ties to
    /// the first class.</summary>
    /// <param name="x">Rows with the training width, finite.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>One label per row.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or infinity, or has the wrong width.</exception>
    public TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default) => _forest.Predict(x, cancellationToken);

    /// <summary>Class probabilities (<c>predict_proba</c>): the mean of the trees' leaf class fractions, added in tree
    /// order (imblearn's result with <c>n_jobs=None</c>).</summary>
    /// <param name="x">Rows with the training width, finite.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>A new <c>rows x classes</c> matrix.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or infinity, or has the wrong width.</exception>
    public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default) => _forest.PredictProba(x, cancellationToken);
}
