using System.Globalization;
using System.Text.RegularExpressions;

namespace Imbalance.Tests.Parity;

/// <summary>
/// imblearn's and scikit-learn's error text in the library's .NET words, so parity tests compare our messages with
/// the real ones in a principled way. Two rules, nothing else changes:
/// <list type="number">
/// <item>A Python parameter name is written as the .NET caller writes it (<see cref="Names"/>: <c>k_neighbors</c> ->
/// <c>KNeighbors</c>, <c>pos_label</c> -> <c>posLabel</c>, ...).</item>
/// <item>The SMOTE family asks the k-NN engine for <c>k_neighbors + 1</c> neighbours (the sample itself comes first)
/// and scikit-learn quotes that sum as <c>n_neighbors</c>; we quote the value the caller set and write the
/// <c>+ 1</c>: "Expected n_neighbors &lt;= n_samples, ..., n_neighbors = 6" for <c>KNeighbors = 5</c> reads
/// "Expected KNeighbors + 1 &lt;= n_samples, ..., KNeighbors = 5".</item>
/// </list>
/// </summary>
internal static partial class DotNetWording
{
    /// <summary>imblearn / scikit-learn parameter names and the .NET names callers write.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sampling_strategy"] = "SamplingStrategy",
        ["k_neighbors"] = "KNeighbors",
        ["m_neighbors"] = "MNeighbors",
        ["n_neighbors"] = "NNeighbors",
        ["n_neighbors_ver3"] = "NNeighborsVer3",
        ["n_seeds_S"] = "NSeedsS",
        ["max_iter"] = "MaxIter",
        ["n_estimators"] = "NEstimators",
        ["pos_label"] = "posLabel",
        ["zero_division"] = "zeroDivision",
        ["sample_weight"] = "sampleWeight",
        ["test_size"] = "testSize",
        ["train_size"] = "trainSize",
        ["n_splits"] = "NSplits",
        ["kind_sel"] = "KindSel",
        ["class_weight"] = "ClassWeight",
        ["max_features"] = "MaxFeatures",
        ["cluster_balance_threshold"] = "ClusterBalanceThreshold",
        ["threshold_cleaning"] = "ThresholdCleaning",
        ["out_step"] = "OutStep",
        ["min_samples_split"] = "MinSamplesSplit",
        ["min_samples_leaf"] = "MinSamplesLeaf",
        ["max_depth"] = "MaxDepth",
        ["n_init"] = "NInit",
        ["density_exponent"] = "DensityExponent",
        ["leaf_size"] = "LeafSize",
        ["target_names"] = "targetNames",
        ["n_clusters"] = "NClusters",
        ["categorical_features"] = "CategoricalFeatures",
    };

    /// <summary>Translates an imblearn message; <paramref name="neighborsParameter"/> is the .NET parameter that sets a
    /// SMOTE-family neighbour count (needed by rule 2 only).</summary>
    public static string Translate(string imblearnMessage, string? neighborsParameter = null)
    {
        var message = SelfCounted().Replace(imblearnMessage, m =>
        {
            var parameter = neighborsParameter ?? throw new InvalidOperationException($"Say which parameter sets the neighbour count in \"{imblearnMessage}\".");
            var configured = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) - 1;
            return $"Expected {parameter} + 1 <= n_samples,  but n_samples = {m.Groups["fit"].Value}, {parameter} = {configured}";
        });
        return PythonName().Replace(message, m => Names.TryGetValue(m.Value, out var name) ? name : m.Value);
    }

    [GeneratedRegex(@"Expected n_neighbors <= n_samples,  but n_samples = (?<fit>\d+), n_neighbors = (?<n>\d+)")]
    private static partial Regex SelfCounted();

    [GeneratedRegex(@"\b[a-z]+(_[a-zA-Z0-9]+)+\b")]
    private static partial Regex PythonName();
}
