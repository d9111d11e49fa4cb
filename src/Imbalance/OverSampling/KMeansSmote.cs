using System.Globalization;
using Imbalance.Diagnostics;
using Imbalance.Learning;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.OverSampling;

/// <summary>
/// SMOTE inside the clusters where a class is frequent enough, more rows in sparser clusters: imblearn's
/// <c>KMeansSMOTE</c> (Last, Douzas and Bacao, "Oversampling for imbalanced learning based on k-means and SMOTE",
/// 2017).
/// </summary>
/// <remarks>
/// <para>When to use it: numeric features when the minority class forms several clusters of different density
/// (within-class imbalance): k-means first finds minority-rich clusters and SMOTE runs inside each, so no rows are
/// generated in majority regions. Needs tuning of the clustering (cluster count, balance threshold); prefer Smote
/// when the minority class is compact.</para>
/// <para>For each targeted class in sorted label order: the data are clustered with <see cref="KMeansEstimator"/>
/// (re-fitted per class, as imblearn does; by default <see cref="MiniBatchKMeans"/>, imblearn's default; a
/// <see cref="MiniBatchKMeans"/> or <see cref="KMeans"/> with an integer seed would return the same clustering every
/// time, so it is fitted once). A cluster qualifies when the class's share of it is at least
/// <see cref="ClusterBalanceThreshold"/> (<c>"auto"</c>: <c>n_new / total_new / 2</c>; no threshold with one cluster)
/// and it holds at least <see cref="KNeighbors"/> + 1 class rows. Each qualifying cluster gets
/// <c>ceil(n_new * weight)</c> SMOTE rows from its class rows, the weights being proportional to
/// <c>mean_distance ^ exponent / class_rows</c> (<see cref="DensityExponent"/>, <c>"auto"</c>:
/// <c>log_1.6(n) ^ 1.8 * 0.16</c>). The class total may exceed the target through the ceilings, as in imblearn.</para>
/// <para>Parity: the SMOTE step and its random draws follow imblearn 0.10.0 (an integer seed restarts the stream for
/// every cluster); the default clusterer is <see cref="MiniBatchKMeans"/> seeded with <see cref="RandomState"/>,
/// which reproduces scikit-learn 1.2.1's <c>MiniBatchKMeans</c> (imblearn's default), so with an integer seed the
/// output rows are imblearn's bit for bit. With <see cref="KMeans"/> (full-batch) outputs agree only where the
/// clusters do.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = new KMeansSmote { ClusterBalanceThreshold = 0.0, RandomState = 42 }.FitResample(x, y);
/// </code>
/// </example>
public sealed class KMeansSmote : Sampler, IOverSampler
{
    private readonly int? _randomState;
    private readonly int _kNeighbors = 2;
    private readonly double? _clusterBalanceThreshold;
    private readonly double? _densityExponent;

    /// <inheritdoc cref="Smote.RandomState" />
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>The number of nearest neighbours within a cluster's class rows used to synthesise (imblearn's
    /// <c>k_neighbors</c>); default 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int KNeighbors
    {
        get => _kNeighbors;
        init => _kNeighbors = value >= 1 ? value : throw SmoteCore.InvalidNeighbors(nameof(KNeighbors), "KMeansSMOTE", value);
    }

    /// <summary>The clusterer (imblearn's <c>kmeans_estimator</c>); <see langword="null"/> (default) for
    /// <c>new MiniBatchKMeans { NClusters = 8, RandomState = RandomState }</c>, imblearn's default.</summary>
    public IClusterer? KMeansEstimator { get; init; }

    /// <summary>The smallest share of a cluster the class must have for the cluster to be used (imblearn's
    /// <c>cluster_balance_threshold</c>); <see langword="null"/> (default) is <c>"auto"</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN.</exception>
    public double? ClusterBalanceThreshold
    {
        get => _clusterBalanceThreshold;
        init => _clusterBalanceThreshold = value is null || !double.IsNaN(value.Value) ? value : throw new ArgumentOutOfRangeException(nameof(ClusterBalanceThreshold), value, "ClusterBalanceThreshold must be a number or \"auto\".");
    }

    /// <summary>The exponent of the mean distance in a cluster's sparsity (imblearn's <c>density_exponent</c>);
    /// <see langword="null"/> (default) is <c>"auto"</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite (an infinite exponent gives every
    /// cluster a weight of 0 or infinity, so no rows could be placed).</exception>
    public double? DensityExponent
    {
        get => _densityExponent;
        init => _densityExponent = value is null || double.IsFinite(value.Value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(DensityExponent), value, string.Create(CultureInfo.InvariantCulture, $"DensityExponent must be a finite number or null (\"auto\"); got {value}."));
    }

