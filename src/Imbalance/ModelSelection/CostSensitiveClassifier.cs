using System.Globalization;
using Imbalance.Learning;
using Imbalance.Metrics;
using Imbalance.Sampling;

namespace Imbalance.ModelSelection;

/// <summary>
/// Cost-sensitive classification with a K x K cost matrix (entry [i, j]: the cost of predicting class j for a row of
/// class i, classes in sorted order): predicts the class of least expected cost sum_i p(i|x) C[i, j] from the inner
/// model's probabilities, or trains the inner classifier with cost-derived weights
/// (<see cref="CostSensitiveMethod"/>). Wraps any <see cref="IClassifier"/>, a resampling pipeline included.
/// </summary>
/// <remarks>
/// <para>When to use it: when the costs of the different errors are known (a missed fraud costs more than a false
/// alarm) and the decision should minimise expected cost rather than balance the classes. It relies on the inner
/// probabilities, so calibrate them first (CalibratedClassifierCV) if they come from resampling or boosting; prefer
/// TunedThresholdClassifierCV when costs are unknown but a metric is given.</para>
/// <para>For two classes with zero costs on the diagonal this is the threshold C_fp / (C_fp + C_fn) on the positive
/// class's probability (Elkan, "The foundations of cost-sensitive learning", 2001). It relies on calibrated
/// probabilities: after resampling apply <see cref="Calibration.PriorCorrection"/> or
/// <see cref="Calibration.CalibratedClassifierCV"/> first. There is no scikit-learn or imblearn 0.10 class; the cost
/// is the one <see cref="ThresholdObjective.ExpectedCost"/> scores.</para>
/// </remarks>
/// <example>
/// <code>
/// // A missed positive costs 10, a false alarm 1: predict class 1 when P(1) &gt;= 1 / (1 + 10).
/// var model = new CostSensitiveClassifier { Estimator = plain, Costs = new ClassificationCosts(FalsePositive: 1, FalseNegative: 10) }.Fit(x, y);
/// </code>
/// </example>
public sealed class CostSensitiveClassifier : IClassifier
{
    private readonly IClassifier _estimator = null!;
    private readonly double[,]? _costMatrix;
    private readonly ClassificationCosts? _costs;
    private readonly CostSensitiveMethod _method;

    /// <summary>The inner classifier or pipeline; required.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required IClassifier Estimator
    {
        get => _estimator;
        init => _estimator = value ?? throw new ArgumentNullException(nameof(Estimator));
    }

    /// <summary>The K x K cost matrix over the sorted classes (rows: true class, columns: predicted class); copied.
    /// Give this or <see cref="Costs"/>.</summary>
    /// <exception cref="ArgumentException">The matrix is not square, smaller than 2 x 2, or holds a value that is not
    /// finite.</exception>
    public double[,]? CostMatrix
    {
        get => _costMatrix is null ? null : (double[,])_costMatrix.Clone();
        init => _costMatrix = value is null ? null : CheckMatrix(value, nameof(CostMatrix));
    }

    /// <summary>Binary costs (false positive, false negative, true positive, true negative) for the positive class
    /// <see cref="PosLabel"/>; an alternative to <see cref="CostMatrix"/>.</summary>
    /// <exception cref="ArgumentException">A cost is not finite.</exception>
    public ClassificationCosts? Costs
    {
        get => _costs;
        init => _costs = value is not { } c || (double.IsFinite(c.FalsePositive) && double.IsFinite(c.FalseNegative) && double.IsFinite(c.TruePositive) && double.IsFinite(c.TrueNegative))
            ? value
            : throw new ArgumentException("Costs must be finite.", nameof(Costs));
    }

    /// <summary>The positive class of <see cref="Costs"/>; default: the second class in sorted order.</summary>
    public object? PosLabel { get; init; }

