using System.Globalization;
using Imbalance.Learning;
using Imbalance.Sampling;

namespace Imbalance.ModelSelection;

/// <summary>
/// scikit-learn 1.5's <c>TunedThresholdClassifierCV</c>: chooses the decision threshold of a binary classifier by
/// cross-validation. On each split the inner classifier is fitted on the training rows only (so a sampler inside a
/// <see cref="Pipelines.Pipeline"/> sees training rows only), the positive class's probabilities of the validation rows
/// are thresholded at a grid of values and scored; the per-split score curves are interpolated onto one grid,
/// averaged, and the threshold with the best mean score is kept. The inner classifier is then refitted on all rows.
/// </summary>
/// <remarks>
/// <para>When to use it: binary problems where the metric that matters (F1, balanced accuracy, recall at a
/// precision, a cost) is poorly served by the 0.5 threshold: the threshold is chosen by cross-validation instead of
/// resampling the data. Needs enough minority rows in each validation fold; prefer FixedThresholdClassifier when
/// the threshold follows from known costs.</para>
/// <para>Resampling mostly moves the decision threshold; tuning the threshold of a model trained on the original data
/// often gives the same F1, recall or G-mean without synthetic rows (imblearn #1111).</para>
/// <para>As in scikit-learn: the per-split grid is <see cref="Thresholds"/> evenly spaced values between the smallest
/// and largest validation score (NumPy's <c>linspace</c>), or <see cref="ThresholdValues"/>; the final grid spans the
/// smallest to the largest score over all splits; each split's curve is linearly interpolated onto it (NumPy's
/// <c>interp</c>, constant outside the split's range); the first best threshold wins.</para>
/// </remarks>
/// <example>
/// <code>
/// var tuned = new TunedThresholdClassifierCV { Estimator = plain, Scoring = Scoring.Get("f1") };   // scikit-learn 1.5
/// var model = tuned.Fit(x, y);              // model.BestThreshold: the F1-best cut, chosen on inner folds
/// </code>
/// </example>
public sealed class TunedThresholdClassifierCV : IClassifier
{
    private readonly IClassifier _estimator = null!;
    private readonly Scorer _scoring = ModelSelection.Scoring.Get("balanced_accuracy");
    private readonly int _thresholds = 100;
    private readonly IReadOnlyList<double>? _thresholdValues;
    private readonly StratifiedKFold _cv = new();
    private readonly double? _testSize;
    private readonly int? _randomState;
    private readonly int? _maxDegreeOfParallelism;

    /// <summary>The inner classifier or pipeline (scikit-learn's <c>estimator</c>); required.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required IClassifier Estimator
    {
        get => _estimator;
        init => _estimator = value ?? throw new ArgumentNullException(nameof(Estimator));
    }

    /// <summary>The objective maximised (scikit-learn's <c>scoring</c>): any scorer of predicted labels, e.g.
    /// <c>Scoring.Get("f1")</c> or <c>Scoring.FromObjective(ThresholdObjective.ExpectedCost, costs: ...)</c>; default
    /// <c>balanced_accuracy</c>.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">The scorer needs probabilities (a threshold only changes labels).</exception>
    public Scorer Scoring
    {
        get => _scoring;
        init => _scoring = value is null
            ? throw new ArgumentNullException(nameof(Scoring))
            : value.NeedsProbabilities
                ? throw new ArgumentException($"The scorer '{value.Name}' needs probabilities; thresholds are tuned for scorers of predicted labels.", nameof(Scoring))
                : value;
    }

    /// <summary>The positive class (scikit-learn takes it from the scorer's <c>pos_label</c>); default: the scorer's
    /// positive label, else the second class in sorted order.</summary>
    public object? PosLabel { get; init; }

