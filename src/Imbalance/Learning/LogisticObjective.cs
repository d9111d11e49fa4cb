using System.Runtime.Intrinsics;

namespace Imbalance.Learning;

/// <summary>
/// scikit-learn's lbfgs logistic objective and its gradient (<c>LinearModelLoss</c> with <c>HalfBinomialLoss</c> for
/// one output or <c>HalfMultinomialLoss</c> for K outputs): <c>sum_i w_i loss_i + l2 / 2 * ||W||^2</c>.
/// With a <see cref="FocalLoss"/> the per-row log loss is replaced by the focal loss (same layout, same penalty).
/// Parameters are laid out as the <c>outputs x d</c> coefficients row by row, then the intercepts (if fitted).
/// </summary>
/// <remarks>
/// Every number is the one a plain row-by-row loop gives (tested bit for bit against it): each row's logits add the
/// products <c>x_ij w_j</c> in feature order, eight rows per vector instruction from a feature-major copy of the
/// rows; the rows' losses and gradient factors (the exponentials and logarithms) are computed per block of rows into
/// arrays, one exponential per binary row where the row loop took two; the loss is then summed in row order, and the
/// gradient adds the rows in row order, eight features per vector instruction. Vector lanes do the scalar IEEE
/// operations (no fused multiply-add), so the vector width never changes a bit.
/// </remarks>
internal sealed class LogisticObjective
{
    private const int BlockRows = 2048;

    private readonly double[] _rows;
    private readonly double[] _columns; // feature-major copy: _columns[j * n + i]
    private readonly int _n;
    private readonly int _d;
    private readonly int[] _codes;
    private readonly double[] _weights;
    private readonly int _outputs;
    private readonly bool _fitIntercept;
    private readonly double _l2;
    private readonly FocalLoss? _focal;
    private readonly double[] _raw;  // output-major logits, then (same place, row-major) gradient factors
    private readonly double[] _factor; // row-major: _factor[i * outputs + o]
    private readonly double[] _rowLoss;

