
namespace Imbalance.Sampling;

/// <summary>
/// NumPy's float64 reductions with NumPy's exact summation order, so statistics that feed random draws (the
/// smoothed bootstrap's standard deviations, ADASYN's ratios, SMOTE-NC's median std) match imblearn to the last bit.
/// </summary>
internal static class NumPyReductions
{
    /// <summary>
    /// <c>np.sum</c> of a contiguous 1-D vector: NumPy's pairwise summation. Fewer than 8 values are added in order;
    /// up to 128 values use eight interleaved running sums combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) plus the
    /// tail in order; longer vectors are split at a multiple of 8 near the middle and the halves summed recursively.
    /// </summary>
    public static double PairwiseSum(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        if (n < 8)
        {
            var sum = -0.0;
            foreach (var v in values)
            {
                sum += v;
            }

            return sum;
        }

        if (n <= 128)
        {
            Span<double> r = stackalloc double[8];
            values[..8].CopyTo(r);
            var i = 8;
            for (; i < n - (n % 8); i += 8)
            {
                for (var j = 0; j < 8; j++)
                {
                    r[j] += values[i + j];
                }
            }

            var result = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++)
            {
                result += values[i];
            }

            return result;
        }

        var half = n / 2;
        half -= half % 8;
        return PairwiseSum(values[..half]) + PairwiseSum(values[half..]);
    }

    /// <summary>
    /// <c>np.std(X[rows], axis=0)</c> (population standard deviation, ddof = 0) of the selected rows of a row-major
    /// matrix. NumPy reduces a C-contiguous <c>(m, d)</c> block over axis 0 by adding whole rows in order when
    /// <c>d &gt;= 2</c>, and with pairwise summation when <c>d == 1</c> (the column is then one contiguous vector);
    /// the mean is <c>sum / m</c>, the variance <c>sum((x - mean)^2) / m</c>.
    /// </summary>
    public static double[] ColumnStd(ReadOnlySpan<double> matrix, int columns, ReadOnlySpan<int> rows)
    {
        var m = rows.Length;
        var std = new double[columns];
        if (columns == 1)
        {
            var column = new double[m];
            for (var r = 0; r < m; r++)
            {
                column[r] = matrix[rows[r]];
            }

            var mean = PairwiseSum(column) / m;
            for (var r = 0; r < m; r++)
            {
                var d = column[r] - mean;
                column[r] = d * d;
            }

            std[0] = Math.Sqrt(PairwiseSum(column) / m);
            return std;
        }

        var means = new double[columns];
        foreach (var row in rows)
        {
            var values = matrix.Slice(row * columns, columns);
            for (var j = 0; j < columns; j++)
            {
                means[j] += values[j];
            }
        }

        for (var j = 0; j < columns; j++)
        {
            means[j] /= m;
        }

        foreach (var row in rows)
        {
            var values = matrix.Slice(row * columns, columns);
            for (var j = 0; j < columns; j++)
            {
                var d = values[j] - means[j];
                std[j] += d * d;
            }
        }

        for (var j = 0; j < columns; j++)
        {
            std[j] = Math.Sqrt(std[j] / m);
        }

        return std;
    }
}
