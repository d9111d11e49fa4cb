using System.Text.Json;
using Imbalance.Sampling;
using Imbalance.Tests.Parity;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.UnderSampling;

/// <summary>Reads tests/fixtures/imblearn_under.json (made by generate_under.py with imblearn 0.10.0).</summary>
internal static class UnderFixture
{
    private static readonly Lazy<JsonElement> _root = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "imblearn_under.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.Clone();
    });

    public static JsonElement Root => _root.Value;

    public static IEnumerable<JsonElement> Cases => Root.GetProperty("cases").EnumerateArray();

    public static JsonElement Case(string name) => Cases.Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>The names of the cases run by one imblearn sampler class, as theory data.</summary>
    public static TheoryData<string> Names(params string[] samplers)
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases)
        {
            if (samplers.Contains(c.GetProperty("sampler").GetString()))
            {
                data.Add(c.GetProperty("name").GetString()!);
            }
        }

        return data;
    }

    public static (double[,] X, int[] Y) Data(string name)
    {
        var d = Root.GetProperty("datasets").GetProperty(name);
        return (ParityFixture.Matrix(d.GetProperty("X")), ParityFixture.Ints(d.GetProperty("y")));
    }

    /// <summary>The Imbalance sampler for a case's imblearn class and keyword arguments.</summary>
    public static Sampler Create(JsonElement c)
    {
        var p = c.GetProperty("params");
        var strategy = p.TryGetProperty("sampling_strategy", out var s) ? ParityFixture.Strategy<int>(s)! : SamplingStrategy.Auto;
        int Int(string key, int fallback) => p.TryGetProperty(key, out var v) ? v.GetInt32() : fallback;
        bool Bool(string key) => p.TryGetProperty(key, out var v) && v.GetBoolean();
        SelectionKind Kind(SelectionKind fallback) => p.TryGetProperty("kind_sel", out var v)
            ? (v.GetString() == "mode" ? SelectionKind.Mode : SelectionKind.All)
            : fallback;
        int? Seed() => p.TryGetProperty("random_state", out var v) ? v.GetInt32() : null;

        return c.GetProperty("sampler").GetString() switch
        {
            "TomekLinks" => new TomekLinks { SamplingStrategy = strategy },
            "EditedNearestNeighbours" => new EditedNearestNeighbours { SamplingStrategy = strategy, NNeighbors = Int("n_neighbors", 3), KindSel = Kind(SelectionKind.All) },
            "RepeatedEditedNearestNeighbours" => new RepeatedEditedNearestNeighbours
            {
                SamplingStrategy = strategy, NNeighbors = Int("n_neighbors", 3), KindSel = Kind(SelectionKind.All), MaxIter = Int("max_iter", 100),
            },
            "AllKNN" => new AllKnn { SamplingStrategy = strategy, NNeighbors = Int("n_neighbors", 3), KindSel = Kind(SelectionKind.All), AllowMinority = Bool("allow_minority") },
            "NearMiss" => new NearMiss { SamplingStrategy = strategy, Version = Int("version", 1), NNeighbors = Int("n_neighbors", 3), NNeighborsVer3 = Int("n_neighbors_ver3", 3) },
            "CondensedNearestNeighbour" => new CondensedNearestNeighbour { SamplingStrategy = strategy, RandomState = Seed(), NNeighbors = Int("n_neighbors", 1), NSeedsS = Int("n_seeds_S", 1) },
            "OneSidedSelection" => new OneSidedSelection { SamplingStrategy = strategy, RandomState = Seed(), NNeighbors = Int("n_neighbors", 1), NSeedsS = Int("n_seeds_S", 1) },
            "NeighbourhoodCleaningRule" => new NeighbourhoodCleaningRule
            {
                SamplingStrategy = strategy,
                NNeighbors = Int("n_neighbors", 3),
                KindSel = Kind(SelectionKind.All),
                ThresholdCleaning = p.TryGetProperty("threshold_cleaning", out var t) ? t.GetDouble() : 0.5,
            },
            var other => throw new InvalidOperationException($"No sampler for {other}."),
        };
    }
}
