using System.Diagnostics;
using Imbalance.Learning;
using Imbalance.Sampling;

namespace Imbalance.ModelSelection;

/// <summary>The evaluation shared by the searches (scikit-learn's <c>BaseSearchCV.fit</c>): every candidate on every
/// fold in parallel, each (candidate, fold) writing its own slot, then the best candidate refitted.</summary>
internal static class ParameterSearch
{
    public static SearchModel<TLabel, TParam> Run<TLabel, TParam>(
        IReadOnlyList<TParam> candidates,
        Func<TParam, IClassifier> factory,
        IReadOnlyList<Scorer> scorers,
        string? refit,
        StratifiedKFold cv,
        int? maxDegreeOfParallelism,
        double[,] x,
        IReadOnlyList<TLabel> y,
        IReadOnlyList<double>? sampleWeight,
        CancellationToken cancellationToken)
        where TLabel : notnull
    {
        InputGuard.CheckXy(x, y);
        ModelResponse.CheckWeights(sampleWeight, y.Count);
        if (scorers.Count == 0 || scorers.Any(s => s is null) || scorers.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != scorers.Count)
        {
            throw InputGuard.Invalid("Scoring", "Give at least one scorer, with distinct names.");
        }

        var refitName = refit ?? scorers[0].Name;
        if (!scorers.Any(s => s.Name == refitName))
        {
            throw InputGuard.Invalid("Refit", $"Refit '{refitName}' is not the name of one of the scorers ({string.Join(", ", scorers.Select(s => s.Name))}).");
        }

        var estimators = candidates.Select((p, i) => factory(p) ?? throw new InvalidOperationException($"The factory returned null for candidate {i}.")).ToArray();
        var folds = cv.Split(y);
        var nFolds = folds.Count;
        var scores = scorers.ToDictionary(s => s.Name, _ => estimators.Select(_ => new double[nFolds]).ToArray(), StringComparer.Ordinal);
        var fitTimes = new double[estimators.Length * nFolds];
        ModelResponse.ParallelFor(estimators.Length * nFolds, maxDegreeOfParallelism, task =>
        {
            var (c, f) = Math.DivRem(task, nFolds);
            var fold = folds[f];
            var watch = Stopwatch.StartNew();
            var model = estimators[c].Fit(MatrixRows.Take(x, fold.TrainIndices), ModelResponse.Pick(y, fold.TrainIndices), ModelResponse.Pick(sampleWeight, fold.TrainIndices), cancellationToken);
            fitTimes[task] = watch.Elapsed.TotalSeconds;
            var xTest = MatrixRows.Take(x, fold.TestIndices);
            var yTest = ModelResponse.Pick(y, fold.TestIndices);
            var predictions = scorers.Any(s => !s.NeedsProbabilities) ? model.Predict(xTest, cancellationToken) : null;
            var probabilities = scorers.Any(s => s.NeedsProbabilities) ? model.PredictProba(xTest, cancellationToken) : null;
            foreach (var scorer in scorers)
            {
                scores[scorer.Name][c][f] = scorer.Evaluate(yTest, predictions, probabilities, model.Classes);
            }
        }, cancellationToken);

        var meanFit = Enumerable.Range(0, estimators.Length).Select(c => Enumerable.Range(0, nFolds).Average(f => fitTimes[(c * nFolds) + f])).ToArray();
        var results = new SearchResults<TParam>(candidates, scorers.Select(s => s.Name).ToArray(), scores, meanFit);
        var ranks = results.RankTestScore(refitName);
        var best = 0;
        for (var c = 1; c < ranks.Count; c++)
        {
            if (ranks[c] < ranks[best])
            {
                best = c;
            }
        }

        var bestModel = estimators[best].Fit(x, y, sampleWeight, cancellationToken);
        return new SearchModel<TLabel, TParam>(results, best, refitName, estimators[best], bestModel);
    }
}
