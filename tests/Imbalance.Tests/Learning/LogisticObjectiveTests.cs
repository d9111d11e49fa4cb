using Imbalance.Learning;
using Imbalance.Randomness;

namespace Imbalance.Tests.Learning;

/// <summary>
/// The blocked, vectorised and parallel <see cref="LogisticObjective"/> must return, bit for bit, the loss and gradient
/// of the plain row-by-row loop it replaced (kept here as the oracle), for binary and multinomial models, with and
/// without intercept and focal loss, on sizes around the vector widths and the row blocks.
/// </summary>
public class LogisticObjectiveTests
{
    public static TheoryData<int, int, int, bool, bool> Cases()
    {
        var data = new TheoryData<int, int, int, bool, bool>();
        foreach (var n in new[] { 1, 7, 2047, 2049, 4500 })
        {
            foreach (var d in new[] { 1, 8, 13 })
            {
                foreach (var outputs in new[] { 1, 3 })
                {
                    data.Add(n, d, outputs, n % 2 == 1, false);
                    data.Add(n, d, outputs, n % 2 == 0, true);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Equals_the_row_by_row_loop_bit_for_bit(int n, int d, int outputs, bool fitIntercept, bool focal)
    {
        var rng = new RandomState((n * 31) + d + outputs);
        var rows = Enumerable.Range(0, n * d).Select(_ => rng.StandardNormal() * 3.0).ToArray();
        var classes = outputs == 1 ? 2 : outputs;
        var codes = Enumerable.Range(0, n).Select(_ => rng.RandInt(0, classes)).ToArray();
        var weights = Enumerable.Range(0, n).Select(_ => rng.RandomSample() * 2.0).ToArray();
        var loss = focal ? new FocalLoss { Gamma = 2.0 } : null;
        var fast = new LogisticObjective(rows, n, d, codes, weights, outputs, fitIntercept, 0.5, loss);
        var oracle = new RowLoop(rows, n, d, codes, weights, outputs, fitIntercept, 0.5, loss);
        for (var trial = 0; trial < 3; trial++)
        {
            var w = Enumerable.Range(0, fast.Size).Select(_ => trial == 0 ? 0.0 : rng.StandardNormal() * trial).ToArray();
            var g1 = new double[fast.Size];
            var g2 = new double[fast.Size];
            var f1 = fast.Evaluate(w, g1);
            var f2 = oracle.Evaluate(w, g2);
            BitConverter.DoubleToInt64Bits(f1).Should().Be(BitConverter.DoubleToInt64Bits(f2));
            g1.Select(BitConverter.DoubleToInt64Bits).Should().Equal(g2.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    /// <summary>The objective as first written: one row at a time (the reference the fast one must equal).</summary>
    private sealed class RowLoop(double[] rows, int n, int d, int[] codes, double[] weights, int outputs, bool fitIntercept, double l2, FocalLoss? focal)
    {
        private readonly double[] _rows = rows;
        private readonly int _n = n;
        private readonly int _d = d;
        private readonly int[] _codes = codes;
        private readonly double[] _weights = weights;
        private readonly int _outputs = outputs;
        private readonly bool _fitIntercept = fitIntercept;
        private readonly double _l2 = l2;
        private readonly FocalLoss? _focal = focal;

        /// <summary>Returns the objective at <paramref name="w"/> and writes its gradient.</summary>
        public double Evaluate(ReadOnlySpan<double> w, Span<double> gradient)
        {
            gradient.Clear();
            var loss = 0.0;
            Span<double> raw = stackalloc double[_outputs];
            Span<double> focalGradient = stackalloc double[_outputs];
            var coefCount = _outputs * _d;
            for (var i = 0; i < _n; i++)
            {
                var row = _rows.AsSpan(i * _d, _d);
                for (var o = 0; o < _outputs; o++)
                {
                    var z = _fitIntercept ? w[coefCount + o] : 0.0;
                    var coef = w.Slice(o * _d, _d);
                    for (var j = 0; j < _d; j++)
                    {
                        z += row[j] * coef[j];
                    }

                    raw[o] = z;
                }

                var sw = _weights[i];
                if (_focal is not null && _outputs == 1)
                {
                    var (rowLoss, slope) = _focal.Binary(raw[0], _codes[i]);
                    loss += sw * rowLoss;
                    raw[0] = sw * slope;
                }
                else if (_focal is not null)
                {
                    loss += sw * _focal.Softmax(raw, _codes[i], focalGradient, sw);
                    focalGradient.CopyTo(raw);
                }
                else if (_outputs == 1)
                {
                    // Binary: y in {0, 1} for the second class; loss = log(1 + exp(z)) - y z.
                    var z = raw[0];
                    var target = _codes[i] == 1 ? 1.0 : 0.0;
                    var log1pexp = z > 0 ? z + Math.Log(1.0 + Math.Exp(-z)) : Math.Log(1.0 + Math.Exp(z));
                    loss += sw * (log1pexp - (target * z));
                    var p = z >= 0 ? 1.0 / (1.0 + Math.Exp(-z)) : Math.Exp(z) / (1.0 + Math.Exp(z));
                    raw[0] = sw * (p - target);
                }
                else
                {
                    var max = double.NegativeInfinity;
                    for (var o = 0; o < _outputs; o++)
                    {
                        max = Math.Max(max, raw[o]);
                    }

                    var sum = 0.0;
                    for (var o = 0; o < _outputs; o++)
                    {
                        sum += Math.Exp(raw[o] - max);
                    }

                    var logSumExp = max + Math.Log(sum);
                    loss += sw * (logSumExp - raw[_codes[i]]);
                    for (var o = 0; o < _outputs; o++)
                    {
                        var p = Math.Exp(raw[o] - logSumExp);
                        raw[o] = sw * (p - (o == _codes[i] ? 1.0 : 0.0));
                    }
                }

                // raw now holds the per-output gradient factor of row i.
                for (var o = 0; o < _outputs; o++)
                {
                    var factor = raw[o];
                    var grad = gradient.Slice(o * _d, _d);
                    for (var j = 0; j < _d; j++)
                    {
                        grad[j] += factor * row[j];
                    }

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
    }
}
