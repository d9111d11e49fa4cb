using System.Globalization;
using Imbalance.Learning;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.Anomaly;

/// <summary>
/// Isolation Forest (Liu, Ting and Zhou, ICDM 2008), configured and grown like scikit-learn 1.2.1's
/// <c>IsolationForest</c>: <see cref="NEstimators"/> random trees, each on a subsample of <see cref="MaxSamples"/>
/// rows, split on a random feature at a uniform random threshold until every row is isolated or the depth reaches
/// <c>ceil(log2(max_samples))</c>. Rows isolated after few splits are anomalies. <see cref="Fit"/> returns an
/// immutable <see cref="IsolationForestModel"/>.
/// </summary>
/// <remarks>
/// <para>When to use it: unsupervised outlier detection on tabular data when the rare class (fraud, faults) is too
/// small or too varied to learn as a class: it scores how easily a row is isolated by random splits. Fast and
/// scale-free; prefer a supervised learner with resampling or class weights when labelled minority rows are
/// plentiful.</para>
/// <para>Use it when the minority class is so rare (well under 1 %) that a classifier has too few positives to learn
/// from: fit it on normal rows (or all rows) and rank by <see cref="IsolationForestModel.ScoreSamples"/>, or wrap it
/// in an <see cref="OutlierDetectorClassifier"/> to choose a threshold on labelled data. It needs no scaling and is
/// fast; it finds rows that are globally unusual, not rows unusual only relative to a class boundary.</para>
/// <para>Parity: for the same integer <see cref="RandomState"/> it draws random numbers in scikit-learn's order (the
/// regression target <c>uniform(size=n)</c> from one <c>check_random_state</c>; the tree seeds
/// <c>randint(MAX_INT, size=n_estimators)</c> from a second; per tree the estimator seed, then the feature and row
/// subsample from <c>RandomState(seed)</c>; inside a tree the <c>rand_r</c> stream of scikit-learn's
/// <c>RandomSplitter</c>), compares float32 features as scikit-learn does, and sums path lengths in the same order,
/// so trees, scores, offsets and predictions equal scikit-learn's on the parity fixtures (see
/// <see cref="IsolationTree"/> for the one theoretical divergence).</para>
/// </remarks>
/// <example>
/// <code>
/// var forest = new IsolationForest { NEstimators = 100, Contamination = 0.1, RandomState = 0 }.Fit(x);
/// double[] scores = forest.ScoreSamples(x);     // lower = more abnormal (scikit-learn's score_samples)
/// int[] flags = forest.Predict(x);               // +1 inlier, -1 outlier
/// </code>
/// </example>
public sealed class IsolationForest : IOutlierDetector
{
    private const double EulerGamma = 0.5772156649015329;
    private readonly int _nEstimators = 100;
    private readonly MaxSamples _maxSamples = MaxSamples.Auto;
    private readonly double? _contamination;
    private readonly MaxFeatures? _maxFeatures;
    private readonly int? _randomState;

