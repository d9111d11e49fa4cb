using Imbalance.Datasets;
using Imbalance.Learning;
using Imbalance.Metrics;
using Imbalance.ModelSelection;
using Imbalance.OverSampling;
using Imbalance.Pipelines;

namespace Imbalance.Docs.Tests.Snippets;

public class PitfallSnippets
{
    [Fact]
    public void Leaky_versus_correct()
    {
        #region leakage
        var (x, y) = DataGenerators.MakeClassification(
            nSamples: 2_000, nFeatures: 10, weights: [0.95, 0.05], flipY: 0.02, randomState: 0);
        Scorer<int>[] scorers =
        [
            Scoring.FromPredictions<int>("recall", (t, p) => ClassificationMetrics.RecallScore(t, p, posLabel: 1)),
            Scoring.FromPredictions<int>("f1", (t, p) => ClassificationMetrics.F1Score(t, p, posLabel: 1)),
        ];
        var cv = new StratifiedKFold { NSplits = 5, Shuffle = true, RandomState = 0 };

        // Wrong: over-sample everything, then cross-validate. Copies of each minority row land in the test folds,
        // and the tree has memorised them.
        var (xLeaky, yLeaky) = new RandomOverSampler { RandomState = 0 }.FitResample(x, y);
        var leaky = CrossValidation.CrossValidate(new DecisionTreeClassifier { RandomState = 0 }, xLeaky, yLeaky, scorers, cv.Split(yLeaky));

        // Right: the sampler is a pipeline step, so it only ever sees the training folds.
        var pipeline = Pipeline.Make(new RandomOverSampler { RandomState = 0 }, new DecisionTreeClassifier { RandomState = 0 });
        var correct = CrossValidation.CrossValidate(pipeline, x, y, scorers, cv.Split(y));

        Console.WriteLine($"leaky:   recall {leaky.Mean("recall"):F3}, F1 {leaky.Mean("f1"):F3}");
        Console.WriteLine($"correct: recall {correct.Mean("recall"):F3}, F1 {correct.Mean("f1"):F3}");
        #endregion

        leaky.Mean("recall").Should().BeApproximately(LeakyRecall, 0.0000005);
        leaky.Mean("f1").Should().BeApproximately(LeakyF1, 0.0000005);
        correct.Mean("recall").Should().BeApproximately(CorrectRecall, 0.0000005);
        correct.Mean("f1").Should().BeApproximately(CorrectF1, 0.0000005);
    }

    // The numbers docs/pitfalls.md quotes.
    private const double LeakyRecall = 1.0;
    private const double LeakyF1 = 0.992625;
    private const double CorrectRecall = 0.796739;
    private const double CorrectF1 = 0.774925;
}
