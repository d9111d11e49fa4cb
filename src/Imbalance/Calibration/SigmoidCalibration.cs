namespace Imbalance.Calibration;

/// <summary>
/// Platt scaling (scikit-learn's <c>_SigmoidCalibration</c> / <c>_sigmoid_calibration</c>): P(y=1|f) =
/// 1 / (1 + exp(A f + B)), A and B minimising the cross-entropy against Platt's smoothed targets
/// (N+ + 1) / (N+ + 2) for positives and 1 / (N- + 2) for negatives, starting from A = 0,
/// B = log((N- + 1) / (N+ + 1)).
/// </summary>
/// <remarks>The problem is convex in (A, B); it is solved here to convergence by Newton's method with a backtracking
/// line search (Lin, Lin and Weng, 2007). scikit-learn stops SciPy's BFGS at a gradient norm of 1e-5, so its A and B
/// can differ from the optimum in the last digits.</remarks>
internal sealed class SigmoidCalibration : Calibrator
{
    /// <summary>A calibrator from its coefficients (a loaded model).</summary>
    internal static SigmoidCalibration FromCoefficients(double a, double b) => new(a, b);

    private SigmoidCalibration(double a, double b)
    {
        A = a;
        B = b;
    }

    /// <summary>The slope (scikit-learn's <c>a_</c>).</summary>
    public double A { get; }

    /// <summary>The intercept (scikit-learn's <c>b_</c>).</summary>
    public double B { get; }

    public static SigmoidCalibration Fit(double[] f, double[] y, double[]? weights)
    {
        double prior0 = 0, prior1 = 0;
        for (var i = 0; i < y.Length; i++)
        {
            var w = weights?[i] ?? 1.0;
            if (y[i] <= 0)
            {
                prior0 += w;
            }
            else
            {
                prior1 += w;
            }
        }

        var high = (prior1 + 1.0) / (prior1 + 2.0);
        var low = 1.0 / (prior0 + 2.0);
        var t = y.Select(v => v > 0 ? high : low).ToArray();
        var a = 0.0;
        var b = Math.Log((prior0 + 1.0) / (prior1 + 1.0));
        var loss = Loss(f, t, weights, a, b);
        for (var iteration = 0; iteration < 200; iteration++)
        {
            // Gradient (scikit-learn's: sum w (t - p) (f, 1)) and Hessian (sum w p (1 - p) (f, 1)(f, 1)^T) of the loss
            // sum w [t softplus(z) + (1 - t) softplus(-z)], z = a f + b, p = 1 / (1 + exp(z)).
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (var i = 0; i < f.Length; i++)
            {
                var w = weights?[i] ?? 1.0;
                var z = (a * f[i]) + b;
                var p = Sigmoid(-z);
                var d = w * (t[i] - p);
                ga += d * f[i];
                gb += d;
                var h = w * p * (1.0 - p);
                haa += h * f[i] * f[i];
                hab += h * f[i];
                hbb += h;
            }

            if (Math.Sqrt((ga * ga) + (gb * gb)) <= 1e-12 * Math.Max(1.0, loss))
            {
                break;
            }

            // A tiny ridge keeps the Newton system solvable when the scores are (nearly) constant.
            var ridge = 1e-12 * Math.Max(1.0, haa + hbb);
            haa += ridge;
            hbb += ridge;
            var det = (haa * hbb) - (hab * hab);
            var da = -((hbb * ga) - (hab * gb)) / det;
            var db = -((haa * gb) - (hab * ga)) / det;
            var step = 1.0;
            var improved = false;
            while (step >= 1e-10)
            {
                var candidate = Loss(f, t, weights, a + (step * da), b + (step * db));
                if (candidate <= loss + (1e-4 * step * ((ga * da) + (gb * db))))
                {
                    a += step * da;
                    b += step * db;
                    improved = candidate < loss;
                    loss = candidate;
                    break;
                }

                step /= 2;
            }

            if (!improved)
            {
                break;
            }
        }

        return new SigmoidCalibration(a, b);
    }

    public override double[] Predict(double[] scores) => scores.Select(s => Sigmoid(-((A * s) + B))).ToArray();

    /// <summary>1 / (1 + exp(-z)), computed without overflow.</summary>
    private static double Sigmoid(double z) => z >= 0 ? 1.0 / (1.0 + Math.Exp(-z)) : Math.Exp(z) / (1.0 + Math.Exp(z));

    private static double Softplus(double z) => z > 0 ? z + Math.Log(1.0 + Math.Exp(-z)) : Math.Log(1.0 + Math.Exp(z));

    private static double Loss(double[] f, double[] t, double[]? weights, double a, double b)
    {
        var sum = 0.0;
        for (var i = 0; i < f.Length; i++)
        {
            var z = (a * f[i]) + b;
            sum += (weights?[i] ?? 1.0) * ((t[i] * Softplus(z)) + ((1.0 - t[i]) * Softplus(-z)));
        }

        return sum;
    }
}
