using Imbalance.Datasets;
using Imbalance.Learning;
using Imbalance.Metrics;
using Imbalance.ModelSelection;

namespace Imbalance.Docs.Tests.Snippets;

public class MetricsSnippets
{
    [Fact]
    public void Report_and_scores()
    {
        #region metrics
        var (x, y) = DataGenerators.MakeClassification(nSamples: 4_000, weights: [0.95, 0.05], flipY: 0.02, randomState: 7);
        var split = DataSplit.TrainTestSplit(x, y, testSize: 0.25, randomState: 0, stratify: true);
        var model = new LogisticRegression { ClassWeight = ClassWeight.Balanced }.Fit(split.XTrain, split.YTrain);
        var predicted = model.Predict(split.XTest);
        var proba = model.PredictProba(split.XTest);                              // columns follow model.Classes: 0, 1
        var score = Enumerable.Range(0, proba.GetLength(0)).Select(i => proba[i, 1]).ToArray();

        // imblearn's classification_report_imbalanced: pre, rec, spe, f1, geo, iba and sup per class.
        Console.WriteLine(ImbalancedMetrics.ClassificationReportImbalanced(split.YTest, predicted).Text);

        var gMean = ImbalancedMetrics.GeometricMeanScore(split.YTest, predicted, average: Average.Binary, posLabel: 1);
        var iba = ImbalancedMetrics.MakeIndexBalancedAccuracy<int>(
            (t, p) => ImbalancedMetrics.GeometricMeanScore(t, p, average: Average.Binary, posLabel: 1), alpha: 0.1)(split.YTest, predicted);
        var mcc = ClassificationMetrics.MatthewsCorrCoef(split.YTest, predicted);
        var averagePrecision = ScoreMetrics.AveragePrecisionScore(split.YTest, score);       // PR-AUC without interpolation
        var rocAuc = ScoreMetrics.RocAucScore(split.YTest, score);
        #endregion

        gMean.Should().BeInRange(0.6, 0.95);
        iba.Should().BeInRange(0.3, 0.95);
        mcc.Should().BeInRange(0.1, 0.9);
        averagePrecision.Should().BeLessThan(rocAuc, "on rare positives PR-AUC is the harsher score");
    }
}
