// The classic imbalanced-learning comparison: the same logistic regression with no handling, with class weights,
// with the focal loss instead of the log loss, inside pipelines that over- or under-sample the training folds only,
// with the balanced ensembles (which resample inside the ensemble for every member), with a decision threshold tuned
// by cross-validation instead of resampling, and with SMOTE's k chosen by a grid search nested inside the outer
// cross-validation. Each is evaluated with stratified 5-fold cross-validation on 10,000 x 20 rows with 5% minority.
// A second table checks calibration: the Brier score of the under-sampled model before and after correcting its
// probabilities (closed-form prior correction, Platt scaling on held-out folds).
// Run with: dotnet run -c Release --project samples/Imbalance.PipelineComparison
using System.Diagnostics;
using System.Globalization;
using Imbalance.Calibration;
using Imbalance.Datasets;
using Imbalance.Ensemble;
using Imbalance.Learning;
using Imbalance.ModelSelection;
using Imbalance.OverSampling;
using Imbalance.Pipelines;
using Imbalance.UnderSampling;

var (x, y) = DataGenerators.MakeClassification(
    nSamples: 10_000, nFeatures: 20, nInformative: 5, nRedundant: 2, weights: [0.95, 0.05], flipY: 0.01, randomState: 0);
Console.WriteLine($"Data: {x.GetLength(0)} rows x {x.GetLength(1)} features, minority share {y.Count(v => v == 1) / (double)y.Length:P1}");

var folds = new StratifiedKFold { NSplits = 5, Shuffle = true, RandomState = 0 }.Split(y);
Scorer[] scorers = [Scoring.Get("f1"), Scoring.Get("recall"), Scoring.Get("g_mean"), Scoring.Get("average_precision")];
string[] headers = ["F1", "Recall", "G-mean", "Avg precision"];

var plain = Pipeline.Make(new StandardScaler(), new LogisticRegression());
var underSampled = Pipeline.Make(new StandardScaler(), new RandomUnderSampler { RandomState = 0 }, new LogisticRegression());
(string Name, IClassifier Model)[] strategies =
[
    ("No handling", plain),
    ("Class weights (balanced)", Pipeline.Make(new StandardScaler(), new LogisticRegression { ClassWeight = ClassWeight.Balanced })),
    ("Focal loss (gamma 2)", Pipeline.Make(new StandardScaler(), new LogisticRegression { FocalLoss = new FocalLoss { Gamma = 2 } })),
    ("Focal loss + alpha 0.75", Pipeline.Make(new StandardScaler(), new LogisticRegression { FocalLoss = new FocalLoss { Gamma = 2, Alpha = 0.75 } })),
    ("RandomOverSampler", Pipeline.Make(new StandardScaler(), new RandomOverSampler { RandomState = 0 }, new LogisticRegression())),
    ("SMOTE", Pipeline.Make(new StandardScaler(), new Smote { RandomState = 0 }, new LogisticRegression())),
    ("RandomUnderSampler", underSampled),
    ("BalancedRandomForest", new BalancedRandomForestClassifier { RandomState = 0 }),
    ("BalancedBagging", new BalancedBaggingClassifier { RandomState = 0 }),
    ("EasyEnsemble", new EasyEnsembleClassifier { RandomState = 0 }),
    ("RUSBoost", new RusBoostClassifier { RandomState = 0 }),

    // No resampling: the threshold maximising F1 on inner validation folds (scikit-learn 1.5's TunedThresholdClassifierCV).
    ("Tuned threshold (F1)", new TunedThresholdClassifierCV { Estimator = plain, Scoring = Scoring.Get("f1") }),

    // Nested evaluation: each outer training fold runs its own 3-fold search over SMOTE's k; outer test rows never reach it.
    ("SMOTE, k by grid search", new GridSearchCV<int>
    {
        Candidates = [3, 5, 9],
        Factory = k => Pipeline.Make(new StandardScaler(), new Smote { KNeighbors = k, RandomState = 0 }, new LogisticRegression()),
        Scoring = [Scoring.Get("average_precision")],
        Cv = new StratifiedKFold { NSplits = 3 },
    }),
];

Console.WriteLine();
Console.WriteLine($"{"Strategy",-26}" + string.Concat(headers.Select(h => $"{h,18}")) + $"{"Time",9}");
foreach (var (name, model) in strategies)
{
    var watch = Stopwatch.StartNew();
    var result = CrossValidation.CrossValidate(model, x, y, scorers, folds);
    var cells = scorers.Select(s => MeanStd(result.TestScores[s.Name]));
    Console.WriteLine($"{name,-26}" + string.Concat(cells.Select(c => $"{c,18}")) + string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalSeconds,8:F1}s"));
}

// Calibration check: under-sampling to 50/50 makes the model over-predict the 5% class; the Brier score (lower is
// better) shows it, and both corrections undo it without touching the ranking (average precision).
Scorer[] calibrationScorers = [Scoring.Get("neg_brier_score"), Scoring.Get("average_precision")];
(string Name, IClassifier Model)[] calibrations =
[
    ("No handling", plain),
    ("RandomUnderSampler", underSampled),
    ("  + PriorCorrection", new PriorCorrection { Estimator = underSampled }),
    ("  + CalibratedClassifierCV", new CalibratedClassifierCV { Estimator = underSampled, Method = CalibrationMethod.Sigmoid }),
];
Console.WriteLine();
Console.WriteLine($"{"Calibration",-26}{"Brier score",18}{"Avg precision",18}");
foreach (var (name, model) in calibrations)
{
    var result = CrossValidation.CrossValidate(model, x, y, calibrationScorers, folds);
    var brier = result.TestScores["neg_brier_score"].Select(v => -v).ToArray();
    Console.WriteLine($"{name,-26}{MeanStd(brier, 4),18}{MeanStd(result.TestScores["average_precision"]),18}");
}

static string MeanStd(double[] scores, int digits = 3)
{
    var mean = scores.Average();
    var std = Math.Sqrt(scores.Select(v => (v - mean) * (v - mean)).Average());
    var format = "F" + digits.ToString(CultureInfo.InvariantCulture);
    return string.Create(CultureInfo.InvariantCulture, $"{mean.ToString(format, CultureInfo.InvariantCulture),11} ± {std.ToString(format, CultureInfo.InvariantCulture)}");
}