    /// <inheritdoc />
    public override SamplingType SamplingType => SamplingType.OverSampling;

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"KMeansSmote(SamplingStrategy={SamplingStrategy}, RandomState={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "null"}, KNeighbors={KNeighbors}, ClusterBalanceThreshold={ClusterBalanceThreshold?.ToString(CultureInfo.InvariantCulture) ?? "auto"}, DensityExponent={DensityExponent?.ToString(CultureInfo.InvariantCulture) ?? "auto"})");

    /// <exception cref="ArgumentException">No cluster qualifies for a class (imblearn's RuntimeError).</exception>
    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken)
    {
        var k = KNeighbors;
        // No cluster can hold more class rows than x has rows (imblearn reports "no clusters found").
        SmoteCore.CheckNeighbors(k + 1L, input.SampleCount, nameof(KNeighbors), k);
        var clusterer = KMeansEstimator ?? new MiniBatchKMeans { RandomState = RandomState };
        var threshold = clusterer.ClusterCount == 1 ? double.NegativeInfinity : ClusterBalanceThreshold;
        var total = 0;
        foreach (var code in input.Targets.Targeted)
        {
            total += input.Targets[code];
        }

        var data = RowMatrix.Of(input.X);
        var codes = input.Classes.Codes;
        var seeds = new SeedSource(RandomState);
        var warnings = new List<Diagnostic>();
        // With an integer seed MiniBatchKMeans and KMeans are pure functions of x, so every class would get the same
        // clustering (imblearn refits the same estimator per class): fit once.
        var reuse = clusterer is MiniBatchKMeans { RandomState: not null } or KMeans { RandomState: not null };
        int[]? reused = null;
        var rows = SmoteCore.Generate(input, data.Columns, (code, count, output) =>
        {
            int[] clusters;
            if (reused is not null)
            {
                clusters = reused;
            }
            else if (clusterer is KMeans kMeans)
            {
                (clusters, var kMeansWarnings) = kMeans.FitPredictChecked(input.X, cancellationToken);
                lock (warnings)
                {
                    warnings.AddRange(kMeansWarnings);
                }
            }
            else if (clusterer is MiniBatchKMeans miniBatch)
            {
                // x was checked by the sampler: fit on it in place.
                clusters = miniBatch.Fit(MatrixRows.Of(input.X), input.SampleCount, input.FeatureCount, cancellationToken).Labels;
            }
            else
            {
                clusters = clusterer.FitPredict(input.X, cancellationToken);
            }

            if (reuse)
            {
                reused = clusters;
            }

            var balance = threshold ?? ((double)count / total / 2);
            var clusterTotal = clusterer.ClusterCount;
            var memberCounts = new int[clusterTotal];
            var classCounts = new int[clusterTotal];
            for (var i = 0; i < clusters.Length; i++)
            {
                // Labels outside 0 .. ClusterCount - 1 (a custom clusterer's) belong to no cluster considered.
                if ((uint)clusters[i] < (uint)clusterTotal)
                {
                    memberCounts[clusters[i]]++;
                    classCounts[clusters[i]] += codes[i] == code ? 1 : 0;
                }
            }

            var chosenClusters = new List<int>();
            for (var cluster = 0; cluster < clusterTotal; cluster++)
            {
                // (y_cluster == class).mean(): NaN for an empty cluster, which never passes the threshold.
                var members = memberCounts[cluster];
                var share = members == 0 ? double.NaN : (double)classCounts[cluster] / members;
                if (!(share >= balance) || share * members < k + 1.0)
                {
                    continue;
                }

                chosenClusters.Add(cluster);
            }

            var chosen = new List<int[]>();
            var sparsities = new List<double>();
            foreach (var cluster in chosenClusters)
            {
                var classRows = new int[classCounts[cluster]];
                var at = 0;
                for (var i = 0; i < clusters.Length; i++)
                {
                    if (clusters[i] == cluster && codes[i] == code)
                    {
                        classRows[at++] = i;
                    }
                }

                chosen.Add(classRows);
                sparsities.Add(Sparsity(data, classRows));
            }

            if (chosen.Count == 0)
            {
                throw InputGuard.Invalid(
                    nameof(ClusterBalanceThreshold),
                    $"No clusters found with sufficient samples of class {input.Labels.Format(code)}. Try lowering the ClusterBalanceThreshold or increasing the number of clusters.");
            }

            var sum = NumPyReductions.PairwiseSum(sparsities.ToArray());
            if (!(sum > 0) || !double.IsFinite(sum))
            {
                // imblearn computes NaN weights here (0 / 0 when the chosen clusters' rows coincide) and fails in
                // math.ceil; never return fewer rows than the resolved strategy says.
                throw InputGuard.Invalid(
                    "x",
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"KMeans-SMOTE cannot weight the clusters of class {input.Labels.Format(code)}: their sparsities sum to {sum} (the rows of every chosen cluster coincide, or DensityExponent = {DensityExponent?.ToString(CultureInfo.InvariantCulture) ?? "auto"} overflows)."));
            }

            for (var c = 0; c < chosen.Count; c++)
            {
                var classRows = chosen[c];
                var gathered = data.Gather(classRows);
                var index = SmoteCore.Fit(gathered, classRows.Length, data.Columns, k + 1);
                var nns = SmoteCore.KNeighborsDropFirst(index, gathered, classRows.Length, cancellationToken);
                var clusterCount = (int)Math.Ceiling(count * (sparsities[c] / sum));
                SmoteCore.MakeSamples(data, classRows, classRows, nns, k, clusterCount, 1.0, seeds.CheckRandomState(), code, output);
            }
        }, cancellationToken);
        return rows.ToOutput(input).WithWarnings([.. warnings.Distinct()]);
    }

    /// <summary>imblearn's <c>_find_cluster_sparsity</c>: mean off-diagonal Euclidean distance ^ exponent / rows (the
    /// distances summed as <see cref="ClusterDistanceSum"/> defines).</summary>
    private double Sparsity(RowMatrix data, int[] rows)
    {
        var n = rows.Length;
        var sum = ClusterDistanceSum.Of(data, rows);
        var mean = sum / (((double)n * n) - n);
        var exponent = DensityExponent ?? (Math.Pow(Math.Log(n) / Math.Log(1.6), 1.8) * 0.16);
        return Math.Pow(mean, exponent) / n;
    }
}
