using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Imbalance.Learning;

/// <summary>
/// libsvm's <c>Solver</c> (Fan, Chen and Lin, JMLR 6, 2005; scikit-learn 1.2.1's bundled libsvm) for the dual
/// <c>min 0.5 a'Qa + p'a</c> subject to <c>y'a = const</c>, <c>0 &lt;= a_i &lt;= C</c>: second-order working-set
/// selection, the two-variable update, shrinking every <c>min(l, 1000)</c> iterations with gradient reconstruction,
/// and <c>calculate_rho</c>. C-SVC (<see cref="SupportVectorClassifier"/>: <c>p = -1</c>, alpha from 0) and the
/// one-class SVM (<see cref="Anomaly.OneClassSvm"/>: <c>p = 0</c>, <c>y = 1</c>, <c>C = 1</c>, alpha started at
/// <c>nu l</c> spread over the first rows) share it.
/// Variables are addressed by position; shrinking swaps positions (as libsvm's <c>swap_index</c>, kernel columns
/// included), and <c>_active[position]</c> gives the original variable.
/// </summary>
/// <remarks>Kernel diagonals are 1 (the RBF kernel), as both callers use it.</remarks>
internal sealed class SmoSolver
{
    private const double Tau = 1e-12;
    private readonly RbfKernelColumns _q;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SmoSolver(RbfKernelColumns q, double[] labels, double[] linear, double[] alpha, double c, double eps)
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

    /// <summary>Runs the solver; returns the multipliers by original variable, libsvm's <c>rho</c> and the number of
    /// iterations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    private float[] Column(int position, int length) => _q.Get(position, length);

