using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.OverSampling;

/// <summary>
/// The Value Difference Metric between rows of categorical features, configured like imblearn's
/// <c>imblearn.metrics.pairwise.ValueDifferenceMetric(n_categories="auto", k=1, r=2)</c> (Stanfill and Waltz, "Toward
/// memory-based reasoning", 1986; Wilson and Martinez, "Improved heterogeneous distance functions", 1997).
/// <see cref="Fit{TLabel}"/> returns the fitted <see cref="ValueDifferenceMetricModel"/>.
/// </summary>
/// <remarks>
/// <para>When to use it: measuring distances between rows of categorical features when category codes have no order
/// (so Euclidean distance on codes is meaningless): two categories are close when they have similar class
/// distributions. It is what SmoteN uses; prefer one-hot encoding with a Euclidean metric when classes are few and
/// unrelated to the categories.</para>
/// For feature <c>f</c> and category <c>v</c>, the fit estimates <c>P(class | x_f = v)</c> for every class; the distance
/// between rows <c>x</c> and <c>y</c> is <c>sum_f (sum_c |P(c | x_f) - P(c | y_f)|^k)^(r / k)</c> (for <c>k = 1</c>,
/// <c>sum_f (sum_c |P(c | x_f) - P(c | y_f)|)^r</c>). Categories are codes <c>0..n_categories - 1</c>, as an ordinal
/// encoder gives them. <see cref="SmoteN"/> uses it with the defaults.
/// </remarks>
public sealed class ValueDifferenceMetric
{
    private readonly int _k = 1;
    private readonly int _r = 2;
    private readonly IReadOnlyList<int>? _nCategories;

    /// <summary>The number of categories of each feature (imblearn's <c>n_categories</c>); <see langword="null"/>
    /// (default, imblearn's <c>"auto"</c>) uses <c>max(code) + 1</c> per feature.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1.</exception>
    public IReadOnlyList<int>? NCategories
    {
        get => _nCategories;
        init => _nCategories = value is null || value.All(v => v >= 1)
            ? value?.ToArray()
            : throw new ArgumentOutOfRangeException(nameof(NCategories), "Every feature has at least one category.");
    }

    /// <summary>The exponent applied inside the sum over classes (imblearn's <c>k</c>, a Minkowski <c>p</c>); default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int K
    {
        get => _k;
        init => _k = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(K), value, "k must be at least 1.");
    }

    /// <summary>The exponent applied to each feature's term (imblearn's <c>r</c>); default 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int R
    {
        get => _r;
        init => _r = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(R), value, "r must be at least 1.");
    }

    /// <summary>
    /// Estimates the class probabilities of every category (imblearn's <c>fit(X, y)</c>, <c>proba_per_class_</c>).
    /// Classes are ordered as <c>np.unique(y)</c>; a category that never occurs gets probability 0 for every class.
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="x">Category codes, <c>n_samples x n_features</c>, each in <c>[0, n_categories)</c>.</param>
    /// <param name="y">The class of each row.</param>
    /// <returns>The fitted metric.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The inputs are empty, of different lengths, hold negative or too-large
    /// codes, or <see cref="NCategories"/> has the wrong length.</exception>
    public ValueDifferenceMetricModel Fit<TLabel>(int[,] x, IReadOnlyList<TLabel> y)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var n = x.GetLength(0);
        var d = x.GetLength(1);
        if (n == 0 || d == 0)
        {
            throw InputGuard.Invalid(nameof(x), string.Create(CultureInfo.InvariantCulture, $"Found array with shape ({n}, {d}); at least one sample and one feature are required."));
        }

        if (n != y.Count)
        {
            throw InputGuard.Invalid(nameof(y), string.Create(CultureInfo.InvariantCulture, $"Found input variables with inconsistent numbers of samples: [{n}, {y.Count}]"));
        }

        var flat = new int[n * d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                flat[(i * d) + j] = x[i, j] >= 0 ? x[i, j] : throw InputGuard.Invalid(nameof(x), "Category codes must not be negative.");
            }
        }

        var encoder = LabelEncoder<TLabel>.Fit(y);
        return FitCodes(flat, n, d, encoder.Codes, encoder.ClassCount);
    }

    /// <summary>The fit over flat row-major codes and class codes <c>0..classCount-1</c>.</summary>
    internal ValueDifferenceMetricModel FitCodes(int[] x, int n, int d, ReadOnlySpan<int> classes, int classCount)
    {
        var nCategories = new int[d];
        if (NCategories is null)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    nCategories[j] = Math.Max(nCategories[j], x[(i * d) + j] + 1);
                }
            }
        }
        else if (NCategories.Count != d)
        {
            throw InputGuard.Invalid(
                nameof(NCategories),
                string.Create(CultureInfo.InvariantCulture, $"The length of n_categories is not consistent with the number of feature in X. Got {NCategories.Count} elements in n_categories and {d} in X."));
        }
        else
        {
            for (var j = 0; j < d; j++)
            {
                nCategories[j] = NCategories[j];
            }
        }

        var proba = new double[d][];
        for (var j = 0; j < d; j++)
        {
            var counts = new double[nCategories[j] * classCount];
            for (var i = 0; i < n; i++)
            {
                var v = x[(i * d) + j];
                if (v >= nCategories[j])
                {
                    throw InputGuard.Invalid("x", string.Create(CultureInfo.InvariantCulture, $"Category code {v} of feature {j} is not below n_categories = {nCategories[j]}."));
                }

                counts[(v * classCount) + classes[i]]++;
            }

            for (var v = 0; v < nCategories[j]; v++)
            {
                var row = counts.AsSpan(v * classCount, classCount);
                var total = NumPyReductions.PairwiseSum(row);
                for (var c = 0; c < classCount; c++)
                {
                    // 0 / 0 for an absent category is NaN, which imblearn's nan_to_num turns into 0.
                    row[c] = total == 0 ? 0.0 : row[c] / total;
                }
            }

            proba[j] = counts;
        }

        return new ValueDifferenceMetricModel(proba, nCategories, classCount, K, R);
    }
}
