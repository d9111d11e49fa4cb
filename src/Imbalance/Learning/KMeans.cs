using System.Globalization;
using System.Numerics;
using Imbalance.Neighbors;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.Learning;

/// <summary>
/// K-means clustering configured like scikit-learn's <c>KMeans(n_clusters=8, init="k-means++", n_init="auto",
/// max_iter=300, tol=1e-4)</c> (scikit-learn 1.4's <c>"auto"</c>: one run with k-means++): greedy k-means++ seeding (Arthur and Vassilvitskii, "k-means++: the advantages of
/// careful seeding", SODA 2007, with <c>2 + ln(k)</c> candidates per centre as scikit-learn does), then Lloyd
/// iterations; the run with the lowest inertia of <see cref="NInit"/> wins. The library's one k-means: the default
/// clusterer of <see cref="OverSampling.KMeansSmote"/> and of <see cref="UnderSampling.ClusterCentroids"/>.
/// </summary>
/// <remarks>
/// <para>Deterministic for a given <see cref="RandomState"/>, but not bit-compatible with scikit-learn's KMeans or
/// MiniBatchKMeans (K-Means SMOTE's default in imblearn): cluster labels and centres, and therefore K-Means SMOTE's
/// and ClusterCentroids' output, agree with scikit-learn only where the clustering itself is unambiguous (centres
/// then to rounding, as scikit-learn also centres the data before clustering).</para>
/// <para>Each Lloyd step assigns rows to their nearest centre with a 1-nearest-neighbour query through the shared
/// exact k-NN engine (ties to the lower centre), then moves each centre to the mean of its rows (an empty cluster
/// keeps its centre); a run stops when no label changes or the squared centre shift is at most the tolerance.</para>
/// </remarks>
/// <example>
/// <code>
/// int[] cluster = new KMeans { NClusters = 3, RandomState = 0 }.FitPredict(x);   // scikit-learn's KMeans(n_init=10)
/// </code>
/// </example>
public sealed class KMeans : ICentroidClusterer
{
    private readonly int _nClusters = 8;
    private readonly int _nInit = 1;
    private readonly int _maxIterations = 300;
    private readonly double _tolerance = 1e-4;
    private readonly int? _randomState;

