using Imbalance.Learning;
using Imbalance.Sampling;

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
    private readonly int? _maxDegreeOfParallelism;
    private double[,]? _oob;

    internal BalancedRandomForestClassifierModel(CartTree[] trees, int[][] samplerIndices, IReadOnlyList<TLabel> classes, int features, int? maxDegreeOfParallelism)
    {
        _trees = trees;
        _samplerIndices = samplerIndices;
        _forest = new RandomForestClassifierModel<TLabel>(trees, classes, features, maxDegreeOfParallelism);
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <summary>imblearn's <c>_compute_oob_predictions</c>: per tree, in order, the probabilities of the balanced rows
    /// its bootstrap left out are added once to their training rows; each row divided by how many trees scored it
    /// (at least 1); accuracy of the argmax.</summary>
    /// <summary>The trees (a saved model writes them).</summary>
    internal IReadOnlyList<CartTree> Trees => _trees;

    /// <summary>The configured prediction parallelism.</summary>
    internal int? MaxDegreeOfParallelism => _maxDegreeOfParallelism;

    /// <summary>The out-of-bag decision function without a copy, or null.</summary>
    internal double[,]? Oob => _oob;

    /// <summary>A loaded model: the fitted parts plus the out-of-bag results and warnings as they were saved.</summary>
    internal static BalancedRandomForestClassifierModel<TLabel> Restore(
        CartTree[] trees, int[][] samplerIndices, IReadOnlyList<TLabel> classes, int features, int? maxDegreeOfParallelism, double? oobScore, double[,]? oob, string[] warnings) =>
        new(trees, samplerIndices, classes, features, maxDegreeOfParallelism) { OobScore = oobScore, Warnings = warnings, _oob = oob };

    internal BalancedRandomForestClassifierModel<TLabel> WithOob(double[,] x, int[] codes, int[] treeSeeds, CancellationToken cancellationToken)
    {
        var n = x.GetLength(0);
        var d = FeatureCount;
        var k = Classes.Count;
        var rows32 = CartTree.ToFloat32(Sampling.MatrixRows.Of(x));
        var perTree = new int[_trees.Length][];
        ParallelLoop.For(0, _trees.Length, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = _maxDegreeOfParallelism ?? -1 }, t =>
        {
            var kept = _samplerIndices[t];
            var m = kept.Length;
            var counts = new int[m];
            foreach (var j in new Randomness.RandomState(treeSeeds[t]).RandInt(0, m, m))
            {
                counts[j]++;
            }

            // Distinct training rows scored by this tree (numpy's a[idx] += v adds once per repeated index).
            perTree[t] = Enumerable.Range(0, m).Where(j => counts[j] == 0).Select(j => kept[j]).Distinct().ToArray();
        });
        var sums = new double[n * k];
        var scored = new int[n];
        for (var t = 0; t < _trees.Length; t++)
        {
            foreach (var i in perTree[t])
            {
                _trees[t].AccumulateProba(rows32.AsSpan(i * d, d), sums.AsSpan(i * k, k), add: true);
                scored[i]++;
            }
        }

        var missing = scored.Any(c => c == 0);
        var oob = new double[n, k];
        var correct = 0;
        for (var i = 0; i < n; i++)
        {
            var count = (double)Math.Max(1, scored[i]);
            var best = 0;
            for (var c = 0; c < k; c++)
            {
                oob[i, c] = sums[(i * k) + c] / count;
                best = oob[i, c] > oob[i, best] ? c : best;
            }

            correct += best == codes[i] ? 1 : 0;
        }

        var model = new BalancedRandomForestClassifierModel<TLabel>(_trees, _samplerIndices, Classes, d, _maxDegreeOfParallelism)
        {
            OobScore = correct / (double)n,
            Warnings = missing
                ? ["Some inputs do not have OOB scores. This probably means too few trees were used to compute any reliable OOB estimates."]
                : [],
        };
        model._oob = oob;
        return model;
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

    /// <summary>The out-of-bag accuracy (<c>oob_score_</c>) when fitted with <c>OobScore</c>; otherwise null.</summary>
    public double? OobScore { get; private init; }

    /// <summary>The out-of-bag class probabilities of every training row (<c>oob_decision_function_</c>; rows no
    /// tree left out are all zero) when fitted with <c>OobScore</c>; otherwise null.</summary>
    public double[,]? OobDecisionFunction => _oob is null ? null : (double[,])_oob.Clone();

    /// <summary>What imblearn would have warned about during the fit (rows without out-of-bag scores); empty
    /// normally.</summary>
    public IReadOnlyList<string> Warnings { get; private init; } = [];

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
