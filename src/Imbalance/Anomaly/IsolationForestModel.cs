using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.Anomaly;

/// <summary>
/// A fitted <see cref="IsolationForest"/>: immutable, safe to use from many threads. Scores follow scikit-learn:
/// <see cref="ScoreSamples"/> is minus the anomaly score <c>2^(-E[h(x)] / c(max_samples))</c> of Liu et al. (so
/// lower is more abnormal, near -1 for clear anomalies and about -0.5 or above for normal rows).
/// </summary>
public sealed class IsolationForestModel : IOutlierModel
{
    private readonly IsolationTree[] _trees;
    private readonly int[][] _features;

    internal IsolationForestModel(IsolationTree[] trees, int[][] features, int featureCount, int maxSamples, double offset)
    {
        _trees = trees;
        _features = features;
        FeatureCount = featureCount;
        MaxSamplesUsed = maxSamples;
        Offset = offset;
    }

    /// <inheritdoc />
    public int FeatureCount { get; }

    /// <summary>The rows each tree was grown on (scikit-learn's <c>max_samples_</c>).</summary>
    public int MaxSamplesUsed { get; }

    /// <summary>The threshold subtracted from <see cref="ScoreSamples"/> by <see cref="DecisionFunction"/>
    /// (scikit-learn's <c>offset_</c>): -0.5 for automatic contamination, else a percentile of the training scores.</summary>
    public double Offset { get; }

    /// <summary>The number of trees.</summary>
    public int TreeCount => _trees.Length;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, not finite, or of another width.</exception>
    public double[] ScoreSamples(double[,] x, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        InputGuard.CheckMatrix(x, nameof(x));
        if (x.GetLength(1) != FeatureCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"X has {x.GetLength(1)} features, but IsolationForest is expecting {FeatureCount} features as input."), nameof(x));
        }

        var n = x.GetLength(0);
        var columns = IsolationForest.ToFloatColumns(x);
        var depths = new double[n];
        var row = new float[FeatureCount];
        for (var t = 0; t < _trees.Length; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tree = _trees[t];
            var features = _features[t];
            for (var i = 0; i < n; i++)
            {
                for (var f = 0; f < features.Length; f++)
                {
                    row[f] = columns[features[f]][i];
                }

                var (leaf, length) = tree.Apply(row.AsSpan(0, features.Length));

                // depths += node_indicator.sum(axis=1) + _average_path_length(n_samples_leaf) - 1.0, in that order.
                depths[i] += length + IsolationForest.AveragePathLength(tree.NodeSamples[leaf]) - 1.0;
            }
        }

        var denominator = _trees.Length * IsolationForest.AveragePathLength(MaxSamplesUsed);
        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            var ratio = denominator != 0 ? depths[i] / denominator : 1.0;
            scores[i] = -Math.Pow(2.0, -ratio);
        }

        return scores;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, not finite, or of another width.</exception>
    public double[] DecisionFunction(double[,] x, CancellationToken cancellationToken = default)
    {
        var scores = ScoreSamples(x, cancellationToken);
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] -= Offset;
        }

        return scores;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, not finite, or of another width.</exception>
    public int[] Predict(double[,] x, CancellationToken cancellationToken = default) =>
        DecisionFunction(x, cancellationToken).Select(v => v < 0 ? -1 : 1).ToArray();

    /// <summary>The nodes of tree <paramref name="index"/> in scikit-learn's order (tests compare them).</summary>
    internal IsolationTree Tree(int index) => _trees[index];

    /// <summary>The original feature columns tree <paramref name="index"/> uses.</summary>
    internal int[] TreeFeatures(int index) => _features[index];
}
