// The classic imbalanced-learning comparison: the same logistic regression with no handling, with class weights,
// with the focal loss instead of the log loss, and inside pipelines that over- or under-sample the training folds
// only. Each is evaluated with stratified 5-fold cross-validation on 10,000 x 20 rows with 5% minority.
// Run with: dotnet run -c Release --project samples/Imbalance.PipelineComparison
using System.Diagnostics;
using System.Globalization;
using Imbalance.Datasets;
using Imbalance.Learning;
using Imbalance.Metrics;
using Imbalance.ModelSelection;
using Imbalance.OverSampling;
using Imbalance.Pipelines;
using Imbalance.UnderSampling;

var (x, y) = DataGenerators.MakeClassification(
    nSamples: 10_000, nFeatures: 20, nInformative: 5, nRedundant: 2, weights: [0.95, 0.05], flipY: 0.01, randomState: 0);
Console.WriteLine($"Data: {x.GetLength(0)} rows x {x.GetLength(1)} features, minority share {y.Count(v => v == 1) / (double)y.Length:P1}");

var folds = new StratifiedKFold { NSplits = 5, Shuffle = true, RandomState = 0 }.Split(y);
Scorer<int>[] scorers =
[
    Scoring.FromPredictions<int>("F1", (t, p) => ClassificationMetrics.F1Score(t, p, posLabel: 1)),
    Scoring.FromPredictions<int>("Recall", (t, p) => ClassificationMetrics.RecallScore(t, p, posLabel: 1)),
    Scoring.FromPredictions<int>("G-mean", (t, p) => ImbalancedMetrics.GeometricMeanScore(t, p, average: Average.Binary, posLabel: 1)),
    Scoring.FromProbabilities<int>("Avg precision", (t, proba, classes) =>
        ScoreMetrics.AveragePrecisionScore(t, Column(proba, classes.ToList().IndexOf(1)), posLabel: 1)),
];

(string Name, IClassifier Model)[] strategies =
[
    ("No handling", Pipeline.Make(new StandardScaler(), new LogisticRegression())),
    ("Class weights (balanced)", Pipeline.Make(new StandardScaler(), new LogisticRegression { ClassWeight = ClassWeight.Balanced })),
    ("Focal loss (gamma 2)", Pipeline.Make(new StandardScaler(), new LogisticRegression { FocalLoss = new FocalLoss { Gamma = 2 } })),
    ("Focal loss + alpha 0.75", Pipeline.Make(new StandardScaler(), new LogisticRegression { FocalLoss = new FocalLoss { Gamma = 2, Alpha = 0.75 } })),
    ("RandomOverSampler", Pipeline.Make(new StandardScaler(), new RandomOverSampler { RandomState = 0 }, new LogisticRegression())),
    ("SMOTE", Pipeline.Make(new StandardScaler(), new Smote { RandomState = 0 }, new LogisticRegression())),
    ("RandomUnderSampler", Pipeline.Make(new StandardScaler(), new RandomUnderSampler { RandomState = 0 }, new LogisticRegression())),
];

Console.WriteLine();
Console.WriteLine($"{"Strategy",-26}" + string.Concat(scorers.Select(s => $"{s.Name,18}")) + $"{"Time",9}");
foreach (var (name, model) in strategies)
{
    var watch = Stopwatch.StartNew();
    var result = CrossValidation.CrossValidate(model, x, y, scorers, folds);
    var cells = scorers.Select(s =>
    {
        var scores = result.TestScores[s.Name];
        var mean = scores.Average();
        var std = Math.Sqrt(scores.Select(v => (v - mean) * (v - mean)).Average());
        return string.Create(CultureInfo.InvariantCulture, $"{mean,11:F3} ± {std:F3}");
    });
    Console.WriteLine($"{name,-26}" + string.Concat(cells.Select(c => $"{c,18}")) + string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalSeconds,8:F1}s"));
}

static double[] Column(double[,] proba, int column)
{
    var values = new double[proba.GetLength(0)];
    for (var i = 0; i < values.Length; i++)
    {
        values[i] = proba[i, column];
    }

    return values;
}
