using Imbalance.Datasets;
using Imbalance.Learning;
using Imbalance.Metrics;
using Imbalance.OverSampling;
using Imbalance.Pipelines;

namespace Imbalance.Docs.Tests.Snippets;

public class IntroductionSnippets
{
    [Fact]
    public void Accuracy_lies()
    {
        #region accuracy-lies
        // 2,000 rows, 5 % positives; a "model" that always answers the majority class.
        var (x, y) = DataGenerators.MakeClassification(nSamples: 2_000, weights: [0.95, 0.05], randomState: 0);
        var alwaysNegative = new int[y.Length];
        var accuracy = ClassificationMetrics.AccuracyScore(y, alwaysNegative);                  // 0.945
        var balanced = ClassificationMetrics.BalancedAccuracyScore(y, alwaysNegative);          // 0.500
        var recall = ClassificationMetrics.RecallScore(y, alwaysNegative, posLabel: 1);         // 0.000
        #endregion

        x.GetLength(0).Should().Be(2_000);
        accuracy.Should().Be(0.945);
        balanced.Should().Be(0.5);
        recall.Should().Be(0.0);
    }

    [Fact]
    public void Five_lines()
    {
        #region five-lines
        var (x, y) = DataGenerators.MakeClassification(nSamples: 2_000, weights: [0.95, 0.05], randomState: 0);
        var (xRes, yRes) = new Smote { RandomState = 42 }.FitResample(x, y);     // imblearn: SMOTE(random_state=42).fit_resample(X, y)
        var model = Pipeline.Make(new StandardScaler(), new Smote { RandomState = 42 }, new LogisticRegression()).Fit(x, y);
        var predicted = model.Predict(x);                                        // the sampler ran inside Fit only
        #endregion

        yRes.Count(v => v == 1).Should().Be(yRes.Count(v => v == 0), "SMOTE's default strategy equalises the classes");
        xRes.GetLength(0).Should().Be(yRes.Length).And.BeGreaterThan(x.GetLength(0));
        predicted.Should().HaveCount(x.GetLength(0));
    }
}
