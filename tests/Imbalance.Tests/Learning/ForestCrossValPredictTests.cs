using Imbalance.Learning;
using Imbalance.ModelSelection;
using Imbalance.Randomness;

namespace Imbalance.Tests.Learning;

/// <summary>
/// <c>CrossValidation.CrossValPredictProba</c> with a <see cref="RandomForestClassifier"/> grows each fold's trees,
/// predicts with them and drops them (no forest kept per fold); it must give, bit for bit, what fitting the forest on
/// every fold and calling <c>PredictProba</c> gives (the generic path, reached here through a wrapper): with ties,
/// several classes (one absent from a training fold), class weights and feature draws that pick either tree growing
/// mode, whatever the number of threads.
/// </summary>
public class ForestCrossValPredictTests
{
    [Theory]
    [InlineData(300, 4, 2, 0, 1)]
    [InlineData(500, 20, 3, 1, 2)]
    [InlineData(400, 60, 2, 2, null)]
    [InlineData(200, 3, 4, 3, 1)]
    [InlineData(250, 6, 3, 4, null)]
    public void Streams_the_same_probabilities_as_fitted_forests(int n, int d, int k, int seed, int? threads)
    {
        var rng = new RandomState(seed);
        var x = new double[n, d];
        for (var i = 0; i < n; i++)
        {
            for (var f = 0; f < d; f++)
            {
                var v = rng.StandardNormal();
                x[i, f] = f % 3 == 0 ? Math.Round(v * 2) : v;
            }
        }

        var y = new int[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = rng.RandomSample() < 0.6 ? 0 : rng.RandInt(0, k);
        }

        // A class with two rows: with five folds some training fold lacks it (a zero column, as in scikit-learn).
        y[n - 1] = k;
        y[n - 2] = k;
        var forests = new[]
        {
            new RandomForestClassifier { NEstimators = 13, RandomState = seed, MaxDegreeOfParallelism = threads },
            new RandomForestClassifier { NEstimators = 7, RandomState = seed + 1, ClassWeight = ClassWeight.BalancedSubsample, MaxDegreeOfParallelism = threads },
            new RandomForestClassifier { NEstimators = 5, RandomState = seed + 2, MaxFeatures = null, MinSamplesLeaf = 2, MaxDegreeOfParallelism = threads },
        };
        var folds = new KFold { NSplits = 5, Shuffle = true, RandomState = seed }.Split(n);
        foreach (var forest in forests)
        {
            var streamed = CrossValidation.CrossValPredictProba(forest, x, y, folds);
            var fitted = CrossValidation.CrossValPredictProba(new Wrapper(forest), x, y, folds);
            Bits(streamed).Should().Equal(Bits(fitted));
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
