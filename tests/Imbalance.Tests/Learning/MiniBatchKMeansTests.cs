using System.Text.Json;
using Imbalance.Learning;
using Imbalance.OverSampling;
using Imbalance.Tests.Parity;

namespace Imbalance.Tests.Learning;

/// <summary>
/// MiniBatchKMeans against scikit-learn 1.2.1 (tests/fixtures/generate_minibatch_kmeans.py): labels and centres bit
/// for bit, and KMeansSmote with its default clusterer against imblearn 0.10.0, every synthetic row in order.
/// </summary>
public class MiniBatchKMeansTests
{
    private static readonly Lazy<JsonElement> _root = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "sklearn_minibatch_kmeans.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.Clone();
    });

    public static TheoryData<string> ClusterCases => Names("minibatch_kmeans");

    public static TheoryData<string> SmoteCases => Names("kmeans_smote");

    [Theory]
    [MemberData(nameof(ClusterCases))]
    public void Matches_scikit_learn_bit_for_bit(string name)
    {
        var c = Case("minibatch_kmeans", name);
        var x = ParityFixture.Matrix(c.GetProperty("X"));
        var p = c.GetProperty("params");
        var model = new MiniBatchKMeans
        {
            RandomState = c.GetProperty("seed").GetInt32(),
            NClusters = Int(p, "n_clusters") ?? 8,
            BatchSize = Int(p, "batch_size") ?? 1024,
            NInit = Int(p, "n_init") ?? 3,
            MaxIterations = Int(p, "max_iter") ?? 100,
            InitSize = Int(p, "init_size"),
            MaxNoImprovement = p.TryGetProperty("max_no_improvement", out var mni) ? (mni.ValueKind == JsonValueKind.Null ? null : mni.GetInt32()) : 10,
            Tolerance = p.TryGetProperty("tol", out var tol) ? tol.GetDouble() : 0.0,
            ReassignmentRatio = p.TryGetProperty("reassignment_ratio", out var rr) ? rr.GetDouble() : 0.01,
        };

        model.FitPredict(x).Should().Equal(ParityFixture.Ints(c.GetProperty("labels_")));
        ParityFixture.Bits(model.FitCentroids(x)).Should().Equal(ParityFixture.Bits(ParityFixture.Matrix(c.GetProperty("cluster_centers_"))));
    }

    [Theory]
    [MemberData(nameof(SmoteCases))]
    public void KMeansSmote_default_clusterer_matches_imblearn_row_for_row(string name)
    {
        var c = Case("kmeans_smote", name);
        var data = _root.Value.GetProperty("datasets").GetProperty(c.GetProperty("data").GetString()!);
        var x = ParityFixture.Matrix(data.GetProperty("X"));
        var y = ParityFixture.Ints(data.GetProperty("y"));
        var p = c.GetProperty("params");
        var sampler = new KMeansSmote
        {
            RandomState = c.GetProperty("seed").GetInt32(),
            KNeighbors = Int(p, "k_neighbors") ?? 2,
            ClusterBalanceThreshold = p.TryGetProperty("cluster_balance_threshold", out var cbt) ? cbt.GetDouble() : null,
        };

        var result = sampler.FitResample(x, y);

        result.Y.Skip(y.Length).Should().Equal(ParityFixture.Ints(c.GetProperty("y_new")));
        var expected = ParityFixture.Bits(ParityFixture.Matrix(c.GetProperty("X_new")));
        ParityFixture.Bits(result.X).Skip(x.Length).Should().Equal(expected);
    }

    [Fact]
    public void WithClusterCount_keeps_every_other_setting()
    {
        var configured = new MiniBatchKMeans { NClusters = 3, BatchSize = 10, NInit = 2, RandomState = 4, MaxNoImprovement = null };
        var copy = (MiniBatchKMeans)configured.WithClusterCount(5);
        copy.NClusters.Should().Be(5);
        copy.BatchSize.Should().Be(10);
        copy.NInit.Should().Be(2);
        copy.RandomState.Should().Be(4);
        copy.MaxNoImprovement.Should().BeNull();
        configured.NClusters.Should().Be(3);
    }

    [Fact]
    public void Rejects_bad_settings_and_too_few_rows()
    {
        FluentActions.Invoking(() => new MiniBatchKMeans { NClusters = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("NClusters");
        FluentActions.Invoking(() => new MiniBatchKMeans { BatchSize = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("BatchSize");
        FluentActions.Invoking(() => new MiniBatchKMeans { Tolerance = double.NaN }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Tolerance");
        FluentActions.Invoking(() => new MiniBatchKMeans { MaxNoImprovement = -1 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxNoImprovement");
        FluentActions.Invoking(() => new MiniBatchKMeans { NClusters = 5 }.FitPredict(new double[3, 2])).Should().Throw<ArgumentException>().WithParameterName("x");
    }

    [Fact]
    public void Einsum_norm_sums_in_NumPy_order()
    {
        // 1e16 + 1 + 1 ... is order-sensitive (a sequential sum gives 1e16): NumPy sums the even and odd positions apart.
        var row = new[] { 1e8, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0 };
        var lane0 = 1.0 + 1.0 + 1.0 + 1e16 + 1.0; // elements 6, 4, 2, 0, then the tail element 8
        var lane1 = 1.0 + 1.0 + 1.0 + 1.0; // elements 7, 5, 3, 1
        MiniBatchKMeans.EinsumSquaredNorm(row).Should().Be(lane0 + lane1);
    }

    private static int? Int(JsonElement p, string name) => p.TryGetProperty(name, out var v) ? v.GetInt32() : null;

    private static TheoryData<string> Names(string section)
    {
        var data = new TheoryData<string>();
        foreach (var c in _root.Value.GetProperty(section).EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    private static JsonElement Case(string section, string name) =>
        _root.Value.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
}
