using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.Learning;

/// <summary>
/// A C-support vector classifier with an RBF kernel, configured like scikit-learn's <c>SVC(C=1.0, kernel="rbf",
/// gamma="scale", tol=1e-3)</c>, trained like libsvm: one-vs-one binary problems, each solved by sequential minimal
/// optimisation with libsvm's second-order working-set selection (Fan, Chen and Lin, "Working set selection using
/// second order information for training SVM", JMLR 6, 2005). It provides the support vectors of
/// <see cref="OverSampling.SvmSmote"/>.
/// </summary>
/// <remarks>
/// <para>When to use it: to find the support vectors of the class border, which is what SvmSmote needs (set one
/// with other C or Gamma as SvmSmote's SupportVectorProvider); standardise the features first, since the RBF
/// kernel is distance-based. It is not a general-purpose classifier here (it does not predict); training is
/// quadratic in the number of rows, so on large data prefer BorderlineSmote, which needs no SVM.</para>
/// As in libsvm, kernel values are stored in single precision, the binary problem of classes <c>a &lt; b</c> lists the
/// rows of <c>a</c> then those of <c>b</c>, and the shrinking heuristic (with its gradient reconstruction) runs
/// every <c>min(l, 1000)</c> iterations, so the iterates follow libsvm's; the support vectors match scikit-learn's
/// on the parity fixtures. Floating-point details outside the solver (BLAS-free dot products here) could still move
/// a multiplier that is almost exactly zero.
/// </remarks>
/// <example>
/// <code>
/// var svc = new SupportVectorClassifier { C = 1.0 };                      // scikit-learn's SVC(kernel="rbf", gamma="scale")
/// IReadOnlyList&lt;int&gt; supportVectors = svc.FindSupportVectors(x, y);       // the rows SVM-SMOTE starts from
/// </code>
/// </example>
public sealed class SupportVectorClassifier : ISupportVectorProvider
{
    private readonly double _c = 1.0;
    private readonly double? _gamma;
    private readonly double _tolerance = 1e-3;

    /// <summary>The penalty of misclassified samples (scikit-learn's <c>C</c>); default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public double C
    {
        get => _c;
        init => _c = value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(C), value, string.Create(CultureInfo.InvariantCulture, $"The 'C' parameter of SVC must be a float in the range (0.0, inf). Got {value} instead."));
    }

    /// <summary>
    /// The RBF kernel coefficient (scikit-learn's <c>gamma</c>); <see langword="null"/> (default) is <c>"scale"</c>:
    /// <c>1 / (n_features * X.var())</c>, or 1 when X has zero variance.
    /// </summary>
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

    /// <summary>The kernel cache budget in bytes (libsvm's <c>cache_size</c>, 200 MB as scikit-learn's default); it
    /// changes only the time, never the result (tests shrink it to prove that).</summary>
    internal long CacheBytes { get; init; } = KernelColumnPool.DefaultBytes;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The inputs are empty, not finite, of different lengths, or hold a class
    /// code outside 0..K-1.</exception>
    public IReadOnlyList<int> FindSupportVectors(double[,] x, IReadOnlyList<int> classes, CancellationToken cancellationToken = default)
    {
        InputGuard.CheckXy(x, classes);
        var n = x.GetLength(0);
        var d = x.GetLength(1);
        // The rows are read in place (no copy): each binary problem copies its members into the kernel's panels.
        ReadOnlySpan<double> rows = MatrixRows.Of(x);
        var classCount = classes.Max() + 1;
        if (classes.Any(c => c < 0))
        {
            throw InputGuard.Invalid(nameof(classes), "Class codes must not be negative.");
        }

        var gamma = Gamma ?? ScaleGamma(rows, d);
        var squares = new double[n];
        for (var i = 0; i < n; i++)
        {
            squares[i] = Dot(rows.Slice(i * d, d), rows.Slice(i * d, d));
        }

        var byClass = Enumerable.Range(0, classCount).Select(c => Enumerable.Range(0, n).Where(i => classes[i] == c).ToArray()).ToArray();
        var support = new bool[n];
        var largest = 0;
        for (var a = 0; a < classCount; a++)
        {
            for (var b = a + 1; b < classCount; b++)
            {
                if (byClass[a].Length > 0 && byClass[b].Length > 0)
                {
                    largest = Math.Max(largest, byClass[a].Length + byClass[b].Length);
                }
            }
        }

        // One set of column buffers for all one-vs-one problems, solved one after the other.
        var pool = new KernelColumnPool(largest, CacheBytes);
        for (var a = 0; a < classCount; a++)
        {
            for (var b = a + 1; b < classCount; b++)
            {
                if (byClass[a].Length == 0 || byClass[b].Length == 0)
                {
                    continue;
                }

                var members = byClass[a].Concat(byClass[b]).ToArray();
                var labels = members.Select(i => classes[i] == a ? 1.0 : -1.0).ToArray();
                var alpha = Solve(rows, d, squares, gamma, members, labels, pool, cancellationToken);
                for (var t = 0; t < members.Length; t++)
                {
                    if (alpha[t] > 0)
                    {
                        support[members[t]] = true;
                    }
                }
            }
        }

        return byClass.SelectMany(r => r.Where(i => support[i])).ToArray();
    }

    /// <summary>scikit-learn's <c>gamma="scale"</c>: <c>1 / (n_features * X.var())</c> with NumPy's pairwise sums.</summary>
    internal static double ScaleGamma(ReadOnlySpan<double> rows, int d)
    {
        var mean = NumPyReductions.PairwiseSum(rows) / rows.Length;
        var variance = PairwiseSumOfSquaredDeviations(rows, mean) / rows.Length;
        return variance != 0 ? 1.0 / (d * variance) : 1.0;
    }

    /// <summary><c>NumPyReductions.PairwiseSum</c> of <c>(v - mean)^2</c> without the array of squares: the same
    /// splits (at a multiple of 8 near the middle, down to at most 128 values), and each leaf's squares summed by
    /// <c>PairwiseSum</c> itself, so the same values are added in the same order.</summary>
    private static double PairwiseSumOfSquaredDeviations(ReadOnlySpan<double> values, double mean)
    {
        const int leaf = 128;
        if (values.Length <= leaf)
        {
            Span<double> squared = stackalloc double[leaf];
            for (var i = 0; i < values.Length; i++)
            {
                var deviation = values[i] - mean;
                squared[i] = deviation * deviation;
            }

            return NumPyReductions.PairwiseSum(squared[..values.Length]);
        }

        var half = values.Length / 2;
        half -= half % 8;
        return PairwiseSumOfSquaredDeviations(values[..half], mean) + PairwiseSumOfSquaredDeviations(values[half..], mean);
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            sum += a[j] * b[j];
        }

        return sum;
    }

    /// <summary>libsvm's <c>Solver::Solve</c> for C-SVC (<c>p = -1</c>, bounds <c>[0, C]</c>, alpha from 0), with its shrinking.</summary>
    private double[] Solve(ReadOnlySpan<double> rows, int d, double[] squares, double gamma, int[] members, double[] labels, KernelColumnPool pool, CancellationToken cancellationToken)
    {
        var linear = new double[labels.Length];
        Array.Fill(linear, -1.0);
        var solver = new SmoSolver(new RbfKernelColumns(rows, d, squares, gamma, members, labels, pool), labels, linear, new double[labels.Length], C, Tolerance);
        return solver.Solve(cancellationToken).Alpha;
    }
}
