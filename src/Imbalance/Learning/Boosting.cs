using System.Globalization;
using Imbalance.Randomness;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Learning;

/// <summary>The random under-sampling RUSBoost runs before each boosting round: targets resolved once on the
/// training labels (the full data are resampled every round).</summary>
internal sealed record RoundSampling(ClassIndex Classes, ClassTargets Targets, bool Replacement);

/// <summary>
/// scikit-learn 1.2.1's <c>BaseWeightBoosting.fit</c> with <c>AdaBoostClassifier._boost_real</c> (SAMME.R) and
/// <c>_boost_discrete</c> (SAMME), and imblearn 0.10.0's RUSBoost rounds (<see cref="RoundSampling"/>): weights
/// normalised, clipped to machine epsilon before every round (zero weights stay zero), early stop on a perfect learner,
/// SAMME's drop of a learner no better than chance, the last round's weights left unnormalised.
/// </summary>
internal static class Boosting
{
    private const double Eps = 2.220446049250313e-16;

    public static BoostedEnsemble Fit(
        IClassifier estimator,
        AdaBoostAlgorithm algorithm,
        int nEstimators,
        double learningRate,
        int? randomState,
        double[,] x,
        int[] codes,
        int k,
        double[]? sampleWeight,
        RoundSampling? sampling,
        CancellationToken cancellationToken)
    {
        var n = x.GetLength(0);
        var d = x.GetLength(1);
        var columns = CartBuilder.Columns(MatrixRows.Of(x), n, d);
        var rows32 = CartTree.ToFloat32(MatrixRows.Of(x));
        var sw = new double[n];
        for (var i = 0; i < n; i++)
        {
            sw[i] = sampleWeight?[i] ?? 1.0;
        }

        var total = NumPyReductions.PairwiseSum(sw);
        for (var i = 0; i < n; i++)
        {
            sw[i] /= total;
        }

        var zero = sw.Select(w => w == 0.0).ToArray();
        var rng = new SeedSource(randomState).CheckRandomState();
        var estimators = new List<IClassificationModel<int>>();
        var indices = new List<int[]>();
        var weights = new double[nEstimators];
        var errors = Enumerable.Repeat(1.0, nEstimators).ToArray();
        var warnings = new List<string>();
        var sammeR = algorithm == AdaBoostAlgorithm.SammeR;
        var incorrect = new double[n];
        var presorted = sampling is null && estimator is DecisionTreeClassifier ? CartBuilder.Presort(columns, n, d) : null;
        for (var iboost = 0; iboost < nEstimators; iboost++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < n; i++)
            {
                sw[i] = zero[i] ? 0.0 : Math.Max(sw[i], Eps);
            }

            // _make_estimator / _make_sampler_estimator: the learner's random states first, then the sampler's.
            var learner = (IClassifier)EstimatorParameters.SetRandomStates(rng, ("estimator", estimator))[0];
            int[]? rows = null;
            if (sampling is not null)
            {
                var samplerSeed = rng.RandInt(0, RandomState.MaxInt);
                rows = RandomUnderSampler.Select(sampling.Classes, sampling.Targets, new RandomState(samplerSeed), sampling.Replacement, cancellationToken);
            }

            var member = EnsembleMembers.Fit(learner, x, columns, rows, codes, k, sw, cancellationToken, presorted);
            double[]? proba = null;
            int[] predicted;
            var leaves = EnsembleMembers.Leaves(member, rows32, n, d, k);
            CartTree? tree = null;
            if (leaves is not null)
            {
                // A tree's outputs depend only on the leaf: compute them per leaf, look them up per row.
                tree = ((DecisionTreeClassifierModel<int>)member).Tree;
                var argmax = new int[tree.NodeCount];
                for (var node = 0; node < argmax.Length; node++)
                {
                    var f = tree.Fractions(node);
                    for (var c = 1; c < k; c++)
                    {
                        if (f[c] > f[argmax[node]])
                        {
                            argmax[node] = c;
                        }
                    }
                }

                predicted = new int[n];
                for (var i = 0; i < n; i++)
                {
                    predicted[i] = argmax[leaves[i]];
                }
            }
            else if (sammeR)
            {
                proba = EnsembleMembers.Proba(member, x, rows32, k, cancellationToken);
                predicted = EnsembleMembers.ArgMax(proba, k);
            }
            else
            {
                predicted = EnsembleMembers.Predict(member, x, rows32, k, cancellationToken);
            }

            for (var i = 0; i < n; i++)
            {
                incorrect[i] = predicted[i] != codes[i] ? sw[i] : 0.0;
            }

            // np.average(incorrect, weights=sample_weight): sum(incorrect * w) / sum(w), both pairwise.
            var error = NumPyReductions.PairwiseSum(incorrect) / NumPyReductions.PairwiseSum(sw);
            estimators.Add(member);
            if (rows is not null)
            {
                indices.Add(rows);
            }

            if (error <= 0)
            {
                weights[iboost] = 1.0;
                errors[iboost] = 0.0;
                break;
            }

            double estimatorWeight;
            var last = iboost == nEstimators - 1;
            if (sammeR)
            {
                estimatorWeight = 1.0;
                if (!last)
                {
                    if (tree is not null)
                    {
                        UpdateSammeR(sw, tree, leaves!, codes, k, learningRate);
                    }
                    else
                    {
                        UpdateSammeR(sw, proba!, codes, k, learningRate);
                    }
                }
            }
            else
            {
                if (error >= 1.0 - (1.0 / k))
                {
                    estimators.RemoveAt(estimators.Count - 1);
                    if (rows is not null)
                    {
                        indices.RemoveAt(indices.Count - 1);
                    }

                    if (estimators.Count == 0)
                    {
                        throw InputGuard.Invalid("y", "BaseClassifier in AdaBoostClassifier ensemble is worse than random, ensemble can not be fit.");
                    }

                    break;
                }

                estimatorWeight = learningRate * (Math.Log((1.0 - error) / error) + Math.Log(k - 1.0));
                if (!last)
                {
                    for (var i = 0; i < n; i++)
                    {
                        var step = (predicted[i] != codes[i] ? estimatorWeight : 0.0) * (sw[i] > 0 ? 1.0 : 0.0);
                        // AdaBoostClassifier: exp(log(w) + step); RUSBoost: w * exp(step).
                        sw[i] = sampling is null ? Math.Exp(Math.Log(sw[i]) + step) : sw[i] * Math.Exp(step);
                    }
                }
            }

            weights[iboost] = estimatorWeight;
            errors[iboost] = error;
            var sum = NumPyReductions.PairwiseSum(sw);
            if (!double.IsFinite(sum))
            {
                warnings.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Sample weights have reached infinite values, at iteration {iboost}, causing overflow. Iterations stopped. Try lowering the learning rate."));
                break;
            }

            if (sum <= 0)
            {
                break;
            }

            if (!last)
            {
                for (var i = 0; i < n; i++)
                {
                    sw[i] /= sum;
                }
            }
        }

