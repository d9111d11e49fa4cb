using System.Text.Json;
using Imbalance.Learning;
using Imbalance.OverSampling;
using Imbalance.Sampling;
using Imbalance.Tests.Parity;

namespace Imbalance.Tests.OverSampling;

/// <summary>Reads tests/fixtures/imblearn_smote.json (made by generate_smote.py with imblearn 0.10.0).</summary>
internal static class SmoteFixture
{
    private static readonly Lazy<JsonElement> _root = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "imblearn_smote.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.Clone();
    });

    public static JsonElement Root => _root.Value;

    public static IEnumerable<JsonElement> Cases => Root.GetProperty("cases").EnumerateArray();

    public static JsonElement Case(string name) => Cases.Single(c => c.GetProperty("name").GetString() == name);

    public static TheoryData<string> Names(string sampler)
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.Where(c => c.GetProperty("sampler").GetString() == sampler))
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    public static JsonElement Dataset(string key) => Root.GetProperty("datasets").GetProperty(key);

    /// <summary>The sampler a case describes, with its strategy and seed.</summary>
    public static Sampler Sampler<TLabel>(JsonElement c)
        where TLabel : notnull
    {
        var p = c.GetProperty("params");
        var strategy = ParityFixture.Strategy<TLabel>(c.GetProperty("strategy"))!;
        var seed = c.GetProperty("seed").GetInt32();
        int Int(string name) => p.GetProperty(name).GetInt32();
        return c.GetProperty("sampler").GetString() switch
        {
            "SMOTE" => new Smote { SamplingStrategy = strategy, RandomState = seed, KNeighbors = Int("k_neighbors") },
            "BorderlineSMOTE" => new BorderlineSmote
            {
                SamplingStrategy = strategy,
                RandomState = seed,
                KNeighbors = Int("k_neighbors"),
                MNeighbors = Int("m_neighbors"),
                Kind = p.GetProperty("kind").GetString() == "borderline-1" ? BorderlineSmoteKind.Borderline1 : BorderlineSmoteKind.Borderline2,
            },
            "ADASYN" => new Adasyn { SamplingStrategy = strategy, RandomState = seed, NNeighbors = Int("n_neighbors") },
            "SMOTENC" => new SmoteNc
            {
                SamplingStrategy = strategy,
                RandomState = seed,
                KNeighbors = Int("k_neighbors"),
                CategoricalFeatures = Categorical(p.GetProperty("categorical_features")),
            },
            "SVMSMOTE" => new SvmSmote
            {
                SamplingStrategy = strategy,
                RandomState = seed,
                KNeighbors = Int("k_neighbors"),
                MNeighbors = Int("m_neighbors"),
                OutStep = p.TryGetProperty("out_step", out var outStep) ? outStep.GetDouble() : 0.5,
            },
            "KMeansSMOTE" => new KMeansSmote
            {
                SamplingStrategy = strategy,
                RandomState = seed,
                KMeansEstimator = new MiniBatchKMeans { NClusters = Int("kmeans_estimator"), RandomState = seed },
                KNeighbors = p.TryGetProperty("k_neighbors", out var kn) ? kn.GetInt32() : 2,
                ClusterBalanceThreshold = p.TryGetProperty("cluster_balance_threshold", out var cbt) ? cbt.GetDouble() : null,
                DensityExponent = p.TryGetProperty("density_exponent", out var de) ? de.GetDouble() : null,
            },
            "SMOTEN" => new SmoteN { SamplingStrategy = strategy, RandomState = seed, KNeighbors = Int("k_neighbors") },
            var other => throw new InvalidOperationException(other),
        };
    }

    private static CategoricalFeatures Categorical(JsonElement e) =>
        e[0].ValueKind is JsonValueKind.True or JsonValueKind.False
            ? CategoricalFeatures.Mask(e.EnumerateArray().Select(v => v.GetBoolean()).ToArray())
            : CategoricalFeatures.Indices(e.EnumerateArray().Select(v => v.GetInt32()).ToArray());
}
