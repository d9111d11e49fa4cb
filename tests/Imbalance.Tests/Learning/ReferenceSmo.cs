// The SVC's kernel columns and libsvm solver as they were before the kernel cache was rewritten (issue #18):
// kept verbatim (renamed, plus an iteration count) as the straightforward reference the fast path must equal bit for bit.
#pragma warning disable
namespace Imbalance.Tests.Learning;

internal sealed class ReferenceRbfKernelColumns(double[] rows, int d, double[] squares, double gamma, int[] members, double[] labels)
{
    private const long CacheBytes = 200L * 1024 * 1024;
    private readonly Dictionary<int, float[]> _cache = [];
    private readonly Queue<int> _order = new();

    /// <summary>Column <paramref name="variable"/> with the entries of <c>active[0..length)</c> computed.</summary>
    public float[] Get(int variable, int[] active, int length, double yVariable)
    {
        var l = members.Length;
        if (!_cache.TryGetValue(variable, out var column))
        {
            if ((long)(_cache.Count + 1) * l * sizeof(float) > CacheBytes && _order.Count > 0)
            {
                _cache.Remove(_order.Dequeue());
            }

            column = new float[l];
            Array.Fill(column, float.NaN);
            _cache[variable] = column;
            _order.Enqueue(variable);
        }

        var a = members[variable];
        if (length < 4096)
        {
            Fill(column, a, active, 0, length, yVariable);
        }
        else
        {
            // Entries are independent, so filling blocks in parallel gives the same column.
            Parallel.For(0, (length + 2047) / 2048, block => Fill(column, a, active, block * 2048, Math.Min(length, (block + 1) * 2048), yVariable));
        }

        return column;
    }

    private void Fill(float[] column, int a, int[] active, int from, int to, double yVariable)
    {
        var xa = rows.AsSpan(a * d, d);
        for (var k = from; k < to; k++)
        {
            var t = active[k];
            if (!float.IsNaN(column[t]))
            {
                continue;
            }

            var b = members[t];
            var xb = rows.AsSpan(b * d, d);
            var dot = 0.0;
            for (var j = 0; j < d; j++)
            {
                dot += xa[j] * xb[j];
            }

            // libsvm: y_i * y_j * exp(-gamma * (x_square[i] + x_square[j] - 2 * dot(x[i], x[j]))), stored as float.
            column[t] = (float)(yVariable * labels[t] * Math.Exp(-gamma * (squares[a] + squares[b] - (2 * dot))));
        }
    }
}
internal sealed class ReferenceSmoSolver
{
    private const double Tau = 1e-12;
    private readonly ReferenceRbfKernelColumns _q;
    private readonly double _c;
    private readonly double _eps;
    private readonly int _l;
    private readonly double[] _alpha;
    private readonly double[] _g;
    private readonly double[] _gBar;
    private readonly double[] _y;
    private readonly double[] _p;
    private readonly int[] _active;
    private int _activeSize;
    private bool _unshrink;

    /// <summary>Sets up a solve.</summary>
    /// <param name="q">The kernel columns <c>y_i y_j K(x_i, x_j)</c>.</param>
    /// <param name="labels">The signs <c>y_i</c>, +1 or -1.</param>
    /// <param name="linear">The linear term <c>p</c>.</param>
    /// <param name="alpha">The feasible start point (copied).</param>
    /// <param name="c">The upper bound of every variable.</param>
    /// <param name="eps">The stopping tolerance.</param>
    public ReferenceSmoSolver(ReferenceRbfKernelColumns q, double[] labels, double[] linear, double[] alpha, double c, double eps)
    {
        _q = q;
        _c = c;
        _eps = eps;
        _l = labels.Length;
        _alpha = (double[])alpha.Clone();
        _y = (double[])labels.Clone();
        _p = (double[])linear.Clone();
        _g = (double[])linear.Clone();
        _gBar = new double[_l];
        _active = Enumerable.Range(0, _l).ToArray();
        _activeSize = _l;

        // libsvm: G = p + Q alpha and G_bar = C * sum of the columns of variables at the upper bound.
        for (var i = 0; i < _l; i++)
        {
            if (IsLower(i))
            {
                continue;
            }

            var column = Column(i, _l);
            var alphaI = _alpha[i];
            for (var j = 0; j < _l; j++)
            {
                _g[j] += alphaI * column[j];
            }

            if (IsUpper(i))
            {
                for (var j = 0; j < _l; j++)
                {
                    _gBar[j] += _c * column[j];
                }
            }
        }
    }

