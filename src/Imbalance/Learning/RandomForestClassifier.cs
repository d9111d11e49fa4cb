using System.Globalization;
using Imbalance.Diagnostics;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.Learning;

/// <summary>
/// A random forest of CART trees, configured like scikit-learn 1.2.1's <c>RandomForestClassifier(n_estimators=100,
/// criterion="gini", max_depth=None, min_samples_split=2, min_samples_leaf=1, max_features="sqrt", bootstrap=True,
/// n_jobs=None, random_state=None, class_weight=None)</c>. <c>Fit</c> returns an immutable
/// <see cref="RandomForestClassifierModel{TLabel}"/>.
/// </summary>
/// <remarks>
/// <para>When to use it: a strong default for tabular data with little tuning; on imbalanced data use
/// ClassWeight.BalancedSubsample or, better, BalancedRandomForestClassifier, which balances each bootstrap. Prefer
/// gradient boosting or a tuned threshold when the best ranking is needed.</para>
/// Randomness follows scikit-learn's draws: one generator from <see cref="RandomState"/> gives each tree a seed
/// (<c>randint(2**31 - 1)</c>, in tree order), each tree draws its bootstrap sample from a fresh generator on its
/// seed (<c>randint(0, n, n)</c>, rows weighted by their multiplicity) and grows like
/// <see cref="DecisionTreeClassifier"/> with that seed. Trees are grown in parallel, each from its own seed into its
/// own slot, so the forest for a seed does not depend on <see cref="MaxDegreeOfParallelism"/>. For the same integer
/// seed the forest is scikit-learn's (same trees, same probabilities) on data without tied feature values, and on
/// any data when no class weights or non-integer sample weights are used (tested on fixtures); with tied values and
/// class weights a few trees differ (98% of held-out predictions agree on the fixture).
/// </remarks>
/// <example>
/// <code>
/// var model = new RandomForestClassifier { NEstimators = 50, ClassWeight = ClassWeight.BalancedSubsample, RandomState = 0 }.Fit(x, y);
/// </code>
/// </example>
public sealed class RandomForestClassifier : IClassifier
{
    private readonly int _nEstimators = 100;
    private readonly SplitCriterion _criterion = SplitCriterion.Gini;
    private readonly int? _maxDepth;
    private readonly int _minSamplesSplit = 2;
    private readonly int _minSamplesLeaf = 1;
    private readonly int? _randomState;
    private readonly int? _maxDegreeOfParallelism;

