using System.Text.Json;
using Imbalance.Datasets;
using Imbalance.Learning;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.UnderSampling;

/// <summary>InstanceHardnessThreshold against imblearn 0.10.0 (generate_iht.py), and NumPy's percentile.</summary>
public class InstanceHardnessThresholdTests
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "imblearn_iht.json")));
        return doc.RootElement.Clone();
    });

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Root.Value.GetProperty("cases").GetArrayLength(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static (double[,] X, int[] Y) Dataset(int index)
    {
        var p = Root.Value.GetProperty("datasets")[index];
        return DataGenerators.MakeClassification(
            nSamples: p.GetProperty("n_samples").GetInt32(),
            nFeatures: p.GetProperty("n_features").GetInt32(),
            nInformative: p.GetProperty("n_informative").GetInt32(),
            nRedundant: p.GetProperty("n_redundant").GetInt32(),
            nClasses: p.GetProperty("n_classes").GetInt32(),
            weights: p.GetProperty("weights").EnumerateArray().Select(w => w.GetDouble()).ToArray(),
            randomState: p.GetProperty("random_state").GetInt32());
    }

    [Fact]
    public void Fixture_has_every_case() => Root.Value.GetProperty("cases").GetArrayLength().Should().Be(24);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_imblearn(int caseIndex)
    {
        var c = Root.Value.GetProperty("cases")[caseIndex];
        var (x, y) = Dataset(c.GetProperty("dataset").GetInt32());
        var strategy = c.GetProperty("strategy").GetString() switch
        {
            "auto" => SamplingStrategy.Auto,
            "all" => SamplingStrategy.All,
            "ratio" => SamplingStrategy.Ratio(c.GetProperty("strategy_value").GetDouble()),
            _ => SamplingStrategy.Counts(c.GetProperty("strategy_value").EnumerateObject().ToDictionary(p => int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture), p => p.Value.GetInt32())),
        };
        var sampler = new InstanceHardnessThreshold { SamplingStrategy = strategy, RandomState = c.GetProperty("seed").GetInt32(), Cv = c.GetProperty("cv").GetInt32() };

        var result = sampler.FitResample(x, y);

        result.SampleIndices.Should().Equal(TestData.Ints(c.GetProperty("sample_indices")));
        result.Y.Should().Equal(TestData.Ints(c.GetProperty("y_res")));
        result.ResolvedStrategy.Select(p => (p.Key, p.Value)).Should().Equal(
            c.GetProperty("sampling_strategy_").EnumerateObject().Select(p => (int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture), p.Value.GetInt32())));
    }

    [Fact]
    public void Percentile_matches_numpy_to_the_bit()
    {
        foreach (var p in Root.Value.GetProperty("percentiles").EnumerateArray())
        {
            var values = p.GetProperty("values").EnumerateArray().Select(TestData.Number).ToArray();
            InstanceHardnessThreshold.Percentile(values, TestData.Number(p.GetProperty("q"))).Should().Be(TestData.Number(p.GetProperty("result")));
        }
    }

    [Fact]
    public void A_supplied_estimator_is_used_and_any_label_type_works()
    {
        var (x, y) = Dataset(0);
        var labels = y.Select(v => v == 1 ? "rare" : "common").ToArray();
        var result = new InstanceHardnessThreshold { Estimator = new LogisticRegression(), RandomState = 0 }.FitResample(x, labels);
        result.ClassCounts()["common"].Should().BeGreaterThanOrEqualTo(result.ClassCounts()["rare"]);
        result.ClassCounts()["rare"].Should().Be(labels.Count(l => l == "rare"));
        result.SampleIndices.Should().OnlyHaveUniqueItems();
        FluentActions.Invoking(() => new InstanceHardnessThreshold { Cv = 1 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Cv");
    }
}