    /// <summary>libsvm's second-order <c>select_working_set</c>; false when the solution is optimal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool SelectWorkingSet(out int outI, out int outJ)
    {
        outI = outJ = -1;
        var gMax = double.NegativeInfinity;
        var gMax2 = double.NegativeInfinity;
        var iIndex = -1;
        var start = Vector512.IsHardwareAccelerated ? MaximalViolator512(ref gMax, ref iIndex) : 0;
        for (var t = start; t < _activeSize; t++)
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
        start = qi is not null && Vector512.IsHardwareAccelerated ? SecondOrderPartner512(qi, 2.0 * _y[iIndex], gMax, ref gMax2, ref jIndex, ref objectiveMin) : 0;
        for (var t = start; t < _activeSize; t++)
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
                quadratic = 1.0 + 1.0 - (2.0 * _y[iIndex] * qi![t]);
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

                quadratic = 1.0 + 1.0 + (2.0 * _y[iIndex] * qi![t]);
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

    /// <summary>The first loop of <see cref="SelectWorkingSet"/> over whole blocks of 8 positions: each lane keeps the
    /// largest violation it saw and its last position (the scalar loop keeps the last position of the overall
    /// largest, which is the largest position among the lanes holding that value). Returns where the scalar loop
    /// resumes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int MaximalViolator512(ref double gMax, ref int iIndex)
    {
        var end = _activeSize & ~7;
        if (end == 0)
        {
            return 0;
        }

        ref var g = ref MemoryMarshal.GetArrayDataReference(_g);
        ref var y = ref MemoryMarshal.GetArrayDataReference(_y);
        ref var alpha = ref MemoryMarshal.GetArrayDataReference(_alpha);
        var c = Vector512.Create(_c);
        var best = Vector512.Create(double.NegativeInfinity);
        var bestIndex = Vector512.Create(-1.0);
        var found = Vector512<double>.Zero;
        var index = Vector512.Create(0.0, 1, 2, 3, 4, 5, 6, 7);
        var eight = Vector512.Create(8.0);
        for (var t = 0; t < end; t += 8)
        {
            var gt = Vector512.LoadUnsafe(ref g, (nuint)t);
            var a = Vector512.LoadUnsafe(ref alpha, (nuint)t);
            var positive = Vector512.GreaterThan(Vector512.LoadUnsafe(ref y, (nuint)t), Vector512<double>.Zero);
            var eligible = (positive & Vector512.LessThan(a, c)) | Vector512.AndNot(Vector512.GreaterThan(a, Vector512<double>.Zero), positive);
            var value = Vector512.ConditionalSelect(positive, -gt, gt);
            var take = eligible & Vector512.GreaterThanOrEqual(value, best);
            best = Vector512.ConditionalSelect(take, value, best);
            bestIndex = Vector512.ConditionalSelect(take, index, bestIndex);
            found |= take;
            index += eight;
        }

        if (found != Vector512<double>.Zero)
        {
            var max = double.NegativeInfinity;
            for (var lane = 0; lane < 8; lane++)
            {
                if (found.GetElement(lane) != 0 && best.GetElement(lane) >= max)
                {
                    max = best.GetElement(lane);
                }
            }

            var last = -1.0;
            for (var lane = 0; lane < 8; lane++)
            {
                if (found.GetElement(lane) != 0 && best.GetElement(lane) == max)
                {
                    last = Math.Max(last, bestIndex.GetElement(lane));
                }
            }

            iIndex = (int)last;
            gMax = _y[iIndex] > 0 ? -_g[iIndex] : _g[iIndex];
        }

        return end;
    }

    /// <summary>The second loop of <see cref="SelectWorkingSet"/> over whole blocks of 8 positions, with the same
    /// operations per lane: <c>G_max2</c> is a maximum (order-free) and the partner is the last position of the
    /// smallest objective (the largest position among the lanes holding it). Returns where the scalar loop
    /// resumes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SecondOrderPartner512(float[] qi, double twoYi, double gMax, ref double gMax2, ref int jIndex, ref double objectiveMin)
    {
        var end = _activeSize & ~7;
        if (end == 0)
        {
            return 0;
        }

        ref var g = ref MemoryMarshal.GetArrayDataReference(_g);
        ref var y = ref MemoryMarshal.GetArrayDataReference(_y);
        ref var alpha = ref MemoryMarshal.GetArrayDataReference(_alpha);
        ref var q = ref MemoryMarshal.GetArrayDataReference(qi);
        var c = Vector512.Create(_c);
        var gMaxV = Vector512.Create(gMax);
        var twoYiV = Vector512.Create(twoYi);
        var diagonal = Vector512.Create(1.0 + 1.0);
        var tau = Vector512.Create(Tau);
        var max2 = Vector512.Create(double.NegativeInfinity);
        var best = Vector512.Create(double.PositiveInfinity);
        var bestIndex = Vector512.Create(-1.0);
        var found = Vector512<double>.Zero;
        var index = Vector512.Create(0.0, 1, 2, 3, 4, 5, 6, 7);
        var eight = Vector512.Create(8.0);
        for (var t = 0; t < end; t += 8)
        {
            var gt = Vector512.LoadUnsafe(ref g, (nuint)t);
            var a = Vector512.LoadUnsafe(ref alpha, (nuint)t);
            var positive = Vector512.GreaterThan(Vector512.LoadUnsafe(ref y, (nuint)t), Vector512<double>.Zero);
            var eligible = (positive & Vector512.GreaterThan(a, Vector512<double>.Zero)) | Vector512.AndNot(Vector512.LessThan(a, c), positive);
            var signed = Vector512.ConditionalSelect(positive, gt, -gt);
            max2 = Vector512.ConditionalSelect(eligible & Vector512.GreaterThanOrEqual(signed, max2), signed, max2);
            var difference = Vector512.ConditionalSelect(positive, gMaxV + gt, gMaxV - gt);
            var candidate = eligible & Vector512.GreaterThan(difference, Vector512<double>.Zero);
            if (candidate == Vector512<double>.Zero)
            {
                index += eight;
                continue;
            }

            var product = twoYiV * Avx512F.ConvertToVector512Double(Vector256.LoadUnsafe(ref q, (nuint)t));
            var quadratic = Vector512.ConditionalSelect(positive, diagonal - product, diagonal + product);
            var numerator = -(difference * difference);

            // One division per lane: by the quadratic term when positive, else by tau (the scalar loop's two cases).
            var objective = numerator / Vector512.ConditionalSelect(Vector512.GreaterThan(quadratic, Vector512<double>.Zero), quadratic, tau);
            var take = candidate & Vector512.LessThanOrEqual(objective, best);
            best = Vector512.ConditionalSelect(take, objective, best);
            bestIndex = Vector512.ConditionalSelect(take, index, bestIndex);
            found |= take;
            index += eight;
        }

        for (var lane = 0; lane < 8; lane++)
        {
            if (max2.GetElement(lane) >= gMax2)
            {
                gMax2 = max2.GetElement(lane);
            }
        }

        if (found != Vector512<double>.Zero)
        {
            var min = double.PositiveInfinity;
            for (var lane = 0; lane < 8; lane++)
            {
                if (found.GetElement(lane) != 0 && best.GetElement(lane) <= min)
                {
                    min = best.GetElement(lane);
                }
            }

            var last = -1.0;
            for (var lane = 0; lane < 8; lane++)
            {
                if (found.GetElement(lane) != 0 && best.GetElement(lane) == min)
                {
                    last = Math.Max(last, bestIndex.GetElement(lane));
                }
            }

            jIndex = (int)last;
            objectiveMin = min;
        }

        return end;
    }

    /// <summary>The two-variable update of libsvm's main loop, with the gradient and <c>G_bar</c> updates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Update(int i, int j)
    {
        var qi = Column(i, _activeSize);
        var qj = Column(j, _activeSize);
        var c = _c;
        var alpha = _alpha;
        var oldI = alpha[i];
        var oldJ = alpha[j];
        var qij = qi[j];
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
        UpdateGradient(_g.AsSpan(0, _activeSize), qi, qj, deltaI, deltaJ);

        if ((oldI >= c) != IsUpper(i))
        {
            UpdateGBar(i, leavingUpperBound: oldI >= c);
        }

        if ((oldJ >= c) != IsUpper(j))
        {
            UpdateGBar(j, leavingUpperBound: oldJ >= c);
        }
    }

    /// <summary>libsvm's <c>G[k] += Q_i[k] * delta_alpha_i + Q_j[k] * delta_alpha_j</c> over the active positions,
    /// vectorised across positions with the same operations in each lane (widen, multiply, add, add; no fused
    /// multiply-add).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpdateGradient(Span<double> g, float[] qi, float[] qj, double deltaI, double deltaJ)
    {
        var k = 0;
        ref var gk = ref MemoryMarshal.GetReference(g);
        ref var qik = ref MemoryMarshal.GetArrayDataReference(qi);
        ref var qjk = ref MemoryMarshal.GetArrayDataReference(qj);
        if (Vector512.IsHardwareAccelerated)
        {
            var di = Vector512.Create(deltaI);
            var dj = Vector512.Create(deltaJ);
            for (; k + 16 <= g.Length; k += 16)
            {
                var (iLow, iHigh) = Vector512.Widen(Vector512.LoadUnsafe(ref qik, (nuint)k));
                var (jLow, jHigh) = Vector512.Widen(Vector512.LoadUnsafe(ref qjk, (nuint)k));
                (Vector512.LoadUnsafe(ref gk, (nuint)k) + ((iLow * di) + (jLow * dj))).StoreUnsafe(ref gk, (nuint)k);
                (Vector512.LoadUnsafe(ref gk, (nuint)k + 8) + ((iHigh * di) + (jHigh * dj))).StoreUnsafe(ref gk, (nuint)k + 8);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var di = Vector256.Create(deltaI);
            var dj = Vector256.Create(deltaJ);
            for (; k + 8 <= g.Length; k += 8)
            {
                var (iLow, iHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref qik, (nuint)k));
                var (jLow, jHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref qjk, (nuint)k));
                (Vector256.LoadUnsafe(ref gk, (nuint)k) + ((iLow * di) + (jLow * dj))).StoreUnsafe(ref gk, (nuint)k);
                (Vector256.LoadUnsafe(ref gk, (nuint)k + 4) + ((iHigh * di) + (jHigh * dj))).StoreUnsafe(ref gk, (nuint)k + 4);
            }
        }

        for (; k < g.Length; k++)
        {
            g[k] += (qi[k] * deltaI) + (qj[k] * deltaJ);
        }
    }

