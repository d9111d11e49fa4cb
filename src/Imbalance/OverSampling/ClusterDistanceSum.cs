using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Imbalance.Learning;

namespace Imbalance.OverSampling;

/// <summary>
/// The sum of the Euclidean distances between every ordered pair of distinct rows of a cluster (the numerator of
/// imblearn's <c>_find_cluster_sparsity</c> mean), defined as the scalar loop
/// <c>for i, for j != i: sum += sqrt(sum_f (x_if - x_jf)^2)</c>, summed in that order from zero. Computed eight
/// pairs per SIMD lane set (subtraction, multiplication and addition kept separate, features in order) so every
/// distance, and therefore the sequential sum, equals the scalar loop's bit for bit. The diagonal is added too:
/// its distance is exactly +0, and adding +0 to a sum that starts at +0 and only grows changes no bit.
/// </summary>
internal static class ClusterDistanceSum
{
    private const int Lanes = DistancePanels.Lanes;

    /// <summary>The pairwise distance sum of <paramref name="rows"/> of <paramref name="data"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Of(RowMatrix data, ReadOnlySpan<int> rows)
    {
        var n = rows.Length;
        var d = data.Columns;
        if (n < 2)
        {
            return 0.0;
        }

        var panels = (n + Lanes - 1) / Lanes;
        var stride = d * Lanes;
        // Panel p, feature t, lane l holds feature t of row 8p + l; padding lanes are zero and never summed.
        var transposed = new double[panels * stride];
        var query = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            var row = data.Row(rows[i]);
            row.CopyTo(query.AsSpan(i * d, d));
            var at = ((i / Lanes) * stride) + (i % Lanes);
            for (var t = 0; t < d; t++)
            {
                transposed[at + (t * Lanes)] = row[t];
            }
        }

        if (Vector512.IsHardwareAccelerated)
        {
            return Blocked(query, transposed, n, d, panels);
        }

