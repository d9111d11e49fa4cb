using System.Text.Json;
using Imbalance.Datasets;

namespace Imbalance.Tests.Datasets;

/// <summary>
/// <see cref="DataGenerators.MakeClassification(MakeClassificationOptions)"/> against the real scikit-learn 1.2.1
/// (tests/fixtures/generate_datasets.py, NumPy on the reference BLAS): y exact, X bit for bit.
/// </summary>
public class MakeClassificationParityTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "sklearn_make_classification.json");
        var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cases").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.Clone());
    });

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Value.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Fixture_has_the_documented_cases()
    {
        Cases.Value.Should().HaveCountGreaterThanOrEqualTo(20);
        Cases.Value.Keys.Should().Contain(["binary_95_5", "three_classes_weighted", "no_hypercube", "informative_above_30"]);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Matches_sklearn_bit_for_bit(string name)
    {
        var c = Cases.Value[name];
        var options = Options(c.GetProperty("params"));
        var expectedX = TestData.Matrix(c.GetProperty("X"));
        var expectedY = TestData.Ints(c.GetProperty("y"));

        var (x, y) = DataGenerators.MakeClassification(options);

        y.Should().Equal(expectedY);
        x.GetLength(0).Should().Be(expectedX.GetLength(0));
        x.GetLength(1).Should().Be(expectedX.GetLength(1));
        var mismatches = new List<string>();
        for (var i = 0; i < x.GetLength(0); i++)
        {
            for (var j = 0; j < x.GetLength(1); j++)
            {
                if (BitConverter.DoubleToInt64Bits(x[i, j]) != BitConverter.DoubleToInt64Bits(expectedX[i, j]))
                {
                    mismatches.Add($"[{i},{j}] {x[i, j]:R} != {expectedX[i, j]:R}");
                }
            }
        }

        mismatches.Should().BeEmpty();
    }

    [Fact]
    public void Optional_parameter_overload_matches_the_default_fixture()
    {
        var c = Cases.Value["defaults_seed42"];

        var (x, y) = DataGenerators.MakeClassification(randomState: 42);

        y.Should().Equal(TestData.Ints(c.GetProperty("y")));
        x.Should().BeEquivalentTo(TestData.Matrix(c.GetProperty("X")), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Random_shift_and_scale_overload_matches_fixture()
    {
        var c = Cases.Value["random_shift_scale"];

        var (x, y) = DataGenerators.MakeClassification(
            nSamples: 60, nFeatures: 6, shift: null, scale: null, classSep: 1.5, randomState: 9);

        y.Should().Equal(TestData.Ints(c.GetProperty("y")));
        x.Should().BeEquivalentTo(TestData.Matrix(c.GetProperty("X")), o => o.WithStrictOrdering());
    }

    private static MakeClassificationOptions Options(JsonElement p) => new()
    {
        NSamples = p.GetProperty("n_samples").GetInt32(),
        NFeatures = p.GetProperty("n_features").GetInt32(),
        NInformative = p.GetProperty("n_informative").GetInt32(),
        NRedundant = p.GetProperty("n_redundant").GetInt32(),
        NRepeated = p.GetProperty("n_repeated").GetInt32(),
        NClasses = p.GetProperty("n_classes").GetInt32(),
        NClustersPerClass = p.GetProperty("n_clusters_per_class").GetInt32(),
        Weights = Values(p.GetProperty("weights")),
        FlipY = TestData.Number(p.GetProperty("flip_y")),
        ClassSep = TestData.Number(p.GetProperty("class_sep")),
        Hypercube = p.GetProperty("hypercube").GetBoolean(),
        Shift = Values(p.GetProperty("shift")),
        Scale = Values(p.GetProperty("scale")),
        Shuffle = p.GetProperty("shuffle").GetBoolean(),
        RandomState = p.GetProperty("random_state").GetInt32(),
    };

    /// <summary>null, a scalar (one value) or a list.</summary>
    private static double[]? Values(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Array => e.EnumerateArray().Select(TestData.Number).ToArray(),
        _ => [TestData.Number(e)],
    };
}
