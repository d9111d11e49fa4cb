using Imbalance.Learning;
using Imbalance.Sampling;

namespace Imbalance.Ensemble;

/// <summary>
/// A fitted <see cref="BalancedBaggingClassifier"/> or <see cref="EasyEnsembleClassifier"/> (imblearn's fitted
/// bagging ensembles): each member's learner, its bag (rows and features) and the rows its sampler kept. Immutable and
/// safe to use from many threads.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class BalancedBaggingClassifierModel<TLabel> : IClassificationModel<TLabel>
    where TLabel : notnull
{
    private readonly IClassificationModel<int>[] _members;
    private readonly int[][] _features;
    private readonly int[][] _samples;
    private readonly int[]?[] _samplerIndices;
    private readonly TLabel[] _classes;
    private readonly bool _featureIndexing;
    private readonly int? _maxDegreeOfParallelism;
    private double[,]? _oob;

    internal BalancedBaggingClassifierModel(
        IClassificationModel<int>[] members, int[][] features, int[][] samples, int[]?[] samplerIndices, IReadOnlyList<TLabel> classes, int featureCount, bool featureIndexing, int? maxDegreeOfParallelism)
    {
        _members = members;
        _features = features;
        _samples = samples;
        _samplerIndices = samplerIndices;
        _classes = [.. classes];
        FeatureCount = featureCount;
        _featureIndexing = featureIndexing;
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <summary>The classes in sorted order (<c>classes_</c>); the columns of <see cref="PredictProba"/>.</summary>
    public IReadOnlyList<TLabel> Classes => _classes;

    /// <summary>The number of features seen in training (<c>n_features_in_</c>).</summary>
    public int FeatureCount { get; }

    /// <summary>The fitted learners in member order (imblearn's <c>estimators_[i][-1]</c>), fitted on class codes:
    /// code <c>c</c> stands for <c>Classes[c]</c>.</summary>
    public IReadOnlyList<IClassificationModel<int>> Estimators => _members;

    /// <summary>The feature columns of each member (scikit-learn's <c>estimators_features_</c>).</summary>
    public IReadOnlyList<IReadOnlyList<int>> EstimatorsFeatures => _features;

    /// <summary>The training rows drawn into each member's bag, in draw order (scikit-learn's
    /// <c>estimators_samples_</c>, as the drawn indices rather than a mask).</summary>
    public IReadOnlyList<IReadOnlyList<int>> EstimatorsSamples => _samples;

    /// <summary>For each member, the bag positions its sampler kept (imblearn's <c>estimators_[i][0].sample_indices_</c>;
    /// positions index the bag, so the training row is <c>EstimatorsSamples[i][SamplerIndices[i][j]]</c>);
    /// <see langword="null"/> entries for samplers that do not select rows.</summary>
    public IReadOnlyList<IReadOnlyList<int>?> SamplerIndices => _samplerIndices;

    /// <summary>The out-of-bag accuracy (scikit-learn's <c>oob_score_</c>) when fitted with <c>OobScore</c>;
    /// otherwise null.</summary>
    public double? OobScore { get; private init; }

    /// <summary>The out-of-bag class probabilities of every training row (scikit-learn's
    /// <c>oob_decision_function_</c>; NaN rows for rows no member left out) when fitted with <c>OobScore</c>;
    /// otherwise null.</summary>
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
    public TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default) =>
        EnsembleMembers.ArgMax(Flat(x, cancellationToken), _classes.Length).Select(c => _classes[c]).ToArray();

    /// <summary>Class probabilities (<c>predict_proba</c>): the mean of the members' probabilities, added in member
    /// order (imblearn's result with <c>n_jobs=None</c>); classes a member never saw count 0 for it.</summary>
    /// <param name="x">Rows with the training width, finite.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>A new <c>rows x classes</c> matrix.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or infinity, or has the wrong width.</exception>
    public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default)
    {
        var flat = Flat(x, cancellationToken);
        var result = new double[x.GetLength(0), _classes.Length];
        flat.CopyTo(MatrixRows.Of(result));
        return result;
    }

    /// <summary>The mean of the members' decision functions (<c>decision_function</c>), available when every member
    /// is an <see cref="AdaBoostClassifierModel{TLabel}"/> or a <see cref="LogisticRegressionModel{TLabel}"/>: one
    /// column for two classes, one per class otherwise.</summary>
    /// <param name="x">Rows with the training width, finite.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>A new matrix, one row per input row.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or infinity, or has the wrong width.</exception>
    /// <exception cref="InvalidOperationException">A member has no decision function.</exception>
    public double[,] DecisionFunction(double[,] x, CancellationToken cancellationToken = default)
    {
        EnsembleMembers.CheckRows(x, FeatureCount, "BalancedBaggingClassifier");
        var decisions = MemberOutputs(x, (member, bagX) => member switch
        {
            AdaBoostClassifierModel<int> ada => ada.DecisionFunction(bagX, cancellationToken),
            LogisticRegressionModel<int> lr => lr.DecisionFunction(bagX),
            _ => throw new InvalidOperationException("The ensemble's learners have no decision function."),
        });
        var n = x.GetLength(0);
        var columns = decisions[0].GetLength(1);
        var result = new double[n, columns];
        var dest = MatrixRows.Of(result);
        foreach (var dec in decisions)
        {
            var src = MatrixRows.Of(dec);
            for (var j = 0; j < dest.Length; j++)
            {
                dest[j] += src[j];
            }
        }

        for (var j = 0; j < dest.Length; j++)
        {
            dest[j] /= _members.Length;
        }

        return result;
    }

    /// <summary>scikit-learn's <c>BaggingClassifier._set_oob_score</c>: each member's probabilities added, in
    /// member order, to the rows its bag left out; rows normalised; accuracy of their argmax.</summary>
    /// <summary>The members without a copy (a saved model writes them).</summary>
    internal IClassificationModel<int>[] Members => _members;

    /// <summary>The column indices of each member.</summary>
    internal int[][] MemberFeatures => _features;

    /// <summary>The bootstrap rows of each member.</summary>
    internal int[][] MemberSamples => _samples;

    /// <summary>The sampler's kept rows of each member, or null per member.</summary>
    internal int[]?[] MemberSamplerIndices => _samplerIndices;

    /// <summary>True when members see only their own columns.</summary>
    internal bool FeatureIndexing => _featureIndexing;

    /// <summary>The configured prediction parallelism.</summary>
    internal int? MaxDegreeOfParallelism => _maxDegreeOfParallelism;

    /// <summary>The out-of-bag decision function without a copy, or null.</summary>
    internal double[,]? Oob => _oob;

    /// <summary>A loaded model: the fitted parts plus the out-of-bag results and warnings as they were saved.</summary>
    internal static BalancedBaggingClassifierModel<TLabel> Restore(
        IClassificationModel<int>[] members, int[][] features, int[][] samples, int[]?[] samplerIndices, IReadOnlyList<TLabel> classes, int featureCount,
        bool featureIndexing, int? maxDegreeOfParallelism, double? oobScore, double[,]? oob, string[] warnings) =>
        new(members, features, samples, samplerIndices, classes, featureCount, featureIndexing, maxDegreeOfParallelism) { OobScore = oobScore, Warnings = warnings, _oob = oob };

    internal BalancedBaggingClassifierModel<TLabel> WithOob(double[,] x, int[] codes, CancellationToken cancellationToken)
    {
        var n = x.GetLength(0);
        var k = _classes.Length;
        var outputs = new (int[] Rows, double[] Proba)[_members.Length];
        ParallelLoop.For(0, _members.Length, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = _maxDegreeOfParallelism ?? -1 }, e =>
        {
            var inBag = new bool[n];
            foreach (var r in _samples[e])
            {
                inBag[r] = true;
            }

            var rows = Enumerable.Range(0, n).Where(r => !inBag[r]).ToArray();
            if (rows.Length == 0)
            {
                outputs[e] = (rows, []);
                return;
            }

            var bagX = BalancedBaggingClassifier.GatherBag(x, rows, _featureIndexing ? _features[e] : Enumerable.Range(0, FeatureCount).ToArray());
            outputs[e] = (rows, EnsembleMembers.Proba(_members[e], bagX, CartTree.ToFloat32(MatrixRows.Of(bagX)), k, cancellationToken));
        });
        var predictions = new double[n * k];
        foreach (var (rows, proba) in outputs)
        {
            for (var j = 0; j < rows.Length; j++)
            {
                for (var c = 0; c < k; c++)
                {
                    predictions[(rows[j] * k) + c] += proba[(j * k) + c];
                }
            }
        }

        var oob = new double[n, k];
        var correct = 0;
        var missing = false;
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var c = 0; c < k; c++)
            {
                sum += predictions[(i * k) + c];
            }

            missing |= sum == 0.0;
            var best = 0;
            for (var c = 0; c < k; c++)
            {
                oob[i, c] = predictions[(i * k) + c] / sum;
                best = predictions[(i * k) + c] > predictions[(i * k) + best] ? c : best;
            }

            correct += best == codes[i] ? 1 : 0;
        }

        var model = new BalancedBaggingClassifierModel<TLabel>(_members, _features, _samples, _samplerIndices, _classes, FeatureCount, _featureIndexing, _maxDegreeOfParallelism)
        {
            OobScore = correct / (double)n,
            Warnings = missing
                ? ["Some inputs do not have OOB scores. This probably means too few estimators were used to compute any reliable oob estimates."]
                : [],
        };
        model._oob = oob;
        return model;
    }

    private double[] Flat(double[,] x, CancellationToken cancellationToken)
    {
        EnsembleMembers.CheckRows(x, FeatureCount, "BalancedBaggingClassifier");
        var k = _classes.Length;
        var outputs = MemberOutputs(x, (member, bagX) =>
        {
            var rows32 = CartTree.ToFloat32(MatrixRows.Of(bagX));
            return EnsembleMembers.Proba(member, bagX, rows32, k, cancellationToken);
        });
        var sum = new double[x.GetLength(0) * k];
        foreach (var p in outputs)
        {
            for (var j = 0; j < sum.Length; j++)
            {
                sum[j] += p[j];
            }
        }

        for (var j = 0; j < sum.Length; j++)
        {
            sum[j] /= _members.Length;
        }

        return sum;
    }

    /// <summary>Each member's output on its feature columns of <paramref name="x"/>, computed in parallel, returned in
    /// member order (so sums never depend on threads).</summary>
    private T[] MemberOutputs<T>(double[,] x, Func<IClassificationModel<int>, double[,], T> output)
    {
        var results = new T[_members.Length];
        var all = Enumerable.Range(0, x.GetLength(0)).ToArray();
        var options = new ParallelOptions { MaxDegreeOfParallelism = _maxDegreeOfParallelism ?? -1 };
        ParallelLoop.For(0, _members.Length, options, e =>
        {
            var bagX = _featureIndexing ? BalancedBaggingClassifier.GatherBag(x, all, _features[e]) : x;
            results[e] = output(_members[e], bagX);
        });

        return results;
    }
}