    public LogisticObjective(double[] rows, int n, int d, int[] codes, double[] weights, int outputs, bool fitIntercept, double l2, FocalLoss? focal = null)
    {
        _rows = rows;
        _n = n;
        _d = d;
        _codes = codes;
        _weights = weights;
        _outputs = outputs;
        _fitIntercept = fitIntercept;
        _l2 = l2;
        _focal = focal;
        _columns = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                _columns[(j * n) + i] = rows[(i * d) + j];
            }
        }

        _raw = new double[outputs * n];
        _factor = new double[outputs * n];
        _rowLoss = new double[n];
        Size = (outputs * d) + (fitIntercept ? outputs : 0);
    }

    /// <summary>The number of parameters.</summary>
    public int Size { get; }

    /// <summary>Returns the objective at <paramref name="w"/> and writes its gradient.</summary>
    public double Evaluate(ReadOnlySpan<double> w, Span<double> gradient)
    {
        // Blocks keep each block's logits in cache between the logit and loss passes. They are independent and could
        // run in parallel; measured on the shared 2-core machine, threads cost more than they saved at these sizes.
        var parameters = w.ToArray();
        var blocks = (_n + BlockRows - 1) / BlockRows;
        for (var b = 0; b < blocks; b++)
        {
            RowBlock(parameters, b);
        }

        // The loss in row order.
        var loss = 0.0;
        foreach (var rowLoss in _rowLoss)
        {
            loss += rowLoss;
        }

        // The gradient: rows added in row order, each coordinate on its own.
        gradient.Clear();
        var d = _d;
        var outputs = _outputs;
        var coefCount = outputs * d;
        for (var i = 0; i < _n; i++)
        {
            var row = _rows.AsSpan(i * d, d);
            for (var o = 0; o < outputs; o++)
            {
                var factor = _factor[(i * outputs) + o];
                AddScaled(gradient.Slice(o * d, d), factor, row);
                if (_fitIntercept)
                {
                    gradient[coefCount + o] += factor;
                }
            }
        }

        var penalty = 0.0;
        for (var j = 0; j < coefCount; j++)
        {
            penalty += w[j] * w[j];
            gradient[j] += _l2 * w[j];
        }

        return loss + (0.5 * _l2 * penalty);
    }

    /// <summary>Logits, losses and gradient factors of one block of rows.</summary>
    private void RowBlock(double[] w, int block)
    {
        var n = _n;
        var d = _d;
        var outputs = _outputs;
        var coefCount = outputs * d;
        var start = block * BlockRows;
        var end = Math.Min(n, start + BlockRows);
        for (var o = 0; o < outputs; o++)
        {
            // z_i = b + x_i0 w_0 + x_i1 w_1 + ... in feature order, several rows at a time.
            var z = _raw.AsSpan((o * n) + start, end - start);
            z.Fill(_fitIntercept ? w[coefCount + o] : 0.0);
            for (var j = 0; j < d; j++)
            {
                AddScaled(z, w[(o * d) + j], _columns.AsSpan((j * n) + start, end - start));
            }
        }

        Span<double> raw = stackalloc double[outputs];
        Span<double> focalGradient = stackalloc double[outputs];
        for (var i = start; i < end; i++)
        {
            for (var o = 0; o < outputs; o++)
            {
                raw[o] = _raw[(o * n) + i];
            }

            var sw = _weights[i];
            var code = _codes[i];
            if (_focal is not null && outputs == 1)
            {
                var (rowLoss, slope) = _focal.Binary(raw[0], code);
                _rowLoss[i] = sw * rowLoss;
                raw[0] = sw * slope;
            }
            else if (_focal is not null)
            {
                _rowLoss[i] = sw * _focal.Softmax(raw, code, focalGradient, sw);
                focalGradient.CopyTo(raw);
            }
            else if (outputs == 1)
            {
                // Binary: y in {0, 1} for the second class; loss = log(1 + exp(z)) - y z. Both branches below need
                // exp(-|z|) (exp(0) = exp(-0) at z = 0), so it is computed once.
                var z = raw[0];
                var target = code == 1 ? 1.0 : 0.0;
                var e = Math.Exp(z > 0 ? -z : z);
                var log1pexp = z > 0 ? z + Math.Log(1.0 + e) : Math.Log(1.0 + e);
                _rowLoss[i] = sw * (log1pexp - (target * z));
                var p = z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
                raw[0] = sw * (p - target);
            }
            else
            {
                var max = double.NegativeInfinity;
                for (var o = 0; o < outputs; o++)
                {
                    max = Math.Max(max, raw[o]);
                }

                var sum = 0.0;
                for (var o = 0; o < outputs; o++)
                {
                    sum += Math.Exp(raw[o] - max);
                }

                var logSumExp = max + Math.Log(sum);
                _rowLoss[i] = sw * (logSumExp - raw[code]);
                for (var o = 0; o < outputs; o++)
                {
                    var p = Math.Exp(raw[o] - logSumExp);
                    raw[o] = sw * (p - (o == code ? 1.0 : 0.0));
                }
            }

            raw.CopyTo(_factor.AsSpan(i * outputs, outputs));
        }
    }

    /// <summary><c>target[j] += scale * source[j]</c> for every j: a multiply then an add per element, as the scalar
    /// loop does.</summary>
    private static void AddScaled(Span<double> target, double scale, ReadOnlySpan<double> source)
    {
        var j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var s = Vector512.Create(scale);
            for (; j + Vector512<double>.Count <= target.Length; j += Vector512<double>.Count)
            {
                var t = Vector512.Create<double>(target.Slice(j, Vector512<double>.Count));
                (t + (s * Vector512.Create<double>(source.Slice(j, Vector512<double>.Count)))).CopyTo(target.Slice(j, Vector512<double>.Count));
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var s = Vector256.Create(scale);
            for (; j + Vector256<double>.Count <= target.Length; j += Vector256<double>.Count)
            {
                var t = Vector256.Create<double>(target.Slice(j, Vector256<double>.Count));
                (t + (s * Vector256.Create<double>(source.Slice(j, Vector256<double>.Count)))).CopyTo(target.Slice(j, Vector256<double>.Count));
            }
        }

        for (; j < target.Length; j++)
        {
            target[j] += scale * source[j];
        }
    }
}