    /// <summary>The number of clusters (scikit-learn's <c>n_clusters</c>); default 8.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NClusters
    {
        get => _nClusters;
        init => _nClusters = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(NClusters), value, string.Create(CultureInfo.InvariantCulture, $"The 'n_clusters' parameter of KMeans must be an int in the range [1, inf). Got {value} instead."));
    }

    /// <summary>How many seedings are run, keeping the lowest inertia (scikit-learn's <c>n_init</c>); default 1, what
    /// scikit-learn's <c>n_init="auto"</c> gives for k-means++ seeding.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NInit
    {
        get => _nInit;
        init => _nInit = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(NInit), value, "n_init must be at least 1.");
    }

    /// <summary>The most Lloyd iterations per run (scikit-learn's <c>max_iter</c>); default 300.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxIterations
    {
        get => _maxIterations;
        init => _maxIterations = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxIterations), value, "max_iter must be at least 1.");
    }

    /// <summary>Convergence tolerance on the squared centre shift, relative to the mean feature variance
    /// (scikit-learn's <c>tol</c>); default 1e-4.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double Tolerance
    {
        get => _tolerance;
        init => _tolerance = value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(Tolerance), value, "tol must be non-negative.");
    }

    /// <summary>The seed of the NumPy-compatible generator used for seeding; <see langword="null"/> (default) for an
    /// unpredictable seed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The seed is negative.</exception>
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <inheritdoc />
    public int ClusterCount => NClusters;

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, not finite, or has fewer rows than
    /// <see cref="NClusters"/>.</exception>
    public int[] FitPredict(double[,] x, CancellationToken cancellationToken = default) =>
        Fit(Rows(x), x.GetLength(0), x.GetLength(1), cancellationToken).Labels;

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, not finite, or has fewer rows than
    /// <see cref="NClusters"/>.</exception>
    public double[,] FitCentroids(double[,] x, CancellationToken cancellationToken = default)
    {
        var rows = Rows(x);
        var d = x.GetLength(1);
        var centres = Fit(rows, x.GetLength(0), d, cancellationToken).Centres;
        var result = new double[NClusters, d];
        centres.CopyTo(MatrixRows.Of(result));
        return result;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clusterCount"/> is below 1.</exception>
    public ICentroidClusterer WithClusterCount(int clusterCount) => new KMeans
    {
        NClusters = clusterCount,
        NInit = NInit,
        MaxIterations = MaxIterations,
        Tolerance = Tolerance,
        RandomState = RandomState,
    };

    private static double[] Rows(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        InputGuard.CheckMatrix(x, nameof(x));
        return MatrixRows.Of(x).ToArray();
    }

    /// <summary>Clusters <paramref name="n"/> rows of <paramref name="d"/> features (flat row-major, not written to):
    /// the labels and the centres (flat <c>k x d</c>) of the best run.</summary>
    internal (int[] Labels, double[] Centres) Fit(double[] rows, int n, int d, CancellationToken cancellationToken)
    {
        var k = NClusters;
        if (n < k)
        {
            throw InputGuard.Invalid("x", string.Create(CultureInfo.InvariantCulture, $"n_samples={n} should be >= n_clusters={k}."));
        }

        // Values so large that squared distances overflow (beyond about 1e149): cluster the rows times a power of two,
        // which is exact, and scale the centres back (seeding would otherwise draw from infinite weights).
        var shift = Neighbors.MagnitudeScale.Shift(Neighbors.MagnitudeScale.MaxAbs(rows.AsSpan(0, n * d)), d, Neighbors.DistanceMetric.Euclidean);
        if (shift != 0)
        {
            var (labels, centres) = Fit(Neighbors.MagnitudeScale.Scaled(rows.AsSpan(0, n * d), shift), n, d, cancellationToken);
            return (labels, Neighbors.MagnitudeScale.Scaled(centres, -shift));
        }

        var tolerance = Tolerance * MeanVariance(rows, n, d);
        var rng = new SeedSource(RandomState).CheckRandomState();
        int[]? bestLabels = null;
        double[]? bestCentres = null;
        var bestInertia = double.PositiveInfinity;
        for (var run = 0; run < NInit; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var centres = Seed(rows, n, d, k, rng);
            var (labels, inertia) = Lloyd(rows, n, d, centres, tolerance, cancellationToken);
            if (bestLabels is null || inertia < bestInertia)
            {
                bestInertia = inertia;
                bestLabels = labels;
                bestCentres = centres;
            }
        }

        return (bestLabels!, bestCentres!);
    }

    private static double MeanVariance(ReadOnlySpan<double> rows, int n, int d)
    {
        var total = 0.0;
        for (var j = 0; j < d; j++)
        {
            var mean = 0.0;
            for (var i = 0; i < n; i++)
            {
                mean += rows[(i * d) + j];
            }

            mean /= n;
            var variance = 0.0;
            for (var i = 0; i < n; i++)
            {
                var deviation = rows[(i * d) + j] - mean;
                variance += deviation * deviation;
            }

            total += variance / n;
        }

        return total / d;
    }

    private static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var j = 0;
        var sum = 0.0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            for (; j <= a.Length - Vector<double>.Count; j += Vector<double>.Count)
            {
                var diff = new Vector<double>(a[j..]) - new Vector<double>(b[j..]);
                acc += diff * diff;
            }

            sum = Vector.Sum(acc);
        }

        for (; j < a.Length; j++)
        {
            var diff = a[j] - b[j];
            sum += diff * diff;
        }

        return sum;
    }

    /// <summary>Greedy k-means++: each new centre is the best of <c>2 + ln(k)</c> candidates drawn proportionally to
    /// the squared distance to the closest centre so far.</summary>
    private static double[] Seed(double[] rows, int n, int d, int k, RandomState rng)
    {
        var centres = new double[k * d];
        var trials = 2 + (int)Math.Log(k);
        rows.AsSpan(rng.RandInt(0, n) * d, d).CopyTo(centres.AsSpan(0, d));
        var closest = new double[n];
        var potential = 0.0;
        for (var i = 0; i < n; i++)
        {
            closest[i] = SquaredDistance(rows.AsSpan(i * d, d), centres.AsSpan(0, d));
            potential += closest[i];
        }

        var candidate = new double[n];
        var best = new double[n];
        for (var c = 1; c < k; c++)
        {
            var bestIndex = -1;
            var bestPotential = double.PositiveInfinity;
            for (var t = 0; t < trials; t++)
            {
                var target = rng.RandomSample() * potential;
                var index = 0;
                var cumulative = closest[0];
                while (cumulative <= target && index < n - 1)
                {
                    index++;
                    cumulative += closest[index];
                }

                // Distances in parallel blocks (each row written once), the potential summed in row order, so the
                // result does not depend on the number of threads.
                Parallel.For(0, (n + 255) / 256, block =>
                {
                    var centre = rows.AsSpan(index * d, d);
                    for (var i = block * 256; i < Math.Min(n, (block + 1) * 256); i++)
                    {
                        candidate[i] = Math.Min(closest[i], SquaredDistance(rows.AsSpan(i * d, d), centre));
                    }
                });
                var candidatePotential = 0.0;
                for (var i = 0; i < n; i++)
                {
                    candidatePotential += candidate[i];
                }

                if (candidatePotential < bestPotential)
                {
                    bestPotential = candidatePotential;
                    bestIndex = index;
                    candidate.AsSpan().CopyTo(best);
                }
            }

            rows.AsSpan(bestIndex * d, d).CopyTo(centres.AsSpan(c * d, d));
            best.AsSpan().CopyTo(closest);
            potential = bestPotential;
        }

        return centres;
    }

    private (int[] Labels, double Inertia) Lloyd(double[] rows, int n, int d, double[] centres, double tolerance, CancellationToken cancellationToken)
    {
        var k = centres.Length / d;
        var labels = new int[n];
        var sums = new double[k * d];
        var counts = new int[k];
        var nearest = new NearestBuffers(new int[n], new double[n]);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var changed = Assign(rows, n, d, centres, labels, nearest, cancellationToken, out _);
            Array.Clear(sums);
            Array.Clear(counts);
            for (var i = 0; i < n; i++)
            {
                counts[labels[i]]++;
                var row = rows.AsSpan(i * d, d);
                var sum = sums.AsSpan(labels[i] * d, d);
                for (var j = 0; j < d; j++)
                {
                    sum[j] += row[j];
                }
            }

            var shift = 0.0;
            for (var c = 0; c < k; c++)
            {
                if (counts[c] == 0)
                {
                    continue; // an empty cluster keeps its centre
                }

                for (var j = 0; j < d; j++)
                {
                    var updated = sums[(c * d) + j] / counts[c];
                    var diff = updated - centres[(c * d) + j];
                    shift += diff * diff;
                    centres[(c * d) + j] = updated;
                }
            }

            if ((iteration > 0 && !changed) || shift <= tolerance)
            {
                break;
            }
        }

        Assign(rows, n, d, centres, labels, nearest, cancellationToken, out var inertia);
        return (labels, inertia);
    }

    private static bool Assign(double[] rows, int n, int d, double[] centres, int[] labels, NearestBuffers nearest, CancellationToken cancellationToken, out double inertia)
    {
        // The nearest centre of every row is a 1-nearest-neighbour query against the centres, answered by the shared
        // exact k-NN engine (ties to the lower centre index); the inertia is summed in row order, so the result does
        // not depend on the number of threads.
        // The index is used and dropped before the centres move, so it may read them without a copy; the answer
        // buffers are reused across Lloyd iterations.
        var k = centres.Length / d;
        var index = new NearestNeighbors { NNeighbors = 1 }.FitOwned(centres, k, d);
        index.KNeighbors(rows, n, 1, nearest.Indices, nearest.Distances, cancellationToken);
        var indices = nearest.Indices;
        var distances = nearest.Distances;
        var changed = false;
        inertia = 0.0;
        for (var i = 0; i < n; i++)
        {
            changed |= labels[i] != indices[i];
            labels[i] = indices[i];
            inertia += distances[i] * distances[i];
        }

        return changed;
    }

    /// <summary>Reused answer buffers of the nearest-centre queries.</summary>
    private sealed record NearestBuffers(int[] Indices, double[] Distances);
}
