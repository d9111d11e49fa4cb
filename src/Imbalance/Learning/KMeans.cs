using System.Globalization;
using Imbalance.Diagnostics;
using Imbalance.Neighbors;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.Learning;

/// <summary>
/// K-means clustering configured like scikit-learn's <c>KMeans(n_clusters=8, init="k-means++", n_init="auto",
/// max_iter=300, tol=1e-4)</c> (scikit-learn 1.4's <c>"auto"</c>: one run with k-means++): greedy k-means++ seeding (Arthur and Vassilvitskii, "k-means++: the advantages of
/// careful seeding", SODA 2007, with <c>2 + ln(k)</c> candidates per centre as scikit-learn does), then Lloyd
/// iterations; the run with the lowest inertia of <see cref="NInit"/> wins. The library's full-batch k-means: the
/// default clusterer of <see cref="UnderSampling.ClusterCentroids"/>; <see cref="OverSampling.KMeansSmote"/> defaults
/// to <see cref="MiniBatchKMeans"/>, as imblearn does, and accepts this one.
/// </summary>
/// <remarks>
/// <para>When to use it: clustering numeric data into compact, similar-sized groups, as used by ClusterCentroids
/// and KMeansSmote; standardise features first. Prefer MiniBatchKMeans on large data, where full k-means is
/// slow.</para>
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
        init => _nClusters = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(NClusters), value, string.Create(CultureInfo.InvariantCulture, $"The 'NClusters' parameter of KMeans must be an int in the range [1, inf). Got {value} instead."));
    }

    /// <summary>How many seedings are run, keeping the lowest inertia (scikit-learn's <c>n_init</c>); default 1, what
    /// scikit-learn's <c>n_init="auto"</c> gives for k-means++ seeding.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NInit
    {
        get => _nInit;
        init => _nInit = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(NInit), value, "NInit must be at least 1.");
    }

    /// <summary>The most Lloyd iterations per run (scikit-learn's <c>max_iter</c>); default 300.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxIterations
    {
        get => _maxIterations;
        init => _maxIterations = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxIterations), value, "MaxIterations must be at least 1.");
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

    /// <summary>Which implementation of the seeding and the Lloyd steps runs (tests compare them bit for bit); all
    /// give the same result.</summary>
    internal KMeansPath Path { get; init; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, not finite, or has fewer rows than
    /// <see cref="NClusters"/>.</exception>
    public int[] FitPredict(double[,] x, CancellationToken cancellationToken = default) => FitPredictChecked(x, cancellationToken).Labels;

    /// <summary><see cref="FitPredict"/> and, when the best run stopped at <see cref="MaxIterations"/>, the
    /// convergence warning scikit-learn would have issued.</summary>
    internal (int[] Labels, Diagnostic[] Warnings) FitPredictChecked(double[,] x, CancellationToken cancellationToken)
    {
        var fit = Fit(Rows(x), x.GetLength(0), x.GetLength(1), cancellationToken);
        return (fit.Labels, Warnings(fit.Converged));
    }

    /// <summary><see cref="FitCentroids"/> and the convergence warning of the best run, if any.</summary>
    internal (double[,] Centres, Diagnostic[] Warnings) FitCentroidsChecked(double[,] x, CancellationToken cancellationToken)
    {
        var rows = Rows(x);
        var d = x.GetLength(1);
        var fit = Fit(rows, x.GetLength(0), d, cancellationToken);
        var result = new double[NClusters, d];
        fit.Centres.CopyTo(MatrixRows.Of(result));
        return (result, Warnings(fit.Converged));
    }

    /// <summary><see cref="FitCentroidsChecked(double[,], CancellationToken)"/> on <paramref name="n"/> rows of
    /// <paramref name="d"/> features already flat (row-major, finite, not written to): no copy of the rows, and the
    /// centres flat (<c>k x d</c>).</summary>
    internal (double[] Centres, Diagnostic[] Warnings) FitCentroidsFlat(double[] rows, int n, int d, CancellationToken cancellationToken)
    {
        var fit = Fit(rows, n, d, cancellationToken);
        return (fit.Centres, Warnings(fit.Converged));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, not finite, or has fewer rows than
    /// <see cref="NClusters"/>.</exception>
    public double[,] FitCentroids(double[,] x, CancellationToken cancellationToken = default) => FitCentroidsChecked(x, cancellationToken).Centres;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clusterCount"/> is below 1.</exception>
    public ICentroidClusterer WithClusterCount(int clusterCount) => new KMeans
    {
        NClusters = clusterCount,
        NInit = NInit,
        MaxIterations = MaxIterations,
        Tolerance = Tolerance,
        RandomState = RandomState,
        Path = Path,
    };

    private static double[] Rows(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        InputGuard.CheckMatrix(x, nameof(x));
        return MatrixRows.Of(x).ToArray();
    }

    /// <summary>Clusters <paramref name="n"/> rows of <paramref name="d"/> features (flat row-major, not written to):
    /// the labels and the centres (flat <c>k x d</c>) of the best run.</summary>
    internal (int[] Labels, double[] Centres, bool Converged) Fit(double[] rows, int n, int d, CancellationToken cancellationToken) =>
        Fit(rows, n, d, null, cancellationToken);

    /// <summary><see cref="Fit(double[], int, int, CancellationToken)"/>, reporting each run's inertia and number of
    /// Lloyd iterations to <paramref name="runs"/> (tests compare the implementations with it).</summary>
    internal (int[] Labels, double[] Centres, bool Converged) Fit(double[] rows, int n, int d, Action<double, int>? runs, CancellationToken cancellationToken)
    {
        var k = NClusters;
        if (n < k)
        {
            throw InputGuard.Invalid("x", string.Create(CultureInfo.InvariantCulture, $"n_samples={n} should be >= NClusters={k}."));
        }

        // Values so large that squared distances overflow (beyond about 1e149): cluster the rows times a power of two,
        // which is exact, and scale the centres back (seeding would otherwise draw from infinite weights).
        var shift = Neighbors.MagnitudeScale.Shift(Neighbors.MagnitudeScale.MaxAbs(rows.AsSpan(0, n * d)), d, Neighbors.DistanceMetric.Euclidean);
        if (shift != 0)
        {
            var (labels, centres, converged) = Fit(Neighbors.MagnitudeScale.Scaled(rows.AsSpan(0, n * d), shift), n, d, runs, cancellationToken);
            return (labels, Neighbors.MagnitudeScale.Scaled(centres, -shift), converged);
        }

        var tolerance = Tolerance * MeanVariance(rows, n, d);
        var rng = new SeedSource(RandomState).CheckRandomState();
        int[]? bestLabels = null;
        double[]? bestCentres = null;
        var bestInertia = double.PositiveInfinity;
        var bestConverged = true;
        var tree = new SeedingTree(rows, n, d, k, Path switch
        {
            KMeansPath.Reference => false,
            KMeansPath.Fast or KMeansPath.Grouped => true,
            _ => d > SeedingTree.BoxDimensions,
        });
        var buffers = new LloydBuffers(n, k, d, UseCentreSearch(d, k), UseGroups(k));
        for (var run = 0; run < NInit; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var centres = Seed(rows, tree, n, d, k, rng);
            var (labels, inertia, converged, iterations) = Lloyd(rows, n, d, centres, tolerance, buffers, cancellationToken);
            runs?.Invoke(inertia, iterations);
            if (bestLabels is null || inertia < bestInertia)
            {
                bestInertia = inertia;
                bestConverged = converged;
                bestLabels = labels;
                bestCentres = centres;
            }
        }

        return (bestLabels!, bestCentres!, bestConverged);
    }

    private Diagnostic[] Warnings(bool converged) => converged
        ? []
        : [new Diagnostic(
            DiagnosticKind.Convergence,
            nameof(KMeans),
            string.Create(
                CultureInfo.InvariantCulture,
                $"k-means stopped at the iteration limit (MaxIterations = {MaxIterations}) before the centres settled. Increase MaxIterations or Tolerance, or scale the data."))];

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

    /// <summary>Greedy k-means++: each new centre is the best of <c>2 + ln(k)</c> candidates drawn proportionally to
    /// the squared distance to the closest centre so far (the candidates evaluated and the rows drawn through
    /// <see cref="SeedingTree"/>, so each costs the rows it moves rather than all rows).</summary>
    private static double[] Seed(double[] rows, SeedingTree tree, int n, int d, int k, RandomState rng)
    {
        var centres = new double[k * d];
        var trials = 2 + (int)Math.Log(k);
        rows.AsSpan(rng.RandInt(0, n) * d, d).CopyTo(centres.AsSpan(0, d));
        tree.Reset(centres.AsSpan(0, d));
        var positions = new int[trials];
        var potentials = new double[trials];
        var parallel = (long)n * d >= 100_000; // below that a thread hand-off costs more than a candidate
        for (var c = 1; c < k; c++)
        {
            // The draws depend only on the current potential, so all candidates are drawn first (in order) and then
            // evaluated in parallel (read-only); the first best candidate wins, whatever the number of threads.
            var potential = tree.Potential;
            for (var t = 0; t < trials; t++)
            {
                positions[t] = tree.Sample(rng.RandomSample() * potential);
            }

            if (parallel && trials > 1)
            {
                // Two halves, each evaluating its candidates a few per pass over the rows.
                var half = (trials + 1) / 2;
                ParallelLoop.For(
                    0,
                    2,
                    -1,
                    part =>
                    {
                        var from = part * half;
                        var count = Math.Min(half, trials - from);
                        tree.Evaluate(positions.AsSpan(from, count), potentials.AsSpan(from, count));
                    },
                    CancellationToken.None);
            }
            else
            {
                tree.Evaluate(positions, potentials);
            }

            var bestPosition = -1;
            var bestPotential = double.PositiveInfinity;
            for (var t = 0; t < trials; t++)
            {
                if (potentials[t] < bestPotential)
                {
                    bestPotential = potentials[t];
                    bestPosition = positions[t];
                }
            }

            tree.Add(tree.Row(bestPosition));
            tree.Row(bestPosition).CopyTo(centres.AsSpan(c * d, d));
        }

        return centres;
    }

    private (int[] Labels, double Inertia, bool Converged, int Iterations) Lloyd(double[] rows, int n, int d, double[] centres, double tolerance, LloydBuffers buffers, CancellationToken cancellationToken)
    {
        var k = centres.Length / d;
        var labels = new int[n];
        var sums = buffers.Sums;
        var counts = buffers.Counts;
        var nearest = buffers.Nearest;
        var converged = false;
        var iterations = 0;
        var search = buffers.Search;
        var bounds = buffers.Bounds;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iterations = iteration + 1;
            var changed = search is not null
                ? search.Assign(rows, centres, labels, iteration == 0, null, cancellationToken)
                : bounds is null
                ? Assign(rows, n, d, centres, labels, nearest, cancellationToken, out _)
                : bounds.Assign(rows, n, d, centres, labels, iteration == 0, cancellationToken);
            Array.Clear(counts);
            for (var i = 0; i < n; i++)
            {
                counts[labels[i]]++;
            }

            SumClusters(rows, n, d, labels, sums);

            var shift = 0.0;
            for (var c = 0; c < k; c++)
            {
                if (counts[c] == 0)
                {
                    bounds?.Moved(c, 0.0);
                    search?.Moved(c, 0.0);
                    continue; // an empty cluster keeps its centre
                }

                var moved = 0.0;
                for (var j = 0; j < d; j++)
                {
                    var updated = sums[(c * d) + j] / counts[c];
                    var diff = updated - centres[(c * d) + j];
                    shift += diff * diff;
                    moved += diff * diff;
                    centres[(c * d) + j] = updated;
                }

                bounds?.Moved(c, Math.Sqrt(moved));
                search?.Moved(c, Math.Sqrt(moved));
            }

            if ((iteration > 0 && !changed) || shift <= tolerance)
            {
                converged = true;
                break;
            }
        }

        double inertia;
        if (search is not null)
        {
            // The bounds are valid for the final centres too, so the last assignment searches only the rows they
            // cannot settle; the inertia sums sqrt(distance)^2 in row order, as the engine's distances would give.
            var exact = nearest.Distances;
            search.Assign(rows, centres, labels, false, exact, cancellationToken);
            inertia = 0.0;
            for (var i = 0; i < n; i++)
            {
                var distance = Math.Sqrt(exact[i]);
                inertia += distance * distance;
            }
        }
        else
        {
            Assign(rows, n, d, centres, labels, nearest, cancellationToken, out inertia);
        }

        return (labels, inertia, converged, iterations);
    }

    /// <summary>Whether the Lloyd steps scan the centres with <see cref="CentreSearch"/> (SIMD, exact) rather than
    /// query the k-NN engine (whose KD-tree wins with many centres in few dimensions).</summary>
    private bool UseCentreSearch(int d, int k) => Path switch
    {
        KMeansPath.Reference => false,
        KMeansPath.Fast or KMeansPath.Grouped => true,
        _ => d > 15 || k <= 256,
    };

    /// <summary>Whether the centre scan uses Yinyang's group bounds (<see cref="GroupedCentreSearch"/>) rather than
    /// Hamerly's single bound: with many centres one lower bound per row settles too few rows.</summary>
    private bool UseGroups(int k) => Path switch
    {
        KMeansPath.Grouped => true,
        KMeansPath.Fast => false,
        _ => k >= 64,
    };

    /// <summary>Per cluster, the sum of its rows, each feature summed in row order (features split across threads,
    /// which changes no sum).</summary>
    private static void SumClusters(double[] rows, int n, int d, int[] labels, double[] sums)
    {
        Array.Clear(sums);
        var parts = (long)n * d >= 200_000 && d >= 2 ? 2 : 1;
        CentreSearch.ForEach(parts, parts == 1 ? 0 : long.MaxValue, part =>
        {
            var from = part * d / parts;
            var to = (part + 1) * d / parts;
            for (var i = 0; i < n; i++)
            {
                var row = rows.AsSpan((i * d) + from, to - from);
                var sum = sums.AsSpan((labels[i] * d) + from, to - from);
                for (var j = 0; j < row.Length; j++)
                {
                    sum[j] += row[j];
                }
            }
        });
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

    /// <summary>
    /// Hamerly's bounds ("Making k-means even faster", SDM 2010) for the assignment step: per row an upper bound on the
    /// distance to its centre and a lower bound on the distance to any other; a row whose upper bound is below both
    /// its lower bound and half the distance from its centre to the nearest other centre provably keeps its centre,
    /// so only the other rows are searched (through the k-NN engine, ties to the lower centre). Margins cover
    /// rounding, so the labels are exactly those of a full nearest-centre search every iteration.
    /// </summary>
    private sealed class Bounds(int n, int k)
    {
        private const double Margin = 1e-9;

        private readonly double[] _upper = new double[n];
        private readonly double[] _lower = new double[n];
        private readonly double[] _moved = new double[k];
        private readonly List<int> _search = new(n);
        private double[] _queries = [];

        /// <summary>Records how far centre <paramref name="centre"/> moved in the update.</summary>
        public void Moved(int centre, double distance) => _moved[centre] = distance;

        /// <summary>Assigns every row to its nearest centre; returns whether a label changed.</summary>
        public bool Assign(double[] rows, int n, int d, double[] centres, int[] labels, bool first, CancellationToken cancellationToken)
        {
            var k = centres.Length / d;
            var index = new NearestNeighbors { NNeighbors = 2 }.FitOwned(centres, k, d);
            _search.Clear();
            if (first)
            {
                for (var i = 0; i < n; i++)
                {
                    _search.Add(i);
                }
            }
            else
            {
                // Half the distance from each centre to its nearest other centre.
                var separation = index.KNeighbors(1, cancellationToken).DistanceData;
                var largest = 0.0;
                var second = 0.0;
                var largestAt = -1;
                for (var c = 0; c < k; c++)
                {
                    if (_moved[c] > largest)
                    {
                        second = largest;
                        largest = _moved[c];
                        largestAt = c;
                    }
                    else if (_moved[c] > second)
                    {
                        second = _moved[c];
                    }
                }

                for (var i = 0; i < n; i++)
                {
                    var a = labels[i];
                    _upper[i] += _moved[a];
                    _lower[i] -= a == largestAt ? second : largest;
                    var bound = Math.Max(0.5 * separation[a], _lower[i]) * (1 - Margin);
                    if (_upper[i] * (1 + Margin) < bound)
                    {
                        continue;
                    }

                    _upper[i] = Math.Sqrt(SquaredDistance(rows.AsSpan(i * d, d), centres.AsSpan(a * d, d)));
                    if (_upper[i] * (1 + Margin) < bound)
                    {
                        continue;
                    }

                    _search.Add(i);
                }
            }

            var changed = false;
            if (_search.Count == 0)
            {
                return false;
            }

            if (_queries.Length < _search.Count * d)
            {
                _queries = new double[_search.Count * d];
            }

            for (var q = 0; q < _search.Count; q++)
            {
                rows.AsSpan(_search[q] * d, d).CopyTo(_queries.AsSpan(q * d, d));
            }

            var answer = index.KNeighbors(_queries, _search.Count, 2, cancellationToken);
            for (var q = 0; q < _search.Count; q++)
            {
                var i = _search[q];
                var label = answer.IndexData[2 * q];
                changed |= labels[i] != label;
                labels[i] = label;
                _upper[i] = answer.DistanceData[2 * q];
                _lower[i] = answer.DistanceData[(2 * q) + 1];
            }

            return changed;
        }

        private static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
        {
            var sum = 0.0;
            for (var j = 0; j < a.Length; j++)
            {
                var diff = a[j] - b[j];
                sum += diff * diff;
            }

            return sum;
        }
    }

    /// <summary>Reused answer buffers of the nearest-centre queries.</summary>
    private sealed record NearestBuffers(int[] Indices, double[] Distances);

    /// <summary>
    /// The working memory of the Lloyd iterations, allocated once per fit and reused by every run (each run's first
    /// assignment sets every bound again, so nothing carries over): with <c>n_init</c> runs this keeps the bounds
    /// (<c>n x groups</c> doubles with <see cref="GroupedCentreSearch"/>) from being allocated, and left to the
    /// collector, once per run.
    /// </summary>
    private sealed class LloydBuffers
    {
        public LloydBuffers(int n, int k, int d, bool centreSearch, bool groups)
        {
            Sums = new double[k * d];
            Counts = new int[k];
            Nearest = new NearestBuffers(new int[n], new double[n]);
            Search = k >= 2 && centreSearch
                ? groups ? new GroupedCentreSearch(n, k, d) : new CentreSearch(n, k, d)
                : null;
            Bounds = k >= 2 && Search is null ? new Bounds(n, k) : null;
        }

        /// <summary>Per cluster, the sum of its rows (<c>k x d</c>).</summary>
        public double[] Sums { get; }

        /// <summary>Per cluster, its number of rows.</summary>
        public int[] Counts { get; }

        /// <summary>The answer buffers of the nearest-centre queries (and the final exact distances).</summary>
        public NearestBuffers Nearest { get; }

        /// <summary>The SIMD centre scan, or null when the k-NN engine answers.</summary>
        public ICentreSearch? Search { get; }

        /// <summary>Hamerly's bounds for the k-NN engine's path, or null.</summary>
        public Bounds? Bounds { get; }
    }
}