        var distances = new double[panels * Lanes];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            RowDistances(query.AsSpan(i * d, d), transposed, panels, d, distances);
            // The one sequential chain: the order of the scalar definition.
            for (var j = 0; j < n; j++)
            {
                sum += distances[j];
            }
        }

        return sum;
    }

    /// <summary>
    /// Four query rows against two panels at a time (eight accumulation chains; each panel load serves four rows),
    /// with the sequential sum of the previous four rows' distances interleaved into the loop, so the out-of-order
    /// core runs that dependent chain of additions alongside the distance arithmetic instead of after it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Blocked(double[] query, double[] transposed, int n, int d, int panels)
    {
        const int Rows = 4;
        var stride = d * Lanes;
        var width = panels * Lanes; // one row of distances, padded to whole panels
        var current = new double[Rows * width];
        var previous = new double[Rows * width];
        var previousRows = 0;
        var sum = 0.0;
        for (var i0 = 0; i0 < n; i0 += Rows)
        {
            var rows = Math.Min(Rows, n - i0);
            // A short last block repeats its last row; those lanes are computed but never summed.
            var q0 = query.AsSpan(i0 * d, d);
            var q1 = query.AsSpan(Math.Min(i0 + 1, n - 1) * d, d);
            var q2 = query.AsSpan(Math.Min(i0 + 2, n - 1) * d, d);
            var q3 = query.AsSpan(Math.Min(i0 + 3, n - 1) * d, d);
            var sumRow = 0;
            var sumAt = 0;
            for (var p = 0; p < panels; p += 2)
            {
                var pair = p + 1 < panels;
                var block0 = transposed.AsSpan(p * stride, stride);
                var block1 = pair ? transposed.AsSpan((p + 1) * stride, stride) : block0;
                var a00 = Vector512<double>.Zero;
                var a01 = Vector512<double>.Zero;
                var a10 = Vector512<double>.Zero;
                var a11 = Vector512<double>.Zero;
                var a20 = Vector512<double>.Zero;
                var a21 = Vector512<double>.Zero;
                var a30 = Vector512<double>.Zero;
                var a31 = Vector512<double>.Zero;
                for (var t = 0; t < d; t++)
                {
                    var y0 = Vector512.Create<double>(block0.Slice(t * Lanes, Lanes));
                    var y1 = Vector512.Create<double>(block1.Slice(t * Lanes, Lanes));
                    var x0 = Vector512.Create(q0[t]);
                    var x1 = Vector512.Create(q1[t]);
                    var x2 = Vector512.Create(q2[t]);
                    var x3 = Vector512.Create(q3[t]);
                    var d00 = x0 - y0;
                    var d01 = x0 - y1;
                    var d10 = x1 - y0;
                    var d11 = x1 - y1;
                    var d20 = x2 - y0;
                    var d21 = x2 - y1;
                    var d30 = x3 - y0;
                    var d31 = x3 - y1;
                    a00 += d00 * d00;
                    a01 += d01 * d01;
                    a10 += d10 * d10;
                    a11 += d11 * d11;
                    a20 += d20 * d20;
                    a21 += d21 * d21;
                    a30 += d30 * d30;
                    a31 += d31 * d31;
                }

                var at = p * Lanes;
                Vector512.Sqrt(a00).CopyTo(current.AsSpan(at, Lanes));
                Vector512.Sqrt(a10).CopyTo(current.AsSpan(width + at, Lanes));
                Vector512.Sqrt(a20).CopyTo(current.AsSpan((2 * width) + at, Lanes));
                Vector512.Sqrt(a30).CopyTo(current.AsSpan((3 * width) + at, Lanes));
                if (pair)
                {
                    Vector512.Sqrt(a01).CopyTo(current.AsSpan(at + Lanes, Lanes));
                    Vector512.Sqrt(a11).CopyTo(current.AsSpan(width + at + Lanes, Lanes));
                    Vector512.Sqrt(a21).CopyTo(current.AsSpan((2 * width) + at + Lanes, Lanes));
                    Vector512.Sqrt(a31).CopyTo(current.AsSpan((3 * width) + at + Lanes, Lanes));
                }

                // As many of the previous block's distances as this iteration produced, in the scalar order.
                var budget = Rows * 2 * Lanes;
                while (budget > 0 && sumRow < previousRows)
                {
                    var take = Math.Min(budget, n - sumAt);
                    var values = previous.AsSpan((sumRow * width) + sumAt, take);
                    for (var j = 0; j < values.Length; j++)
                    {
                        sum += values[j];
                    }

                    budget -= take;
                    sumAt += take;
                    if (sumAt == n)
                    {
                        sumRow++;
                        sumAt = 0;
                    }
                }
            }

            sum = SumRemaining(previous, previousRows, width, n, sumRow, sumAt, sum);
            (current, previous) = (previous, current);
            previousRows = rows;
        }

        return SumRemaining(previous, previousRows, width, n, 0, 0, sum);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double SumRemaining(double[] distances, int rows, int width, int n, int row, int at, double sum)
    {
        for (; row < rows; row++)
        {
            var values = distances.AsSpan((row * width) + at, n - at);
            for (var j = 0; j < values.Length; j++)
            {
                sum += values[j];
            }

            at = 0;
        }

        return sum;
    }

    /// <summary>The scalar definition (tests compare the SIMD path with it).</summary>
    internal static double Reference(RowMatrix data, ReadOnlySpan<int> rows)
    {
        var sum = 0.0;
        for (var i = 0; i < rows.Length; i++)
        {
            var a = data.Row(rows[i]);
            for (var j = 0; j < rows.Length; j++)
            {
                if (i == j)
                {
                    continue;
                }

                var b = data.Row(rows[j]);
                var squared = 0.0;
                for (var f = 0; f < a.Length; f++)
                {
                    var diff = a[f] - b[f];
                    squared += diff * diff;
                }

                sum += Math.Sqrt(squared);
            }
        }

        return sum;
    }

    /// <summary>Euclidean distances from <paramref name="query"/> to every row of the panels, in row order.</summary>
    private static void RowDistances(ReadOnlySpan<double> query, double[] transposed, int panels, int d, double[] output)
    {
        var stride = d * Lanes;
        var p = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            // Four panels at a time: four independent accumulation chains hide the addition latency.
            for (; p + 4 <= panels; p += 4)
            {
                var block = transposed.AsSpan(p * stride, 4 * stride);
                DistancePanels.SquaredDistances4(query, block, d, out var a0, out var a1, out var a2, out var a3);

                var target = output.AsSpan(p * Lanes, 4 * Lanes);
                Vector512.Sqrt(a0).CopyTo(target);
                Vector512.Sqrt(a1).CopyTo(target[Lanes..]);
                Vector512.Sqrt(a2).CopyTo(target[(2 * Lanes)..]);
                Vector512.Sqrt(a3).CopyTo(target[(3 * Lanes)..]);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; p < panels; p++)
            {
                var block = transposed.AsSpan(p * stride, stride);
                var lo = Vector256<double>.Zero;
                var hi = Vector256<double>.Zero;
                for (var t = 0; t < d; t++)
                {
                    var q = Vector256.Create(query[t]);
                    var dl = q - Vector256.Create<double>(block.Slice(t * Lanes, 4));
                    var dh = q - Vector256.Create<double>(block.Slice((t * Lanes) + 4, 4));
                    lo += dl * dl;
                    hi += dh * dh;
                }

                var target = output.AsSpan(p * Lanes, Lanes);
                Vector256.Sqrt(lo).CopyTo(target);
                Vector256.Sqrt(hi).CopyTo(target[4..]);
            }
        }

        for (; p < panels; p++)
        {
            var block = transposed.AsSpan(p * stride, stride);
            for (var l = 0; l < Lanes; l++)
            {
                var squared = 0.0;
                for (var t = 0; t < d; t++)
                {
                    var diff = query[t] - block[(t * Lanes) + l];
                    squared += diff * diff;
                }

                output[(p * Lanes) + l] = Math.Sqrt(squared);
            }
        }
    }
}
