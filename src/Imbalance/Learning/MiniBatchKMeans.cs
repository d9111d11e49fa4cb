using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.Learning;

/// <summary>
/// Mini-batch k-means configured like scikit-learn 1.2.1's <c>MiniBatchKMeans(n_clusters=8, init="k-means++",
/// max_iter=100, batch_size=1024, tol=0.0, max_no_improvement=10, init_size=None, n_init=3,
/// reassignment_ratio=0.01)</c> (Sculley, "Web-scale k-means clustering", WWW 2010): greedy k-means++ seeding on
/// random subsets, then centre updates from random mini-batches with per-centre learning rates, early stopping on
/// the smoothed batch inertia, and random reassignment of starved centres. The default clusterer of
/// <see cref="OverSampling.KMeansSmote"/>, as in imblearn; use <see cref="KMeans"/> for full-batch Lloyd iterations.
/// </summary>
/// <remarks>
/// <para>When to use it: k-means on large data, where updating centres from small batches is much faster than full
/// passes, at the price of slightly worse clusters. Prefer KMeans on small data or when cluster quality matters
/// most.</para>
/// <para>Parity: for an integer <see cref="RandomState"/> the random draws (validation set, seeding subsets,
/// k-means++ candidates, mini-batches, reassignments) come in scikit-learn 1.2.1's order from NumPy's legacy
/// generator, and the arithmetic follows scikit-learn's order with a reference (netlib) BLAS: squared row norms
/// summed as NumPy's <c>einsum</c> does, dot products summed feature by feature, <c>-2 x.c + |c|^2</c> for the
/// nearest centre (first of equal values), pairwise sums for potentials. Labels and centres then equal
/// scikit-learn's bit for bit. Two sums are sequential here where scikit-learn splits them over OpenMP threads (the
/// inertia compared between seedings and the batch inertia of the early-stopping rule); they only decide a
/// comparison, so results differ only if two such values agree to the last bits. With an optimised BLAS
/// (OpenBLAS, MKL) scikit-learn's own sums, and so near-tied assignments, differ from these.</para>
/// <para>Not thread-count dependent: the result is the same for any number of cores.</para>
/// </remarks>
/// <example>
/// <code>
/// int[] cluster = new MiniBatchKMeans { NClusters = 3, RandomState = 0 }.FitPredict(x);   // scikit-learn's MiniBatchKMeans, bit for bit
/// </code>
/// </example>
public sealed class MiniBatchKMeans : ICentroidClusterer
{
    private const int Lanes = 8;
    private readonly int _nClusters = 8;
    private readonly int _maxIterations = 100;
    private readonly int _batchSize = 1024;
    private readonly double _tolerance;
    private readonly int? _maxNoImprovement = 10;
    private readonly int? _initSize;
    private readonly int _nInit = 3;
    private readonly double _reassignmentRatio = 0.01;
    private readonly int? _randomState;

    /// <summary>The number of clusters (scikit-learn's <c>n_clusters</c>); default 8.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NClusters
    {
        get => _nClusters;
        init => _nClusters = value >= 1 ? value : throw Invalid(nameof(NClusters), "n_clusters", value);
    }

    /// <summary>Passes over the data before stopping regardless of the early-stopping rule (scikit-learn's
    /// <c>max_iter</c>): <c>max_iter * n_samples / batch_size</c> mini-batch steps at most; default 100.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxIterations
    {
        get => _maxIterations;
        init => _maxIterations = value >= 1 ? value : throw Invalid(nameof(MaxIterations), "max_iter", value);
    }

    /// <summary>Rows per mini-batch (scikit-learn's <c>batch_size</c>), capped at the number of rows; default 1024.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int BatchSize
    {
        get => _batchSize;
        init => _batchSize = value >= 1 ? value : throw Invalid(nameof(BatchSize), "batch_size", value);
    }

