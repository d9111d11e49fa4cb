namespace Imbalance.Learning;

/// <summary>
/// Limited-memory BFGS for smooth unconstrained minimisation (Nocedal and Wright, Numerical Optimization, 2nd ed.,
/// algorithms 7.4 and 7.5), with a bisection line search for the weak Wolfe conditions. It stops, like scipy's
/// L-BFGS-B with <c>gtol</c>, when the largest gradient component is at most the tolerance; unlike scipy it has no
/// relative-decrease (<c>ftol</c>) exit, so it runs at least as far towards the optimum.
/// </summary>
internal static class Lbfgs
{
    private const int Memory = 10;
    private const int MaxLineSearch = 60;
    private const double C1 = 1e-4;
    private const double C2 = 0.9;

    /// <summary>An objective: returns f(w) and writes its gradient into <c>gradient</c>.</summary>
    public delegate double Objective(ReadOnlySpan<double> w, Span<double> gradient);

    /// <summary>Minimises <paramref name="objective"/> from <paramref name="x"/> (updated in place).</summary>
    /// <returns>The iterations run and whether the gradient tolerance was reached.</returns>
    public static (int Iterations, bool Converged) Minimize(
        Objective objective, double[] x, int maxIterations, double gradientTolerance, CancellationToken cancellationToken)
    {
        var n = x.Length;
        var g = new double[n];
        var f = objective(x, g);
        if (MaxAbs(g) <= gradientTolerance)
        {
            return (0, true);
        }

        var s = new double[Memory][];
        var y = new double[Memory][];
        var rho = new double[Memory];
        var alpha = new double[Memory];
        for (var i = 0; i < Memory; i++)
        {
            s[i] = new double[n];
            y[i] = new double[n];
        }

        var stored = 0;
        var newest = -1;
        var d = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Two-loop recursion: d = -H g.
            for (var j = 0; j < n; j++)
            {
                d[j] = -g[j];
            }

            for (var m = 0; m < stored; m++)
            {
                var idx = (newest - m + Memory) % Memory;
                alpha[idx] = rho[idx] * Dot(s[idx], d);
                Axpy(-alpha[idx], y[idx], d);
            }

            if (stored > 0)
            {
                var gamma = Dot(s[newest], y[newest]) / Dot(y[newest], y[newest]);
                for (var j = 0; j < n; j++)
                {
                    d[j] *= gamma;
                }
            }

            for (var m = stored - 1; m >= 0; m--)
            {
                var idx = (newest - m + Memory) % Memory;
                var beta = rho[idx] * Dot(y[idx], d);
                Axpy(alpha[idx] - beta, s[idx], d);
            }

            var slope = Dot(g, d);
            if (!(slope < 0))
            {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                for (var j = 0; j < n; j++)
                {
                    d[j] = -g[j];
                }

                stored = 0;
                slope = Dot(g, d);
            }

            // The first step is scaled to unit length, as scipy's L-BFGS-B does.
            var step = stored == 0 ? Math.Min(1.0, 1.0 / Math.Sqrt(Dot(g, g))) : 1.0;
            var low = 0.0;
            var high = double.PositiveInfinity;
            var accepted = false;
            var fNew = f;
            for (var trial = 0; trial < MaxLineSearch; trial++)
            {
                for (var j = 0; j < n; j++)
                {
                    xNew[j] = x[j] + (step * d[j]);
                }

                fNew = objective(xNew, gNew);
                var newSlope = Dot(gNew, d);

                // Near the optimum the decrease drops below the rounding of f; there the approximate Wolfe condition
                // of Hager and Zhang (2005) judges the step by the slope instead.
                var decreased = fNew <= f + (C1 * step * slope)
                    || (fNew <= f + (1e-12 * Math.Abs(f)) && newSlope <= (2 * C1 - 1) * slope);
                if (!double.IsFinite(fNew) || !decreased)
                {
                    high = step;
                }
                else if (newSlope < C2 * slope)
                {
                    low = step;
                }
                else
                {
                    accepted = true;
                    break;
                }

                step = double.IsPositiveInfinity(high) ? 2.0 * low : 0.5 * (low + high);
            }

            if (!accepted)
            {
                // The line search cannot make progress: the iterate is as good as rounding allows.
                return (iteration, MaxAbs(g) <= gradientTolerance);
            }

            var next = (newest + 1) % Memory;
            var sy = 0.0;
            for (var j = 0; j < n; j++)
            {
                s[next][j] = xNew[j] - x[j];
                y[next][j] = gNew[j] - g[j];
                sy += s[next][j] * y[next][j];
            }

            if (sy > 1e-300)
            {
                rho[next] = 1.0 / sy;
                newest = next;
                stored = Math.Min(stored + 1, Memory);
            }

            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            f = fNew;
            if (MaxAbs(g) <= gradientTolerance)
            {
                return (iteration, true);
            }
        }

        return (maxIterations, false);
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    private static double MaxAbs(ReadOnlySpan<double> v)
    {
        var max = 0.0;
        foreach (var e in v)
        {
            max = Math.Max(max, Math.Abs(e));
        }

        return max;
    }
}
