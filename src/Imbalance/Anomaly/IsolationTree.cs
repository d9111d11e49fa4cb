namespace Imbalance.Anomaly;

/// <summary>
/// One isolation tree: scikit-learn 1.2.1's <c>ExtraTreeRegressor(max_features=1, splitter="random")</c> as
/// <c>IsolationForest</c> fits it, grown by the <c>DepthFirstTreeBuilder</c> / <c>RandomSplitter</c> steps on float32
/// features: the same Fisher-Yates feature draw and constant-feature bookkeeping, thresholds
/// <c>rand_uniform(min, max)</c> on scikit-learn's <c>rand_r</c> xorshift, the same in-place partition, left child
/// before right. Nodes are stored in scikit-learn's order (depth-first, pre-order).
/// </summary>
/// <remarks>The regression target only decides whether a node is pure (impurity at most machine epsilon); it is a
/// uniform random draw, so that happens only for nodes of one row. The impurity is the weighted variance summed in
/// node order, which can differ from scikit-learn's running sums in the last bits; this changes a tree only when a
/// node's target values agree to about 1e-8.</remarks>
internal sealed class IsolationTree
{
    private const double FeatureThreshold = 1e-7;
    private const double Epsilon = 2.220446049250313e-16;
    private const uint RandRMax = 0x7FFFFFFF;

    private readonly List<int> _feature = [];
    private readonly List<double> _threshold = [];
    private readonly List<int> _left = [];
    private readonly List<int> _right = [];
    private readonly List<int> _nodeSamples = [];

    private IsolationTree()
    {
    }

    /// <summary>Split feature per node (-2 at leaves, scikit-learn's <c>TREE_UNDEFINED</c>), as a column of the
    /// tree's own input.</summary>
    public int[] Feature { get; private set; } = [];

    /// <summary>Threshold per node (-2 at leaves).</summary>
    public double[] Threshold { get; private set; } = [];

    /// <summary>Rows (distinct, with positive weight) that reached each node (scikit-learn's <c>n_node_samples</c>).</summary>
    public int[] NodeSamples { get; private set; } = [];

    /// <summary>Left child per node (-1 at leaves).</summary>
    public int[] Left { get; private set; } = [];

    /// <summary>Right child per node (-1 at leaves).</summary>
    public int[] Right { get; private set; } = [];

    /// <summary>A tree from its node arrays (a loaded model; the caller has checked that they form a tree).</summary>
    public static IsolationTree FromNodes(int[] feature, double[] threshold, int[] left, int[] right, int[] nodeSamples) =>
        new() { Feature = feature, Threshold = threshold, Left = left, Right = right, NodeSamples = nodeSamples };

    /// <summary>Grows a tree.</summary>
    /// <param name="columns">Feature-major float32 values: <c>columns[f][row]</c>, the tree's features only.</param>
    /// <param name="target">The regression target per row.</param>
    /// <param name="weight">Weight per row; rows with weight 0 are left out.</param>
    /// <param name="maxDepth">The depth limit.</param>
    /// <param name="seed">The <c>rand_r</c> state: <c>randint(0, RAND_R_MAX)</c> from the tree's generator.</param>
    public static IsolationTree Grow(float[][] columns, double[] target, double[] weight, int maxDepth, uint seed)
    {
        var tree = new IsolationTree();
        new Builder(tree, columns, target, weight, seed).Build(maxDepth);
        tree.Feature = [.. tree._feature];
        tree.Threshold = [.. tree._threshold];
        tree.Left = [.. tree._left];
        tree.Right = [.. tree._right];
        tree.NodeSamples = [.. tree._nodeSamples];
        return tree;
    }

