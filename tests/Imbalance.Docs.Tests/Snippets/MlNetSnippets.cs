using Imbalance.MLNet;
using Imbalance.OverSampling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalance.Docs.Tests.Snippets;

public class MlNetSnippets
{
    [Fact]
    public void Resampling_inside_an_mlnet_pipeline()
    {
        #region mlnet
        var mlContext = new MLContext(seed: 0);
        // 400 transactions, one in ten fraudulent.
        var rows = Enumerable.Range(0, 400).Select(i => new Transaction
        {
            Label = i % 10 == 0,
            Features = [(i % 10 == 0 ? 2f : 0f) + (i * 7 % 11 / 4f), i * 3 % 13 / 6f],
        });
        var data = mlContext.Data.LoadFromEnumerable(rows);

        // SMOTE runs inside Fit only; each stratified fold is scored on its original rows.
        var trainer = mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression().WithResampling(new Smote { RandomState = 42 });
        var folds = mlContext.Data.StratifiedCrossValidationSplit(data, numberOfFolds: 5, seed: 0);
        var metrics = folds.Select(f => mlContext.BinaryClassification.EvaluateImbalanced(trainer.Fit(f.TrainSet).Transform(f.TestSet))).ToList();
        Console.WriteLine($"mean recall {metrics.Average(m => m.Recall):F2}, mean G-mean {metrics.Average(m => m.GeometricMean):F2}");
        #endregion

        folds.Sum(f => f.TestIndices.Count).Should().Be(400, "test folds hold the original rows only");
        metrics.Average(m => m.Recall).Should().BeApproximately(0.85, 0.005);
        metrics.Average(m => m.GeometricMean).Should().BeApproximately(0.85, 0.005);
    }

    private sealed class Transaction
    {
        public bool Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }
}
