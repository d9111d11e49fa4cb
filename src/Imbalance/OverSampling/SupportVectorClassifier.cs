using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.OverSampling;

/// <summary>
/// A C-support vector classifier with an RBF kernel, configured like scikit-learn's <c>SVC(C=1.0, kernel="rbf",
/// gamma="scale", tol=1e-3)</c>, trained like libsvm: one-vs-one binary problems, each solved by sequential minimal
/// optimisation with libsvm's second-order working-set selection (Fan, Chen and Lin, "Working set selection using
/// second order information for training SVM", JMLR 6, 2005). It provides the support vectors of
/// <see cref="SvmSmote"/>.
/// </summary>
/// <remarks>
/// As in libsvm, kernel values are stored in single precision and the binary problem of classes <c>a &lt; b</c> lists
/// the rows of <c>a</c> then those of <c>b</c>. libsvm's shrinking heuristic is not used; it only changes when a
/// nearly optimal solution stops, so support vectors whose multiplier is tiny can differ from scikit-learn's.
/// </remarks>
public sealed class SupportVectorClassifier : ISupportVectorProvider
{
    private const double Tau = 1e-12;
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

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The inputs are empty, not finite, of different lengths, or hold a class
    /// code outside 0..K-1.</exception>
    public IReadOnlyList<int> FindSupportVectors(double[,] x, IReadOnlyList<int> classes, CancellationToken cancellationToken = default)
    {
        InputGuard.CheckXy(x, classes);
        var n = x.GetLength(0);
        var d = x.GetLength(1);
        var rows = MatrixRows.Of(x).ToArray();
        var classCount = classes.Max() + 1;
        if (classes.Any(c => c < 0))
        {
            throw InputGuard.Invalid(nameof(classes), "Class codes must not be negative.");
        }

        var gamma = Gamma ?? ScaleGamma(rows, d);
        var squares = new double[n];
        for (var i = 0; i < n; i++)
        {
            squares[i] = Dot(rows.AsSpan(i * d, d), rows.AsSpan(i * d, d));
        }

        var byClass = Enumerable.Range(0, classCount).Select(c => Enumerable.Range(0, n).Where(i => classes[i] == c).ToArray()).ToArray();
        var support = new bool[n];
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
                var alpha = Solve(rows, d, squares, gamma, members, labels, cancellationToken);
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
    internal static double ScaleGamma(double[] rows, int d)
    {
        var mean = NumPyReductions.PairwiseSum(rows) / rows.Length;
        var squared = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var deviation = rows[i] - mean;
            squared[i] = deviation * deviation;
        }

        var variance = NumPyReductions.PairwiseSum(squared) / rows.Length;
        return variance != 0 ? 1.0 / (d * variance) : 1.0;
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

    /// <summary>libsvm's <c>Solver::Solve</c> for C-SVC (<c>p = -1</c>, bounds <c>[0, C]</c>), without shrinking.</summary>
    private double[] Solve(double[] rows, int d, double[] squares, double gamma, int[] members, double[] y, CancellationToken cancellationToken)
    {
        var l = members.Length;
        var alpha = new double[l];
        var gradient = new double[l];
        Array.Fill(gradient, -1.0);
        var c = C;
        var columns = new KernelColumns(rows, d, squares, gamma, members, y);
        var maxIterations = Math.Max(10_000_000, l > int.MaxValue / 100 ? int.MaxValue : 100 * l);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            if ((iteration & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // Working-set selection, second order (libsvm's select_working_set).
            var gMax = double.NegativeInfinity;
            var gMax2 = double.NegativeInfinity;
            var iIndex = -1;
            for (var t = 0; t < l; t++)
            {
                if (y[t] > 0)
                {
                    if (alpha[t] < c && -gradient[t] >= gMax)
                    {
                        gMax = -gradient[t];
                        iIndex = t;
                    }
                }
                else if (alpha[t] > 0 && gradient[t] >= gMax)
                {
                    gMax = gradient[t];
                    iIndex = t;
                }
            }

            var qi = iIndex >= 0 ? columns.Get(iIndex) : null;
            var jIndex = -1;
            var objectiveMin = double.PositiveInfinity;
            for (var t = 0; t < l; t++)
            {
                double gradientDifference;
                double quadratic;
                if (y[t] > 0)
                {
                    if (!(alpha[t] > 0))
                    {
                        continue;
                    }

                    gradientDifference = gMax + gradient[t];
                    if (gradient[t] >= gMax2)
                    {
                        gMax2 = gradient[t];
                    }

                    if (!(gradientDifference > 0))
                    {
                        continue;
                    }

                    quadratic = KernelColumns.Diagonal(iIndex) + KernelColumns.Diagonal(t) - (2.0 * y[iIndex] * qi![t]);
                }
                else
                {
                    if (!(alpha[t] < c))
                    {
                        continue;
                    }

                    gradientDifference = gMax - gradient[t];
                    if (-gradient[t] >= gMax2)
                    {
                        gMax2 = -gradient[t];
                    }

                    if (!(gradientDifference > 0))
                    {
                        continue;
                    }

                    quadratic = KernelColumns.Diagonal(iIndex) + KernelColumns.Diagonal(t) + (2.0 * y[iIndex] * qi![t]);
                }

                var objective = quadratic > 0
                    ? -(gradientDifference * gradientDifference) / quadratic
                    : -(gradientDifference * gradientDifference) / Tau;
                if (objective <= objectiveMin)
                {
                    jIndex = t;
                    objectiveMin = objective;
                }
            }

            if (gMax + gMax2 < Tolerance || jIndex == -1)
            {
                break;
            }

            Update(iIndex, jIndex, qi!, columns.Get(jIndex), columns, alpha, gradient, y, c);
        }

        return alpha;
    }

    private static void Update(int i, int j, float[] qi, float[] qj, KernelColumns columns, double[] alpha, double[] gradient, double[] y, double c)
    {
        var oldI = alpha[i];
        var oldJ = alpha[j];
        if (y[i] != y[j])
        {
            var quadratic = KernelColumns.Diagonal(i) + KernelColumns.Diagonal(j) + (2 * qi[j]);
            if (quadratic <= 0)
            {
                quadratic = Tau;
            }

            var delta = (-gradient[i] - gradient[j]) / quadratic;
            var diff = alpha[i] - alpha[j];
            alpha[i] += delta;
            alpha[j] += delta;
            if (diff > 0)
            {
                if (alpha[j] < 0)
                {
                    alpha[j] = 0;
                    alpha[i] = diff;
                }
            }
            else if (alpha[i] < 0)
            {
                alpha[i] = 0;
                alpha[j] = -diff;
            }

            if (diff > 0)
            {
                // C_i - C_j == 0 for C-SVC without class weights.
                if (alpha[i] > c)
                {
                    alpha[i] = c;
                    alpha[j] = c - diff;
                }
            }
            else if (alpha[j] > c)
            {
                alpha[j] = c;
                alpha[i] = c + diff;
            }
        }
        else
        {
            var quadratic = KernelColumns.Diagonal(i) + KernelColumns.Diagonal(j) - (2 * qi[j]);
            if (quadratic <= 0)
            {
                quadratic = Tau;
            }

            var delta = (gradient[i] - gradient[j]) / quadratic;
            var sum = alpha[i] + alpha[j];
            alpha[i] -= delta;
            alpha[j] += delta;
            if (sum > c)
            {
                if (alpha[i] > c)
                {
                    alpha[i] = c;
                    alpha[j] = sum - c;
                }
            }
            else if (alpha[j] < 0)
            {
                alpha[j] = 0;
                alpha[i] = sum;
            }

            if (sum > c)
            {
                if (alpha[j] > c)
                {
                    alpha[j] = c;
                    alpha[i] = sum - c;
                }
            }
            else if (alpha[i] < 0)
            {
                alpha[i] = 0;
                alpha[j] = sum;
            }
        }

        var deltaI = alpha[i] - oldI;
        var deltaJ = alpha[j] - oldJ;
        for (var k = 0; k < gradient.Length; k++)
        {
            gradient[k] += (qi[k] * deltaI) + (qj[k] * deltaJ);
        }
    }

    /// <summary>libsvm's <c>SVC_Q</c>: columns <c>y_i y_j K(x_i, x_j)</c> in single precision, cached up to a budget.</summary>
    private sealed class KernelColumns(double[] rows, int d, double[] squares, double gamma, int[] members, double[] y)
    {
        private const long CacheBytes = 200L * 1024 * 1024;
        private readonly Dictionary<int, float[]> _cache = [];
        private readonly Queue<int> _order = new();

        public static double Diagonal(int i) => i >= 0 ? 1.0 : 1.0; // exp(-gamma * 0): the RBF kernel diagonal

        public float[] Get(int i)
        {
            if (_cache.TryGetValue(i, out var column))
            {
                return column;
            }

            var l = members.Length;
            if ((long)(_cache.Count + 1) * l * sizeof(float) > CacheBytes && _order.Count > 0)
            {
                _cache.Remove(_order.Dequeue());
            }

            column = new float[l];
            var a = members[i];
            var xa = rows.AsSpan(a * d, d);
            for (var t = 0; t < l; t++)
            {
                var b = members[t];
                var xb = rows.AsSpan(b * d, d);
                var dot = 0.0;
                for (var j = 0; j < d; j++)
                {
                    dot += xa[j] * xb[j];
                }

                // libsvm: exp(-gamma * (x_square[i] + x_square[j] - 2 * dot(x[i], x[j]))), stored as float.
                column[t] = (float)(y[i] * y[t] * Math.Exp(-gamma * (squares[a] + squares[b] - (2 * dot))));
            }

            _cache[i] = column;
            _order.Enqueue(i);
            return column;
        }
    }
}