    /// <summary>libsvm: <c>G_bar[k] -= C * Q_i[k]</c> when variable i leaves its upper bound, <c>+=</c> when it
    /// reaches it (vectorised across k with the same two operations per entry).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateGBar(int position, bool leavingUpperBound)
    {
        var q = Column(position, _l);
        var c = _c;
        var k = 0;
        ref var gBar = ref MemoryMarshal.GetArrayDataReference(_gBar);
        ref var qk = ref MemoryMarshal.GetArrayDataReference(q);
        if (Vector512.IsHardwareAccelerated)
        {
            var cv = Vector512.Create(c);
            for (; k + 16 <= _l; k += 16)
            {
                var (low, high) = Vector512.Widen(Vector512.LoadUnsafe(ref qk, (nuint)k));
                var g0 = Vector512.LoadUnsafe(ref gBar, (nuint)k);
                var g1 = Vector512.LoadUnsafe(ref gBar, (nuint)k + 8);
                (leavingUpperBound ? g0 - (cv * low) : g0 + (cv * low)).StoreUnsafe(ref gBar, (nuint)k);
                (leavingUpperBound ? g1 - (cv * high) : g1 + (cv * high)).StoreUnsafe(ref gBar, (nuint)k + 8);
            }
        }

        for (; k < _l; k++)
        {
            var term = c * q[k];
            _gBar[k] = leavingUpperBound ? _gBar[k] - term : _gBar[k] + term;
        }
    }

