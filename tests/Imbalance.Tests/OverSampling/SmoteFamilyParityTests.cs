using System.Text.Json;
using Imbalance.Tests.Parity;

namespace Imbalance.Tests.OverSampling;

/// <summary>
/// Every case of imblearn_smote.json (imblearn 0.10.0): the resolved strategy, the original rows unchanged and
/// first, then the synthetic rows bit for bit in imblearn's order with their labels; or imblearn's error.
/// </summary>
public class SmoteFamilyParityTests
{
    /// <summary>The parameter an Imbalance exception names for each imblearn error case.</summary>
    private static readonly Dictionary<string, string> _errorParameters = new()
    {
        ["SMOTE_bin_auto_k_neighbors20_seed0"] = "KNeighbors",
        ["SMOTE_multi_auto_k_neighbors10_seed0"] = "KNeighbors",
        ["BorderlineSMOTE_bin_auto_k_neighbors5_m_neighbors80_kindborderline-1_seed0"] = "MNeighbors",
        ["BorderlineSMOTE_bin_auto_k_neighbors5_m_neighbors80_kindborderline-2_seed0"] = "MNeighbors",
        ["ADASYN_separated_auto_n_neighbors5_seed0"] = "x",
        ["ADASYN_bin_counts_1x21_n_neighbors5_seed0"] = "SamplingStrategy",
        ["SMOTENC_nc_auto_cat0-1-2-3-4_k_neighbors5_seed0"] = "CategoricalFeatures",
        ["SMOTENC_nc_auto_cat1-5_k_neighbors5_seed0"] = "CategoricalFeatures",
        ["SMOTENC_nc_auto_mask11111_k_neighbors5_seed0"] = "CategoricalFeatures",
        ["KMeansSMOTE_blobs4_auto_kmeans_estimator4_seed3"] = "ClusterBalanceThreshold",
        ["KMeansSMOTE_blobs4_auto_kmeans_estimator4_cluster_balance_threshold0.9_seed0"] = "ClusterBalanceThreshold",
    };

    public static TheoryData<string> SmoteCases => SmoteFixture.Names("SMOTE");

    public static TheoryData<string> BorderlineCases => SmoteFixture.Names("BorderlineSMOTE");

    public static TheoryData<string> AdasynCases => SmoteFixture.Names("ADASYN");

    public static TheoryData<string> SmoteNcCases => SmoteFixture.Names("SMOTENC");

    public static TheoryData<string> SmoteNCases => SmoteFixture.Names("SMOTEN");

    [Fact]
    public void Every_error_case_names_its_parameter()
    {
        SmoteFixture.Cases.Where(c => c.TryGetProperty("error", out _)).Select(c => c.GetProperty("name").GetString())
            .Should().BeEquivalentTo(_errorParameters.Keys);
    }

    [Theory]
    [MemberData(nameof(SmoteCases))]
    public void Smote_matches_imblearn(string name) => Check(name);

    [Theory]
    [MemberData(nameof(BorderlineCases))]
    public void BorderlineSmote_matches_imblearn(string name) => Check(name);

    [Theory]
    [MemberData(nameof(AdasynCases))]
    public void Adasyn_matches_imblearn(string name) => Check(name);

    [Theory]
    [MemberData(nameof(SmoteNcCases))]
    public void SmoteNc_matches_imblearn(string name) => Check(name);

    [Theory]
    [MemberData(nameof(SmoteNCases))]
    public void SmoteN_matches_imblearn(string name) => Check(name);

    /// <summary>Checks one case; <see cref="KMeansSmoteTests"/> reuses the error path.</summary>
    internal static void Check(string name)
    {
        var c = SmoteFixture.Case(name);
        var data = SmoteFixture.Dataset(c.GetProperty("data").GetString()!);
        if (ParityFixture.HasStringLabels(data.GetProperty("y")))
        {
            Check<string>(c, data);
        }
        else
        {
            Check<int>(c, data);
        }
    }

    private static void Check<TLabel>(JsonElement c, JsonElement data)
        where TLabel : notnull
    {
        var x = ParityFixture.Matrix(data.GetProperty("X"));
        var y = ParityFixture.Labels<TLabel>(data.GetProperty("y"));
        var before = ParityFixture.Bits(x);

        if (c.TryGetProperty("error", out var error))
        {
            var name = c.GetProperty("name").GetString()!;
            var act = () => SmoteFixture.Sampler<TLabel>(c).FitResample(x, y);
            var thrown = act.Should().Throw<ArgumentException>().Which;
            thrown.ParamName.Should().Be(_errorParameters[name]);
            var (_, message) = ImblearnError.Split(error.GetString()!);
            ImblearnError.CoreMessage(thrown).Should().Be(DotNetWording.Translate(message, _errorParameters[name]));
            return;
        }

        var result = SmoteFixture.Sampler<TLabel>(c).FitResample(x, y);

        ParityFixture.Ordered(result.ResolvedStrategy).Should().Equal(ParityFixture.Pairs<TLabel>(c.GetProperty("sampling_strategy_")));
        ParityFixture.Bits(x).Should().Equal(before, "the input is not modified");
        var n = y.Length;
        var expectedNew = ParityFixture.Matrix(c.GetProperty("X_new"));
        var expectedNewCount = c.GetProperty("y_new").GetArrayLength();
        result.Count.Should().Be(n + expectedNewCount);
        var bits = ParityFixture.Bits(result.X);
        var d = x.GetLength(1);
        bits.Take(n * d).Should().Equal(before, "the original rows come first, unchanged");
        bits.Skip(n * d).Should().Equal(expectedNewCount == 0 ? [] : ParityFixture.Bits(expectedNew), "the synthetic rows are imblearn's, bit for bit");
        result.Y.Take(n).Should().Equal(y);
        result.Y.Skip(n).Should().Equal(ParityFixture.Labels<TLabel>(c.GetProperty("y_new")));
        result.SampleIndices.Should().BeNull();
        result.Provenance.Should().NotBeNull();
        result.Provenance!.Count.Should().Be(expectedNewCount);
        result.Provenance.FirstRow.Should().Be(n);
    }
}
