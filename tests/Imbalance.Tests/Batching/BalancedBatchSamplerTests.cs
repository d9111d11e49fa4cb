using System.Text.Json;
using Imbalance.Batching;
using Imbalance.OverSampling;
using Imbalance.Sampling;
using Imbalance.Tests.Anomaly;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.Batching;

/// <summary>Batches against imblearn 0.10.0's keras and tensorflow generators (balanced_batches of sklearn_anomaly.json).</summary>
public class BalancedBatchSamplerTests
{
    public static TheoryData<string> Cases => AnomalyFixture.Names("balanced_batches");

    private static (double[,] X, int[] Y, BalancedBatchSampler Sampler) FromCase(JsonElement c)
    {
        var y = c.Ints("y");
        var seed = c.GetProperty("seed").GetInt32();
        var second = c.GetProperty("x2").ValueKind == JsonValueKind.Null ? null : c.Vector("x2");
        var x = new double[y.Length, second is null ? 1 : 2];
        for (var i = 0; i < y.Length; i++)
        {
            x[i, 0] = i;
            if (second is not null)
            {
                x[i, 1] = second[i];
            }
        }

        ISampler? sampler = c.GetProperty("sampler").GetString() switch
        {
            "ros" => new RandomOverSampler { RandomState = seed },
            "nearmiss" => new NearMiss(),
            _ => null,
        };
        return (x, y, new BalancedBatchSampler { BatchSize = c.GetProperty("batch_size").GetInt32(), RandomState = seed, Sampler = sampler });
    }

    private static int[][] Batches(JsonElement c, string property) =>
        c.GetProperty(property).EnumerateArray().Select(TestData.Ints).ToArray();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Indices_and_keras_batches_equal_imblearns(string name)
    {
        var c = AnomalyFixture.Case("balanced_batches", name);
        var (x, y, sampler) = FromCase(c);
        var batches = sampler.Fit(x, y);
        batches.Indices.Should().Equal(c.Ints("indices"));
        batches.StepsPerEpoch.Should().Be(c.GetProperty("steps").GetInt32());
        var keras = batches.KerasBatches().ToArray();
        var expected = Batches(c, "keras");
        keras.Should().HaveCount(expected.Length);
        for (var b = 0; b < expected.Length; b++)
        {
            keras[b].Should().Equal(expected[b]);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tensorflow_stream_equals_imblearns_endless_generator(string name)
    {
        var c = AnomalyFixture.Case("balanced_batches", name);
        var (x, y, sampler) = FromCase(c);
        var expected = Batches(c, "tensorflow_stream");
        var stream = sampler.Fit(x, y).TensorflowBatches().Take(expected.Length).ToArray();
        stream.Should().HaveCount(expected.Length);
        for (var b = 0; b < expected.Length; b++)
        {
            stream[b].Should().Equal(expected[b]);
        }
    }

    [Fact]
    public void Per_epoch_mode_starts_with_the_imblearn_draw_and_then_draws_other_balanced_rows()
    {
        int[] y = [.. Enumerable.Repeat(0, 200), .. Enumerable.Repeat(1, 20)];
        var x = new double[y.Length, 1];
        var sampler = new BalancedBatchSampler { BatchSize = 8, RandomState = 4 };
        var epochs = sampler.Epochs(x, y).Take(3).ToArray();
        epochs[0].Indices.Should().Equal(sampler.Fit(x, y).Indices);
        foreach (var epoch in epochs)
        {
            epoch.Indices.Count(i => y[i] == 1).Should().Be(20);
            epoch.Indices.Count(i => y[i] == 0).Should().Be(20);
        }

        epochs[1].Indices.Where(i => y[i] == 0).Order().Should().NotEqual(epochs[0].Indices.Where(i => y[i] == 0).Order());
        var seeded = sampler.Epochs(x, y, e => new RandomUnderSampler { RandomState = 100 + e }).Take(2).ToArray();
        seeded[1].Indices.Order().Should().Equal(new RandomUnderSampler { RandomState = 101 }.FitResample(x, y).SampleIndices!.Order());
    }

    [Fact]
    public void Samplers_without_sample_indices_and_bad_settings_are_rejected()
    {
        int[] y = [0, 0, 0, 0, 0, 0, 1, 1, 1];
        var x = new double[9, 2];
        for (var i = 0; i < 9; i++)
        {
            x[i, 0] = i;
            x[i, 1] = i * i % 5;
        }

        FluentActions.Invoking(() => new BalancedBatchSampler { Sampler = new Smote { KNeighbors = 2 } }.Fit(x, y)).Should().Throw<ArgumentException>().WithParameterName("Sampler");
        FluentActions.Invoking(() => new BalancedBatchSampler { BatchSize = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("BatchSize");
        FluentActions.Invoking(() => new BalancedBatchSampler().Fit(x, y).Batch(5)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("index");
    }
}
