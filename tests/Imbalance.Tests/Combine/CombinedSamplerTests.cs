using System.Globalization;
using System.Text.Json;
using Imbalance.Combine;
using Imbalance.Datasets;
using Imbalance.OverSampling;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.Combine;

/// <summary>SmoteEnn and SmoteTomek against imblearn 0.10.0's SMOTEENN and SMOTETomek (generate_combine.py).</summary>
public class CombinedSamplerTests
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "imblearn_combine.json")));
        return doc.RootElement.Clone();
    });

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Root.Value.GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
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
            classSep: p.GetProperty("class_sep").GetDouble(),
            randomState: p.GetProperty("random_state").GetInt32());
    }

    private static SamplingStrategy Strategy(JsonElement c) => c.GetProperty("strategy").GetString() switch
    {
        "auto" => SamplingStrategy.Auto,
        "all" => SamplingStrategy.All,
        "not majority" => SamplingStrategy.NotMajority,
        "ratio" => SamplingStrategy.Ratio(c.GetProperty("strategy_value").GetDouble()),
        _ => SamplingStrategy.Counts(c.GetProperty("strategy_value").EnumerateObject()
            .ToDictionary(p => int.Parse(p.Name, CultureInfo.InvariantCulture), p => p.Value.GetInt32())),
    };

    [Fact]
    public void Fixture_has_every_case() => Root.Value.GetProperty("cases").GetArrayLength().Should().Be(40);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_imblearn(string name)
    {
        var c = Root.Value.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var (x, y) = Dataset(c.GetProperty("dataset").GetInt32());
        var seed = c.GetProperty("seed").GetInt32();
        var custom = c.GetProperty("variant").GetString() == "custom";
        ISampler sampler = c.GetProperty("kind").GetString() == "SMOTEENN"
            ? new SmoteEnn
            {
                SamplingStrategy = Strategy(c),
                RandomState = seed,
                Smote = custom ? new Smote { KNeighbors = 3, RandomState = seed + 1 } : null,
                Enn = custom ? new EditedNearestNeighbours { NNeighbors = 4, KindSel = SelectionKind.Mode, SamplingStrategy = SamplingStrategy.All } : null,
            }
            : new SmoteTomek
            {
                SamplingStrategy = Strategy(c),
                RandomState = seed,
                Smote = custom ? new Smote { KNeighbors = 3, RandomState = seed + 1 } : null,
                Tomek = custom ? new TomekLinks() : null,
            };

        var result = sampler.FitResample(x, y);

        result.Y.Should().Equal(TestData.Ints(c.GetProperty("y_res")));
        result.X.Should().BeEquivalentTo(TestData.Matrix(c.GetProperty("X_res")), o => o.WithStrictOrdering());
        result.SampleIndices.Should().BeNull();
    }

    [Fact]
    public void Label_keyed_strategies_reach_the_inner_samplers_with_the_callers_labels()
    {
        var (x, y) = Dataset(1);
        var labels = y.Select(v => "c" + v.ToString(CultureInfo.InvariantCulture)).ToArray();
        var counts = new Dictionary<string, int> { ["c1"] = 120, ["c2"] = 100 };
        var asStrings = new SmoteEnn { SamplingStrategy = SamplingStrategy.Counts(counts), RandomState = 0 }.FitResample(x, labels);
        var asInts = new SmoteEnn { SamplingStrategy = SamplingStrategy.Counts(new Dictionary<int, int> { [1] = 120, [2] = 100 }), RandomState = 0 }.FitResample(x, y);
        asStrings.Y.Should().Equal(asInts.Y.Select(v => "c" + v.ToString(CultureInfo.InvariantCulture)));
        asStrings.X.Should().BeEquivalentTo(asInts.X);
        asStrings.ResolvedStrategy.Should().BeEquivalentTo(new Dictionary<string, int> { ["c1"] = 120 - y.Count(v => v == 1), ["c2"] = 100 - y.Count(v => v == 2) });
    }
}
