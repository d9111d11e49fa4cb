using System.Globalization;

namespace Imbalance.Metrics;

/// <summary>
/// scikit-learn's <c>_binary_clf_curve</c>: (weighted) false and true positive counts at each distinct score,
/// thresholds in decreasing order, samples of zero weight removed. O(n log n) (one sort).
/// </summary>
internal sealed class BinaryCurve
{
    private BinaryCurve(double[] fps, double[] tps, double[] thresholds)
    {
        FalsePositives = fps;
        TruePositives = tps;
        Thresholds = thresholds;
    }

    /// <summary>Cumulative false positives at each threshold (score &gt;= threshold predicted positive).</summary>
    public double[] FalsePositives { get; }

    /// <summary>Cumulative true positives at each threshold.</summary>
    public double[] TruePositives { get; }

    /// <summary>The distinct scores, decreasing.</summary>
    public double[] Thresholds { get; }

    /// <summary>Builds the curve of <paramref name="positive"/> flags against <paramref name="scores"/>.</summary>
    public static BinaryCurve Compute(bool[] positive, double[] scores, double[]? weights)
    {
        var n = scores.Length;
        var order = new int[n];
        var keys = new double[n];
        var m = 0;
        for (var i = 0; i < n; i++)
        {
            if (weights is not null && weights[i] == 0.0)
            {
                continue;
            }

            order[m] = i;

            // Sorting -score ascending puts the highest scores first; ties are grouped below, so order among them is irrelevant.
            keys[m] = -scores[i];
            m++;
        }

        if (m == 0)
        {
            throw Sampling.InputGuard.Invalid("sampleWeight", "All sample weights are zero; a curve needs at least one sample with non-zero weight.");
        }

        SortAscending(keys, order, m);
        var fps = new double[m];
        var tps = new double[m];
        var thresholds = new double[m];
        var count = 0;
        var tp = 0.0;
        var fp = 0.0;
        for (var j = 0; j < m; j++)
        {
            var i = order[j];
            var w = weights is null ? 1.0 : weights[i];
            if (positive[i])
            {
                tp += w;
            }
            else
            {
                fp += w;
            }

            if (j == m - 1 || keys[j + 1] != keys[j])
            {
                tps[count] = tp;
                fps[count] = fp;
                thresholds[count] = scores[i];
                count++;
            }
        }

        Array.Resize(ref fps, count);
        Array.Resize(ref tps, count);
        Array.Resize(ref thresholds, count);
        return new BinaryCurve(fps, tps, thresholds);
    }

    /// <summary>
    /// Sorts the first <paramref name="m"/> keys ascending, carrying <paramref name="order"/> along: an LSD radix sort
    /// on the IEEE-754 bits (4 passes of 16 bits, O(n)) for large inputs, introsort for small ones. Equal keys end up
    /// adjacent either way, which is all the tie grouping needs.
    /// </summary>
    internal static void SortAscending(double[] keys, int[] order, int m)
    {
        if (m < 4096)
        {
            Array.Sort(keys, order, 0, m);
            return;
        }

        var source = new ulong[m];
        for (var j = 0; j < m; j++)
        {
            // Map doubles to unsigned integers with the same order: flip all bits of negatives, the sign bit of the rest.
            var bits = (ulong)BitConverter.DoubleToInt64Bits(keys[j]);
            source[j] = (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
        }

        var sourceOrder = order.AsSpan(0, m).ToArray();
        var target = new ulong[m];
        var targetOrder = new int[m];
        var counts = new int[1 << 16];
        for (var shift = 0; shift < 64; shift += 16)
        {
            Array.Clear(counts);
            for (var j = 0; j < m; j++)
            {
                counts[(int)((source[j] >> shift) & 0xFFFF)]++;
            }

            if (counts[(int)((source[0] >> shift) & 0xFFFF)] == m)
            {
                continue; // every key has the same digit: the pass would not move anything
            }

            var sum = 0;
            for (var d = 0; d < counts.Length; d++)
            {
                var c = counts[d];
                counts[d] = sum;
                sum += c;
            }

            for (var j = 0; j < m; j++)
            {
                var position = counts[(int)((source[j] >> shift) & 0xFFFF)]++;
                target[position] = source[j];
                targetOrder[position] = sourceOrder[j];
            }

            (source, target) = (target, source);
            (sourceOrder, targetOrder) = (targetOrder, sourceOrder);
        }

        for (var j = 0; j < m; j++)
        {
            var bits = source[j];
            bits = (bits & 0x8000_0000_0000_0000UL) != 0 ? bits & 0x7FFF_FFFF_FFFF_FFFFUL : ~bits;
            keys[j] = BitConverter.Int64BitsToDouble((long)bits);
            order[j] = sourceOrder[j];
        }
    }

    /// <summary>Copies finite scores; throws naming <paramref name="name"/> on NaN or infinity (scikit-learn's <c>assert_all_finite</c>).</summary>
    public static double[] CheckScores(IReadOnlyList<double> scores, int sampleCount, string name)
    {
        ArgumentNullException.ThrowIfNull(scores, name);
        if (scores.Count != sampleCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Found input variables with inconsistent numbers of samples: [{sampleCount}, {scores.Count}]"),
                name);
        }

        var result = new double[sampleCount];
        for (var i = 0; i < result.Length; i++)
        {
            var v = scores[i];
            if (!double.IsFinite(v))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Input {name} contains {(double.IsNaN(v) ? "NaN" : "infinity")} at index {i}."),
                    name);
            }

            result[i] = v;
        }

        return result;
    }

    /// <summary>Checks that every value is a probability in [0, 1].</summary>
    public static void CheckProbabilities(ReadOnlySpan<double> values, string name)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (!(v >= 0.0 && v <= 1.0))
            {
                var what = double.IsNaN(v) ? "NaN" : v > 1.0 ? "values greater than 1" : "values less than 0";
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{name} contains {what} (index {i}: {v}); probabilities must be in [0, 1]."),
                    name);
            }
        }
    }
}
