// The newcomer job: load a CSV, split it, SMOTE inside a pipeline, stratified 5-fold cross-validation with four
// scorers, the imbalanced classification report, threshold moving and a precision-recall curve; then save the model.
// Data: scikit-learn's breast cancer set with malignant cut to 40 of 397 rows (make_data.py made the CSV).
// Run with: dotnet run --project samples/Imbalance.NewcomerJob
using Imbalance.Datasets;
using Imbalance.Learning;
using Imbalance.Metrics;
using Imbalance.ModelSelection;
using Imbalance.OverSampling;
using Imbalance.Pipelines;
using Imbalance.Sampling;
using Imbalance.Serialization;

const string Positive = "malignant";
var data = TabularData.ReadCsv<string>(Path.Combine(AppContext.BaseDirectory, "breast_cancer_imbalanced.csv"), "diagnosis");
Console.WriteLine($"{data.RowCount} rows x {data.Columns.Count} features; classes: {string.Join(", ", data.Y.ClassCounts())}");

var split = DataSplit.TrainTestSplit(data.X, data.Y, testSize: 0.3, randomState: 0, stratify: true);
var pipeline = Pipeline.Make(new StandardScaler(), new Smote { RandomState = 0 }, new LogisticRegression());

// Stratified 5-fold cross-validation on the training part: SMOTE runs inside each training fold only.
var folds = new StratifiedKFold { NSplits = 5, Shuffle = true, RandomState = 0 }.Split(split.YTrain);
Scorer<string>[] scorers = [Scoring.F1(Positive), Scoring.Recall(Positive), Scoring.GeometricMean<string>(), Scoring.AveragePrecision(Positive)];
Console.WriteLine(CrossValidation.CrossValidate(pipeline, split.XTrain, split.YTrain, scorers, folds).Summary());

// Fit on the whole training part and report on the held-out test part.
var model = pipeline.Fit(split.XTrain, split.YTrain);
Console.WriteLine(ImbalancedMetrics.ClassificationReportImbalanced(split.YTest, model.Predict(split.XTest)));

// Threshold moving: tune the decision threshold for F1 on out-of-fold probabilities, then apply it to the test part.
var outOfFold = CrossValidation.CrossValPredictProbability(pipeline, split.XTrain, split.YTrain, Positive, folds);
var tuned = ThresholdMoving.TuneThreshold(split.YTrain, outOfFold, ThresholdObjective.FBeta, posLabel: Positive);
var testScores = model.PredictProbability(split.XTest, Positive);
var moved = testScores.Select(p => p >= tuned.BestThreshold ? Positive : "benign").ToArray();
Console.WriteLine($"Threshold {tuned.BestThreshold:F3} (out-of-fold F1 {tuned.BestValue:F3}); test report with it:");
Console.WriteLine(ImbalancedMetrics.ClassificationReportImbalanced(split.YTest, moved));

// Precision-recall curve on the test part, and its average precision.
var pr = ScoreMetrics.PrecisionRecallCurve(split.YTest, testScores, posLabel: Positive);
Console.WriteLine($"PR curve ({pr.Thresholds.Count} thresholds), average precision {ScoreMetrics.AveragePrecisionScore(split.YTest, testScores, posLabel: Positive):F3}");
Console.WriteLine("threshold  precision  recall");
for (var i = 0; i < pr.Thresholds.Count; i += Math.Max(1, pr.Thresholds.Count / 8))
{
    Console.WriteLine($"{pr.Thresholds[i],9:F3}  {pr.Precision[i],9:F3}  {pr.Recall[i],6:F3}");
}

// Save the fitted pipeline. Run twice: the second process loads the first one's file and must predict the same.
var path = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "imbalance-newcomer-model.json");
if (File.Exists(path)) Console.WriteLine($"Model saved by an earlier run predicts the same: {ModelSerializer.FromBytes<string>(File.ReadAllBytes(path)).Predict(split.XTest).SequenceEqual(model.Predict(split.XTest))}");
File.WriteAllBytes(path, ModelSerializer.ToBytes(model));
Console.WriteLine($"Saved the fitted pipeline to {path}");
