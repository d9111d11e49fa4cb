using Imbalance.Datasets;
using Imbalance.Ensemble;
using Imbalance.Learning;
using Imbalance.ModelSelection;
using Imbalance.OverSampling;
using Imbalance.Sampling;

namespace Imbalance.Docs.Tests.Snippets;

public class EnsembleSnippets
{
    [Fact]
    public void Balanced_ensembles()
    {
        #region ensembles
        var (x, y) = DataGenerators.MakeClassification(
            nSamples: 3_000, nFeatures: 10, nInformative: 4, weights: [0.95, 0.05], flipY: 0.02, randomState: 7);
        var folds = new StratifiedKFold { NSplits = 5, Shuffle = true, RandomState = 0 }.Split(y);
        var gMean = Scoring.Get("g_mean");

        IClassifier[] ensembles =
        [
            new RandomForestClassifier { NEstimators = 50, RandomState = 0 },                 // no balancing: the baseline
            new BalancedRandomForestClassifier { NEstimators = 50, RandomState = 0 },         // each tree on a balanced draw
            new BalancedRandomForestClassifier                                                // the paper's algorithm (imblearn 0.13)
            {
                NEstimators = 50, SamplingStrategy = SamplingStrategy.All, Replacement = true, Bootstrap = false, RandomState = 0,
            },
            new BalancedBaggingClassifier { NEstimators = 10, RandomState = 0 },              // under-sampled bags of trees
            new BalancedBaggingClassifier { Sampler = new Smote(), NEstimators = 10, RandomState = 0 },   // "SMOTE-bagging"
            new EasyEnsembleClassifier { NEstimators = 10, RandomState = 0 },                 // under-sampled bags of AdaBoost
            new RusBoostClassifier { NEstimators = 50, RandomState = 0 },                     // AdaBoost, under-sampling every round
        ];
        var means = new List<double>();
        foreach (var model in ensembles)
        {
            var result = CrossValidation.CrossValidate(model, x, y, [gMean], folds);
            means.Add(result.Mean("g_mean"));
            Console.WriteLine($"{model.GetType().Name,-32} G-mean {means[^1]:F3}");
        }
        #endregion

        means.Should().Equal(Expected, (a, b) => Math.Abs(a - b) < 5e-7, "docs/ensembles.md quotes these numbers");
    }

    // The G-means docs/ensembles.md quotes, in the order of the snippet's list.
    private static readonly double[] Expected = [0.709360, 0.869393, 0.861982, 0.856254, 0.728182, 0.849769, 0.708884];
}