    /// <summary>The number of trees (scikit-learn's <c>n_estimators</c>); default 100.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int NEstimators
    {
        get => _nEstimators;
        init => _nEstimators = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(NEstimators), value, "The 'n_estimators' parameter must be an int in the range [1, inf).");
    }

    /// <summary>Rows per tree (scikit-learn's <c>max_samples</c>); default <see cref="Anomaly.MaxSamples.Auto"/>,
    /// <c>min(256, n_samples)</c>.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public MaxSamples MaxSamples
    {
        get => _maxSamples;
        init => _maxSamples = value ?? throw new ArgumentNullException(nameof(MaxSamples));
    }

    /// <summary>
    /// The expected share of outliers (scikit-learn's <c>contamination</c>): <see langword="null"/> (default,
    /// <c>"auto"</c>) sets the offset to -0.5 as in the original paper; a fraction in (0, 0.5] sets it to that
    /// percentile of the training scores, so that share of the training rows is predicted -1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, 0.5].</exception>
    public double? Contamination
    {
        get => _contamination;
        init => _contamination = value is null or (> 0.0 and <= 0.5)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Contamination), value, "The 'contamination' parameter must be 'auto' or a float in the range (0.0, 0.5].");
    }

    /// <summary>Features drawn for each tree (scikit-learn's <c>max_features</c>): <see langword="null"/> (default,
    /// 1.0) uses all; a <see cref="Learning.MaxFeatures.Count"/> or <see cref="Learning.MaxFeatures.Fraction"/>
    /// (<c>max(1, int(fraction * n_features))</c>) a random subset without replacement.</summary>
    /// <exception cref="ArgumentException">The value is <see cref="Learning.MaxFeatures.Sqrt"/> or
    /// <see cref="Learning.MaxFeatures.Log2"/>, which IsolationForest does not accept.</exception>
    public MaxFeatures? MaxFeatures
    {
        get => _maxFeatures;
        init => _maxFeatures = value is null || value.IsCountOrFraction
            ? value
            : throw new ArgumentException("IsolationForest's max_features must be a count or a fraction.", nameof(MaxFeatures));
    }

    /// <summary>Whether each tree's rows are drawn with replacement (scikit-learn's <c>bootstrap</c>); default false.</summary>
    public bool Bootstrap { get; init; }

    /// <summary>Seed of NumPy's legacy generator (scikit-learn's <c>random_state</c>); null draws a fresh seed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>Grows the forest on <paramref name="x"/> (scikit-learn's <c>fit(X)</c>).</summary>
    /// <param name="x">The training rows, finite, within float32 range.</param>
    /// <param name="cancellationToken">Cancels the fit between trees.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, not finite or too large for float32, or
    /// <see cref="MaxFeatures"/> exceeds its width.</exception>
    public IsolationForestModel Fit(double[,] x, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        InputGuard.CheckMatrix(x, nameof(x));
        LearnerInput.CheckFloat32(x, nameof(x));
        var n = x.GetLength(0);
        var d = x.GetLength(1);
        var maxFeatures = Learning.MaxFeatures.Resolve(MaxFeatures, d, nameof(MaxFeatures));
        var maxSamples = MaxSamples.Resolve(n, nameof(MaxSamples));
        var columns = ToFloatColumns(x);

        var seeds = new SeedSource(RandomState);
        var target = seeds.CheckRandomState().RandomSample(n);
        var maxDepth = (int)Math.Ceiling(Math.Log2(Math.Max(maxSamples, 2)));
        var treeSeeds = seeds.CheckRandomState().RandInt(0, Randomness.RandomState.MaxInt, NEstimators);
        var subsampleFeatures = maxFeatures != d;

        var trees = new IsolationTree[NEstimators];
        var treeFeatures = new int[NEstimators][];
        for (var t = 0; t < NEstimators; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // _make_estimator: the tree's random_state is randint(int32 max) from RandomState(seed); the bagging
            // indices come from a second RandomState(seed): features first, then rows.
            var treeSeed = new RandomState(treeSeeds[t]).RandInt(0, int.MaxValue);
            var bagging = new RandomState(treeSeeds[t]);
            var features = bagging.SampleWithoutReplacement(d, maxFeatures);
            var weight = new double[n];
            if (Bootstrap)
            {
                foreach (var i in bagging.RandInt(0, n, maxSamples))
                {
                    weight[i]++;
                }
            }
            else
            {
                foreach (var i in bagging.SampleWithoutReplacement(n, maxSamples))
                {
                    weight[i] = 1.0;
                }
            }

            var treeColumns = subsampleFeatures ? features.Select(f => columns[f]).ToArray() : columns;

            // BaseDecisionTree.fit: check_random_state(tree seed); the splitter draws randint(0, RAND_R_MAX).
            var randR = (uint)new RandomState(treeSeed).RandInt(0, int.MaxValue);
            trees[t] = IsolationTree.Grow(treeColumns, target, weight, maxDepth, randR);
            treeFeatures[t] = subsampleFeatures ? features : Enumerable.Range(0, d).ToArray();
        }

        var model = new IsolationForestModel(trees, treeFeatures, d, maxSamples, -0.5);
        if (Contamination is not { } contamination)
        {
            return model;
        }

        var offset = Percentile(model.ScoreSamples(x, cancellationToken), 100.0 * contamination);
        return new IsolationForestModel(trees, treeFeatures, d, maxSamples, offset);
    }

    /// <inheritdoc />
    IOutlierModel IOutlierDetector.Fit(double[,] x, CancellationToken cancellationToken) => Fit(x, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"IsolationForest(NEstimators={NEstimators}, MaxSamples={MaxSamples}, Contamination={Contamination?.ToString("R", CultureInfo.InvariantCulture) ?? "auto"}, MaxFeatures={MaxFeatures?.ToString() ?? "1.0"}, Bootstrap={Bootstrap}, RandomState={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "null"})");

    /// <summary>scikit-learn's <c>_average_path_length</c>: the mean path length of an unsuccessful search in a
    /// binary search tree of <paramref name="n"/> rows, <c>c(n)</c> of Liu et al.</summary>
    internal static double AveragePathLength(int n) => n switch
    {
        <= 1 => 0.0,
        2 => 1.0,
        _ => (2.0 * (Math.Log(n - 1.0) + EulerGamma)) - (2.0 * (n - 1.0) / n),
    };

    /// <summary>Feature-major float32 copy, as scikit-learn's <c>check_array(dtype=np.float32)</c>.</summary>
    internal static float[][] ToFloatColumns(double[,] x)
    {
        var n = x.GetLength(0);
        var d = x.GetLength(1);
        var columns = new float[d][];
        for (var j = 0; j < d; j++)
        {
            var column = new float[n];
            for (var i = 0; i < n; i++)
            {
                column[i] = (float)x[i, j];
            }

            columns[j] = column;
        }

        return columns;
    }

    /// <summary>NumPy's <c>percentile(a, q)</c> with the default linear method (its <c>_lerp</c>).</summary>
    internal static double Percentile(double[] values, double q)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var quantile = q / 100.0;
        var index = (sorted.Length - 1) * quantile;
        var previous = Math.Floor(index);
        var gamma = index - previous;
        var lo = (int)Math.Clamp(previous, 0, sorted.Length - 1);
        var hi = (int)Math.Clamp(previous + 1, 0, sorted.Length - 1);
        var a = sorted[lo];
        var b = sorted[hi];
        var diff = b - a;
        return gamma >= 0.5 ? b - (diff * (1 - gamma)) : a + (diff * gamma);
    }
}