    /// <summary>Runs the solver; returns the multipliers by original variable and libsvm's <c>rho</c>.</summary>
    public (double[] Alpha, double Rho, int Iterations) Solve(CancellationToken cancellationToken)
    {
        var maxIterations = Math.Max(10_000_000, _l > int.MaxValue / 100 ? int.MaxValue : 100 * _l);
        var counter = Math.Min(_l, 1000) + 1;
        var iteration = 0;
        while (iteration < maxIterations)
        {
            if (--counter == 0)
            {
                counter = Math.Min(_l, 1000);
                cancellationToken.ThrowIfCancellationRequested();
                Shrink();
            }

            if (!SelectWorkingSet(out var i, out var j))
            {
                ReconstructGradient();
                _activeSize = _l;
                if (!SelectWorkingSet(out i, out j))
                {
                    break;
                }

                counter = 1;
            }

            iteration++;
            Update(i, j);
        }

        if (_activeSize < _l)
        {
            ReconstructGradient();
            _activeSize = _l;
        }

        var rho = CalculateRho();
        var result = new double[_l];
        for (var k = 0; k < _l; k++)
        {
            result[_active[k]] = _alpha[k];
        }

        return (result, rho, iteration);
    }

    /// <summary>libsvm's <c>calculate_rho</c>: the mean of <c>y_i G_i</c> over free variables, else the middle of
    /// the bounds.</summary>
    private double CalculateRho()
    {
        var ub = double.PositiveInfinity;
        var lb = double.NegativeInfinity;
        var free = 0;
        var sumFree = 0.0;
        for (var i = 0; i < _activeSize; i++)
        {
            var yG = _y[i] * _g[i];
            if (IsUpper(i))
            {
                if (_y[i] < 0)
                {
                    ub = Math.Min(ub, yG);
                }
                else
                {
                    lb = Math.Max(lb, yG);
                }
            }
            else if (IsLower(i))
            {
                if (_y[i] > 0)
                {
                    ub = Math.Min(ub, yG);
                }
                else
                {
                    lb = Math.Max(lb, yG);
                }
            }
            else
            {
                free++;
                sumFree += yG;
            }
        }

        return free > 0 ? sumFree / free : (ub + lb) / 2;
    }

    private bool IsUpper(int k) => _alpha[k] >= _c;

    private bool IsLower(int k) => _alpha[k] <= 0;

    private bool IsFree(int k) => !IsUpper(k) && !IsLower(k);

    private float[] Column(int position, int length) => _q.Get(_active[position], _active, length, _y[position]);

