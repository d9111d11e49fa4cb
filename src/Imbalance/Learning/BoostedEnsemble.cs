using Imbalance.Sampling;

namespace Imbalance.Learning;

/// <summary>
/// A fitted AdaBoost ensemble on class codes (scikit-learn's <c>estimators_</c>, <c>estimator_weights_</c>,
/// <c>estimator_errors_</c>) and its <c>decision_function</c> / <c>predict_proba</c>.
/// </summary>
internal sealed class BoostedEnsemble(
    IClassificationModel<int>[] estimators, double[] weights, double[] errors, int classCount, int features, bool sammeR, int[][]? sampleIndices, string[] warnings)
{
    private const double Eps = 2.220446049250313e-16;

    public IClassificationModel<int>[] Estimators { get; } = estimators;

    public double[] Weights { get; } = weights;

    public double[] Errors { get; } = errors;

    public int ClassCount { get; } = classCount;

    public int Features { get; } = features;

    public bool SammeR { get; } = sammeR;

    public int[][]? SampleIndices { get; } = sampleIndices;

    public string[] Warnings { get; } = warnings;

    /// <summary>scikit-learn's <c>decision_function</c> as a flat array: one column for two classes (positive favours
    /// the second class), one per class otherwise.</summary>
    public double[] Decision(double[,] x, float[] rows32, CancellationToken cancellationToken)
    {
        var n = x.GetLength(0);
        var k = ClassCount;
        var pred = new double[n * k];
        for (var e = 0; e < Estimators.Length; e++)
        {
            var member = Estimators[e];
            var leaves = EnsembleMembers.Leaves(member, rows32, n, Features, k);
            if (leaves is not null)
            {
                // Per leaf: the SAMME.R vector, or the one-hot weight of the leaf's class; then a lookup per row.
                var tree = ((DecisionTreeClassifierModel<int>)member).Tree;
                var table = new double[tree.NodeCount * k];
                for (var node = 0; node < tree.NodeCount; node++)
                {
                    var f = tree.Fractions(node);
                    var row = table.AsSpan(node * k, k);
                    if (SammeR)
                    {
                        SammeProba(f, row);
                    }
                    else
                    {
                        var best = 0;
                        for (var c = 1; c < k; c++)
                        {
                            if (f[c] > f[best])
                            {
                                best = c;
                            }
                        }

                        for (var c = 0; c < k; c++)
                        {
                            row[c] = c == best ? Weights[e] : 0.0;
                        }
                    }
                }

                for (var i = 0; i < n; i++)
                {
                    var src = table.AsSpan(leaves[i] * k, k);
                    for (var c = 0; c < k; c++)
                    {
                        pred[(i * k) + c] = e == 0 ? src[c] : pred[(i * k) + c] + src[c];
                    }
                }
            }
            else if (SammeR)
            {
                // _samme_proba: (K - 1) * (log p - (1 / K) * sum(log p)), p clipped to eps.
                var proba = EnsembleMembers.Proba(member, x, rows32, k, cancellationToken);
                var v = new double[k];
                for (var i = 0; i < n; i++)
                {
                    SammeProba(proba.AsSpan(i * k, k), v);
                    for (var c = 0; c < k; c++)
                    {
                        pred[(i * k) + c] = e == 0 ? v[c] : pred[(i * k) + c] + v[c];
                    }
                }
            }
            else
            {
                var predicted = EnsembleMembers.Predict(member, x, rows32, k, cancellationToken);
                var w = Weights[e];
                for (var i = 0; i < n; i++)
                {
                    for (var c = 0; c < k; c++)
                    {
                        var v = predicted[i] == c ? w : 0.0;
                        pred[(i * k) + c] = e == 0 ? v : pred[(i * k) + c] + v;
                    }
                }
            }
        }

        var norm = NumPyReductions.PairwiseSum(Weights);
        for (var j = 0; j < pred.Length; j++)
        {
            pred[j] /= norm;
        }

        if (k != 2)
        {
            return pred;
        }

        var binary = new double[n];
        for (var i = 0; i < n; i++)
        {
            binary[i] = -pred[2 * i] + pred[(2 * i) + 1];
        }

        return binary;
    }

    /// <summary>scikit-learn's <c>_samme_proba</c> of one row: <c>(K - 1) * (log p - (1 / K) * sum(log p))</c>, p
    /// clipped to machine epsilon.</summary>
    private static void SammeProba(ReadOnlySpan<double> proba, Span<double> result)
    {
        var k = proba.Length;
        var rowSum = 0.0;
        for (var c = 0; c < k; c++)
        {
            result[c] = Math.Log(Math.Max(proba[c], Eps));
            rowSum = c == 0 ? result[c] : rowSum + result[c];
        }

        var mean = 1.0 / k * rowSum;
        for (var c = 0; c < k; c++)
        {
            result[c] = (k - 1) * (result[c] - mean);
        }
    }

    /// <summary>scikit-learn's <c>_compute_proba_from_decision</c>: a softmax of the decision (halved and mirrored
    /// for two classes, divided by <c>K - 1</c> otherwise).</summary>
    public double[] Proba(double[] decision, int n)
    {
        var k = ClassCount;
        var proba = new double[n * k];
        for (var i = 0; i < n; i++)
        {
            var row = proba.AsSpan(i * k, k);
            if (k == 2)
            {
                row[0] = -decision[i] / 2;
                row[1] = decision[i] / 2;
            }
            else
            {
                for (var c = 0; c < k; c++)
                {
                    row[c] = decision[(i * k) + c] / (k - 1);
                }
            }

            var max = row[0];
            for (var c = 1; c < k; c++)
            {
                max = Math.Max(max, row[c]);
            }

            var sum = 0.0;
            for (var c = 0; c < k; c++)
            {
                row[c] = Math.Exp(row[c] - max);
                sum = c == 0 ? row[c] : sum + row[c];
            }

            for (var c = 0; c < k; c++)
            {
                row[c] /= sum;
            }
        }

        return proba;
    }

    /// <summary>scikit-learn's <c>predict</c>: the sign of the decision for two classes, its argmax otherwise.</summary>
    public int[] Predict(double[] decision, int n)
    {
        if (ClassCount == 2)
        {
            var result = new int[n];
            for (var i = 0; i < n; i++)
            {
                result[i] = decision[i] > 0 ? 1 : 0;
            }

            return result;
        }

        return EnsembleMembers.ArgMax(decision, ClassCount);
    }

    /// <summary>scikit-learn's boosting <c>feature_importances_</c>: the members' importances weighted by their
    /// estimator weights, divided by the sum of the weights; null when a member has none.</summary>
    public double[]? FeatureImportances()
    {
        var result = new double[Features];
        for (var e = 0; e < Estimators.Length; e++)
        {
            if (Estimators[e] is not DecisionTreeClassifierModel<int> tree)
            {
                return null;
            }

            var imp = tree.Tree.FeatureImportances(Features);
            for (var f = 0; f < Features; f++)
            {
                var v = Weights[e] * imp[f];
                result[f] = e == 0 ? v : result[f] + v;
            }
        }

        var norm = NumPyReductions.PairwiseSum(Weights);
        for (var f = 0; f < Features; f++)
        {
            result[f] /= norm;
        }

        return result;
    }
}
