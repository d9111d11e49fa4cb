using Imbalance.Learning;
using Imbalance.ModelSelection;
using Imbalance.Randomness;

namespace Imbalance.Tests.Learning;

/// <summary>
/// When every training fold is in increasing row order, the forest's cross-validation grows each fold's trees on one
/// shared copy of all rows (test rows weighing 0) instead of a copy of the fold: the probabilities must equal, to the
/// bit, fitting a forest on each fold and predicting (the generic path), for every weighting the plan supports (none,
/// balanced, balanced per bootstrap sample, no bootstrap), both tree growing modes, and folds in another order (which
/// take the per-fold copies).
/// </summary>
public class ForestSharedRowsTests
{
    [Theory]
    [InlineData(240, 5, 2, 0)]
    [InlineData(300, 40, 3, 1)]
    [InlineData(180, 3, 4, 2)]
    public void Shared_rows_give_the_fitted_forests_probabilities(int n, int d, int k, int seed)
    {
        var rng = new RandomState(seed);
        var x = new double[n, d];
        for (var i = 0; i < n; i++)
        {
            for (var f = 0; f < d; f++)
            {
                var v = rng.StandardNormal();
                x[i, f] = f % 2 == 0 ? Math.Round(v * 3) : v;
            }
        }

        var y = new int[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = rng.RandomSample() < 0.5 ? 0 : rng.RandInt(0, k);
        }

        var forests = new[]
        {
            new RandomForestClassifier { NEstimators = 6, RandomState = seed, ClassWeight = ClassWeight.Balanced, MaxDegreeOfParallelism = 2 },
            new RandomForestClassifier { NEstimators = 4, RandomState = seed + 1, Bootstrap = false, MaxFeatures = null },
            new RandomForestClassifier { NEstimators = 5, RandomState = seed + 2, Criterion = SplitCriterion.Entropy, ClassWeight = ClassWeight.BalancedSubsample },
        };
        var increasing = new StratifiedKFold { NSplits = 4, Shuffle = true, RandomState = seed }.Split(y);
        var shuffled = increasing.Select(f => new Fold([.. f.TrainIndices.Reverse()], f.TestIndices)).ToArray();
        foreach (var forest in forests)
        {
            foreach (var folds in new[] { increasing, shuffled })
            {
                var streamed = CrossValidation.CrossValPredictProba(forest, x, y, folds);
                var fitted = CrossValidation.CrossValPredictProba(new Wrapper(forest), x, y, folds);
                Bits(streamed).Should().Equal(Bits(fitted));
            }
        }
    }

    private static long[] Bits(double[,] values) => values.Cast<double>().Select(BitConverter.DoubleToInt64Bits).ToArray();

    /// <summary>Hides the forest's type so cross-validation takes its generic fit-then-predict path.</summary>
    private sealed class Wrapper(RandomForestClassifier forest) : IClassifier
    {
        public IClassificationModel<TLabel> Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
            where TLabel : notnull => forest.Fit(x, y, sampleWeight, cancellationToken);
    }
}
