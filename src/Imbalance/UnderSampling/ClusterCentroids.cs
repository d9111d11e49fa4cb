using System.Globalization;
using Imbalance.Diagnostics;
using Imbalance.Learning;
using Imbalance.Neighbors;
using Imbalance.Sampling;

namespace Imbalance.UnderSampling;

/// <summary>
/// Under-samples a targeted class by clustering it into as many clusters as rows to keep and keeping one row per
/// cluster, the centre itself or the real row nearest to it: imblearn's <c>ClusterCentroids</c> (a prototype
/// generation method).
/// </summary>
/// <remarks>
/// <para>When to use it: numeric data with a large majority class made of clusters: the majority class is replaced
/// by k-means centroids (or the rows nearest them), which summarises it with fewer rows. Centroids are synthetic
/// rows, meaningless for categorical features; prefer RandomUnderSampler for speed or mixed data.</para>
/// <para>Classes are visited in sorted label order. A targeted class keeping <c>n</c> rows is clustered by a copy of
/// <see cref="Estimator"/> with <c>n_clusters = n</c>; with <see cref="ClusterCentroidsVoting.Soft"/> voting (what
/// <see cref="ClusterCentroidsVoting.Auto"/> means for dense input) its new rows are the <c>n</c> centres in cluster
/// order, with <see cref="ClusterCentroidsVoting.Hard"/> voting each centre is replaced by its nearest row of the
/// class (a 1-nearest-neighbour query through the shared engine, ties to the lower row). Other classes keep all their
/// rows in order. Output: rows grouped by class in sorted label order.</para>
/// <para>The default estimator is <see cref="KMeans"/> with <c>NInit = 10</c> and <see cref="RandomState"/>, as
/// imblearn 0.10.0 uses scikit-learn 1.2's <c>KMeans(random_state=random_state)</c>, whose default is
/// <c>n_init=10</c> runs of k-means++ and Lloyd iterations. With an integer seed every class's fit starts from that
/// seed, as scikit-learn re-seeds in each <c>fit</c>.</para>
/// <para><see cref="ResampleResult{TLabel}.SampleIndices"/>: imblearn has no <c>sample_indices_</c> for this sampler.
/// Here it is given for <see cref="ClusterCentroidsVoting.Hard"/> voting (every output row is a real row: the
/// selected rows, then the untouched classes' rows, in output order; two centres may select the same row) and is
/// <see langword="null"/> for soft voting, whose rows are synthetic.</para>
/// <para>Parity: our k-means is not bit-compatible with scikit-learn's, so the output equals imblearn 0.10.0's
/// (class counts exactly, centres to rounding, centres in possibly another cluster order) where the clustering is
/// unambiguous, e.g. on well separated groups. Unlike imblearn, NaN and infinite values are rejected.</para>
/// </remarks>
/// <example>
/// <code>
/// var soft = new ClusterCentroids { RandomState = 42 }.FitResample(x, y);   // majority replaced by 100 k-means centroids
/// var hard = new ClusterCentroids { Voting = ClusterCentroidsVoting.Hard, RandomState = 42 }.FitResample(x, y);   // real rows nearest them
/// </code>
/// </example>
public sealed class ClusterCentroids : Sampler, IUnderSampler
{
    private readonly int? _randomState;
    private readonly ClusterCentroidsVoting _voting;

    /// <summary>
    /// The seed of the default estimator (imblearn's <c>random_state</c> as an int, passed to
    /// <c>KMeans(random_state=...)</c>); <see langword="null"/> (the default) for an unpredictable seed. Not used when
    /// <see cref="Estimator"/> is set (that estimator has its own seed, as in imblearn).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The seed is negative.</exception>
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>
    /// The clusterer (imblearn's <c>estimator</c>, a clusterer exposing <c>n_clusters</c> and <c>cluster_centers_</c>);
    /// <see langword="null"/> (the default) means <c>new KMeans { NInit = 10, RandomState = RandomState }</c>. It is
    /// never changed: each class is clustered by <see cref="ICentroidClusterer.WithClusterCount"/> copies.
    /// </summary>
    public ICentroidClusterer? Estimator { get; init; }

