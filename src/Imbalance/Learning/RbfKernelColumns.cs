namespace Imbalance.Learning;

/// <summary>
/// libsvm's <c>SVC_Q</c> / <c>ONE_CLASS_Q</c> for the RBF kernel: columns <c>y_i y_j K(x_i, x_j)</c> in single precision, indexed by original variable,
/// filled lazily for the positions asked for (NaN marks an entry not computed yet) and cached up to libsvm's
/// default 200 MB. Shared by <see cref="SupportVectorClassifier"/> and <see cref="Anomaly.OneClassSvm"/> (labels all
/// +1 gives <c>ONE_CLASS_Q</c>).
/// </summary>
internal sealed class RbfKernelColumns(double[] rows, int d, double[] squares, double gamma, int[] members, double[] labels)
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
