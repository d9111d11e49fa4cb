namespace Imbalance.Learning;

/// <summary>
/// scikit-learn's lbfgs logistic objective and its gradient (<c>LinearModelLoss</c> with <c>HalfBinomialLoss</c> for
/// one output or <c>HalfMultinomialLoss</c> for K outputs): <c>sum_i w_i loss_i + l2 / 2 * ||W||^2</c>.
/// With a <see cref="FocalLoss"/> the per-row log loss is replaced by the focal loss (same layout, same penalty).
/// Parameters are laid out as the <c>outputs x d</c> coefficients row by row, then the intercepts (if fitted).
/// </summary>
internal sealed class LogisticObjective(double[] rows, int n, int d, int[] codes, double[] weights, int outputs, bool fitIntercept, double l2, FocalLoss? focal = null)
{
    /// <summary>The number of parameters.</summary>
    public int Size { get; } = (outputs * d) + (fitIntercept ? outputs : 0);

    /// <summary>Returns the objective at <paramref name="w"/> and writes its gradient.</summary>
    public double Evaluate(ReadOnlySpan<double> w, Span<double> gradient)
    {
        gradient.Clear();
        var loss = 0.0;
        Span<double> raw = stackalloc double[outputs];
        Span<double> focalGradient = stackalloc double[outputs];
        var coefCount = outputs * d;
        for (var i = 0; i < n; i++)
        {
            var row = rows.AsSpan(i * d, d);
            for (var o = 0; o < outputs; o++)
            {
                var z = fitIntercept ? w[coefCount + o] : 0.0;
                var coef = w.Slice(o * d, d);
                for (var j = 0; j < d; j++)
                {
                    z += row[j] * coef[j];
                }

                raw[o] = z;
            }

            var sw = weights[i];
            if (focal is not null && outputs == 1)
            {
                var (rowLoss, slope) = focal.Binary(raw[0], codes[i]);
                loss += sw * rowLoss;
                raw[0] = sw * slope;
            }
            else if (focal is not null)
            {
                loss += sw * focal.Softmax(raw, codes[i], focalGradient, sw);
                focalGradient.CopyTo(raw);
            }
            else if (outputs == 1)
            {
                // Binary: y in {0, 1} for the second class; loss = log(1 + exp(z)) - y z.
                var z = raw[0];
                var target = codes[i] == 1 ? 1.0 : 0.0;
                var log1pexp = z > 0 ? z + Math.Log(1.0 + Math.Exp(-z)) : Math.Log(1.0 + Math.Exp(z));
                loss += sw * (log1pexp - (target * z));
                var p = z >= 0 ? 1.0 / (1.0 + Math.Exp(-z)) : Math.Exp(z) / (1.0 + Math.Exp(z));
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
                loss += sw * (logSumExp - raw[codes[i]]);
                for (var o = 0; o < outputs; o++)
                {
                    var p = Math.Exp(raw[o] - logSumExp);
                    raw[o] = sw * (p - (o == codes[i] ? 1.0 : 0.0));
                }
            }

            // raw now holds the per-output gradient factor of row i.
            for (var o = 0; o < outputs; o++)
            {
                var factor = raw[o];
                var grad = gradient.Slice(o * d, d);
                for (var j = 0; j < d; j++)
                {
                    grad[j] += factor * row[j];
                }

                if (fitIntercept)
                {
                    gradient[coefCount + o] += factor;
                }
            }
        }

        var penalty = 0.0;
        for (var j = 0; j < coefCount; j++)
        {
            penalty += w[j] * w[j];
            gradient[j] += l2 * w[j];
        }

        return loss + (0.5 * l2 * penalty);
    }
}
