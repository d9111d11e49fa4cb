using Imbalance.Sampling;

namespace Imbalance.Learning;

/// <summary>
/// A fitted <see cref="RandomForestClassifier"/> (scikit-learn's fitted <c>RandomForestClassifier</c>): its trees in
/// seed order. Immutable and safe to use from many threads.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class RandomForestClassifierModel<TLabel> : IClassificationModel<TLabel>
    where TLabel : notnull
{
    private const int RowsPerBlock = 256;
    private readonly CartTree[] _trees;
    private readonly TLabel[] _classes;
    private readonly int? _maxDegreeOfParallelism;

    internal RandomForestClassifierModel(CartTree[] trees, IReadOnlyList<TLabel> classes, int features, int? maxDegreeOfParallelism)
    {
        _trees = trees;
        _classes = [.. classes];
        FeatureCount = features;
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <summary>The classes in sorted order (scikit-learn's <c>classes_</c>); the columns of <see cref="PredictProba"/>.</summary>
    public IReadOnlyList<TLabel> Classes => _classes;

    /// <summary>The number of features seen in training (scikit-learn's <c>n_features_in_</c>).</summary>
    public int FeatureCount { get; }

    /// <summary>The fitted trees in order, for saving.</summary>
    internal IReadOnlyList<CartTree> Trees => _trees;

    /// <summary>The configured prediction parallelism, for saving.</summary>
    internal int? MaxDegreeOfParallelism => _maxDegreeOfParallelism;

    /// <summary>The number of trees (<c>len(estimators_)</c>).</summary>
    public int TreeCount => _trees.Length;

    /// <summary>The node count of each tree, in order (<c>[t.tree_.node_count for t in estimators_]</c>).</summary>
    public IReadOnlyList<int> TreeNodeCounts => _trees.Select(t => t.NodeCount).ToArray();

    /// <summary>The impurity-based importance of each feature (scikit-learn's <c>feature_importances_</c>): the mean
    /// of the trees' normalised importances (single-leaf trees left out), normalised to sum to 1.</summary>
    /// <exception cref="InvalidOperationException">The model was read back by the serializer, which does not keep
    /// the training impurities.</exception>
    public IReadOnlyList<double> FeatureImportances => CartTree.ForestFeatureImportances(_trees, FeatureCount);

    /// <summary>The predicted class of each row (scikit-learn's <c>predict</c>): the class with the largest mean
    /// probability over the trees, ties to the first class in <see cref="Classes"/>.</summary>
    /// <param name="x">Rows with the training width, finite.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>One label per row.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or infinity, or has the wrong width.</exception>
    public TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default) =>
        DecisionTreeClassifierModel<TLabel>.ArgMax(PredictProba(x, cancellationToken), _classes);

    /// <summary>Class probabilities (scikit-learn's <c>predict_proba</c>): the mean over the trees of each tree's
    /// leaf class fractions, summed in tree order (as scikit-learn does with one job), columns in
    /// <see cref="Classes"/> order.</summary>
    /// <param name="x">Rows with the training width, finite.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>A new <c>rows x classes</c> matrix whose rows sum to 1 (up to rounding).</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or infinity, or has the wrong width.</exception>
    public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default)
    {
        var rows = DecisionTreeClassifierModel<TLabel>.Float32Rows(x, FeatureCount, "RandomForestClassifier");
        var n = x.GetLength(0);
        var k = _classes.Length;
        var d = FeatureCount;
        var flat = new double[n * k];
        var blocks = (n + RowsPerBlock - 1) / RowsPerBlock;
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = _maxDegreeOfParallelism ?? -1,
        };
        ParallelLoop.For(0, blocks, options, b =>
        {
            // Each block writes its own rows; within a row trees are added in order, so results never depend on threads.
            // Trees outer, rows inner keeps one tree hot in cache for the whole block; each row still adds the trees
            // in tree order.
            var end = Math.Min(n, (b + 1) * RowsPerBlock);
            foreach (var tree in _trees)
            {
                for (var i = b * RowsPerBlock; i < end; i++)
                {
                    tree.AccumulateProba(rows.AsSpan(i * d, d), flat.AsSpan(i * k, k), add: true);
                }
            }

            for (var j = b * RowsPerBlock * k; j < end * k; j++)
            {
                flat[j] /= _trees.Length;
            }
        });
        var proba = new double[n, k];
        flat.CopyTo(MatrixRows.Of(proba));
        return proba;
    }
}