    /// <summary>libsvm's <c>do_shrinking</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        _q.Swap(i, j);
    }

    /// <summary>libsvm's <c>reconstruct_gradient</c> for the shrunk variables.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            // Each G[i] adds the free terms in increasing j, as libsvm's loop does, from a list made once.
            var freeList = new int[free];
            for (int j = 0, f = 0; j < _activeSize; j++)
            {
                if (IsFree(j))
                {
                    freeList[f++] = j;
                }
            }

            for (var i = _activeSize; i < _l; i++)
            {
                var q = Column(i, _activeSize);
                var sum = _g[i];
                foreach (var j in freeList)
                {
                    sum += _alpha[j] * q[j];
                }

                _g[i] = sum;
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

                AddScaled(_g.AsSpan(_activeSize, _l - _activeSize), Column(i, _l).AsSpan(_activeSize, _l - _activeSize), _alpha[i]);
            }
        }
    }

    /// <summary><c>g[k] += a * q[k]</c> for every k (multiply then add, as the scalar loop; no fused multiply-add).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddScaled(Span<double> g, ReadOnlySpan<float> q, double a)
    {
        var k = 0;
        ref var gk = ref MemoryMarshal.GetReference(g);
        ref var qk = ref MemoryMarshal.GetReference(q);
        if (Vector512.IsHardwareAccelerated)
        {
            var av = Vector512.Create(a);
            for (; k + 16 <= g.Length; k += 16)
            {
                var (low, high) = Vector512.Widen(Vector512.LoadUnsafe(ref qk, (nuint)k));
                (Vector512.LoadUnsafe(ref gk, (nuint)k) + (av * low)).StoreUnsafe(ref gk, (nuint)k);
                (Vector512.LoadUnsafe(ref gk, (nuint)k + 8) + (av * high)).StoreUnsafe(ref gk, (nuint)k + 8);
            }
        }

        for (; k < g.Length; k++)
        {
            g[k] += a * q[k];
        }
    }
}