    /// <summary>The number of evenly spaced thresholds (scikit-learn's integer <c>thresholds</c>); default 100, at
    /// least 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 2.</exception>
    public int Thresholds
    {
        get => _thresholds;
        init => _thresholds = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(Thresholds), value, "thresholds must be at least 2.");
    }

    /// <summary>Explicit thresholds to evaluate (scikit-learn's array <c>thresholds</c>), used instead of
    /// <see cref="Thresholds"/>; sorted increasingly and copied. Default <see langword="null"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than two values, or a value that is not finite.</exception>
    public IReadOnlyList<double>? ThresholdValues
    {
        get => _thresholdValues;
        init => _thresholdValues = value is null
            ? null
            : value.Count >= 2 && value.All(double.IsFinite)
                ? Array.AsReadOnly(value.Order().ToArray())
                : throw new ArgumentException("Give at least two finite thresholds.", nameof(ThresholdValues));
    }

    /// <summary>The cross-validation splitter (scikit-learn's <c>cv=5</c>: <c>StratifiedKFold(5)</c>), used unless
    /// <see cref="TestSize"/> is set.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public StratifiedKFold Cv
    {
        get => _cv;
        init => _cv = value ?? throw new ArgumentNullException(nameof(Cv));
    }

    /// <summary>A single stratified train/validation split with this validation share instead of
    /// <see cref="Cv"/> (scikit-learn's float <c>cv</c>, <c>StratifiedShuffleSplit(test_size=cv)</c>, seeded by
    /// <see cref="RandomState"/>); default <see langword="null"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1).</exception>
    public double? TestSize
    {
        get => _testSize;
        init => _testSize = value is null or (> 0.0 and < 1.0)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(TestSize), value, string.Create(CultureInfo.InvariantCulture, $"cv={value} should be a float in the (0, 1) range."));
    }

    /// <summary>Refit the inner classifier on all rows after tuning (scikit-learn's <c>refit</c>); default true.
    /// False keeps the model fitted on the training part and requires <see cref="TestSize"/> (a single split), as in
    /// scikit-learn.</summary>
    public bool Refit { get; init; } = true;

    /// <summary>The seed of the <see cref="TestSize"/> split (scikit-learn's <c>random_state</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The seed is negative.</exception>
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>Most splits fitted at once (scikit-learn's <c>n_jobs</c>); <see langword="null"/> for every core.
    /// Results do not depend on it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = InputGuard.CheckParallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <summary>Tunes the threshold and fits the final model (scikit-learn's <c>fit</c>).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="x">The training rows.</param>
    /// <param name="y">Binary labels.</param>
    /// <param name="sampleWeight">Optional weight per row, passed to the inner classifier's fits (not to the scorer).</param>
    /// <param name="cancellationToken">Cancels between and inside fits.</param>
    /// <returns>The fitted model with the best threshold and the averaged score curve.</returns>
    /// <exception cref="ArgumentException">y is not binary; the positive label is not a class; <see cref="Refit"/> is
    /// false with several folds; a class has fewer rows than folds; or the inner model gives constant scores on a
    /// split (scikit-learn's error).</exception>
    public TunedThresholdClassifierModel<TLabel> Fit<TLabel>(
        double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        InputGuard.CheckXy(x, y);
        ModelResponse.CheckWeights(sampleWeight, y.Count);
        var classes = LabelEncoder<TLabel>.Fit(y).Classes;
        var positive = ModelResponse.ResolvePositive(PosLabel ?? Scoring.PositiveLabel, classes, PosLabel is null && Scoring.PositiveLabel is not null ? "posLabel" : nameof(PosLabel));
        var negative = classes[ModelResponse.IndexOf(classes, positive) == 1 ? 0 : 1];
        if (!Refit && TestSize is null)
        {
            throw InputGuard.Invalid(nameof(Refit), "When cv has several folds, refit cannot be False: set TestSize for a single split or keep Refit.");
        }

        var scorer = Scoring.WithDefaultPositive(positive);
        var folds = TestSize is { } t
            ? [SingleSplit(x, y, t)]
            : Cv.Split(y);
        var foldThresholds = new double[folds.Count][];
        var foldScores = new double[folds.Count][];
        var foldModels = new IClassificationModel<TLabel>[folds.Count];
        ModelResponse.ParallelFor(folds.Count, MaxDegreeOfParallelism, f =>
        {
            var fold = folds[f];
            var model = Estimator.Fit(MatrixRows.Take(x, fold.TrainIndices), ModelResponse.Pick(y, fold.TrainIndices), ModelResponse.Pick(sampleWeight, fold.TrainIndices), cancellationToken);
            var column = ModelResponse.IndexOf(model.Classes, positive);
            if (column < 0 || model.Classes.Count != 2)
            {
                throw new InvalidOperationException("The inner model of a split did not learn both classes.");
            }

            var scores = ModelResponse.ColumnScores(model, MatrixRows.Take(x, fold.TestIndices), column, cancellationToken);
            var yValidation = ModelResponse.Pick(y, fold.TestIndices);
            var thresholds = ThresholdValues?.ToArray() ?? Linspace(scores.Min(), scores.Max(), Thresholds);
            var values = new double[thresholds.Length];
            for (var j = 0; j < thresholds.Length; j++)
            {
                var predicted = FixedThresholdClassifierModel<TLabel>.Thresholded(scores, thresholds[j], positive, negative);
                values[j] = scorer.Evaluate(yValidation, predicted, null, model.Classes);
            }

            foldThresholds[f] = thresholds;
            foldScores[f] = values;
            foldModels[f] = model;
        }, cancellationToken);

        if (foldThresholds.Any(th => IsClose(th[0], th[^1])))
        {
            throw new ArgumentException(
                "The provided estimator makes constant predictions. Therefore, it is impossible to optimize the decision threshold.", nameof(x));
        }

        var grid = ThresholdValues?.ToArray() ?? Linspace(foldThresholds.Min(th => th.Min()), foldThresholds.Max(th => th.Max()), Thresholds);
        var mean = new double[grid.Length];
        for (var f = 0; f < folds.Count; f++)
        {
            for (var j = 0; j < grid.Length; j++)
            {
                mean[j] += Interpolate(grid[j], foldThresholds[f], foldScores[f]) / folds.Count;
            }
        }

        var best = 0;
        for (var j = 1; j < mean.Length; j++)
        {
            if (mean[j] > mean[best])
            {
                best = j;
            }
        }

        var final = Refit ? Estimator.Fit(x, y, sampleWeight, cancellationToken) : foldModels[0];
        return new TunedThresholdClassifierModel<TLabel>(final, grid[best], positive, mean[best], grid, mean, scorer.Name);
    }

    IClassificationModel<TLabel> IClassifier.Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight, CancellationToken cancellationToken) =>
        Fit(x, y, sampleWeight, cancellationToken);

    /// <summary>NumPy's <c>linspace(start, stop, count)</c>: start + i x step, the last value exactly stop.</summary>
    internal static double[] Linspace(double start, double stop, int count)
    {
        var values = new double[count];
        var step = (stop - start) / (count - 1);
        for (var i = 0; i < count; i++)
        {
            values[i] = step == 0.0 ? start + (i / (double)(count - 1) * (stop - start)) : (i * step) + start;
        }

        values[^1] = stop;
        return values;
    }

    /// <summary>NumPy's <c>interp(x, xp, fp)</c> for increasing <paramref name="xp"/>: linear between points, the end
    /// values outside.</summary>
    internal static double Interpolate(double x, double[] xp, double[] fp)
    {
        if (x <= xp[0])
        {
            return fp[0];
        }

        if (x >= xp[^1])
        {
            return fp[^1];
        }

        // The last j with xp[j] <= x.
        var lo = 0;
        var hi = xp.Length - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) >>> 1;
            if (xp[mid] <= x)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var slope = (fp[lo + 1] - fp[lo]) / (xp[lo + 1] - xp[lo]);
        return (slope * (x - xp[lo])) + fp[lo];
    }

    private static bool IsClose(double a, double b) => Math.Abs(a - b) <= 1e-8 + (1e-5 * Math.Abs(b));

    private Fold SingleSplit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, double testSize)
        where TLabel : notnull
    {
        var split = DataSplit.TrainTestSplit(x, y, testSize: testSize, randomState: RandomState, stratify: true);
        return new Fold(split.TrainIndices.ToArray(), split.TestIndices.ToArray());
    }
}
