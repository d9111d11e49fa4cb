using System.Globalization;
using Imbalance.Learning;
using Imbalance.ModelSelection;
using Imbalance.Sampling;

namespace Imbalance.Calibration;

/// <summary>
/// scikit-learn 1.2.1's <c>CalibratedClassifierCV</c>: probability calibration with cross-validation. With
/// <see cref="Ensemble"/> (the default) the inner classifier is fitted on each fold's training rows and a calibrator
/// (<see cref="Method"/>) on the held-out rows, and the calibrated probabilities are averaged over the folds; without
/// it, out-of-fold scores of every row fit one calibrator and the classifier is refitted on all rows.
/// </summary>
/// <remarks>
/// <para>When to use it: when probabilities are used as probabilities (risk scores, expected costs, thresholds
/// chosen on probability), especially after resampling or balanced ensembles, whose scores over-estimate the
/// minority class. Sigmoid suits small data, isotonic needs more rows; prefer PriorCorrection when the only
/// distortion is a known resampling rate, and skip calibration when only the ranking matters (ROC-AUC).</para>
/// <para>Resampling bends probabilities (a model trained on balanced rows over-predicts the minority). With a
/// resampling <see cref="Pipelines.Pipeline"/> as <see cref="Estimator"/> the samplers run inside each training fold
/// only; the calibrators are fitted on held-out rows that no sampler ever touched, so they learn the original class
/// balance.</para>
/// <para>As in scikit-learn, the calibrated scores are the decision function when the model has one (a logistic
/// regression, also at the end of a pipeline) and the probabilities otherwise; one calibrator per class (one for two
/// classes); multiclass probabilities are normalised to sum to 1. The sigmoid is solved to its optimum (scikit-learn
/// stops its BFGS early: probabilities agree to about 1e-6).</para>
/// </remarks>
/// <example>
/// <code>
/// var calibrated = new CalibratedClassifierCV { Estimator = new DecisionTreeClassifier { MaxDepth = 4 }, Method = CalibrationMethod.Isotonic };
/// var model = calibrated.Fit(x, y);         // calibrators fitted on held-out folds (scikit-learn's cv=5)
/// </code>
/// </example>
public sealed class CalibratedClassifierCV : IClassifier
{
    private readonly IClassifier _estimator = null!;
    private readonly CalibrationMethod _method;
    private readonly StratifiedKFold _cv = new();
    private readonly int? _maxDegreeOfParallelism;

    /// <summary>The classifier or pipeline to calibrate (scikit-learn's <c>estimator</c>); required.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required IClassifier Estimator
    {
        get => _estimator;
        init => _estimator = value ?? throw new ArgumentNullException(nameof(Estimator));
    }