    /// <summary>How centres become rows (imblearn's <c>voting</c>); default <see cref="ClusterCentroidsVoting.Auto"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="ClusterCentroidsVoting"/>.</exception>
    public ClusterCentroidsVoting Voting
    {
        get => _voting;
        init => _voting = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(
                nameof(Voting),
                value,
                string.Create(CultureInfo.InvariantCulture, $"The 'voting' parameter of ClusterCentroids must be a str among {{'auto', 'hard', 'soft'}}. Got {(int)value} instead."));
    }

    /// <inheritdoc />
    public override SamplingType SamplingType => SamplingType.UnderSampling;

    /// <inheritdoc />
    public override string ToString() =>
        $"ClusterCentroids(SamplingStrategy={SamplingStrategy}, RandomState={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "null"}, Estimator={Estimator?.ToString() ?? "null"}, Voting={Voting})";

    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken)
    {
        // imblearn: "auto" is hard for sparse input, soft otherwise; input here is always dense.
        var hard = Voting == ClusterCentroidsVoting.Hard;
        var estimator = Estimator ?? new KMeans { NInit = 10, RandomState = RandomState };
        var d = input.FeatureCount;
        var source = MatrixRows.Of(input.X);
        var selected = new List<int>(input.SampleCount);
        var blocks = new List<(int Code, double[] Rows, int Count)>(); // soft voting: the output rows, by class
        var outputRows = 0;
        var counter = new ProgressCounter(input.Progress, nameof(ClusterCentroids), input.Targets.Targeted.Length);
        var warnings = new List<Diagnostic>();
        for (var code = 0; code < input.Classes.ClassCount; code++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var positions = input.Classes.Positions(code);
            if (!input.Targets.IsTargeted(code))
            {
                if (hard)
                {
                    selected.AddRange(positions);
                }
                else
                {
                    blocks.Add((code, [], -1)); // copied from the input at the end (no copy kept meanwhile)
                    outputRows += positions.Length;
                }

                continue;
            }

            var keep = input.Targets[code];

            // The class's rows, flat: the one copy the clusterer (and hard voting's index) reads.
            var classRows = new double[positions.Length * d];
            for (var r = 0; r < positions.Length; r++)
            {
                source.Slice(positions[r] * d, d).CopyTo(classRows.AsSpan(r * d, d));
            }

            var configured = estimator.WithClusterCount(keep);
            double[] centres;
            int centreRows, centreColumns;
            if (configured is KMeans kMeans)
            {
                (centres, var kMeansWarnings) = kMeans.FitCentroidsFlat(classRows, positions.Length, d, cancellationToken);
                warnings.AddRange(kMeansWarnings);
                (centreRows, centreColumns) = (keep, d);
            }
            else
            {
                var matrix = new double[positions.Length, d];
                classRows.CopyTo(MatrixRows.Of(matrix));
                var fitted = configured.FitCentroids(matrix, cancellationToken);
                (centreRows, centreColumns) = (fitted.GetLength(0), fitted.GetLength(1));
                centres = MatrixRows.Of(fitted).ToArray();
            }

            counter.Step();
            if (centreRows != keep || centreColumns != d)
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"`estimator` should be a clustering estimator exposing a fitted parameter `cluster_centers_`: expected {keep} x {d} centres, got {centreRows} x {centreColumns}."));
            }

            if (hard)
            {
                // The index owns the class rows from here (the clusterer is done with them).
                var index = new NearestNeighbors { NNeighbors = 1 }.FitOwned(classRows, positions.Length, d);
                var nearest = index.KNeighbors(centres, keep, 1, cancellationToken).IndexData;
                foreach (var row in nearest)
                {
                    selected.Add(positions[row]);
                }
            }
            else
            {
                blocks.Add((code, centres, keep));
                outputRows += keep;
            }
        }

        if (hard)
        {
            return SamplerOutput.Select(input, selected.ToArray()).WithWarnings(warnings);
        }

        var x = new double[outputRows, d];
        var codes = new int[outputRows];
        var target = MatrixRows.Of(x);
        var at = 0;
        foreach (var (code, blockRows, count) in blocks)
        {
            if (count < 0)
            {
                foreach (var position in input.Classes.Positions(code))
                {
                    source.Slice(position * d, d).CopyTo(target.Slice(at * d, d));
                    codes[at++] = code;
                }
            }
            else
            {
                blockRows.AsSpan(0, count * d).CopyTo(target.Slice(at * d, count * d));
                codes.AsSpan(at, count).Fill(code);
                at += count;
            }
        }

        return SamplerOutput.FromRows(x, codes, null).WithWarnings(warnings);
    }
}
