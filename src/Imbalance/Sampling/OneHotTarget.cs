using System.Globalization;

namespace Imbalance.Sampling;

/// <summary>
/// imblearn's one-hot ("binarized encoded multiclass") targets: <c>check_target_type(y, indicate_one_vs_all=True)</c>
/// turns a one-hot matrix into class numbers (the column of the 1 in each row) before resampling, and the sampler's
/// output is one-hot encoded again.
/// </summary>
/// <remarks>imblearn re-encodes with <c>label_binarize</c> over the classes present, which gives a single column for two
/// classes; here the output always has the input's columns.</remarks>
public static class OneHotTarget
{
    /// <summary>The class number of each row of a one-hot matrix: the column of its largest entry (NumPy's
    /// <c>argmax</c>, first on ties), as imblearn's <c>check_target_type</c>.</summary>
    /// <param name="y">A rows x classes matrix of 0/1 indicators.</param>
    /// <returns>One class number per row.</returns>
    /// <exception cref="ArgumentException">The matrix is empty, or a row has more than one class set (a multilabel
    /// target, which imblearn refuses with the same message).</exception>
    public static int[] ToLabels(int[,] y)
    {
        ArgumentNullException.ThrowIfNull(y);
        var n = y.GetLength(0);
        var k = y.GetLength(1);
        if (n == 0 || k == 0)
        {
            throw new ArgumentException("y is empty.", nameof(y));
        }

        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            var sum = 0L;
            var best = 0;
            for (var c = 0; c < k; c++)
            {
                sum += y[i, c];
                if (y[i, c] > y[i, best])
                {
                    best = c;
                }
            }

            if (sum > 1)
            {
                throw new ArgumentException(
                    "Imbalanced-learn currently supports binary, multiclass and binarized encoded multiclasss targets. Multilabel and multioutput targets are not supported.",
                    nameof(y));
            }

            labels[i] = best;
        }

        return labels;
    }

    /// <summary>One-hot encodes class numbers in [0, <paramref name="classCount"/>).</summary>
    /// <param name="labels">The class number of each row.</param>
    /// <param name="classCount">The number of columns.</param>
    /// <returns>A rows x classes matrix of 0/1 indicators.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A label is outside [0, classCount).</exception>
    public static int[,] FromLabels(IReadOnlyList<int> labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        var y = new int[labels.Count, classCount];
        for (var i = 0; i < labels.Count; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], string.Create(CultureInfo.InvariantCulture, $"Label {labels[i]} is outside [0, {classCount})."));
            }

            y[i, labels[i]] = 1;
        }

        return y;
    }

    /// <summary>Resamples rows with a one-hot target (imblearn's <c>fit_resample(X, y_onehot)</c>): the target is
    /// converted to class numbers, resampled, and one-hot encoded again with the input's columns.</summary>
    /// <param name="sampler">The sampler.</param>
    /// <param name="x">The rows.</param>
    /// <param name="y">A rows x classes matrix of 0/1 indicators.</param>
    /// <param name="cancellationToken">Cancels a long resampling.</param>
    /// <returns>The resampled rows and their one-hot target.</returns>
    /// <exception cref="ArgumentException">See <see cref="ToLabels"/> and <see cref="ISampler.FitResample{TLabel}"/>.</exception>
    public static (double[,] X, int[,] Y) FitResampleOneHot(this ISampler sampler, double[,] x, int[,] y, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        var result = sampler.FitResample(x, ToLabels(y), cancellationToken);
        return (result.X, FromLabels(result.Y, y.GetLength(1)));
    }
}
