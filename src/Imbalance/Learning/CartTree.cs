namespace Imbalance.Learning;

/// <summary>
/// A fitted CART classification tree (scikit-learn's <c>Tree</c>): per node the split feature and threshold, the
/// children (-1 for leaves) and the weighted class counts (<c>tree_.value</c>). Immutable once built.
/// </summary>
internal sealed class CartTree
{
    private readonly int[] _feature;
    private readonly double[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _value;
    private readonly Node[] _nodes;
    private readonly double[] _fractions;

    public CartTree(int classCount, int[] feature, double[] threshold, int[] left, int[] right, double[] value, int depth)
    {
        ClassCount = classCount;
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _value = value;
        Depth = depth;

        // Prediction reads one packed node per step and the leaf's precomputed fractions (the same division
        // predict_proba does per row, done once per leaf).
        _nodes = new Node[feature.Length];
        _fractions = new double[value.Length];
        for (var node = 0; node < feature.Length; node++)
        {
            _nodes[node] = new Node(threshold[node], feature[node], left[node], right[node]);
            LeafFractions(value.AsSpan(node * classCount, classCount), _fractions.AsSpan(node * classCount, classCount));
        }
    }

    /// <summary>A node's class fractions: its counts divided by their sum (summed in class order; a zero sum divides
    /// by 1), as <c>predict_proba</c> normalises a leaf.</summary>
    public static void LeafFractions(ReadOnlySpan<double> counts, Span<double> dest)
    {
        var sum = 0.0;
        foreach (var v in counts)
        {
            sum += v;
        }

        if (sum == 0.0)
        {
            sum = 1.0;
        }

        for (var c = 0; c < counts.Length; c++)
        {
            dest[c] = counts[c] / sum;
        }
    }

    /// <summary>The weighted number of training rows in each node (scikit-learn's <c>tree_.weighted_n_node_samples</c>);
    /// null for a tree read back by the serializer, which does not store it.</summary>
    public double[]? WeightedNodeSamples { get; init; }

    /// <summary>The impurity of each node (scikit-learn's <c>tree_.impurity</c>); null for a tree read back by the
    /// serializer.</summary>
    public double[]? Impurity { get; init; }

    /// <summary>Number of classes (columns of a node's value).</summary>
    public int ClassCount { get; }

    /// <summary>Number of nodes (scikit-learn's <c>tree_.node_count</c>).</summary>
    public int NodeCount => _feature.Length;

    /// <summary>The depth of the deepest leaf (scikit-learn's <c>get_depth()</c>).</summary>
    public int Depth { get; }

    /// <summary>Number of leaves (scikit-learn's <c>get_n_leaves()</c>).</summary>
    public int LeafCount => _left.Count(c => c < 0);

    /// <summary>The leaf reached by a row already rounded to float32 like scikit-learn's <c>X.astype(float32)</c>.</summary>
    public int Leaf(ReadOnlySpan<float> row)
    {
        var nodes = _nodes;
        var node = 0;
        while (true)
        {
            ref readonly var n = ref nodes[node];
            if (n.Left < 0)
            {
                return node;
            }

            node = row[n.Feature] <= n.Threshold ? n.Left : n.Right;
        }
    }

    /// <summary>The class fractions of a node (its counts divided by their sum, a zero sum by 1).</summary>
    public ReadOnlySpan<double> Fractions(int node) => _fractions.AsSpan(node * ClassCount, ClassCount);

    /// <summary>The split feature of a node (-2 for leaves, scikit-learn's <c>tree_.feature</c>).</summary>
    public int FeatureOf(int node) => _feature[node];

    /// <summary>The split threshold of a node (-2 for leaves, scikit-learn's <c>tree_.threshold</c>).</summary>
    public double ThresholdOf(int node) => _threshold[node];

    /// <summary>The weighted class counts of a node.</summary>
    public ReadOnlySpan<double> Value(int node) => _value.AsSpan(node * ClassCount, ClassCount);

    /// <summary>Adds (or writes) the leaf's class fractions for <paramref name="row"/> into <paramref name="dest"/>,
    /// scikit-learn's <c>predict_proba</c> of one tree: counts divided by their sum (a zero sum divides by 1).</summary>
    public void AccumulateProba(ReadOnlySpan<float> row, Span<double> dest, bool add)
    {
        var fractions = Fractions(Leaf(row));
        if (add)
        {
            for (var c = 0; c < fractions.Length; c++)
            {
                dest[c] += fractions[c];
            }
        }
        else
        {
            fractions.CopyTo(dest);
        }
    }

    /// <summary>The node arrays, for saving (<see cref="Serialization.ModelSerializer"/>); never written to.</summary>
    internal (int[] Feature, double[] Threshold, int[] Left, int[] Right, double[] Value) Nodes => (_feature, _threshold, _left, _right, _value);

    /// <summary>Converts rows to float32 the way scikit-learn's trees validate <c>X</c> (<c>dtype=np.float32</c>).</summary>
    public static float[] ToFloat32(ReadOnlySpan<double> rows)
    {
        var result = new float[rows.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (float)rows[i];
        }

        return result;
    }

    /// <summary>
    /// scikit-learn's <c>tree_.compute_feature_importances(normalize=True)</c>: per feature the weighted impurity
    /// decrease of the splits on it, in node order, divided by the root's weight and normalised to sum to 1 (all zero
    /// for a single-leaf tree).
    /// </summary>
    public double[] FeatureImportances(int features)
    {
        if (WeightedNodeSamples is null || Impurity is null)
        {
            throw new InvalidOperationException("Feature importances need the training impurities, which a saved and loaded tree does not keep.");
        }

        var importances = new double[features];
        for (var node = 0; node < _feature.Length; node++)
        {
            var l = _left[node];
            if (l < 0)
            {
                continue;
            }

            var r = _right[node];
            importances[_feature[node]] += (WeightedNodeSamples[node] * Impurity[node])
                - (WeightedNodeSamples[l] * Impurity[l])
                - (WeightedNodeSamples[r] * Impurity[r]);
        }

        for (var f = 0; f < features; f++)
        {
            importances[f] /= WeightedNodeSamples[0];
        }

        var total = Sampling.NumPyReductions.PairwiseSum(importances);
        if (total > 0.0)
        {
            for (var f = 0; f < features; f++)
            {
                importances[f] /= total;
            }
        }

        return importances;
    }

    /// <summary>
    /// scikit-learn's forest <c>feature_importances_</c>: the mean of the trees' normalised importances (trees with a
    /// single node left out; rows added in tree order), normalised again to sum to 1.
    /// </summary>
    public static double[] ForestFeatureImportances(IReadOnlyList<CartTree> trees, int features)
    {
        var mean = new double[features];
        var count = 0;
        foreach (var tree in trees)
        {
            if (tree.NodeCount <= 1)
            {
                continue;
            }

            var imp = tree.FeatureImportances(features);
            for (var f = 0; f < features; f++)
            {
                mean[f] += imp[f];
            }

            count++;
        }

        if (count == 0)
        {
            return mean;
        }

        for (var f = 0; f < features; f++)
        {
            mean[f] /= count;
        }

        var total = Sampling.NumPyReductions.PairwiseSum(mean);
        for (var f = 0; f < features; f++)
        {
            mean[f] /= total;
        }

        return mean;
    }

    private readonly record struct Node(double Threshold, int Feature, int Left, int Right);
}