    /// <summary>libsvm's second-order <c>select_working_set</c>; false when the solution is optimal.</summary>
    private bool SelectWorkingSet(out int outI, out int outJ)
    {
        outI = outJ = -1;
        var gMax = double.NegativeInfinity;
        var gMax2 = double.NegativeInfinity;
        var iIndex = -1;
        for (var t = 0; t < _activeSize; t++)
        {
            if (_y[t] > 0)
            {
                if (!IsUpper(t) && -_g[t] >= gMax)
                {
                    gMax = -_g[t];
                    iIndex = t;
                }
            }
            else if (!IsLower(t) && _g[t] >= gMax)
            {
                gMax = _g[t];
                iIndex = t;
            }
        }

        var qi = iIndex >= 0 ? Column(iIndex, _activeSize) : null;
        var jIndex = -1;
        var objectiveMin = double.PositiveInfinity;
        for (var t = 0; t < _activeSize; t++)
        {
            double gradientDifference;
            double quadratic;
            if (_y[t] > 0)
            {
                if (IsLower(t))
                {
                    continue;
                }

                gradientDifference = gMax + _g[t];
                if (_g[t] >= gMax2)
                {
                    gMax2 = _g[t];
                }

                if (!(gradientDifference > 0))
                {
                    continue;
                }

                // QD[i] + QD[j] - 2 y_i Q_i[j], with QD = K(x, x) = 1 for the RBF kernel.
                quadratic = 1.0 + 1.0 - (2.0 * _y[iIndex] * qi![_active[t]]);
            }
            else
            {
                if (IsUpper(t))
                {
                    continue;
                }

                gradientDifference = gMax - _g[t];
                if (-_g[t] >= gMax2)
                {
                    gMax2 = -_g[t];
                }

                if (!(gradientDifference > 0))
                {
                    continue;
                }

                quadratic = 1.0 + 1.0 + (2.0 * _y[iIndex] * qi![_active[t]]);
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

        if (gMax + gMax2 < _eps || jIndex == -1)
        {
            return false;
        }

        outI = iIndex;
        outJ = jIndex;
        return true;
    }

    /// <summary>The two-variable update of libsvm's main loop, with the gradient and <c>G_bar</c> updates.</summary>
    private void Update(int i, int j)
    {
        var qi = Column(i, _activeSize);
        var qj = Column(j, _activeSize);
        var c = _c;
        var alpha = _alpha;
        var oldI = alpha[i];
        var oldJ = alpha[j];
        var qij = qi[_active[j]];
        if (_y[i] != _y[j])
        {
            var quadratic = 1.0 + 1.0 + (2 * qij);
            if (quadratic <= 0)
            {
                quadratic = Tau;
            }

            var delta = (-_g[i] - _g[j]) / quadratic;
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
            var quadratic = 1.0 + 1.0 - (2 * qij);
            if (quadratic <= 0)
            {
                quadratic = Tau;
            }

            var delta = (_g[i] - _g[j]) / quadratic;
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
        for (var k = 0; k < _activeSize; k++)
        {
            var o = _active[k];
            _g[k] += (qi[o] * deltaI) + (qj[o] * deltaJ);
        }

        if ((oldI >= c) != IsUpper(i))
        {
            UpdateGBar(i, leavingUpperBound: oldI >= c);
        }

        if ((oldJ >= c) != IsUpper(j))
        {
            UpdateGBar(j, leavingUpperBound: oldJ >= c);
        }
    }

    /// <summary>libsvm: <c>G_bar[k] -= C * Q_i[k]</c> when variable i leaves its upper bound, <c>+=</c> when it
    /// reaches it.</summary>
    private void UpdateGBar(int position, bool leavingUpperBound)
    {
        var q = Column(position, _l);
        for (var k = 0; k < _l; k++)
        {
            var term = _c * q[_active[k]];
            _gBar[k] = leavingUpperBound ? _gBar[k] - term : _gBar[k] + term;
        }
    }

    /// <summary>libsvm's <c>do_shrinking</c>.</summary>
    private void Shrink()
    {
        var gMax1 = double.NegativeInfinity;
        var gMax2 = double.NegativeInfinity;
        for (var i = 0; i < _activeSize; i++)
        {
            if (_y[i] > 0)
            {
                if (!IsUpper(i) && -_g[i] >= gMax1)
                {
                    gMax1 = -_g[i];
                }

                if (!IsLower(i) && _g[i] >= gMax2)
                {
                    gMax2 = _g[i];
                }
            }
            else
            {
                if (!IsUpper(i) && -_g[i] >= gMax2)
                {
                    gMax2 = -_g[i];
                }

                if (!IsLower(i) && _g[i] >= gMax1)
                {
                    gMax1 = _g[i];
                }
            }
        }

        if (!_unshrink && gMax1 + gMax2 <= _eps * 10)
        {
            _unshrink = true;
            ReconstructGradient();
            _activeSize = _l;
        }

        for (var i = 0; i < _activeSize; i++)
        {
            if (!BeShrunk(i, gMax1, gMax2))
            {
                continue;
            }

            _activeSize--;
            while (_activeSize > i)
            {
                if (!BeShrunk(_activeSize, gMax1, gMax2))
                {
                    Swap(i, _activeSize);
                    break;
                }

                _activeSize--;
            }
        }
    }

    private bool BeShrunk(int i, double gMax1, double gMax2)
    {
        if (IsUpper(i))
        {
            return _y[i] > 0 ? -_g[i] > gMax1 : -_g[i] > gMax2;
        }

        if (IsLower(i))
        {
            return _y[i] > 0 ? _g[i] > gMax2 : _g[i] > gMax1;
        }

        return false;
    }

    private void Swap(int i, int j)
    {
        (_alpha[i], _alpha[j]) = (_alpha[j], _alpha[i]);
        (_g[i], _g[j]) = (_g[j], _g[i]);
        (_gBar[i], _gBar[j]) = (_gBar[j], _gBar[i]);
        (_y[i], _y[j]) = (_y[j], _y[i]);
        (_p[i], _p[j]) = (_p[j], _p[i]);
        (_active[i], _active[j]) = (_active[j], _active[i]);
    }

    /// <summary>libsvm's <c>reconstruct_gradient</c> for the shrunk variables.</summary>
    private void ReconstructGradient()
    {
        if (_activeSize == _l)
        {
            return;
        }

        for (var j = _activeSize; j < _l; j++)
        {
            _g[j] = _gBar[j] + _p[j];
        }

        var free = 0;
        for (var j = 0; j < _activeSize; j++)
        {
            if (IsFree(j))
            {
                free++;
            }
        }

        if ((long)free * _l > 2L * _activeSize * (_l - _activeSize))
        {
            for (var i = _activeSize; i < _l; i++)
            {
                var q = Column(i, _activeSize);
                for (var j = 0; j < _activeSize; j++)
                {
                    if (IsFree(j))
                    {
                        _g[i] += _alpha[j] * q[_active[j]];
                    }
                }
            }
        }
        else
        {
            for (var i = 0; i < _activeSize; i++)
            {
                if (!IsFree(i))
                {
                    continue;
                }

                var q = Column(i, _l);
                var alphaI = _alpha[i];
                for (var j = _activeSize; j < _l; j++)
                {
                    _g[j] += alphaI * q[_active[j]];
                }
            }
        }
    }
}
