using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.OverSampling;

/// <summary>
/// A fitted <see cref="ValueDifferenceMetric"/>: the class probabilities of every category (imblearn's
/// <c>proba_per_class_</c>) and the pairwise distance (imblearn's <c>pairwise(X, Y)</c>). Immutable and thread-safe.
/// </summary>
public sealed class ValueDifferenceMetricModel
{
    private readonly double[][] _proba;
    private readonly int[] _nCategories;

    internal ValueDifferenceMetricModel(double[][] proba, int[] nCategories, int classCount, int k, int r)
    {
        _proba = proba;
        _nCategories = nCategories;
        ClassCount = classCount;
        K = k;
        R = r;
    }

    /// <summary>The number of features (imblearn's <c>n_features_in_</c>).</summary>
    public int FeatureCount => _nCategories.Length;

    /// <summary>The number of categories of each feature (imblearn's <c>n_categories_</c>).</summary>
    public IReadOnlyList<int> NCategories => _nCategories;

    /// <summary>The number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>The exponent inside the sum over classes.</summary>
    public int K { get; }

    /// <summary>The exponent of each feature's term.</summary>
    public int R { get; }

    /// <summary><c>P(class | x_feature = category)</c>, imblearn's <c>proba_per_class_[feature][category, class]</c>.</summary>
    /// <param name="feature">The feature.</param>
    /// <param name="category">The category code.</param>
    /// <param name="classIndex">The class, in sorted label order.</param>
    /// <returns>The probability (0 for a category never seen).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public double Probability(int feature, int category, int classIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(feature);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(feature, FeatureCount);
        ArgumentOutOfRangeException.ThrowIfNegative(category);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(category, _nCategories[feature]);
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(classIndex, ClassCount);
        return _proba[feature][(category * ClassCount) + classIndex];
    }

    /// <summary>
    /// The distance between every row of <paramref name="x"/> and every row of <paramref name="y"/> (imblearn's
    /// <c>pairwise(X, Y)</c>); <paramref name="y"/> <see langword="null"/> means <paramref name="x"/>.
    /// </summary>
    /// <param name="x">Category codes, <c>n_x x n_features</c>.</param>
    /// <param name="y">Category codes, <c>n_y x n_features</c>, or null.</param>
    /// <returns>The <c>n_x x n_y</c> distances.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException">A matrix has the wrong width or a code out of range.</exception>
    public double[,] Pairwise(int[,] x, int[,]? y = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        var fx = Flatten(x, nameof(x));
        var fy = y is null ? fx : Flatten(y, nameof(y));
        var nx = x.GetLength(0);
        var ny = y?.GetLength(0) ?? nx;
        var flat = Pairwise(fx, nx, fy, ny);
        var result = new double[nx, ny];
        flat.AsSpan().CopyTo(MatrixRows.Of(result));
        return result;
    }

    /// <summary>The pairwise distances over flat row-major codes, as a flat <c>nx x ny</c> matrix.</summary>
    internal double[] Pairwise(int[] x, int nx, int[] y, int ny)
    {
        var d = FeatureCount;
        var classes = ClassCount;
        var distance = new double[nx * ny];
        var terms = new double[classes];
        for (var f = 0; f < d; f++)
        {
            var proba = _proba[f];
            for (var i = 0; i < nx; i++)
            {
                var px = proba.AsSpan(x[(i * d) + f] * classes, classes);
                for (var j = 0; j < ny; j++)
                {
                    var py = proba.AsSpan(y[(j * d) + f] * classes, classes);
                    for (var c = 0; c < classes; c++)
                    {
                        terms[c] = Power(Math.Abs(py[c] - px[c]), K);
                    }

                    // scipy's distance_matrix: np.sum over the (contiguous) class axis, then ** (1 / p) unless p is 1.
                    var sum = NumPyReductions.PairwiseSum(terms);
                    var minkowski = K == 1 ? sum : K == 2 ? Math.Sqrt(sum) : Math.Pow(sum, 1.0 / K);
                    distance[(i * ny) + j] += Power(minkowski, R);
                }
            }
        }

        return distance;
    }

    /// <summary>NumPy's <c>a ** p</c> for an integer scalar exponent: 1 copies, 2 squares, others call <c>pow</c>.</summary>
    private static double Power(double value, int exponent) => exponent switch
    {
        1 => value,
        2 => value * value,
        _ => Math.Pow(value, exponent),
    };

    private int[] Flatten(int[,] codes, string parameterName)
    {
        var n = codes.GetLength(0);
        if (codes.GetLength(1) != FeatureCount)
        {
            throw InputGuard.Invalid(
                parameterName,
                string.Create(CultureInfo.InvariantCulture, $"X has {codes.GetLength(1)} features, but ValueDifferenceMetric is expecting {FeatureCount} features as input."));
        }

        var flat = new int[n * FeatureCount];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < FeatureCount; j++)
            {
                var v = codes[i, j];
                if (v < 0 || v >= _nCategories[j])
                {
                    throw InputGuard.Invalid(parameterName, string.Create(CultureInfo.InvariantCulture, $"Category code {v} of feature {j} is outside [0, {_nCategories[j]})."));
                }

                flat[(i * FeatureCount) + j] = v;
            }
        }

        return flat;
    }
}