        return new BoostedEnsemble([.. estimators], weights, errors, k, d, sammeR, sampling is null ? null : [.. indices], [.. warnings]);
    }

    /// <summary>SAMME.R's weight update for a tree learner: the step and its exponential per (leaf, true class),
    /// computed with the same operations as the per-row update.</summary>
    private static void UpdateSammeR(double[] sw, CartTree tree, int[] leaves, int[] codes, int k, double learningRate)
    {
        var off = -1.0 / (k - 1);
        var factor = -1.0 * learningRate * ((k - 1.0) / k);
        var steps = new double[tree.NodeCount * k];
        var exps = new double[tree.NodeCount * k];
        var logs = new double[k];
        for (var node = 0; node < tree.NodeCount; node++)
        {
            var f = tree.Fractions(node);
            for (var c = 0; c < k; c++)
            {
                logs[c] = Math.Log(Math.Max(f[c], Eps));
            }

            for (var t = 0; t < k; t++)
            {
                var s = 0.0;
                for (var c = 0; c < k; c++)
                {
                    s += (c == t ? 1.0 : off) * logs[c];
                }

                steps[(node * k) + t] = factor * s;
                exps[(node * k) + t] = Math.Exp(factor * s);
            }
        }

        for (var i = 0; i < sw.Length; i++)
        {
            var j = (leaves[i] * k) + codes[i];
            if (sw[i] > 0 || steps[j] < 0)
            {
                sw[i] *= exps[j];
            }
        }
    }

    /// <summary>SAMME.R's weight update: <c>w *= exp(-lr (K-1)/K sum_c y_c log p_c)</c> where it moves a positive
    /// weight or the step is negative.</summary>
    private static void UpdateSammeR(double[] sw, double[] proba, int[] codes, int k, double learningRate)
    {
        var off = -1.0 / (k - 1);
        var factor = -1.0 * learningRate * ((k - 1.0) / k);
        for (var i = 0; i < sw.Length; i++)
        {
            var s = 0.0;
            for (var c = 0; c < k; c++)
            {
                var p = Math.Max(proba[(i * k) + c], Eps);
                s += (c == codes[i] ? 1.0 : off) * Math.Log(p);
            }

            var weight = factor * s;
            var mask = sw[i] > 0 || weight < 0 ? 1.0 : 0.0;
            sw[i] *= Math.Exp(weight * mask);
        }
    }
}
