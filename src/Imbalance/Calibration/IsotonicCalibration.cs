namespace Imbalance.Calibration;

/// <summary>
/// scikit-learn's <c>IsotonicRegression(out_of_bounds="clip")</c> as a calibrator: rows sorted by score (ties by
/// target), equal scores merged into their weighted mean target (scores closer than 1e-15 count as equal, scikit-learn's
/// <c>_make_unique</c>), the pool-adjacent-violators algorithm for the non-decreasing fit, and linear interpolation
/// between the fitted points, clipped to the fitted score range.
/// </summary>
internal sealed class IsotonicCalibration : Calibrator
{
    private readonly double[] _x;
    private readonly double[] _y;

    /// <summary>The step function's knots (a saved model writes them).</summary>
    internal (double[] X, double[] Y) Knots => (_x, _y);

    /// <summary>A calibrator from its knots (a loaded model; the caller has checked them).</summary>
    internal static IsotonicCalibration FromKnots(double[] x, double[] y) => new(x, y);

    private IsotonicCalibration(double[] x, double[] y)
    {
        _x = x;
        _y = y;
    }

    public static IsotonicCalibration Fit(double[] scores, double[] targets, double[]? weights)
    {
        var order = Enumerable.Range(0, scores.Length)
            .Where(i => (weights?[i] ?? 1.0) > 0)
            .OrderBy(i => scores[i]).ThenBy(i => targets[i]).ThenBy(i => i)
            .ToArray();
        if (order.Length == 0)
        {
            throw new ArgumentException("The calibration rows all have zero weight.", nameof(weights));
        }

        // Merge (nearly) equal scores into weighted means.
        const double Resolution = 1e-15;
        var xs = new List<double>();
        var ys = new List<double>();
        var ws = new List<double>();
        var currentX = scores[order[0]];
        double sumY = 0, sumW = 0;
        foreach (var i in order)
        {
            var w = weights?[i] ?? 1.0;
            if (scores[i] - currentX >= Resolution)
            {
                xs.Add(currentX);
                ys.Add(sumY / sumW);
                ws.Add(sumW);
                currentX = scores[i];
                sumY = 0;
                sumW = 0;
            }

            sumY += targets[i] * w;
            sumW += w;
        }

        xs.Add(currentX);
        ys.Add(sumY / sumW);
        ws.Add(sumW);
        var y = ys.ToArray();
        PoolAdjacentViolators(y, ws.ToArray());
        return new IsotonicCalibration(xs.ToArray(), y);
    }

    public override double[] Predict(double[] scores)
    {
        var result = new double[scores.Length];
        for (var r = 0; r < scores.Length; r++)
        {
            if (_x.Length == 1)
            {
                result[r] = _y[0];
                continue;
            }

            var t = Math.Clamp(scores[r], _x[0], _x[^1]);

            // SciPy's interp1d: the first knot >= t is the upper end (clipped to [1, n-1]).
            var hi = Array.BinarySearch(_x, t);
            if (hi < 0)
            {
                hi = ~hi;
            }
            else
            {
                while (hi > 0 && _x[hi - 1] == t)
                {
                    hi--;
                }
            }

            hi = Math.Clamp(hi, 1, _x.Length - 1);
            var lo = hi - 1;
            var slope = (_y[hi] - _y[lo]) / (_x[hi] - _x[lo]);
            result[r] = (slope * (t - _x[lo])) + _y[lo];
        }

        return result;
    }

    /// <summary>The weighted least-squares non-decreasing fit of <paramref name="y"/>, in place: adjacent blocks that
    /// violate the order are pooled into their weighted mean, backtracking after each pool.</summary>
    private static void PoolAdjacentViolators(double[] y, double[] w)
    {
        var n = y.Length;
        var blockValue = new double[n];
        var blockWeight = new double[n];
        var blockEnd = new int[n];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            blockValue[count] = y[i];
            blockWeight[count] = w[i];
            blockEnd[count] = i;
            count++;
            while (count > 1 && blockValue[count - 2] >= blockValue[count - 1])
            {
                var weight = blockWeight[count - 2] + blockWeight[count - 1];
                blockValue[count - 2] = ((blockWeight[count - 2] * blockValue[count - 2]) + (blockWeight[count - 1] * blockValue[count - 1])) / weight;
                blockWeight[count - 2] = weight;
                blockEnd[count - 2] = blockEnd[count - 1];
                count--;
            }
        }

        var start = 0;
        for (var b = 0; b < count; b++)
        {
            for (var i = start; i <= blockEnd[b]; i++)
            {
                y[i] = blockValue[b];
            }

            start = blockEnd[b] + 1;
        }
    }
}