    /// <summary>How the costs are used; default <see cref="CostSensitiveMethod.MinimumExpectedCost"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public CostSensitiveMethod Method
    {
        get => _method;
        init => _method = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Method), value, "Unknown method.");
    }

    /// <summary>
    /// Class weights derived from a cost matrix, for learners that take a <see cref="ClassWeight"/>: the weight of
    /// class i is its mean excess cost of being misclassified, sum over j != i of (C[i, j] - C[i, i]) / (K - 1)
    /// (for two classes: C_fn - C_tp for the positive class and C_fp - C_tn for the negative one; Elkan's
    /// rebalancing). Only the ratios matter to the decision.
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="classes">The classes in the matrix's order (sorted).</param>
    /// <param name="costMatrix">The K x K cost matrix.</param>
    /// <returns>Explicit class weights.</returns>
    /// <exception cref="ArgumentException">The matrix is not K x K for the K classes, holds a non-finite value, or a
    /// weight is negative (misclassifying cheaper than classifying correctly).</exception>
    public static ClassWeight ClassWeightFromCosts<TLabel>(IReadOnlyList<TLabel> classes, double[,] costMatrix)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(classes);
        CheckMatrix(costMatrix, nameof(costMatrix));
        var k = costMatrix.GetLength(0);
        if (classes.Count != k)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The cost matrix is {k} x {k} but there are {classes.Count} classes."), nameof(costMatrix));
        }

        return ClassWeight.Explicit(Enumerable.Range(0, k).ToDictionary(i => classes[i], i => ExcessCost(costMatrix, i)));
    }

    /// <summary>Fits the inner classifier (with cost weights for <see cref="CostSensitiveMethod.Reweighting"/>).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="x">The training rows.</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="sampleWeight">Optional weight per row, multiplied by the cost weights when reweighting.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="InvalidOperationException">Neither or both of <see cref="CostMatrix"/> and <see cref="Costs"/>
    /// are set.</exception>
    /// <exception cref="ArgumentException">The cost matrix size differs from the number of classes, or
    /// <see cref="Costs"/> is used with a target that is not binary.</exception>
    public CostSensitiveClassifierModel<TLabel> Fit<TLabel>(
        double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        InputGuard.CheckXy(x, y);
        ModelResponse.CheckWeights(sampleWeight, y.Count);
        var encoder = LabelEncoder<TLabel>.Fit(y);
        var classes = encoder.Classes;
        var matrix = Matrix(classes);
        if (Method == CostSensitiveMethod.Reweighting)
        {
            var classWeight = Enumerable.Range(0, classes.Count).Select(i => ExcessCost(matrix, i)).ToArray();
            var weights = new double[y.Count];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = classWeight[encoder.Codes[i]] * (sampleWeight?[i] ?? 1.0);
            }

            return new CostSensitiveClassifierModel<TLabel>(Estimator.Fit(x, y, weights, cancellationToken), matrix, false);
        }

        var model = Estimator.Fit(x, y, sampleWeight, cancellationToken);
        if (model.Classes.Count != classes.Count)
        {
            throw new InvalidOperationException("The inner model did not learn every class.");
        }

        return new CostSensitiveClassifierModel<TLabel>(model, matrix, true);
    }

    IClassificationModel<TLabel> IClassifier.Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight, CancellationToken cancellationToken) =>
        Fit(x, y, sampleWeight, cancellationToken);

    private double[,] Matrix<TLabel>(IReadOnlyList<TLabel> classes)
        where TLabel : notnull
    {
        if ((_costMatrix is null) == (_costs is null))
        {
            throw new InvalidOperationException("Set exactly one of CostMatrix and Costs.");
        }

        if (_costMatrix is not null)
        {
            if (_costMatrix.GetLength(0) != classes.Count)
            {
                throw InputGuard.Invalid(
                    "y", string.Create(CultureInfo.InvariantCulture, $"The cost matrix is {_costMatrix.GetLength(0)} x {_costMatrix.GetLength(0)} but y has {classes.Count} classes."));
            }

            return _costMatrix;
        }

        var positive = ModelResponse.IndexOf(classes, ModelResponse.ResolvePositive(PosLabel, classes, nameof(PosLabel)));
        var negative = 1 - positive;
        var c = _costs!.Value;
        var matrix = new double[2, 2];
        matrix[positive, positive] = c.TruePositive;
        matrix[positive, negative] = c.FalseNegative;
        matrix[negative, positive] = c.FalsePositive;
        matrix[negative, negative] = c.TrueNegative;
        return matrix;
    }

    private static double ExcessCost(double[,] matrix, int i)
    {
        var k = matrix.GetLength(0);
        var sum = 0.0;
        for (var j = 0; j < k; j++)
        {
            sum += j == i ? 0.0 : matrix[i, j] - matrix[i, i];
        }

        var weight = sum / (k - 1);
        return weight >= 0
            ? weight
            : throw new ArgumentException("Misclassifying a class must not cost less than classifying it correctly.", nameof(matrix));
    }

    private static double[,] CheckMatrix(double[,] matrix, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(matrix, parameterName);
        var k = matrix.GetLength(0);
        if (k < 2 || matrix.GetLength(1) != k)
        {
            throw InputGuard.Invalid(parameterName, "The cost matrix must be square, K x K with K >= 2.");
        }

        if (MatrixRows.Of(matrix).ToArray().Any(v => !double.IsFinite(v)))
        {
            throw InputGuard.Invalid(parameterName, "The cost matrix must hold finite values.");
        }

        return (double[,])matrix.Clone();
    }
}
