using System.Globalization;
using Imbalance.Learning;
using Imbalance.Sampling;

namespace Imbalance.Anomaly;

/// <summary>
/// The one-class support vector machine of Schölkopf et al. ("Estimating the support of a high-dimensional
/// distribution", Neural Computation 13, 2001) with an RBF kernel, configured like scikit-learn 1.2.1's
/// <c>OneClassSVM(kernel="rbf", nu=0.5, gamma="scale", tol=1e-3, shrinking=True)</c> and solved by the library's
/// libsvm solver (<c>SmoSolver</c>, shared with <see cref="SupportVectorClassifier"/>). <see cref="Fit"/> returns
/// an immutable <see cref="OneClassSvmModel"/>.
/// </summary>
/// <remarks>
/// <para>When to use it: novelty detection on small to medium numeric data with a smooth normal region: it learns a
/// boundary around the normal class. Sensitive to feature scaling (standardise first) and to its nu and kernel
/// parameters, and quadratic in the number of rows; prefer IsolationForest on large or high-dimensional
/// data.</para>
/// <para>Use it to learn the region where normal rows live when positives are too rare to learn from (fit it on the
/// majority class, see <see cref="OutlierDetectorClassifier"/>). It is sensitive to feature scales (standardise
/// first) and costs O(n^2) kernel evaluations, so it suits thousands of rows, not millions; <see cref="IsolationForest"/>
/// scales better.</para>
/// <para>Parity: libsvm's <c>solve_one_class</c> steps are followed (the start point <c>alpha_i = min(1, nu_l)</c>
/// with <c>nu_l</c> summed as there, float32 kernel cache, second-order working sets, shrinking, <c>calculate_rho</c>),
/// so support vectors, dual coefficients and decision values agree with scikit-learn's to rounding on the fixtures;
/// decision values use the squared distance directly as scikit-learn's dense <c>k_function</c> does (its BLAS dot
/// may sum in another order, so the last bits can differ).</para>
/// </remarks>
/// <example>
/// <code>
/// var svm = new OneClassSvm { Nu = 0.05 }.Fit(x);     // scikit-learn's OneClassSVM(nu=0.05, gamma="scale")
/// double[] decision = svm.DecisionFunction(x);        // negative outside the learned region
/// </code>
/// </example>
public sealed class OneClassSvm : IOutlierDetector
{
    private readonly double _nu = 0.5;
    private readonly double? _gamma;
    private readonly double _tolerance = 1e-3;

    /// <summary>An upper bound on the share of training rows outside the learned region and a lower bound on the
    /// share of support vectors (scikit-learn's <c>nu</c>); default 0.5, in (0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, 1].</exception>
    public double Nu
    {
        get => _nu;
        init => _nu = value is > 0.0 and <= 1.0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Nu), value, "The 'nu' parameter must be a float in the range (0.0, 1.0].");
    }

    /// <summary>The RBF kernel coefficient (scikit-learn's <c>gamma</c>); <see langword="null"/> (default) is
    /// <c>"scale"</c>: <c>1 / (n_features * X.var())</c>, or 1 when X has zero variance.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public double? Gamma
    {
        get => _gamma;
        init => _gamma = value is null || (value > 0 && double.IsFinite(value.Value))
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Gamma), value, "gamma must be positive.");
    }

    /// <summary>The stopping tolerance on the maximal KKT violation (scikit-learn's <c>tol</c>); default 1e-3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public double Tolerance
    {
        get => _tolerance;
        init => _tolerance = value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Tolerance), value, "tol must be positive.");
    }

    /// <summary>Fits the one-class SVM on <paramref name="x"/> (scikit-learn's <c>fit(X)</c>).</summary>
    /// <param name="x">The training rows, finite.</param>
    /// <param name="cancellationToken">Cancels the fit (checked every <c>min(n, 1000)</c> solver iterations).</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty or not finite.</exception>
    public OneClassSvmModel Fit(double[,] x, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        InputGuard.CheckMatrix(x, nameof(x));
        var n = x.GetLength(0);
        var d = x.GetLength(1);
        var rows = MatrixRows.Of(x).ToArray();
        var gamma = Gamma ?? SupportVectorClassifier.ScaleGamma(rows, d);
        var squares = new double[n];
        for (var i = 0; i < n; i++)
        {
            var row = rows.AsSpan(i * d, d);
            var sum = 0.0;
            foreach (var v in row)
            {
                sum += v * v;
            }

            squares[i] = sum;
        }

        // scikit-learn's solve_one_class: C_i = sample weight (1), nu_l = sum_i C_i nu, alpha_i = min(C_i, nu_l)
        // from the first row on.
        var alpha = new double[n];
        var nuL = 0.0;
        for (var i = 0; i < n; i++)
        {
            nuL += 1.0 * Nu;
        }

        for (var i = 0; nuL > 0 && i < n; i++)
        {
            alpha[i] = Math.Min(1.0, nuL);
            nuL -= alpha[i];
        }

        var ones = new double[n];
        Array.Fill(ones, 1.0);
        var members = Enumerable.Range(0, n).ToArray();
        var solver = new SmoSolver(new RbfKernelColumns(rows, d, squares, gamma, members, ones), ones, new double[n], alpha, 1.0, Tolerance);
        var (solution, rho, _) = solver.Solve(cancellationToken);

        var support = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (Math.Abs(solution[i]) > 0)
            {
                support.Add(i);
            }
        }

        var vectors = new double[support.Count * d];
        var coefficients = new double[support.Count];
        for (var s = 0; s < support.Count; s++)
        {
            rows.AsSpan(support[s] * d, d).CopyTo(vectors.AsSpan(s * d, d));
            coefficients[s] = solution[support[s]];
        }

        return new OneClassSvmModel([.. support], vectors, coefficients, d, gamma, rho);
    }

    /// <inheritdoc />
    IOutlierModel IOutlierDetector.Fit(double[,] x, CancellationToken cancellationToken) => Fit(x, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"OneClassSvm(Nu={Nu:R}, Gamma={Gamma?.ToString("R", CultureInfo.InvariantCulture) ?? "scale"}, Tolerance={Tolerance:R})");
}
