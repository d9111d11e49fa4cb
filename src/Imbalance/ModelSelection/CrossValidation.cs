using System.Diagnostics;
using System.Globalization;
using Imbalance.Diagnostics;
using Imbalance.Interop;
using Imbalance.Learning;
using Imbalance.Sampling;

namespace Imbalance.ModelSelection;

/// <summary>
/// scikit-learn's <c>cross_validate</c>, <c>cross_val_score</c> and <c>cross_val_predict</c>: fit a fresh model on
/// each fold's training rows and evaluate it on the fold's test rows. With a <see cref="Pipelines.Pipeline"/> the
/// samplers run inside each training fold only, so no synthetic or duplicated row reaches a test fold.
/// </summary>
/// <remarks>
/// <para>When to use it: to estimate how a classifier or resampling pipeline generalises, with metrics suited to
/// imbalance; put samplers inside a Pipeline so they see training folds only (resampling before splitting leaks
/// synthetic rows into the test folds). Prefer a single train-test split only on very large data.</para>
/// The default folds are scikit-learn's for classifiers: <c>StratifiedKFold(5)</c> without shuffling.
/// Folds run in parallel (each writes its own result slot, so results do not depend on the thread count).</remarks>
/// <example>
/// <code>
/// var pipeline = Pipeline.Make(new StandardScaler(), new RandomUnderSampler { RandomState = 0 }, new LogisticRegression());
/// var recall = Scoring.FromPredictions&lt;int&gt;("recall", (t, p) =&gt; ClassificationMetrics.RecallScore(t, p, posLabel: 1));
/// var result = CrossValidation.CrossValidate(pipeline, x, y, [recall], new StratifiedKFold { NSplits = 5 }.Split(y));
/// double meanRecall = result.Mean("recall");   // each fold's sampler saw only its training rows
/// </code>
/// </example>
public static class CrossValidation
{
    /// <summary>Fits and scores on every fold (scikit-learn's <c>cross_validate</c>).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="estimator">The classifier or pipeline to evaluate; it is not changed.</param>
    /// <param name="x">All rows: <c>double[,]</c> or any shape <see cref="FeatureMatrix"/> converts (jagged, <c>float</c>, MathNet).</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="scorers">The scores to compute on each test fold.</param>
    /// <param name="folds">The folds; <see langword="null"/> for <c>StratifiedKFold(5)</c> on <paramref name="y"/>.</param>
    /// <param name="maxDegreeOfParallelism">Most folds run at once; <see langword="null"/> for every core.</param>
    /// <param name="progress">Receives a report as each fold finishes (from the fold's thread); <see langword="null"/>
    /// for none.</param>
    /// <param name="cancellationToken">Cancels between folds and inside fits.</param>
    /// <returns>The scores per fold, the timings, and the warnings of every fold's fitted model.</returns>
    /// <exception cref="ArgumentException">No scorer is given, scorer names repeat, or a fold index is out of range.</exception>
    public static CrossValidationScores CrossValidate<TLabel>(
        IClassifier estimator,
        FeatureMatrix x,
        IReadOnlyList<TLabel> y,
        IReadOnlyList<Scorer> scorers,
        IReadOnlyList<Fold>? folds,
        int? maxDegreeOfParallelism,
        IProgress<ProgressReport>? progress,
        CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(scorers);
        var rows = x.ToArray2D(nameof(x));
        InputGuard.CheckXy(rows, y);
        if (scorers.Count == 0 || scorers.Any(s => s is null) || scorers.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != scorers.Count)
        {
            throw new ArgumentException("Give at least one scorer, with distinct names.", nameof(scorers));
        }

        folds = CheckFolds(folds ?? new StratifiedKFold().Split(y), y.Count, nameof(folds));
        var scores = scorers.ToDictionary(s => s.Name, _ => new double[folds.Count], StringComparer.Ordinal);
        var fitTimes = new double[folds.Count];
        var scoreTimes = new double[folds.Count];
        var warnings = new Diagnostic[folds.Count][];
        RunFolds(folds, maxDegreeOfParallelism, progress, f =>
        {
            var fold = folds[f];
            var watch = Stopwatch.StartNew();
            var model = estimator.Fit(MatrixRows.Take(rows, fold.TrainIndices), Pick(y, fold.TrainIndices), null, cancellationToken);
            fitTimes[f] = watch.Elapsed.TotalSeconds;
            warnings[f] = Diagnostic.Within(FoldName(f), model.Warnings);
            watch.Restart();
            var xTest = MatrixRows.Take(rows, fold.TestIndices);
            var yTest = Pick(y, fold.TestIndices);
            var predictions = scorers.Any(s => !s.NeedsProbabilities) ? model.Predict(xTest, cancellationToken) : null;
            var probabilities = scorers.Any(s => s.NeedsProbabilities) ? model.PredictProba(xTest, cancellationToken) : null;
            foreach (var scorer in scorers)
            {
                scores[scorer.Name][f] = scorer.Evaluate(yTest, predictions, probabilities, model.Classes);
            }

            scoreTimes[f] = watch.Elapsed.TotalSeconds;
        }, cancellationToken);

        return new CrossValidationScores(
            scores.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), fitTimes, scoreTimes, [.. warnings.SelectMany(w => w)]);
    }

    /// <summary>One score per fold (scikit-learn's <c>cross_val_score</c>).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="estimator">The classifier or pipeline to evaluate.</param>
    /// <param name="x">All rows: <c>double[,]</c> or any shape <see cref="FeatureMatrix"/> converts (jagged, <c>float</c>, MathNet).</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="scorer">The score to compute.</param>
    /// <param name="folds">The folds; <see langword="null"/> for <c>StratifiedKFold(5)</c>.</param>
    /// <param name="progress">Receives a report as each fold finishes; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels between folds.</param>
    /// <returns>The test score of each fold.</returns>
    public static double[] CrossValScore<TLabel>(
        IClassifier estimator, FeatureMatrix x, IReadOnlyList<TLabel> y, Scorer scorer, IReadOnlyList<Fold>? folds, IProgress<ProgressReport>? progress, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(scorer);
        return CrossValidate(estimator, x, y, [scorer], folds, null, progress, cancellationToken).TestScores[scorer.Name];
    }

    /// <summary>
    /// The out-of-fold prediction of every row (scikit-learn's <c>cross_val_predict</c>): each row is predicted by the
    /// model fitted on the folds that do not contain it. The folds must test every row exactly once.
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="estimator">The classifier or pipeline.</param>
    /// <param name="x">All rows: <c>double[,]</c> or any shape <see cref="FeatureMatrix"/> converts (jagged, <c>float</c>, MathNet).</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="folds">The folds; <see langword="null"/> for <c>StratifiedKFold(5)</c>.</param>
    /// <param name="progress">Receives a report as each fold finishes; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels between folds.</param>
    /// <returns>One predicted label per row.</returns>
    /// <exception cref="ArgumentException">The folds do not partition the rows.</exception>
    public static TLabel[] CrossValPredict<TLabel>(
        IClassifier estimator, FeatureMatrix x, IReadOnlyList<TLabel> y, IReadOnlyList<Fold>? folds, IProgress<ProgressReport>? progress, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(estimator);
        var rows = x.ToArray2D(nameof(x));
        InputGuard.CheckXy(rows, y);
        folds = CheckPartition(folds ?? new StratifiedKFold().Split(y), y.Count);
        var result = new TLabel[y.Count];
        RunFolds(folds, null, progress, f =>
        {
            var fold = folds[f];
            var predictions = estimator.Fit(MatrixRows.Take(rows, fold.TrainIndices), Pick(y, fold.TrainIndices), null, cancellationToken)
                .Predict(MatrixRows.Take(rows, fold.TestIndices), cancellationToken);
            for (var i = 0; i < predictions.Length; i++)
            {
                result[fold.TestIndices[i]] = predictions[i];
            }
        }, cancellationToken);

        return result;
    }

    /// <summary>
    /// Out-of-fold class probabilities of every row (scikit-learn's <c>cross_val_predict(method="predict_proba")</c>),
    /// columns in the sorted order of all classes of <paramref name="y"/>; a class absent from a training fold gets
    /// probability 0 in that fold's rows, as in scikit-learn.
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="estimator">The classifier or pipeline.</param>
    /// <param name="x">All rows: <c>double[,]</c> or any shape <see cref="FeatureMatrix"/> converts (jagged, <c>float</c>, MathNet).</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="folds">The folds; <see langword="null"/> for <c>StratifiedKFold(5)</c>.</param>
    /// <param name="progress">Receives a report as each fold finishes; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels between folds.</param>
    /// <returns>A <c>rows x classes</c> matrix.</returns>
    /// <exception cref="ArgumentException">The folds do not partition the rows.</exception>
    public static double[,] CrossValPredictProba<TLabel>(
        IClassifier estimator, FeatureMatrix x, IReadOnlyList<TLabel> y, IReadOnlyList<Fold>? folds, IProgress<ProgressReport>? progress, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(estimator);
        var rows = x.ToArray2D(nameof(x));
        InputGuard.CheckXy(rows, y);
        folds = CheckPartition(folds ?? new StratifiedKFold().Split(y), y.Count);
        var classes = LabelEncoder<TLabel>.Fit(y).Classes;
        var column = new Dictionary<TLabel, int>();
        for (var c = 0; c < classes.Count; c++)
        {
            column[classes[c]] = c;
        }

        var result = new double[y.Count, classes.Count];
        if (estimator is RandomForestClassifier forest)
        {
            // The same numbers without keeping a forest per fold: trees are grown, predict and are dropped.
            var counter = new ProgressCounter(progress, nameof(CrossValidation), folds.Count);
            var checkedFolds = folds;
            forest.CrossValPredictProba(rows, y, checkedFolds, (f, foldClasses, proba) =>
            {
                var test = checkedFolds[f].TestIndices;
                for (var i = 0; i < test.Length; i++)
                {
                    for (var c = 0; c < foldClasses.Count; c++)
                    {
                        result[test[i], column[foldClasses[c]]] = proba[i, c];
                    }
                }

                counter.Step();
            }, cancellationToken);
            return result;
        }

        RunFolds(folds, null, progress, f =>
        {
            var fold = folds[f];
            var model = estimator.Fit(MatrixRows.Take(rows, fold.TrainIndices), Pick(y, fold.TrainIndices), null, cancellationToken);
            var proba = model.PredictProba(MatrixRows.Take(rows, fold.TestIndices), cancellationToken);
            for (var i = 0; i < fold.TestIndices.Length; i++)
            {
                for (var c = 0; c < model.Classes.Count; c++)
                {
                    result[fold.TestIndices[i], column[model.Classes[c]]] = proba[i, c];
                }
            }
        }, cancellationToken);

        return result;
    }

    /// <summary>Fits and scores on every fold (scikit-learn's <c>cross_validate</c>) without progress reports.</summary>
    /// <inheritdoc cref="CrossValidate{TLabel}(IClassifier, FeatureMatrix, IReadOnlyList{TLabel}, IReadOnlyList{Scorer}, IReadOnlyList{Fold}?, int?, IProgress{ProgressReport}?, CancellationToken)"/>
    public static CrossValidationScores CrossValidate<TLabel>(
        IClassifier estimator,
        FeatureMatrix x,
        IReadOnlyList<TLabel> y,
        IReadOnlyList<Scorer> scorers,
        IReadOnlyList<Fold>? folds = null,
        int? maxDegreeOfParallelism = null,
        CancellationToken cancellationToken = default)
        where TLabel : notnull => CrossValidate(estimator, x, y, scorers, folds, maxDegreeOfParallelism, null, cancellationToken);

    /// <summary>One score per fold (scikit-learn's <c>cross_val_score</c>) without progress reports.</summary>
    /// <inheritdoc cref="CrossValScore{TLabel}(IClassifier, FeatureMatrix, IReadOnlyList{TLabel}, Scorer, IReadOnlyList{Fold}?, IProgress{ProgressReport}?, CancellationToken)"/>
    public static double[] CrossValScore<TLabel>(
        IClassifier estimator, FeatureMatrix x, IReadOnlyList<TLabel> y, Scorer scorer, IReadOnlyList<Fold>? folds = null, CancellationToken cancellationToken = default)
        where TLabel : notnull => CrossValScore(estimator, x, y, scorer, folds, null, cancellationToken);

    /// <summary>Out-of-fold predictions (scikit-learn's <c>cross_val_predict</c>) without progress reports.</summary>
    /// <inheritdoc cref="CrossValPredict{TLabel}(IClassifier, FeatureMatrix, IReadOnlyList{TLabel}, IReadOnlyList{Fold}?, IProgress{ProgressReport}?, CancellationToken)"/>
    public static TLabel[] CrossValPredict<TLabel>(
        IClassifier estimator, FeatureMatrix x, IReadOnlyList<TLabel> y, IReadOnlyList<Fold>? folds = null, CancellationToken cancellationToken = default)
        where TLabel : notnull => CrossValPredict(estimator, x, y, folds, null, cancellationToken);

    /// <summary>Out-of-fold class probabilities (scikit-learn's <c>cross_val_predict(method="predict_proba")</c>)
    /// without progress reports.</summary>
    /// <inheritdoc cref="CrossValPredictProba{TLabel}(IClassifier, FeatureMatrix, IReadOnlyList{TLabel}, IReadOnlyList{Fold}?, IProgress{ProgressReport}?, CancellationToken)"/>
    public static double[,] CrossValPredictProba<TLabel>(
        IClassifier estimator, FeatureMatrix x, IReadOnlyList<TLabel> y, IReadOnlyList<Fold>? folds = null, CancellationToken cancellationToken = default)
        where TLabel : notnull => CrossValPredictProba(estimator, x, y, folds, null, cancellationToken);

    /// <summary>
    /// The out-of-fold probability of one class for every row: the column of
    /// <c>CrossValPredictProba</c> that belongs to <paramref name="label"/>, the held-out score that
    /// threshold moving (<see cref="Metrics.ThresholdMoving"/>) and precision-recall curves take.
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="estimator">The classifier or pipeline.</param>
    /// <param name="x">All rows: <c>double[,]</c> or any shape <see cref="FeatureMatrix"/> converts (jagged, <c>float</c>, MathNet).</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="label">The class whose probability is returned; a class of <paramref name="y"/>.</param>
    /// <param name="folds">The folds; <see langword="null"/> for <c>StratifiedKFold(5)</c>.</param>
    /// <param name="cancellationToken">Cancels between folds.</param>
    /// <returns>One probability per row.</returns>
    /// <exception cref="ArgumentException"><paramref name="label"/> is not a class of <paramref name="y"/>, or the folds
    /// do not partition the rows.</exception>
    public static double[] CrossValPredictProbability<TLabel>(
        IClassifier estimator, FeatureMatrix x, IReadOnlyList<TLabel> y, TLabel label, IReadOnlyList<Fold>? folds = null, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(label);
        var classes = LabelEncoder<TLabel>.Fit(y ?? throw new ArgumentNullException(nameof(y))).Classes;
        var column = -1;
        for (var c = 0; c < classes.Count; c++)
        {
            column = EqualityComparer<TLabel>.Default.Equals(classes[c], label) ? c : column;
        }

        if (column < 0)
        {
            throw new ArgumentException($"label={label} is not a class of y; its classes are [{string.Join(", ", classes)}].", nameof(label));
        }

        var proba = CrossValPredictProba(estimator, x, y, folds, null, cancellationToken);
        var result = new double[proba.GetLength(0)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = proba[i, column];
        }

        return result;
    }

    /// <summary>The <see cref="Diagnostic.Source"/> prefix of fold <paramref name="f"/> (numbered from 1).</summary>
    private static string FoldName(int f) => string.Create(CultureInfo.InvariantCulture, $"fold {f + 1}");

    private static void RunFolds(IReadOnlyList<Fold> folds, int? maxDegreeOfParallelism, IProgress<ProgressReport>? progress, Action<int> body, CancellationToken cancellationToken)
    {
        var counter = new ProgressCounter(progress, nameof(CrossValidation), folds.Count);
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        ParallelLoop.For(0, folds.Count, options, f =>
        {
            body(f);
            counter.Step();
        });
    }

    private static IReadOnlyList<Fold> CheckFolds(IReadOnlyList<Fold> folds, int rows, string parameterName)
    {
        if (folds.Count == 0)
        {
            throw new ArgumentException("At least one fold is required.", parameterName);
        }

        for (var f = 0; f < folds.Count; f++)
        {
            var fold = folds[f] ?? throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Fold {f} of {parameterName} is null."), parameterName);
            if (fold.TrainIndices.Concat(fold.TestIndices).Any(i => (uint)i >= (uint)rows) || fold.TrainIndices.Length == 0 || fold.TestIndices.Length == 0)
            {
                throw new ArgumentException($"Each fold needs training and test rows with indices in [0, {rows}).", parameterName);
            }
        }

        return folds;
    }

    private static IReadOnlyList<Fold> CheckPartition(IReadOnlyList<Fold> folds, int rows)
    {
        CheckFolds(folds, rows, nameof(folds));
        var tested = new int[rows];
        foreach (var fold in folds)
        {
            foreach (var i in fold.TestIndices)
            {
                tested[i]++;
            }
        }

        if (tested.Any(t => t != 1))
        {
            throw new ArgumentException("cross_val_predict only works for partitions: every row must be tested exactly once.", nameof(folds));
        }

        return folds;
    }

    private static TLabel[] Pick<TLabel>(IReadOnlyList<TLabel> y, int[] indices)
    {
        var result = new TLabel[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            result[i] = y[indices[i]];
        }

        return result;
    }
}
