using Imbalance.Sampling;

namespace Imbalance.Learning;

/// <summary>
/// A fitted <see cref="DecisionTreeClassifier"/> (scikit-learn's fitted <c>DecisionTreeClassifier</c> and its
/// <c>tree_</c>). Immutable and safe to use from many threads.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class DecisionTreeClassifierModel<TLabel> : IClassificationModel<TLabel>
    where TLabel : notnull
{
    private readonly CartTree _tree;
    private readonly TLabel[] _classes;

    internal DecisionTreeClassifierModel(CartTree tree, IReadOnlyList<TLabel> classes, int features)
    {
        _tree = tree;
        _classes = [.. classes];
        FeatureCount = features;
    }

    /// <summary>The classes in sorted order (scikit-learn's <c>classes_</c>); the columns of <see cref="PredictProba"/>.</summary>
    public IReadOnlyList<TLabel> Classes => _classes;

    /// <summary>The number of features seen in training (scikit-learn's <c>n_features_in_</c>).</summary>
    public int FeatureCount { get; }

    /// <summary>The fitted tree, for saving and for the ensembles that combine trees.</summary>
    internal CartTree Tree => _tree;

    /// <summary>The number of nodes (scikit-learn's <c>tree_.node_count</c>).</summary>
    public int NodeCount => _tree.NodeCount;

    /// <summary>The depth of the tree (scikit-learn's <c>get_depth()</c>).</summary>
    public int Depth => _tree.Depth;

    /// <summary>The number of leaves (scikit-learn's <c>get_n_leaves()</c>).</summary>
    public int LeafCount => _tree.LeafCount;

    /// <summary>The impurity-based importance of each feature (scikit-learn's <c>feature_importances_</c>): the
    /// weighted impurity decrease of the splits on it, normalised to sum to 1 (all zero for a single-leaf tree).</summary>
    /// <exception cref="InvalidOperationException">The model was read back by the serializer, which does not keep
    /// the training impurities.</exception>
    public IReadOnlyList<double> FeatureImportances => _tree.FeatureImportances(FeatureCount);

    /// <summary>The predicted class of each row (scikit-learn's <c>predict</c>): the class with the largest weighted
    /// count in the row's leaf, ties to the first class in <see cref="Classes"/>.</summary>
    /// <param name="x">Rows with the training width, finite.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>One label per row.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or infinity, or has the wrong width.</exception>
    public TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default)
    {
        // scikit-learn takes the argmax of the leaf's weighted counts (tree_.value), not of the fractions.
        var rows = Float32Rows(x, FeatureCount, "DecisionTreeClassifier");
        var labels = new TLabel[x.GetLength(0)];
        for (var i = 0; i < labels.Length; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var value = _tree.Value(_tree.Leaf(rows.AsSpan(i * FeatureCount, FeatureCount)));
            var best = 0;
            for (var c = 1; c < value.Length; c++)
            {
                if (value[c] > value[best])
                {
                    best = c;
                }
            }

            labels[i] = _classes[best];
        }

        return labels;
    }

    /// <summary>Class probabilities (scikit-learn's <c>predict_proba</c>): the weighted class fractions of each row's
    /// leaf, columns in <see cref="Classes"/> order.</summary>
    /// <param name="x">Rows with the training width, finite.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>A new <c>rows x classes</c> matrix whose rows sum to 1.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or infinity, or has the wrong width.</exception>
    public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default)
    {
        var rows = Float32Rows(x, FeatureCount, "DecisionTreeClassifier");
        var n = x.GetLength(0);
        var k = _classes.Length;
        var proba = new double[n, k];
        var dest = MatrixRows.Of(proba);
        for (var i = 0; i < n; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            _tree.AccumulateProba(rows.AsSpan(i * FeatureCount, FeatureCount), dest.Slice(i * k, k), add: false);
        }

        return proba;
    }

    /// <summary>Checks prediction input and rounds it to float32 as scikit-learn does.</summary>
    internal static float[] Float32Rows(double[,] x, int features, string learner)
    {
        ArgumentNullException.ThrowIfNull(x);
        InputGuard.CheckMatrix(x, nameof(x));
        if (x.GetLength(1) != features)
        {
            throw new ArgumentException($"X has {x.GetLength(1)} features, but {learner} is expecting {features} features as input.", nameof(x));
        }

        LearnerInput.CheckFloat32(x, nameof(x));
        return CartTree.ToFloat32(MatrixRows.Of(x));
    }

    /// <summary>The label of each row's largest probability, ties to the first class (NumPy's <c>argmax</c>).</summary>
    internal static TLabel[] ArgMax(double[,] proba, TLabel[] classes)
    {
        var n = proba.GetLength(0);
        var k = proba.GetLength(1);
        var labels = new TLabel[n];
        for (var i = 0; i < n; i++)
        {
            var best = 0;
            for (var c = 1; c < k; c++)
            {
                if (proba[i, c] > proba[i, best])
                {
                    best = c;
                }
            }

            labels[i] = classes[best];
        }

        return labels;
    }
}
