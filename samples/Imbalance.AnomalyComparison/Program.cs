// Extreme imbalance (0.1 % positives): does it pay to model "normal" and flag what is not (isolation forest, one-class
// SVM) instead of learning the rare class (class weights, focal loss, resampling, a balanced forest)? Two data sets:
// (1) make_classification, where positives form their own clusters, and (2) "off-manifold" positives that surround the
// normal rows in every direction (as fraud or faults often do). Each strategy is scored on the same stratified 5-fold
// cross-validation by PR-AUC (average precision; a random ranking scores 0.001) and by the recall it reaches while
// keeping precision >= 50 %.
// Run with: dotnet run -c Release --project samples/Imbalance.AnomalyComparison
using System.Diagnostics;
using System.Globalization;
using Imbalance.Anomaly;
using Imbalance.Datasets;
using Imbalance.Ensemble;
using Imbalance.Learning;
using Imbalance.Metrics;
using Imbalance.ModelSelection;
using Imbalance.OverSampling;
using Imbalance.Pipelines;
using Imbalance.UnderSampling;

const double MinPrecision = 0.5;
var (x, y) = DataGenerators.MakeClassification(
    nSamples: 40_000, nFeatures: 10, nInformative: 5, nRedundant: 2, weights: [0.999, 0.001], flipY: 0, classSep: 2.0, randomState: 4);
Compare("1) make_classification (classSep 2): positives in clusters of their own", x, y);
var (xShell, yShell) = OffManifold(40_000, 10, 40, seed: 5);
Compare("2) positives off the normal manifold (a shell around N(0, I))", xShell, yShell);
Console.WriteLine();
Console.WriteLine("Scores are out-of-fold: every row is scored by a model that did not see it (PR-AUC over all rows).");

static void Compare(string title, double[,] x, int[] y)
{
    var positives = y.Count(v => v == 1);
    Console.WriteLine();
    Console.WriteLine(title);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Data: {x.GetLength(0)} rows x {x.GetLength(1)} features, {positives} positives ({positives / (double)y.Length:P2})"));
    var folds = new StratifiedKFold { NSplits = 5, Shuffle = true, RandomState = 0 }.Split(y);
    (string Name, IClassifier Model)[] strategies =
    [
        ("Logistic regression", Pipeline.Make(new StandardScaler(), new LogisticRegression())),
        ("  + class weights (balanced)", Pipeline.Make(new StandardScaler(), new LogisticRegression { ClassWeight = ClassWeight.Balanced })),
        ("  + effective-number weights", Pipeline.Make(new StandardScaler(), new LogisticRegression { ClassWeight = ClassWeight.EffectiveNumber(0.999) })),
        ("  + focal loss (gamma 2)", Pipeline.Make(new StandardScaler(), new LogisticRegression { FocalLoss = new FocalLoss { Gamma = 2 } })),
        ("  + RandomUnderSampler", Pipeline.Make(new StandardScaler(), new RandomUnderSampler { RandomState = 0 }, new LogisticRegression())),
        ("  + SMOTE", Pipeline.Make(new StandardScaler(), new Smote { RandomState = 0 }, new LogisticRegression())),
        ("Random forest (balanced_subsample)", new RandomForestClassifier { NEstimators = 10, ClassWeight = ClassWeight.BalancedSubsample, MinSamplesLeaf = 5, RandomState = 0 }),
        ("BalancedRandomForest (20 trees)", new BalancedRandomForestClassifier { NEstimators = 20, RandomState = 0 }),
        ("Isolation forest (normal rows)", new OutlierDetectorClassifier { Detector = new IsolationForest { RandomState = 0 }, RandomState = 0 }),
        ("One-class SVM (3000 normal rows)", Pipeline.Make(new StandardScaler(), new OutlierDetectorClassifier { Detector = new OneClassSvm { Nu = 0.01 }, MaxNormalRows = 3000, RandomState = 0 })),
    ];

    Console.WriteLine($"{"Strategy",-36}{"PR-AUC",10}{$"Recall@P>={MinPrecision:0.0}",16}{"Time",9}");
    foreach (var (name, model) in strategies)
    {
        var watch = Stopwatch.StartNew();
        var proba = CrossValidation.CrossValPredictProba(model, x, y, folds);
        var scores = Enumerable.Range(0, y.Length).Select(i => proba[i, 1]).ToArray();
        var prAuc = ScoreMetrics.AveragePrecisionScore(y, scores, posLabel: 1);
        var curve = ScoreMetrics.PrecisionRecallCurve(y, scores, posLabel: 1);
        var recall = curve.Precision.Zip(curve.Recall).Where(p => p.First >= MinPrecision).Select(p => p.Second).DefaultIfEmpty(0).Max();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-36}{prAuc,10:F3}{recall,16:F3}{watch.Elapsed.TotalSeconds,8:F1}s"));
    }
}

// Normal rows ~ N(0, I); every (rows / positives)-th row is a positive moved to radius 6..8 in its own direction:
// globally unusual, yet no hyperplane separates it from the normal rows.
static (double[,] X, int[] Y) OffManifold(int rows, int features, int positives, int seed)
{
    var rng = new Imbalance.Randomness.RandomState(seed);
    var x = new double[rows, features];
    var y = new int[rows];
    for (var i = 0; i < rows; i++)
    {
        var row = rng.StandardNormal(features);
        if (i % (rows / positives) == 0)
        {
            y[i] = 1;
            var scale = rng.Uniform(6, 8) / Math.Sqrt(row.Sum(v => v * v));
            for (var j = 0; j < features; j++)
            {
                row[j] *= scale;
            }
        }

        for (var j = 0; j < features; j++)
        {
            x[i, j] = row[j];
        }
    }

    return (x, y);
}
