using Imbalance.OverSampling;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace Imbalance.MLNet.Tests;

public class LeakageTests
{
    private static LightGbmBinaryTrainer Trainer(MLContext ml) =>
        ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfLeaves = 8,
            NumberOfIterations = 40,
            MinimumExampleCountPerLeaf = 2,
            NumberOfThreads = 1,
            Seed = 1,
        });

    [Fact]
    public void Under_CrossValidate_every_test_fold_holds_only_original_rows_while_each_fit_sees_resampled_rows()
    {
        var ml = new MLContext(seed: 1);
        var rows = TestData.Binary(n: 300, every: 10, shift: 0.3);
        var data = ml.Data.LoadFromEnumerable(rows);
        var sampler = new RecordingSampler(new Smote { RandomState = 42 });

        var folds = ml.BinaryClassification.CrossValidate(data, Trainer(ml).WithResampling(sampler), numberOfFolds: 5, seed: 7);

        var testIds = folds.SelectMany(f => TestData.Column<int>(f.ScoredHoldOutSet, "Id")).ToArray();
        testIds.Should().HaveCount(300, "fold sizes sum to the original row count");
        testIds.Should().OnlyHaveUniqueItems().And.OnlyContain(id => id >= 0 && id < 300);
        folds.Sum(f => TestData.Column<bool>(f.ScoredHoldOutSet, "Label").Count(l => l)).Should().Be(30, "the test folds hold exactly the original positives");
        sampler.Calls.Should().HaveCount(5);
        sampler.Calls.Sum(c => c.In).Should().Be(4 * 300, "each training fit reads its own training fold only");
        sampler.Calls.Should().OnlyContain(c => c.Out > c.In, "each training fit sees SMOTE's synthetic rows");
    }

    [Fact]
    public void Resampling_before_CrossValidate_leaks_and_reports_a_high_AUC_on_noise()
    {
        // The contrast for the docs: features carry no signal, so an honest AUC is about 0.5.
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(TestData.Binary(n: 300, every: 10, shift: 0.0));

        var honest = ml.BinaryClassification.CrossValidate(data, Trainer(ml).WithResampling(new Smote { RandomState = 42 }), numberOfFolds: 5, seed: 7)
            .Average(f => f.Metrics.AreaUnderRocCurve);
        var leaky = ml.BinaryClassification.CrossValidate(ml.Data.Resample(data, new Smote { RandomState = 42 }), Trainer(ml), numberOfFolds: 5, seed: 7)
            .Average(f => f.Metrics.AreaUnderRocCurve);

        var ros = ml.BinaryClassification.CrossValidate(ml.Data.Resample(data, new RandomOverSampler { RandomState = 42 }), Trainer(ml), numberOfFolds: 5, seed: 7)
            .Average(f => f.Metrics.AreaUnderRocCurve);
        // Measured: honest 0.48, SMOTE then CV 0.87, random over-sampling then CV 0.99.
        honest.Should().BeInRange(0.3, 0.7);
        leaky.Should().BeGreaterThan(0.8, "synthetic neighbours of training rows sit in the test folds");
        ros.Should().BeGreaterThan(0.97, "exact copies of training rows sit in the test folds");
    }
}
