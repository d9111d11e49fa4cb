// Fraud detection with ML.NET and LightGBM on a CSV with 3% fraud: no handling, SMOTE and random under-sampling inside
// the trainer (resampling only while fitting), balanced class weights, and threshold tuning, each under the same
// stratified 5-fold cross-validation. Every test fold holds only original rows.
// Run with: dotnet run -c Release --project samples/Imbalance.MLNet.Fraud
using System.Diagnostics;
using System.Globalization;
using Imbalance.Datasets;
using Imbalance.Metrics;
using Imbalance.MLNet;
using Imbalance.OverSampling;
using Imbalance.UnderSampling;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

var clock = Stopwatch.StartNew();
var csv = Path.Combine(AppContext.BaseDirectory, "transactions.csv");
WriteTransactions(csv);

var mlContext = new MLContext(seed: 0);
var data = mlContext.Data.LoadFromTextFile<Transaction>(csv, hasHeader: true, separatorChar: ',');
var pipelineStart = mlContext.Transforms.Concatenate("Features", Transaction.FeatureNames);
var labels = mlContext.Data.CreateEnumerable<Transaction>(data, reuseRowObject: false).Select(t => t.IsFraud).ToArray();
Console.WriteLine($"{csv}: {labels.Length} transactions, {labels.Count(l => l)} fraudulent ({labels.Count(l => l) / (double)labels.Length:P1})");

LightGbmBinaryTrainer LightGbm(string? weightColumn = null, double positiveWeight = 1.0) => mlContext.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
{
    LabelColumnName = "IsFraud",
    ExampleWeightColumnName = weightColumn,
    WeightOfPositiveExamples = positiveWeight,
    NumberOfLeaves = 16,
    NumberOfIterations = 100,
    MinimumExampleCountPerLeaf = 10,
    NumberOfThreads = 1,
    Seed = 0,
    Silent = true,
});

// Each strategy builds its pipeline from the training fold (only the LightGBM positive weight needs to look at it).
(string Name, Func<IDataView, IEstimator<ITransformer>> Pipeline, bool TuneThreshold)[] strategies =
[
    ("No handling", _ => pipelineStart.Append(LightGbm()), false),
    ("WithResampling(Smote)", _ => pipelineStart.Append(LightGbm().WithResampling(new Smote { RandomState = 0 })), false),
    ("WithResampling(RandomUnderSampler)", _ => pipelineStart.Append(LightGbm().WithResampling(new RandomUnderSampler { RandomState = 0 })), false),
    ("Class weights (balanced)", _ => pipelineStart.Append(mlContext.Transforms.AddClassWeights("IsFraud")).Append(LightGbm("Weight")), false),
    ("LightGBM WeightOfPositiveExamples", train => pipelineStart.Append(LightGbm(positiveWeight: mlContext.BinaryClassification.WeightOfPositiveExamples(train, "IsFraud"))), false),
    ("Threshold tuned for G-mean", _ => pipelineStart.Append(LightGbm()), true),
];

var folds = mlContext.Data.StratifiedCrossValidationSplit(data, numberOfFolds: 5, labelColumnName: "IsFraud", seed: 0);
Console.WriteLine();
Console.WriteLine($"| {"Strategy",-36} | {"ROC-AUC",7} | {"PR-AUC",7} | {"F1",7} | {"Recall",7} | {"G-mean",7} |");
Console.WriteLine($"|{new string('-', 38)}|{new string('-', 8)}:|{new string('-', 8)}:|{new string('-', 8)}:|{new string('-', 8)}:|{new string('-', 8)}:|");
foreach (var (name, pipeline, tune) in strategies)
{
    var perFold = folds.Select(fold => Evaluate(pipeline, fold, tune)).ToArray();
    string Mean(Func<ImbalancedBinaryMetrics, double> metric) => perFold.Average(metric).ToString("F3", CultureInfo.InvariantCulture);
    Console.WriteLine($"| {name,-36} | {Mean(m => m.RocAuc),7} | {Mean(m => m.AveragePrecision),7} | {Mean(m => m.F1),7} | {Mean(m => m.Recall),7} | {Mean(m => m.GeometricMean),7} |");
}

Console.WriteLine();
Console.WriteLine("Means over 5 stratified folds; PR-AUC is average precision; F1, recall and G-mean of the fraud class at the");
Console.WriteLine("model's default threshold, or at the threshold tuned on a validation split of each training fold.");
Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:F1} s.");

ImbalancedBinaryMetrics Evaluate(Func<IDataView, IEstimator<ITransformer>> makePipeline, StratifiedSplit fold, bool tuneThreshold)
{
    if (!tuneThreshold)
    {
        var scored = makePipeline(fold.TrainSet).Fit(fold.TrainSet).Transform(fold.TestSet);
        return mlContext.BinaryClassification.EvaluateImbalanced(scored, labelColumnName: "IsFraud");
    }

    // Tune on held-out rows of the training fold, never on the test fold.
    var inner = mlContext.Data.StratifiedTrainTestSplit(fold.TrainSet, testFraction: 0.25, labelColumnName: "IsFraud", seed: 0);
    var model = makePipeline(inner.TrainSet).Fit(inner.TrainSet);
    var threshold = mlContext.BinaryClassification.TuneThreshold(model.Transform(inner.TestSet), ThresholdObjective.GeometricMean, labelColumnName: "IsFraud").BestThreshold;
    return mlContext.BinaryClassification.EvaluateImbalanced(model.Transform(fold.TestSet), labelColumnName: "IsFraud", threshold: threshold);
}

// A deterministic stand-in for a card-transactions file: scikit-learn's make_classification (same numbers for the
// same seed), 6,000 rows, 3% fraud, 1% of labels flipped, written as CSV with a 0/1 label column.
static void WriteTransactions(string path)
{
    var (x, y) = DataGenerators.MakeClassification(
        nSamples: 6_000, nFeatures: Transaction.FeatureNames.Length, nInformative: 4, nRedundant: 2, weights: [0.97], flipY: 0.01, classSep: 0.8, randomState: 7);
    using var writer = new StreamWriter(path);
    writer.WriteLine(string.Join(",", Transaction.FeatureNames) + ",IsFraud");
    for (var i = 0; i < y.Length; i++)
    {
        for (var j = 0; j < x.GetLength(1); j++)
        {
            writer.Write(x[i, j].ToString("R", CultureInfo.InvariantCulture));
            writer.Write(',');
        }

        writer.WriteLine(y[i]);
    }
}

internal sealed class Transaction
{
    public static readonly string[] FeatureNames = ["V1", "V2", "V3", "V4", "V5", "V6", "V7", "V8", "V9", "V10"];

    [LoadColumn(0)] public float V1 { get; set; }
    [LoadColumn(1)] public float V2 { get; set; }
    [LoadColumn(2)] public float V3 { get; set; }
    [LoadColumn(3)] public float V4 { get; set; }
    [LoadColumn(4)] public float V5 { get; set; }
    [LoadColumn(5)] public float V6 { get; set; }
    [LoadColumn(6)] public float V7 { get; set; }
    [LoadColumn(7)] public float V8 { get; set; }
    [LoadColumn(8)] public float V9 { get; set; }
    [LoadColumn(9)] public float V10 { get; set; }
    [LoadColumn(10)] public bool IsFraud { get; set; }
}