    /// <summary>Early stopping on the squared change of the centres, relative to the mean feature variance
    /// (scikit-learn's <c>tol</c>); default 0 (off).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double Tolerance
    {
        get => _tolerance;
        init => _tolerance = value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(Tolerance), value, "The 'tol' parameter of MiniBatchKMeans must be a float in the range [0.0, inf).");
    }

    /// <summary>Consecutive mini-batches without improvement of the smoothed inertia before stopping (scikit-learn's
    /// <c>max_no_improvement</c>); <see langword="null"/> turns the rule off; default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? MaxNoImprovement
    {
        get => _maxNoImprovement;
        init => _maxNoImprovement = value is null or >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxNoImprovement), value, "The 'max_no_improvement' parameter of MiniBatchKMeans must be an int in the range [0, inf) or None.");
    }

    /// <summary>Rows drawn for each seeding (scikit-learn's <c>init_size</c>); <see langword="null"/> (default) for
    /// <c>3 * batch_size</c>, at least <c>3 * n_clusters</c>, at most the number of rows.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? InitSize
    {
        get => _initSize;
        init => _initSize = value is null or >= 1 ? value : throw Invalid(nameof(InitSize), "init_size", value.Value);
    }

    /// <summary>Seedings tried, the one with the lowest inertia on a validation subset kept (scikit-learn's
    /// <c>n_init</c>); default 3 (scikit-learn 1.2's default for k-means++).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NInit
    {
        get => _nInit;
        init => _nInit = value >= 1 ? value : throw Invalid(nameof(NInit), "n_init", value);
    }

    /// <summary>Centres whose accumulated count falls below this fraction of the largest are moved to random batch
    /// rows (scikit-learn's <c>reassignment_ratio</c>); default 0.01.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double ReassignmentRatio
    {
        get => _reassignmentRatio;
        init => _reassignmentRatio = value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(ReassignmentRatio), value, "The 'reassignment_ratio' parameter of MiniBatchKMeans must be a float in the range [0.0, inf).");
    }

    /// <summary>The seed of the NumPy-compatible generator (scikit-learn's <c>random_state</c>); an integer starts a
    /// fresh stream at every fit; <see langword="null"/> (default) for an unpredictable seed.</summary>
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

    /// <summary>Which implementation of the nearest-centre search and the k-means++ distances runs (tests compare
    /// them bit for bit): <see cref="KMeansPath.Reference"/> is the scalar loops, the others the SIMD kernels where
    /// the CPU has them; all give the same result.</summary>
    internal KMeansPath Path { get; init; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, not finite, or has fewer rows than
    /// <see cref="NClusters"/>.</exception>
    public double[,] FitCentroids(double[,] x, CancellationToken cancellationToken = default)
    {
        var d = x?.GetLength(1) ?? 0;
        var centres = Fit(Rows(x!), x!.GetLength(0), d, cancellationToken).Centres;
        var result = new double[NClusters, d];
        centres.CopyTo(MatrixRows.Of(result));
        return result;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clusterCount"/> is below 1.</exception>
    public ICentroidClusterer WithClusterCount(int clusterCount) => new MiniBatchKMeans
    {
        NClusters = clusterCount,
        MaxIterations = MaxIterations,
        BatchSize = BatchSize,
        Tolerance = Tolerance,
        MaxNoImprovement = MaxNoImprovement,
        InitSize = InitSize,
        NInit = NInit,
        ReassignmentRatio = ReassignmentRatio,
        RandomState = RandomState,
        Path = Path,
    };

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"MiniBatchKMeans(NClusters={NClusters}, BatchSize={BatchSize}, MaxIterations={MaxIterations}, NInit={NInit}, RandomState={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "null"})");

    private static ArgumentOutOfRangeException Invalid(string name, string sklearnName, int value) =>
        new(name, value, string.Create(CultureInfo.InvariantCulture, $"The '{sklearnName}' parameter of MiniBatchKMeans must be an int in the range [1, inf). Got {value} instead."));

    // The caller's matrix itself, read in place (never written to).
    private static ReadOnlySpan<double> Rows(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        InputGuard.CheckMatrix(x, nameof(x));
        return MatrixRows.Of(x);
    }

    private bool Simd
    {
        // Out of line, so Fit, which reads it, has no Vector512 code of its own and stays in the ReadyToRun image.
        [MethodImpl(MethodImplOptions.NoInlining)]
        get => Path != KMeansPath.Reference && Vector512.IsHardwareAccelerated;
    }

    /// <summary>scikit-learn's <c>MiniBatchKMeans.fit</c> on <paramref name="n"/> flat rows of <paramref name="d"/>
    /// features (read in place, never written to): the labels of every row and the centres (flat <c>k x d</c>).</summary>
    internal (int[] Labels, double[] Centres) Fit(ReadOnlySpan<double> x, int n, int d, CancellationToken cancellationToken)
    {
        var k = NClusters;
        if (n < k)
        {
            throw InputGuard.Invalid("x", string.Create(CultureInfo.InvariantCulture, $"n_samples={n} should be >= n_clusters={k}."));
        }

        var batch = Math.Min(BatchSize, n);
        var initSize = InitSize ?? 3 * batch;
        if (initSize < k)
        {
            initSize = 3 * k;
        }

        initSize = Math.Min(initSize, n);
        var tolerance = Tolerance == 0 ? 0.0 : MeanVariance(x, n, d) * Tolerance;
        var rng = new SeedSource(RandomState).CheckRandomState();
        var search = new CentreSearch(k, d, Simd);
        var validation = Gather(x, d, rng.RandInt(0, n, initSize));
        double[]? centres = null;
        var bestInertia = double.NaN;
        var scratchLabels = new int[Math.Max(initSize, batch)];
        for (var init = 0; init < NInit; init++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The seeding subset, or every row when the subset would be the whole data (scikit-learn's init_size >=
            // n_samples): squared norms as row_norms computes them, only for the rows the seeding reads.
            double[] seeded;
            if (initSize < n)
            {
                var subset = Gather(x, d, rng.RandInt(0, n, initSize));
                seeded = KMeansPlusPlus(subset, Norms(subset, initSize, d), initSize, d, k, rng, search.Simd);
            }
            else
            {
                seeded = KMeansPlusPlus(x, Norms(x, n, d), n, d, k, rng, search.Simd);
            }

            var inertia = LabelsInertia(validation, default, initSize, d, seeded, search, scratchLabels);
            if (centres is null || inertia < bestInertia)
            {
                centres = seeded;
                bestInertia = inertia;
            }
        }

        var centresNew = new double[k * d];
        var counts = new double[k];
        var state = new Convergence(batch, n, tolerance, MaxNoImprovement);
        var sinceReassign = 0L;
        var steps = (long)MaxIterations * n / batch;
        for (var step = 0L; step < steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The batch rows are read in place through their indices (scikit-learn's X[minibatch_indices]).
            var indices = rng.RandInt(0, n, batch);

            // scikit-learn's _random_reassign, evaluated before the step: after every 10 * k rows, or while a centre
            // has never received a row.
            sinceReassign += batch;
            var reassign = false;
            if (Array.IndexOf(counts, 0.0) >= 0 || sinceReassign >= 10L * k)
            {
                sinceReassign = 0;
                reassign = true;
            }

            var batchInertia = Step(x, indices, d, centres!, centresNew, counts, rng, reassign, search, scratchLabels);
            var squaredDiff = 0.0;
            if (tolerance > 0.0)
            {
                var diffs = new double[k * d];
                for (var i = 0; i < diffs.Length; i++)
                {
                    var diff = centresNew[i] - centres![i];
                    diffs[i] = diff * diff;
                }

                squaredDiff = NumPyReductions.PairwiseSum(diffs);
            }

            (centres, centresNew) = (centresNew, centres!);
            if (state.Converged(step, squaredDiff, batchInertia))
            {
                break;
            }
        }

        var labels = new int[n];
        search.Load(centres!);
        search.Assign(x, default, n, labels);
        return (labels, centres!);
    }

    /// <summary>scikit-learn's <c>_mini_batch_step</c>: assign the batch, move each centre to the running mean of
    /// its rows, then reassign starved centres. Returns the batch inertia.</summary>
    private double Step(ReadOnlySpan<double> x, int[] indices, int d, double[] centres, double[] centresNew, double[] counts, RandomState rng, bool reassign, CentreSearch search, int[] labels)
    {
        var k = counts.Length;
        var m = indices.Length;
        var inertia = LabelsInertia(x, indices, m, d, centres, search, labels);
        Span<int> members = k <= 256 ? stackalloc int[k] : new int[k];
        members.Clear();
        for (var i = 0; i < m; i++)
        {
            members[labels[i]]++;
        }

        // Undo the previous mean, add the new rows (unit weights) in row order, divide by the new count: per centre,
        // scikit-learn's order of operations.
        for (var c = 0; c < k; c++)
        {
            var target = centresNew.AsSpan(c * d, d);
            var old = centres.AsSpan(c * d, d);
            if (members[c] == 0)
            {
                old.CopyTo(target);
                continue;
            }

            for (var j = 0; j < d; j++)
            {
                target[j] = old[j] * counts[c];
            }
        }

        for (var i = 0; i < m; i++)
        {
            var target = centresNew.AsSpan(labels[i] * d, d);
            var row = x.Slice(indices[i] * d, d);
            for (var j = 0; j < d; j++)
            {
                target[j] += row[j] * 1.0;
            }
        }

        for (var c = 0; c < k; c++)
        {
            if (members[c] == 0)
            {
                continue;
            }

            var wsum = 0.0;
            for (var i = 0; i < members[c]; i++)
            {
                wsum += 1.0;
            }

            counts[c] += wsum;
            var alpha = 1 / counts[c];
            var target = centresNew.AsSpan(c * d, d);
            for (var j = 0; j < d; j++)
            {
                target[j] *= alpha;
            }
        }

        if (reassign && ReassignmentRatio > 0)
        {
            Reassign(x, indices, d, centresNew, counts, rng);
        }

        return inertia;
    }

    private void Reassign(ReadOnlySpan<double> x, int[] indices, int d, double[] centresNew, double[] counts, RandomState rng)
    {
        var k = counts.Length;
        var m = indices.Length;
        var max = counts.Max();
        var flagged = new bool[k];
        var flaggedCount = 0;
        for (var c = 0; c < k; c++)
        {
            flagged[c] = counts[c] < ReassignmentRatio * max;
            flaggedCount += flagged[c] ? 1 : 0;
        }

        // At most half a batch of new centres: the centres of the largest counts are kept (NumPy's argsort, stable
        // here; NumPy's quicksort is stable too for up to 16 centres).
        if (flaggedCount > 0.5 * m)
        {
            var order = Enumerable.Range(0, k).OrderBy(c => counts[c]).ToArray();
            for (var i = (int)(0.5 * m); i < k; i++)
            {
                flagged[order[i]] = false;
            }

            flaggedCount = flagged.Count(f => f);
        }

        if (flaggedCount > 0)
        {
            var picks = rng.Choice(m, flaggedCount, replace: false);
            var p = 0;
            for (var c = 0; c < k; c++)
            {
                if (flagged[c])
                {
                    x.Slice(indices[picks[p++]] * d, d).CopyTo(centresNew.AsSpan(c * d, d));
                }
            }
        }

        // Reset the counts of the moved centres to the smallest kept count (scikit-learn's "dirty hack").
        var smallest = double.PositiveInfinity;
        for (var c = 0; c < k; c++)
        {
            if (!flagged[c])
            {
                smallest = Math.Min(smallest, counts[c]);
            }
        }

        for (var c = 0; c < k; c++)
        {
            if (flagged[c])
            {
                counts[c] = smallest;
            }
        }
    }

    /// <summary>scikit-learn's <c>_kmeans_plusplus</c> (greedy, <c>2 + ln k</c> candidates per centre) with its
    /// distances <c>max((-2 x.c + |c|^2) + |x|^2, 0)</c>.</summary>
    private static double[] KMeansPlusPlus(ReadOnlySpan<double> x, double[] norms, int m, int d, int k, RandomState rng, bool simd)
    {
        var centres = new double[k * d];
        var trials = 2 + (int)Math.Log(k);
        // With SIMD the rows are laid out in transposed panels once, and each candidate's distances to all of them
        // are computed eight rows per vector.
        var panels = simd ? Transpose(x, m, d) : null;
        var first = rng.RandInt(0, m);
        x.Slice(first * d, d).CopyTo(centres.AsSpan(0, d));
        var closest = new double[m];
        Distances(x, panels, norms, m, d, first, closest);
        var potential = NumPyReductions.PairwiseSum(closest);
        var cumulative = new double[m];
        var candidates = new double[trials][];
        for (var t = 0; t < trials; t++)
        {
            candidates[t] = new double[m];
        }

        var ids = new int[trials];
        var potentials = new double[trials];
        for (var c = 1; c < k; c++)
        {
            var targets = rng.Uniform(0.0, 1.0, trials);
            var running = 0.0;
            for (var i = 0; i < m; i++)
            {
                running += closest[i];
                cumulative[i] = running;
            }

            for (var t = 0; t < trials; t++)
            {
                // np.searchsorted(cumsum, value) (left side), clipped to the last row.
                var value = targets[t] * potential;
                var at = Array.BinarySearch(cumulative, value);
                if (at >= 0)
                {
                    while (at > 0 && cumulative[at - 1] == value)
                    {
                        at--;
                    }
                }
                else
                {
                    at = ~at;
                }

                ids[t] = Math.Min(at, m - 1);
            }

            for (var t = 0; t < trials; t++)
            {
                var distances = candidates[t];
                Distances(x, panels, norms, m, d, ids[t], distances);
                for (var i = 0; i < m; i++)
                {
                    distances[i] = Math.Min(closest[i], distances[i]);
                }

                potentials[t] = NumPyReductions.PairwiseSum(distances);
            }

            var best = 0;
            for (var t = 1; t < trials; t++)
            {
                if (potentials[t] < potentials[best])
                {
                    best = t;
                }
            }

            potential = potentials[best];
            (closest, candidates[best]) = (candidates[best], closest);
            x.Slice(ids[best] * d, d).CopyTo(centres.AsSpan(c * d, d));
        }

        return centres;
    }

    /// <summary>scikit-learn's <c>_euclidean_distances(x[centre], x, Y_norm_squared=norms, squared=True)</c>:
    /// <c>max(((-2 c.x) + |c|^2) + |x|^2, 0)</c> with the dot product summed feature by feature from zero, unfused.
    /// With <paramref name="panels"/> (the rows transposed), eight rows per vector lane set, the same value in every
    /// lane as the scalar loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Distances(ReadOnlySpan<double> x, double[]? panels, double[] norms, int m, int d, int centre, double[] output)
    {
        var c = x.Slice(centre * d, d);
        var centreNorm = norms[centre];
        var i = 0;
        if (panels is not null)
        {
            var stride = d * Lanes;
            var minus2 = Vector512.Create(-2.0);
            var cn = Vector512.Create(centreNorm);
            // Four panels at a time: four independent accumulation chains hide the addition latency.
            for (; i + (4 * Lanes) <= m; i += 4 * Lanes)
            {
                var block = panels.AsSpan(i * d, 4 * stride);
                var a0 = Vector512<double>.Zero;
                var a1 = Vector512<double>.Zero;
                var a2 = Vector512<double>.Zero;
                var a3 = Vector512<double>.Zero;
                for (var t = 0; t < d; t++)
                {
                    var q = Vector512.Create(c[t]);
                    var o = t * Lanes;
                    a0 += q * Vector512.Create<double>(block.Slice(o, Lanes));
                    a1 += q * Vector512.Create<double>(block.Slice(stride + o, Lanes));
                    a2 += q * Vector512.Create<double>(block.Slice((2 * stride) + o, Lanes));
                    a3 += q * Vector512.Create<double>(block.Slice((3 * stride) + o, Lanes));
                }

                var target = output.AsSpan(i, 4 * Lanes);
                Vector512.Max(((minus2 * a0) + cn) + Vector512.Create<double>(norms.AsSpan(i, Lanes)), Vector512<double>.Zero).CopyTo(target);
                Vector512.Max(((minus2 * a1) + cn) + Vector512.Create<double>(norms.AsSpan(i + Lanes, Lanes)), Vector512<double>.Zero).CopyTo(target[Lanes..]);
                Vector512.Max(((minus2 * a2) + cn) + Vector512.Create<double>(norms.AsSpan(i + (2 * Lanes), Lanes)), Vector512<double>.Zero).CopyTo(target[(2 * Lanes)..]);
                Vector512.Max(((minus2 * a3) + cn) + Vector512.Create<double>(norms.AsSpan(i + (3 * Lanes), Lanes)), Vector512<double>.Zero).CopyTo(target[(3 * Lanes)..]);
            }
        }

        for (; i < m; i++)
        {
            var distance = (-2 * Dot(c, x.Slice(i * d, d))) + centreNorm + norms[i];
            output[i] = Math.Max(distance, 0.0);
        }
    }

    /// <summary>Rows transposed in panels of eight: panel <c>p</c>, feature <c>t</c>, lane <c>l</c> holds feature
    /// <c>t</c> of row <c>8p + l</c>; the padding lanes of the last panel are zero.</summary>
    private static double[] Transpose(ReadOnlySpan<double> rows, int count, int d)
    {
        var panels = new double[((count + Lanes - 1) / Lanes) * d * Lanes];
        Transpose(rows, count, d, panels);
        return panels;
    }

    private static void Transpose(ReadOnlySpan<double> rows, int count, int d, Span<double> panels)
    {
        for (var i = 0; i < count; i++)
        {
            var row = rows.Slice(i * d, d);
            var at = ((i / Lanes) * d * Lanes) + (i % Lanes);
            for (var t = 0; t < d; t++)
            {
                panels[at + (t * Lanes)] = row[t];
            }
        }
    }

    /// <summary>scikit-learn's <c>_labels_inertia</c>: nearest centre by <c>-2 x.c + |c|^2</c> (first of equal
    /// values), inertia as the sum of the direct squared distances (summed in row order here). Rows are
    /// <paramref name="x"/>'s rows <paramref name="indices"/>, or its first <paramref name="m"/> rows when
    /// <paramref name="indices"/> is empty.</summary>
    private static double LabelsInertia(ReadOnlySpan<double> x, ReadOnlySpan<int> indices, int m, int d, double[] centres, CentreSearch search, int[] labels)
    {
        search.Load(centres);
        search.Assign(x, indices, m, labels);
        var inertia = 0.0;
        for (var i = 0; i < m; i++)
        {
            var row = indices.IsEmpty ? i : indices[i];
            inertia += DirectSquaredDistance(x.Slice(row * d, d), centres.AsSpan(labels[i] * d, d));
        }

        return inertia;
    }

    /// <summary>A dot product summed feature by feature from zero, unfused: reference BLAS's loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            sum += a[j] * b[j];
        }

        return sum;
    }

    /// <summary>scikit-learn's <c>_euclidean_dense_dense</c>: groups of four squared differences, then the rest.</summary>
    private static double DirectSquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var result = 0.0;
        var j = 0;
        for (; j + 4 <= a.Length; j += 4)
        {
            var d0 = a[j] - b[j];
            var d1 = a[j + 1] - b[j + 1];
            var d2 = a[j + 2] - b[j + 2];
            var d3 = a[j + 3] - b[j + 3];
            result += (d0 * d0) + (d1 * d1) + (d2 * d2) + (d3 * d3);
        }

        for (; j < a.Length; j++)
        {
            var diff = a[j] - b[j];
            result += diff * diff;
        }

        return result;
    }

    /// <summary>
    /// <c>np.einsum("ij,ij->i", X, X)</c> for one row (scikit-learn's <c>row_norms(squared=True)</c>): NumPy 1.24's
    /// two-lane accumulation (SSE2 baseline), eight values per round taken in the order 6-7, 4-5, 2-3, 0-1, the tail
    /// in pairs, then lane 0 + lane 1.
    /// </summary>
    internal static double EinsumSquaredNorm(ReadOnlySpan<double> row)
    {
        var lane0 = 0.0;
        var lane1 = 0.0;
        var i = 0;
        for (; row.Length - i >= 8; i += 8)
        {
            for (var block = 3; block >= 0; block--)
            {
                var a = row[i + (2 * block)];
                var b = row[i + (2 * block) + 1];
                lane0 = (a * a) + lane0;
                lane1 = (b * b) + lane1;
            }
        }

        for (; i < row.Length; i += 2)
        {
            var a = row[i];
            var b = i + 1 < row.Length ? row[i + 1] : 0.0;
            lane0 = (a * a) + lane0;
            lane1 = (b * b) + lane1;
        }

        return 0.0 + (lane0 + lane1);
    }

    private static double[] Norms(ReadOnlySpan<double> x, int m, int d)
    {
        // Padded to whole panels of eight (the SIMD distances read them eight at a time).
        var norms = new double[((m + Lanes - 1) / Lanes) * Lanes];
        for (var i = 0; i < m; i++)
        {
            norms[i] = EinsumSquaredNorm(x.Slice(i * d, d));
        }

        return norms;
    }

    private static double[] Gather(ReadOnlySpan<double> x, int d, int[] rows)
    {
        var result = new double[rows.Length * d];
        for (var i = 0; i < rows.Length; i++)
        {
            x.Slice(rows[i] * d, d).CopyTo(result.AsSpan(i * d, d));
        }

        return result;
    }

    /// <summary>
    /// The nearest-centre search of <c>_labels_inertia</c>: for each row the first centre of least
    /// <c>(-2 x.c) + |c|^2</c> (dot product summed feature by feature from zero, unfused, as reference BLAS's dgemm
    /// does; squared norms as <c>row_norms</c>). The SIMD path holds the centres transposed in panels of eight, one
    /// centre per lane, and computes four rows against a panel at a time: every lane's value equals the scalar
    /// loop's bit for bit, and the first lane of least value is the scalar scan's choice.
    /// </summary>
    private sealed class CentreSearch(int k, int d, bool simd)
    {
        private readonly int _panelCount = (k + Lanes - 1) / Lanes;
        private readonly double[] _panels = simd ? new double[((k + Lanes - 1) / Lanes) * d * Lanes] : [];
        private readonly double[] _norms = new double[((k + Lanes - 1) / Lanes) * Lanes];
        private double[] _centres = [];

        public bool Simd => simd;

        /// <summary>Takes <paramref name="centres"/> (flat <c>k x d</c>; read until the next load).</summary>
        public void Load(double[] centres)
        {
            _centres = centres;
            for (var c = 0; c < k; c++)
            {
                _norms[c] = EinsumSquaredNorm(centres.AsSpan(c * d, d));
            }

            if (simd)
            {
                // Padding centres are zero with an infinite norm: their value is +inf, never below a real centre's.
                Transpose(centres, k, d, _panels);
                _norms.AsSpan(k).Fill(double.PositiveInfinity);
            }
        }

        /// <summary>The nearest centre of each row (rows <paramref name="indices"/> of <paramref name="x"/>, or its
        /// first <paramref name="m"/> rows when <paramref name="indices"/> is empty).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Assign(ReadOnlySpan<double> x, ReadOnlySpan<int> indices, int m, Span<int> labels)
        {
            var i = 0;
            if (simd)
            {
                Span<double> lanes = stackalloc double[4 * Lanes];
                var minus2 = Vector512.Create(-2.0);
                for (; i + 4 <= m; i += 4)
                {
                    var r0 = Row(x, indices, i);
                    var r1 = Row(x, indices, i + 1);
                    var r2 = Row(x, indices, i + 2);
                    var r3 = Row(x, indices, i + 3);
                    int b0 = 0, b1 = 0, b2 = 0, b3 = 0;
                    double v0 = 0, v1 = 0, v2 = 0, v3 = 0;
                    for (var p = 0; p < _panelCount; p++)
                    {
                        var block = _panels.AsSpan(p * d * Lanes, d * Lanes);
                        var a0 = Vector512<double>.Zero;
                        var a1 = Vector512<double>.Zero;
                        var a2 = Vector512<double>.Zero;
                        var a3 = Vector512<double>.Zero;
                        for (var t = 0; t < d; t++)
                        {
                            var c = Vector512.Create<double>(block.Slice(t * Lanes, Lanes));
                            a0 += Vector512.Create(r0[t]) * c;
                            a1 += Vector512.Create(r1[t]) * c;
                            a2 += Vector512.Create(r2[t]) * c;
                            a3 += Vector512.Create(r3[t]) * c;
                        }

                        var norms = Vector512.Create<double>(_norms.AsSpan(p * Lanes, Lanes));
                        Offer((minus2 * a0) + norms, p, ref b0, ref v0, lanes);
                        Offer((minus2 * a1) + norms, p, ref b1, ref v1, lanes);
                        Offer((minus2 * a2) + norms, p, ref b2, ref v2, lanes);
                        Offer((minus2 * a3) + norms, p, ref b3, ref v3, lanes);
                    }

                    labels[i] = b0;
                    labels[i + 1] = b1;
                    labels[i + 2] = b2;
                    labels[i + 3] = b3;
                }
            }

            for (; i < m; i++)
            {
                var row = Row(x, indices, i);
                var best = 0;
                var bestDistance = 0.0;
                for (var c = 0; c < k; c++)
                {
                    // Reference BLAS dgemm ('T', 'N'): alpha * (sum of products in feature order) + beta * C.
                    var distance = (-2.0 * Dot(_centres.AsSpan(c * d, d), row)) + _norms[c];
                    if (c == 0 || distance < bestDistance)
                    {
                        best = c;
                        bestDistance = distance;
                    }
                }

                labels[i] = best;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private ReadOnlySpan<double> Row(ReadOnlySpan<double> x, ReadOnlySpan<int> indices, int i) =>
            x.Slice((indices.IsEmpty ? i : indices[i]) * d, d);

        // The scalar scan over centres 8p .. 8p + 7 in order: a centre replaces the best only when strictly closer
        // (the first centre is taken whatever its value). Without NaN that is the first lane holding the least
        // value, found without branching on every lane.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Offer(Vector512<double> values, int panel, ref int best, ref double bestValue, Span<double> lanes)
        {
            if (Vector512.EqualsAll(values, values))
            {
                var min = Vector256.Min(values.GetLower(), values.GetUpper());
                var min2 = Vector128.Min(min.GetLower(), min.GetUpper());
                var least = Math.Min(min2.GetElement(0), min2.GetElement(1));
                if (panel == 0 || least < bestValue)
                {
                    var mask = Vector512.Equals(values, Vector512.Create(least)).ExtractMostSignificantBits();
                    best = (panel * Lanes) + BitOperations.TrailingZeroCount(mask);
                    bestValue = least;
                }

                return;
            }

            values.CopyTo(lanes);
            var end = Math.Min(Lanes, k - (panel * Lanes));
            for (var l = 0; l < end; l++)
            {
                if ((panel == 0 && l == 0) || lanes[l] < bestValue)
                {
                    best = (panel * Lanes) + l;
                    bestValue = lanes[l];
                }
            }
        }
    }

    /// <summary><c>np.mean(np.var(X, axis=0))</c> (for the relative tolerance only; not bit-exact).</summary>
    private static double MeanVariance(ReadOnlySpan<double> x, int n, int d)
    {
        var total = 0.0;
        for (var j = 0; j < d; j++)
        {
            var mean = 0.0;
            for (var i = 0; i < n; i++)
            {
                mean += x[(i * d) + j];
            }

            mean /= n;
            var variance = 0.0;
            for (var i = 0; i < n; i++)
            {
                var deviation = x[(i * d) + j] - mean;
                variance += deviation * deviation;
            }

            total += variance / n;
        }

        return total / d;
    }

    /// <summary>scikit-learn's <c>_mini_batch_convergence</c>: an exponentially weighted average of the batch
    /// inertia, stopping after <c>max_no_improvement</c> batches without a new minimum.</summary>
    private sealed class Convergence(int batch, int n, double tolerance, int? maxNoImprovement)
    {
        private double? _ewa;
        private double? _ewaMin;
        private int _noImprovement;

        public bool Converged(long step, double squaredDiff, double batchInertia)
        {
            batchInertia /= batch;
            if (step == 0)
            {
                return false; // the first batch measures the seeding
            }

            if (_ewa is null)
            {
                _ewa = batchInertia;
            }
            else
            {
                var alpha = Math.Min(batch * 2.0 / (n + 1), 1);
                _ewa = (_ewa.Value * (1 - alpha)) + (batchInertia * alpha);
            }

            if (tolerance > 0.0 && squaredDiff <= tolerance)
            {
                return true;
            }

            if (_ewaMin is null || _ewa.Value < _ewaMin.Value)
            {
                _noImprovement = 0;
                _ewaMin = _ewa;
            }
            else
            {
                _noImprovement++;
            }

            return maxNoImprovement is { } limit && _noImprovement >= limit;
        }
    }
}