    /// <summary>The leaf a row reaches and the number of nodes on its path (scikit-learn's <c>decision_path</c> sum).</summary>
    /// <param name="row">The row's values of the tree's features, as float32 (scikit-learn converts X to float32).</param>
    public (int Leaf, int PathLength) Apply(ReadOnlySpan<float> row)
    {
        var node = 0;
        var length = 1;
        while (Left[node] >= 0)
        {
            node = row[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
            length++;
        }

        return (node, length);
    }

    private int AddNode(int parent, bool isLeft, int feature, double threshold, int samples)
    {
        var id = _feature.Count;
        _feature.Add(feature);
        _threshold.Add(threshold);
        _left.Add(-1);
        _right.Add(-1);
        _nodeSamples.Add(samples);
        if (parent >= 0)
        {
            if (isLeft)
            {
                _left[parent] = id;
            }
            else
            {
                _right[parent] = id;
            }
        }

        return id;
    }

    private sealed class Builder
    {
        private readonly IsolationTree _tree;
        private readonly float[][] _columns;
        private readonly double[] _target;
        private readonly double[] _weight;
        private readonly int[] _samples;
        private readonly int[] _features;
        private readonly int[] _constantFeatures;
        private readonly float[] _xf;
        private uint _rand;

        public Builder(IsolationTree tree, float[][] columns, double[] target, double[] weight, uint seed)
        {
            _tree = tree;
            _columns = columns;
            _target = target;
            _weight = weight;
            _rand = seed;
            var samples = new List<int>();
            for (var i = 0; i < weight.Length; i++)
            {
                // scikit-learn's Splitter.init: only positively weighted samples, in row order.
                if (weight[i] != 0.0)
                {
                    samples.Add(i);
                }
            }

            _samples = [.. samples];
            _features = Enumerable.Range(0, columns.Length).ToArray();
            _constantFeatures = new int[columns.Length];
            _xf = new float[_samples.Length];
        }

        public void Build(int maxDepth)
        {
            var stack = new Stack<(int Start, int End, int Depth, int Parent, bool IsLeft, int Constants)>();
            stack.Push((0, _samples.Length, 0, -1, false, 0));
            while (stack.Count > 0)
            {
                var (start, end, depth, parent, isLeft, constants) = stack.Pop();
                var count = end - start;
                var isLeaf = depth >= maxDepth || count < 2 || Impurity(start, end) <= Epsilon;
                var split = (Pos: end, Feature: -2, Threshold: -2.0);
                if (!isLeaf)
                {
                    split = NodeSplit(start, end, ref constants);
                    isLeaf = split.Pos >= end;
                }

                var id = _tree.AddNode(parent, isLeft, isLeaf ? -2 : split.Feature, isLeaf ? -2.0 : split.Threshold, count);
                if (!isLeaf)
                {
                    stack.Push((split.Pos, end, depth + 1, id, false, constants));
                    stack.Push((start, split.Pos, depth + 1, id, true, constants));
                }
            }
        }

        /// <summary>The weighted variance of the node's targets (scikit-learn's MSE <c>node_impurity</c>).</summary>
        private double Impurity(int start, int end)
        {
            var sum = 0.0;
            var squares = 0.0;
            var total = 0.0;
            for (var p = start; p < end; p++)
            {
                var i = _samples[p];
                var w = _weight[i];
                sum += w * _target[i];
                squares += w * _target[i] * _target[i];
                total += w;
            }

            var mean = sum / total;
            return (squares / total) - (mean * mean);
        }

        /// <summary>scikit-learn's <c>RandomSplitter.node_split</c> with <c>max_features = 1</c>.</summary>
        private (int Pos, int Feature, double Threshold) NodeSplit(int start, int end, ref int constants)
        {
            var features = _features;
            var fI = features.Length;
            var nFound = 0;
            var nDrawn = 0;
            var nKnown = constants;
            var nTotal = nKnown;
            var nVisited = 0;
            var best = (Pos: end, Feature: -2, Threshold: -2.0);
            const int maxFeatures = 1;
            while (fI > nTotal && (nVisited < maxFeatures || nVisited <= nFound + nDrawn))
            {
                nVisited++;
                var fJ = RandInt(nDrawn, fI - nFound);
                if (fJ < nKnown)
                {
                    (features[nDrawn], features[fJ]) = (features[fJ], features[nDrawn]);
                    nDrawn++;
                    continue;
                }

                fJ += nFound;
                var feature = features[fJ];
                var column = _columns[feature];
                var min = column[_samples[start]];
                var max = min;
                _xf[start] = min;
                for (var p = start + 1; p < end; p++)
                {
                    var v = column[_samples[p]];
                    _xf[p] = v;
                    if (v < min)
                    {
                        min = v;
                    }
                    else if (v > max)
                    {
                        max = v;
                    }
                }

                if (max <= min + FeatureThreshold)
                {
                    (features[fJ], features[nTotal]) = (features[nTotal], feature);
                    nFound++;
                    nTotal++;
                    continue;
                }

                fI--;
                (features[fI], features[fJ]) = (features[fJ], features[fI]);
                var threshold = ((max - (double)min) * RandR() / RandRMax) + min;
                if (threshold == max)
                {
                    threshold = min;
                }

                var pos = start;
                var partitionEnd = end;
                while (pos < partitionEnd)
                {
                    if (_xf[pos] <= threshold)
                    {
                        pos++;
                    }
                    else
                    {
                        partitionEnd--;
                        (_xf[pos], _xf[partitionEnd]) = (_xf[partitionEnd], _xf[pos]);
                        (_samples[pos], _samples[partitionEnd]) = (_samples[partitionEnd], _samples[pos]);
                    }
                }

                // min_samples_leaf = 1 and min_weight_leaf = 0 always hold (min <= threshold < max), and with one
                // non-constant feature visited the first valid split is the best.
                best = (partitionEnd, feature, threshold);
            }

            Array.Copy(_constantFeatures, features, nKnown);
            Array.Copy(features, nKnown, _constantFeatures, nKnown, nFound);
            constants = nTotal;
            return best;
        }

        private uint RandR()
        {
            if (_rand == 0)
            {
                _rand = 1;
            }

            _rand ^= _rand << 13;
            _rand ^= _rand >> 17;
            _rand ^= _rand << 5;
            return _rand % (RandRMax + 1u);
        }

        private int RandInt(int low, int high) => low + (int)(RandR() % (uint)(high - low));
    }
}
