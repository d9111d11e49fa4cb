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

    public CartTree(int classCount, int[] feature, double[] threshold, int[] left, int[] right, double[] value, int depth)
    {
        ClassCount = classCount;
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _value = value;
        Depth = depth;
    }

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
        var node = 0;
        while (_left[node] >= 0)
        {
            node = row[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
        }

        return node;
    }

    /// <summary>The weighted class counts of a node.</summary>
    public ReadOnlySpan<double> Value(int node) => _value.AsSpan(node * ClassCount, ClassCount);

    /// <summary>Adds (or writes) the leaf's class fractions for <paramref name="row"/> into <paramref name="dest"/>,
    /// scikit-learn's <c>predict_proba</c> of one tree: counts divided by their sum (a zero sum divides by 1).</summary>
    public void AccumulateProba(ReadOnlySpan<float> row, Span<double> dest, bool add)
    {
        var value = Value(Leaf(row));
        var sum = 0.0;
        foreach (var v in value)
        {
            sum += v;
        }

        if (sum == 0.0)
        {
            sum = 1.0;
        }

        for (var c = 0; c < value.Length; c++)
        {
            dest[c] = add ? dest[c] + (value[c] / sum) : value[c] / sum;
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
}
