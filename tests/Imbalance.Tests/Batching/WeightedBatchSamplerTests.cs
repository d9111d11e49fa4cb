using Imbalance.Batching;
using Imbalance.Learning;

namespace Imbalance.Tests.Batching;

public class WeightedBatchSamplerTests
{
    private static readonly int[] Labels = [.. Enumerable.Repeat(0, 950), .. Enumerable.Repeat(1, 50)];

    [Fact]
    public void Inverse_frequency_weights_balance_the_classes_in_expectation()
    {
        var sampler = new WeightedBatchSampler(ClassWeight.Balanced.ComputeSampleWeight(Labels)) { BatchSize = 100, RandomState = 0 };
        var epochs = sampler.Epochs().Take(5).ToArray();
        var rows = epochs.SelectMany(e => e.SelectMany(b => b)).ToArray();
        rows.Should().HaveCount(5 * Labels.Length);
        var minorityShare = rows.Count(i => Labels[i] == 1) / (double)rows.Length;
        minorityShare.Should().BeInRange(0.46, 0.54);
        epochs[0].Should().HaveCount(10).And.OnlyContain(b => b.Length == 100);
        epochs[0].SelectMany(b => b).Should().NotEqual(epochs[1].SelectMany(b => b));
    }

    [Fact]
    public void Without_replacement_rows_are_distinct_and_the_last_batch_is_kept_or_dropped()
    {
        var weights = Enumerable.Range(0, 30).Select(i => i < 10 ? 3.0 : 1.0).ToArray();
        var keep = new WeightedBatchSampler(weights) { Replacement = false, NumSamples = 25, BatchSize = 10, RandomState = 1 }.Epochs().First();
        keep.Select(b => b.Length).Should().Equal(10, 10, 5);
        keep.SelectMany(b => b).Should().OnlyHaveUniqueItems();
        var drop = new WeightedBatchSampler(weights) { Replacement = false, NumSamples = 25, BatchSize = 10, RandomState = 1, DropLast = true }.Epochs().First();
        drop.Select(b => b.Length).Should().Equal(10, 10);
        drop.SelectMany(b => b).Should().Equal(keep.SelectMany(b => b).Take(20));
    }

    [Fact]
    public void Zero_weight_rows_are_never_drawn_and_bad_settings_are_rejected()
    {
        double[] weights = [0, 1, 0, 2, 1];
        new WeightedBatchSampler(weights) { RandomState = 3, NumSamples = 200 }.Epochs().First().SelectMany(b => b).Should().NotContain([0, 2]);
        FluentActions.Invoking(() => new WeightedBatchSampler([0.0, 0.0])).Should().Throw<ArgumentException>().WithParameterName("weights");
        FluentActions.Invoking(() => new WeightedBatchSampler([1.0, -1.0])).Should().Throw<ArgumentException>().WithParameterName("weights");
        FluentActions.Invoking(() => new WeightedBatchSampler(weights) { Replacement = false, NumSamples = 4 }.Epochs()).Should().Throw<ArgumentException>().WithParameterName("NumSamples");
    }
}