    /// <summary>The calibration (scikit-learn's <c>method</c>); default <see cref="CalibrationMethod.Sigmoid"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public CalibrationMethod Method
    {
        get => _method;
        init => _method = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Method), value, "method must be 'sigmoid' or 'isotonic'.");
    }

    /// <summary>The folds (scikit-learn's <c>cv=None</c>: <c>StratifiedKFold(5)</c>).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public StratifiedKFold Cv
    {
        get => _cv;
        init => _cv = value ?? throw new ArgumentNullException(nameof(Cv));
    }

    /// <summary>Average one calibrated classifier per fold (true, the default) or fit one calibrator on out-of-fold
    /// scores and refit the classifier on all rows (scikit-learn's <c>ensemble</c>).</summary>
    public bool Ensemble { get; init; } = true;

    /// <summary>Most folds fitted at once (scikit-learn's <c>n_jobs</c>); <see langword="null"/> for every core.
    /// Results do not depend on it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = InputGuard.CheckParallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <summary>
    /// Calibrates an already fitted model on held-out rows (scikit-learn's <c>cv="prefit"</c>): the rows must not
    /// have been used to fit <paramref name="model"/>.
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="model">A fitted model.</param>
    /// <param name="x">Held-out calibration rows.</param>
    /// <param name="y">Their labels.</param>
    /// <param name="method">The calibration.</param>
    /// <param name="sampleWeight">Optional weight per row, for the calibrator.</param>
    /// <param name="cancellationToken">Cancels the prediction.</param>
    /// <returns>The calibrated model.</returns>
    /// <exception cref="ArgumentException">The inputs differ in length, or y holds a class the model does not know.</exception>
    public static CalibratedClassifierModel<TLabel> FromModel<TLabel>(
        IClassificationModel<TLabel> model, double[,] x, IReadOnlyList<TLabel> y, CalibrationMethod method = CalibrationMethod.Sigmoid,
        IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        InputGuard.CheckXy(x, y);
        ModelResponse.CheckWeights(sampleWeight, y.Count);
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "method must be 'sigmoid' or 'isotonic'.");
        }

        if (y.Any(v => ModelResponse.IndexOf(model.Classes, v) < 0))
        {
            throw new ArgumentException("y holds a class the model was not fitted on.", nameof(y));
        }

        var inputs = ModelResponse.CalibrationInputs(model, x, cancellationToken);
        var pair = FitPair(model, inputs, y, model.Classes, method, sampleWeight?.ToArray());
        return new CalibratedClassifierModel<TLabel>(model.Classes, [pair], method);
    }

    /// <summary>Fits the calibrated classifier (scikit-learn's <c>fit</c>).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="x">The training rows.</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="sampleWeight">Optional weight per row, passed to the classifier's fits and to the calibrators.</param>
    /// <param name="cancellationToken">Cancels between and inside fits.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException">A class has fewer rows than folds (scikit-learn's error), or the inputs are
    /// invalid.</exception>
    public CalibratedClassifierModel<TLabel> Fit<TLabel>(
        double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        InputGuard.CheckXy(x, y);
        ModelResponse.CheckWeights(sampleWeight, y.Count);
        var encoder = LabelEncoder<TLabel>.Fit(y);
        var classes = encoder.Classes;
        var counts = new int[classes.Count];
        foreach (var code in encoder.Codes)
        {
            counts[code]++;
        }

        if (counts.Any(c => c < Cv.NSplits))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Requesting {Cv.NSplits}-fold cross-validation but provided less than {Cv.NSplits} examples for at least one class."), nameof(y));
        }

        var folds = Cv.Split(y);
        if (Ensemble)
        {
            var pairs = new CalibratedPair<TLabel>[folds.Count];
            ModelResponse.ParallelFor(folds.Count, MaxDegreeOfParallelism, f =>
            {
                var fold = folds[f];
                var model = Estimator.Fit(MatrixRows.Take(x, fold.TrainIndices), ModelResponse.Pick(y, fold.TrainIndices), ModelResponse.Pick(sampleWeight, fold.TrainIndices), cancellationToken);
                var inputs = ModelResponse.CalibrationInputs(model, MatrixRows.Take(x, fold.TestIndices), cancellationToken);
                pairs[f] = FitPair(model, inputs, ModelResponse.Pick(y, fold.TestIndices), classes, Method, ModelResponse.Pick(sampleWeight, fold.TestIndices));
            }, cancellationToken);
            return new CalibratedClassifierModel<TLabel>(classes, pairs, Method);
        }

        // Out-of-fold scores of every row (cross_val_predict), columns over all classes.
        var columns = classes.Count == 2 ? 1 : classes.Count;
        var outOfFold = new double[y.Count, columns];
        ModelResponse.ParallelFor(folds.Count, MaxDegreeOfParallelism, f =>
        {
            var fold = folds[f];
            var model = Estimator.Fit(MatrixRows.Take(x, fold.TrainIndices), ModelResponse.Pick(y, fold.TrainIndices), ModelResponse.Pick(sampleWeight, fold.TrainIndices), cancellationToken);
            var inputs = ModelResponse.CalibrationInputs(model, MatrixRows.Take(x, fold.TestIndices), cancellationToken);
            var map = columns == 1 ? [0] : model.Classes.Select(c => ModelResponse.IndexOf(classes, c)).ToArray();
            for (var i = 0; i < fold.TestIndices.Length; i++)
            {
                for (var c = 0; c < map.Length; c++)
                {
                    outOfFold[fold.TestIndices[i], map[c]] = inputs[i, c];
                }
            }
        }, cancellationToken);

        var final = Estimator.Fit(x, y, sampleWeight, cancellationToken);
        var finalColumns = columns == 1 ? outOfFold : Restrict(outOfFold, final.Classes.Select(c => ModelResponse.IndexOf(classes, c)).ToArray());
        return new CalibratedClassifierModel<TLabel>(classes, [FitPair(final, finalColumns, y, classes, Method, sampleWeight?.ToArray())], Method);
    }

    IClassificationModel<TLabel> IClassifier.Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight, CancellationToken cancellationToken) =>
        Fit(x, y, sampleWeight, cancellationToken);

    /// <summary>scikit-learn's <c>_fit_calibrator</c>: one calibrator per score column, against the one-vs-rest target
    /// of the column's class (the second class for a binary target).</summary>
    private static CalibratedPair<TLabel> FitPair<TLabel>(
        IClassificationModel<TLabel> model, double[,] inputs, IReadOnlyList<TLabel> y, IReadOnlyList<TLabel> classes, CalibrationMethod method, double[]? weights)
        where TLabel : notnull
    {
        var n = inputs.GetLength(0);
        var columns = inputs.GetLength(1);
        var calibrators = new Calibrator[columns];
        var classOfColumn = new int[columns];
        for (var c = 0; c < columns; c++)
        {
            var classIndex = classes.Count == 2 ? 1 : ModelResponse.IndexOf(classes, model.Classes[c]);
            classOfColumn[c] = classIndex;
            var scores = new double[n];
            var targets = new double[n];
            for (var i = 0; i < n; i++)
            {
                scores[i] = inputs[i, c];
                targets[i] = EqualityComparer<TLabel>.Default.Equals(y[i], classes[classIndex]) ? 1.0 : 0.0;
            }

            calibrators[c] = Calibrator.Fit(method, scores, targets, weights);
        }

        return new CalibratedPair<TLabel>(model, calibrators, classOfColumn);
    }

    private static double[,] Restrict(double[,] matrix, int[] columns)
    {
        var result = new double[matrix.GetLength(0), columns.Length];
        for (var i = 0; i < result.GetLength(0); i++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                result[i, c] = matrix[i, columns[c]];
            }
        }

        return result;
    }
}