    /// <summary>The number of trees (scikit-learn's <c>n_estimators</c>); default 100.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NEstimators
    {
        get => _nEstimators;
        init => _nEstimators = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(NEstimators), value, "The 'NEstimators' parameter must be an int in the range [1, inf).");
    }

    /// <summary>The impurity each tree minimises (scikit-learn's <c>criterion</c>); default <see cref="SplitCriterion.Gini"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined criterion.</exception>
    public SplitCriterion Criterion
    {
        get => _criterion;
        init => _criterion = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Criterion), value, "Unknown criterion.");
    }

    /// <summary>The deepest a leaf may be (scikit-learn's <c>max_depth</c>); <see langword="null"/> (the default) for
    /// fully grown trees.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxDepth
    {
        get => _maxDepth;
        init => _maxDepth = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDepth), value, "The 'MaxDepth' parameter must be an int in the range [1, inf) or None.");
    }

    /// <summary>The fewest rows a node needs to be split (scikit-learn's integer <c>min_samples_split</c>); default 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 2.</exception>
    public int MinSamplesSplit
    {
        get => _minSamplesSplit;
        init => _minSamplesSplit = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(MinSamplesSplit), value, "The 'MinSamplesSplit' parameter must be an int in the range [2, inf).");
    }

    /// <summary>The fewest rows each leaf must keep (scikit-learn's integer <c>min_samples_leaf</c>); default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MinSamplesLeaf
    {
        get => _minSamplesLeaf;
        init => _minSamplesLeaf = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MinSamplesLeaf), value, "The 'MinSamplesLeaf' parameter must be an int in the range [1, inf).");
    }

    /// <summary>Candidate features per split (scikit-learn's <c>max_features</c>); default
    /// <see cref="Learning.MaxFeatures.Sqrt"/>; <see langword="null"/> means all features.</summary>
    public MaxFeatures? MaxFeatures { get; init; } = Learning.MaxFeatures.Sqrt;

    /// <summary>Whether each tree learns from a bootstrap sample (scikit-learn's <c>bootstrap</c>); default true.
    /// Without it every tree sees all rows and differs only by its feature draws.</summary>
    public bool Bootstrap { get; init; } = true;

    /// <summary>Per-class weights (scikit-learn's <c>class_weight</c>): <see langword="null"/> (the default),
    /// <see cref="ClassWeight.Balanced"/> (on the whole training set), <see cref="ClassWeight.BalancedSubsample"/>
    /// (on each tree's bootstrap sample) or explicit weights.</summary>
    public ClassWeight? ClassWeight { get; init; }

    /// <summary>The seed (scikit-learn's <c>random_state</c>); <see langword="null"/> for an unpredictable forest.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>The most threads used to grow trees and to predict (scikit-learn's <c>n_jobs</c>);
    /// <see langword="null"/> (the default) for every core. Results never depend on it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = InputGuard.CheckParallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <summary>Grows the forest (scikit-learn's <c>fit(X, y, sample_weight)</c>).</summary>
    /// <typeparam name="TLabel">The label type; classes are kept in sorted order (scikit-learn's <c>classes_</c>).</typeparam>
    /// <param name="x">The training rows, finite and within float32 range.</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="sampleWeight">Optional finite non-negative weight per row, not all zero.</param>
    /// <param name="cancellationToken">Cancels the fit between nodes.</param>
    /// <returns>The fitted forest.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The inputs are empty, hold NaN or infinity, differ in length, the sample
    /// weights are invalid, <see cref="MaxFeatures"/> exceeds the number of features, or an explicit
    /// <see cref="ClassWeight"/> does not fit the labels.</exception>
    public RandomForestClassifierModel<TLabel> Fit<TLabel>(
        double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
        where TLabel : notnull => Fit(x, y, sampleWeight, null, cancellationToken);

    /// <summary>Grows the forest (scikit-learn's <c>fit(X, y, sample_weight)</c>), reporting each finished tree to
    /// <paramref name="progress"/> (trees grow in parallel, so reports come from several threads).</summary>
    /// <typeparam name="TLabel">The label type; classes are kept in sorted order (scikit-learn's <c>classes_</c>).</typeparam>
    /// <param name="x">The training rows, finite and within float32 range.</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="sampleWeight">Optional finite non-negative weight per row, not all zero.</param>
    /// <param name="progress">Receives one report per finished tree; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the fit between nodes.</param>
    /// <returns>The fitted forest.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The inputs are empty, hold NaN or infinity, differ in length, the sample
    /// weights are invalid, <see cref="MaxFeatures"/> exceeds the number of features, or an explicit
    /// <see cref="ClassWeight"/> does not fit the labels.</exception>
    public RandomForestClassifierModel<TLabel> Fit<TLabel>(
        double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight, IProgress<ProgressReport>? progress, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        var plan = Plan(x, y, sampleWeight, out var encoder);
        var trees = new CartTree[NEstimators];
        var counter = new ProgressCounter(progress, nameof(RandomForestClassifier), NEstimators);
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = MaxDegreeOfParallelism ?? -1,
        };
        ParallelLoop.For(0, trees.Length, options, t =>
        {
            trees[t] = plan.Tree(t, cancellationToken);
            counter.Step();
        });
        return new RandomForestClassifierModel<TLabel>(trees, encoder.Classes, plan.Features, MaxDegreeOfParallelism);
    }

    /// <summary>
    /// scikit-learn's <c>cross_val_predict(forest, X, y, cv=folds, method="predict_proba")</c> for this forest,
    /// bit for bit what <see cref="Fit{TLabel}(double[,], IReadOnlyList{TLabel}, IReadOnlyList{double}?, CancellationToken)"/>
    /// on each fold's training rows followed by <c>PredictProba</c> on its test rows gives, without keeping any forest:
    /// the trees of all folds are grown by one pool of workers (fold by fold, tree by tree), each tree predicts its
    /// fold's test rows as soon as it is grown and is dropped, and each fold adds its trees' fractions in tree order
    /// (finished trees wait for their predecessors). Memory is the workers' scratch and a few trees' predictions, not
    /// every fold's forest.
    /// </summary>
    /// <param name="rows">All rows.</param>
    /// <param name="y">All labels.</param>
    /// <param name="folds">The folds (checked to partition the rows).</param>
    /// <param name="write">Receives each finished fold: its index, its training classes in sorted order and the
    /// <c>test rows x classes</c> probabilities (called under a lock, one fold at a time).</param>
    /// <param name="cancellationToken">Cancels between trees.</param>
    internal void CrossValPredictProba<TLabel>(
        double[,] rows, IReadOnlyList<TLabel> y, IReadOnlyList<ModelSelection.Fold> folds, Action<int, IReadOnlyList<TLabel>, double[,]> write, CancellationToken cancellationToken)
        where TLabel : notnull
    {
        // With every fold's training rows in increasing order, the folds share one float32 copy, presort and ranks of
        // all rows (made once, before any tree): a fold's tree is grown on all rows with its test rows weighing 0,
        // which leaves them out, and the kept rows keep their relative order, so every sort, sum and tree is the one
        // the fold's own copy gives. Otherwise each fold prepares its own rows.
        var shared = folds.All(fold => IsIncreasing(fold.TrainIndices)) ? Share(rows) : null;
        var states = new FoldState<TLabel>[folds.Count];
        for (var f = 0; f < states.Length; f++)
        {
            states[f] = new FoldState<TLabel>(this, rows, y, folds[f], NEstimators, shared);
        }

        var total = (long)folds.Count * NEstimators;
        var next = -1L;
        var workers = (int)Math.Min(total, MaxDegreeOfParallelism ?? Environment.ProcessorCount);
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = workers };
        ParallelLoop.For(0, workers, options, _ =>
        {
            long j;
            while ((j = Interlocked.Increment(ref next)) < total)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var f = (int)(j / NEstimators);
                var t = (int)(j % NEstimators);
                states[f].Grow(t, (classes, proba) => write(f, classes, proba), cancellationToken);
            }
        });
    }

    /// <summary>Whether <paramref name="indices"/> is strictly increasing.</summary>
    private static bool IsIncreasing(int[] indices)
    {
        for (var i = 1; i < indices.Length; i++)
        {
            if (indices[i] <= indices[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The float32 columns, presort and ranks of all <paramref name="rows"/>, for every fold of
    /// <see cref="CrossValPredictProba{TLabel}"/> (checked as each fold's fit checks its rows).</summary>
    private SharedRows Share(double[,] rows)
    {
        LearnerInput.CheckFloat32(rows, "x");
        var n = rows.GetLength(0);
        var d = rows.GetLength(1);
        var maxFeatures = Learning.MaxFeatures.Resolve(MaxFeatures, d, nameof(MaxFeatures));
        var settings = DecisionTreeClassifier.Settings(Criterion, MaxDepth, MinSamplesSplit, MinSamplesLeaf, maxFeatures);
        var columns = CartBuilder.Columns(MatrixRows.Of(rows), n, d);
        var presorted = CartBuilder.Presort(columns, n, d);
        var lists = CartBuilder.UseSortedLists(d, settings.MaxFeatures);
        var ranks = lists ? null : CartBuilder.Ranks(columns, presorted, n, d);
        return new SharedRows(columns, n, d, settings, presorted, ranks, lists);
    }

    /// <summary>One fold's plan on <paramref name="shared"/> rows: <see cref="Plan{TLabel}"/> on the fold's training
    /// rows (<paramref name="train"/>, increasing) without copying them.</summary>
    private ForestPlan FoldPlan<TLabel>(SharedRows shared, IReadOnlyList<TLabel> labels, int[] train, out LabelEncoder<TLabel> encoder)
        where TLabel : notnull
    {
        encoder = LabelEncoder<TLabel>.Fit(labels);
        var codes = encoder.Codes;
        var k = encoder.ClassCount;
        double[]? weights = null;
        var subsample = Bootstrap && ClassWeight is { Kind: ClassWeightKind.BalancedSubsample };
        if (ClassWeight is not null && !subsample)
        {
            var perClass = ClassWeight.PerClass(encoder.Classes, codes, nameof(ClassWeight));
            weights = Learning.ClassWeight.RowWeights(weights, perClass, codes);
        }

        var rng = new SeedSource(RandomState).CheckRandomState();
        var seeds = new int[NEstimators];
        for (var t = 0; t < seeds.Length; t++)
        {
            seeds[t] = rng.RandInt(0, Randomness.RandomState.MaxInt);
        }

        var rowCodes = new int[shared.N];
        for (var j = 0; j < train.Length; j++)
        {
            rowCodes[train[j]] = codes[j];
        }

        return new ForestPlan(shared.Columns, shared.N, shared.D, codes, k, weights, shared.Settings, seeds, shared.Presorted, shared.Ranks, shared.Lists, Bootstrap, subsample)
        {
            Rows = (train, rowCodes),
            Scratches = shared.Scratches,
        };
    }

    /// <summary>The prepared inputs of one fit (scikit-learn's checks, encoding, class weights, tree seeds), from which
    /// each tree is grown independently.</summary>
    private ForestPlan Plan<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight, out LabelEncoder<TLabel> encoder)
        where TLabel : notnull
    {
        encoder = LearnerInput.Encode(x, y);
        LearnerInput.CheckFloat32(x, nameof(x));
        var n = x.GetLength(0);
        var d = x.GetLength(1);
        var codes = encoder.Codes;
        var k = encoder.ClassCount;
        var weights = LearnerInput.CheckSampleWeight(sampleWeight, n);
        var maxFeatures = Learning.MaxFeatures.Resolve(MaxFeatures, d, nameof(MaxFeatures));
        var subsample = Bootstrap && ClassWeight is { Kind: ClassWeightKind.BalancedSubsample };
        if (ClassWeight is not null && !subsample)
        {
            // scikit-learn's forest-level expanded_class_weight ("balanced_subsample" without bootstrap is "balanced").
            var perClass = ClassWeight.PerClass(encoder.Classes, codes, nameof(ClassWeight));
            weights = Learning.ClassWeight.RowWeights(weights, perClass, codes);
        }

        var settings = DecisionTreeClassifier.Settings(Criterion, MaxDepth, MinSamplesSplit, MinSamplesLeaf, maxFeatures);
        var rng = new SeedSource(RandomState).CheckRandomState();
        var seeds = new int[NEstimators];
        for (var t = 0; t < seeds.Length; t++)
        {
            seeds[t] = rng.RandInt(0, Randomness.RandomState.MaxInt);
        }

        var columns = CartBuilder.Columns(MatrixRows.Of(x), n, d);

        // Sort every feature once for all trees: the sorted lists start from this order; without lists the roots are
        // read off it and the other nodes sort on ranks.
        var presorted = CartBuilder.Presort(columns, n, d);
        var lists = CartBuilder.UseSortedLists(d, settings.MaxFeatures);
        var ranks = lists ? null : CartBuilder.Ranks(columns, presorted, n, d);
        return new ForestPlan(columns, n, d, codes, k, weights, settings, seeds, presorted, ranks, lists, Bootstrap, subsample);
    }

    /// <inheritdoc />
    IClassificationModel<TLabel> IClassifier.Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight, CancellationToken cancellationToken) =>
        Fit(x, y, sampleWeight, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"RandomForestClassifier(n_estimators={NEstimators}, max_features={MaxFeatures?.ToString() ?? "None"}, random_state={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "None"})");

    /// <summary>scikit-learn's <c>_parallel_build_trees</c> weights: the row weights times each row's multiplicity
    /// in the bootstrap sample, times the balanced weights of the sample for <c>"balanced_subsample"</c>.</summary>
    internal static double[] BootstrapWeights(int seed, double[]? weights, int[] codes, int k, bool subsample) =>
        BootstrapWeights(seed, weights, codes, k, subsample, new int[codes.Length], new double[codes.Length]);

    /// <summary><see cref="BootstrapWeights(int, double[], int[], int, bool)"/> into caller-owned arrays (at least
    /// one entry per row; <paramref name="counts"/> receives the multiplicities): the same draws, one at a time
    /// (<c>randint(0, n, n)</c> draws each value as <c>randint(0, n)</c> does).</summary>
    internal static double[] BootstrapWeights(int seed, double[]? weights, int[] codes, int k, bool subsample, int[] counts, double[] result)
    {
        var n = codes.Length;
        counts.AsSpan(0, n).Clear();
        var rng = new RandomState(seed);
        for (var draw = 0; draw < n; draw++)
        {
            counts[rng.RandInt(0, n)]++;
        }

        for (var i = 0; i < n; i++)
        {
            result[i] = (weights is null ? 1.0 : weights[i]) * counts[i];
        }

        if (subsample)
        {
            var classCounts = new long[k];
            for (var i = 0; i < n; i++)
            {
                classCounts[codes[i]] += counts[i];
            }

            var present = classCounts.Count(c => c > 0);
            var classWeight = new double[k];
            for (var c = 0; c < k; c++)
            {
                // Classes absent from the sample weigh 0, as in scikit-learn's compute_sample_weight(indices=...).
                classWeight[c] = classCounts[c] > 0 ? n / (present * (double)classCounts[c]) : 0.0;
            }

            for (var i = 0; i < n; i++)
            {
                result[i] *= classWeight[codes[i]];
            }
        }

        return result;
    }

    /// <summary>Everything one fit's trees are grown from; <see cref="Tree(int, CancellationToken)"/> is safe to call from several threads.</summary>
    private sealed class ForestPlan(
        float[] columns, int n, int d, int[] codes, int k, double[]? weights, CartSettings settings, int[] seeds, int[] presorted, int[]? ranks, bool lists, bool bootstrap, bool subsample)
    {
        public int Features => d;

        /// <summary>Working arrays for the trees, shared by the plans of one cross-validation's folds.</summary>
        public System.Collections.Concurrent.ConcurrentBag<CartScratch> Scratches { get; init; } = [];

        /// <summary>For a fold on shared rows: its training rows (increasing) among the <c>n</c> rows and each row's class
        /// code (training rows only; the codes and weights of the plan are the training rows'); null when the plan's
        /// rows are the training rows.</summary>
        public (int[] Train, int[] Codes)? Rows { get; init; }

        /// <summary>Grows tree <paramref name="t"/>: its bootstrap weights and feature draws from its own seed.</summary>
        public CartTree Tree(int t, CancellationToken cancellationToken) => Tree(t, null, 0, null, cancellationToken)!;

        /// <summary>Grows tree <paramref name="t"/>; when <paramref name="test"/> is given, writes its leaf fractions
        /// for the <paramref name="m"/> test rows to <paramref name="fractions"/> and returns null instead of the tree
        /// (<see cref="CartBuilder.BuildAndPredict"/>).</summary>
        public CartTree? Tree(int t, float[]? test, int m, double[]? fractions, CancellationToken cancellationToken)
        {
            // One worker's trees reuse one set of working arrays (taken from the bag, given back after the tree).
            Scratches.TryTake(out var scratch);
            scratch = CartScratch.For(scratch, n, d, k, settings, lists);
            double[]? treeWeights;
            var treeCodes = codes;
            if (Rows is var (train, rowCodes))
            {
                // The training rows' weights (as a fit on them computes) spread over all rows; the others weigh 0.
                var trainWeights = bootstrap ? BootstrapWeights(seeds[t], weights, codes, k, subsample, scratch.Counts, scratch.TrainWeights) : weights;
                treeWeights = scratch.Weights;
                treeWeights.AsSpan(0, n).Clear();
                for (var j = 0; j < train.Length; j++)
                {
                    treeWeights[train[j]] = trainWeights is null ? 1.0 : trainWeights[j];
                }

                treeCodes = rowCodes;
            }
            else
            {
                treeWeights = bootstrap ? BootstrapWeights(seeds[t], weights, codes, k, subsample, scratch.Counts, scratch.Weights) : weights;
            }

            var randSeed = (uint)new RandomState(seeds[t]).RandInt(0, Randomness.RandomState.MaxInt);
            var builder = new CartBuilder(columns, n, d, treeCodes, k, treeWeights, settings, randSeed, presorted, sortedLists: lists, scratch: scratch, ranks: ranks);
            CartTree? tree = null;
            if (test is null || fractions is null)
            {
                tree = builder.Build(cancellationToken);
            }
            else
            {
                builder.BuildAndPredict(test, m, fractions, scratch.RouteOrder(m), cancellationToken);
            }

            Scratches.Add(scratch);
            return tree;
        }
    }

    /// <summary>All rows of a cross-validation prepared once for the trees of every fold.</summary>
    private sealed record SharedRows(float[] Columns, int N, int D, CartSettings Settings, int[] Presorted, int[]? Ranks, bool Lists)
    {
        public System.Collections.Concurrent.ConcurrentBag<CartScratch> Scratches { get; } = [];
    }

    /// <summary>One fold of <see cref="CrossValPredictProba{TLabel}"/>: its plan (made by the first worker that needs it,
    /// dropped when the fold is done), its test rows and the tree-ordered sum of its trees' test fractions.</summary>
    private sealed class FoldState<TLabel>
        where TLabel : notnull
    {
        private readonly object _gate = new();
        private readonly int _trees;
        private readonly Dictionary<int, double[]> _waiting = [];
        private readonly System.Collections.Concurrent.ConcurrentBag<double[]> _spare = [];
        private Lazy<(ForestPlan Plan, IReadOnlyList<TLabel> Classes, float[] Test, int TestRows)>? _plan;
        private double[]? _sum;
        private int _added;

        public FoldState(RandomForestClassifier forest, double[,] rows, IReadOnlyList<TLabel> y, ModelSelection.Fold fold, int trees, SharedRows? shared)
        {
            _trees = trees;
            _plan = new(() =>
            {
                if (shared is not null)
                {
                    var trainLabels = new TLabel[fold.TrainIndices.Length];
                    for (var i = 0; i < trainLabels.Length; i++)
                    {
                        trainLabels[i] = y[fold.TrainIndices[i]];
                    }

                    var sharedPlan = forest.FoldPlan(shared, trainLabels, fold.TrainIndices, out var sharedEncoder);
                    return (sharedPlan, sharedEncoder.Classes, TestRows(rows, fold.TestIndices), fold.TestIndices.Length);
                }

                var train = MatrixRows.Take(rows, fold.TrainIndices);
                var labels = new TLabel[fold.TrainIndices.Length];
                for (var i = 0; i < labels.Length; i++)
                {
                    labels[i] = y[fold.TrainIndices[i]];
                }

                var plan = forest.Plan(train, labels, null, out var encoder);
                var test = DecisionTreeClassifierModel<TLabel>.Float32Rows(MatrixRows.Take(rows, fold.TestIndices), plan.Features, nameof(RandomForestClassifier));
                return (plan, encoder.Classes, test, fold.TestIndices.Length);
            });
        }

        /// <summary>The rows <paramref name="test"/> of <paramref name="rows"/>, row-major float32 (what
        /// <c>Float32Rows</c> gives for their copy, already checked with all rows).</summary>
        private static float[] TestRows(double[,] rows, int[] test)
        {
            var d = rows.GetLength(1);
            var all = MatrixRows.Of(rows);
            var result = new float[test.Length * d];
            for (var i = 0; i < test.Length; i++)
            {
                var row = all.Slice(test[i] * d, d);
                var dest = result.AsSpan(i * d, d);
                for (var f = 0; f < d; f++)
                {
                    dest[f] = (float)row[f];
                }
            }

            return result;
        }

        /// <summary>Grows tree <paramref name="t"/>, predicts the test rows with it, and adds it (and any later trees
        /// that were waiting for it) to the sum; the last tree hands the mean to <paramref name="done"/>.</summary>
        public void Grow(int t, Action<IReadOnlyList<TLabel>, double[,]> done, CancellationToken cancellationToken)
        {
            var (plan, classes, test, m) = (_plan ?? throw new InvalidOperationException("The fold is already finished.")).Value;
            var k = classes.Count;
            if (!_spare.TryTake(out var fractions))
            {
                fractions = new double[m * k];
            }

            plan.Tree(t, test, m, fractions, cancellationToken);

            lock (_gate)
            {
                _waiting[t] = fractions;
                _sum ??= new double[m * k];
                while (_waiting.Remove(_added, out var next))
                {
                    // Trees added in tree order, as RandomForestClassifierModel.PredictProba adds them.
                    for (var j = 0; j < next.Length; j++)
                    {
                        _sum[j] += next[j];
                    }

                    _spare.Add(next);

                    _added++;
                }

                if (_added < _trees)
                {
                    return;
                }

                var proba = new double[m, k];
                var flat = MatrixRows.Of(proba);
                for (var j = 0; j < flat.Length; j++)
                {
                    flat[j] = _sum[j] / _trees;
                }

                _plan = null;
                _sum = null;
                _spare.Clear();
                done(classes, proba);
            }
        }
    }
}
