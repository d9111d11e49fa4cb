using System.Runtime.CompilerServices;
using Imbalance.Sampling;

namespace Imbalance.Learning;

/// <summary>
/// The nearest-centre step of <see cref="KMeans"/>'s Lloyd iterations with Hamerly's bounds ("Making k-means even
/// faster", SDM 2010) and an exact SIMD scan over the centres (<see cref="DistancePanels"/>): per row an upper bound
/// on the distance to its centre and a lower bound on the distance to any other; a row whose upper bound is below
/// both its lower bound and half the distance from its centre to the nearest other centre provably keeps its
/// centre, the others are scanned against every centre. Margins cover rounding, so the labels are exactly those of
/// the k-NN engine's nearest-centre query (direct-sum distances, ties to the lower centre) every iteration.
/// </summary>
/// <remarks>Rows are processed in parallel blocks, each row independently, so the result does not depend on the
/// number of threads. All buffers are allocated once per fit and reused across iterations and runs.</remarks>
internal sealed class CentreSearch : ICentreSearch
{
    private const double Margin = 1e-9;
    private const int Block = 512;

    private readonly int _n;
    private readonly int _k;
    private readonly int _d;
    private readonly double[] _upper;
    private readonly double[] _lower;
    private readonly double[] _moved;
    private readonly double[] _half;
    private readonly bool[] _blockChanged;
    private readonly DistancePanels _centres = new();

    /// <summary>Buffers for <paramref name="n"/> rows, <paramref name="k"/> (at least 2) centres of
    /// <paramref name="d"/> features.</summary>
    public CentreSearch(int n, int k, int d)
    {
        _n = n;
        _k = k;
        _d = d;
        _upper = new double[n];
        _lower = new double[n];
        _moved = new double[k];
        _half = new double[k];
        _blockChanged = new bool[(n + Block - 1) / Block];
    }

    /// <inheritdoc />
    public void Moved(int centre, double distance) => _moved[centre] = distance;

    /// <inheritdoc />
    public bool Assign(double[] rows, double[] centres, int[] labels, bool first, double[]? exact, CancellationToken cancellationToken)
    {
        var k = _k;
        var d = _d;
        _centres.Load(centres, k, d);
        var largest = 0.0;
        var second = 0.0;
        var largestAt = -1;
        if (!first)
        {
            ForEach(k, (long)k * k * d, c =>
            {
                _centres.NearestTwo(centres.AsSpan(c * d, d), out var nearest, out var nearestValue, out _, out var nextValue);
                _half[c] = 0.5 * Math.Sqrt(nearest == c ? nextValue : nearestValue);
            });
            for (var c = 0; c < k; c++)
            {
                if (_moved[c] > largest)
                {
                    second = largest;
                    largest = _moved[c];
                    largestAt = c;
                }
                else if (_moved[c] > second)
                {
                    second = _moved[c];
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var blocks = _blockChanged.Length;
        var work = (long)_n * d * (first ? k : 4);
        ForEach(blocks, work, b => _blockChanged[b] = AssignBlock(rows, centres, labels, first, exact, b, largest, second, largestAt));
        var changed = false;
        foreach (var flag in _blockChanged)
        {
            changed |= flag;
        }

        return changed;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AssignBlock(double[] rows, double[] centres, int[] labels, bool first, double[]? exact, int block, double largest, double second, int largestAt)
    {
        var d = _d;
        var end = Math.Min(_n, (block + 1) * Block);
        var changed = false;
        for (var i = block * Block; i < end; i++)
        {
            var row = rows.AsSpan(i * d, d);
            if (!first)
            {
                var a = labels[i];
                _upper[i] += _moved[a];
                _lower[i] -= a == largestAt ? second : largest;
                var bound = Math.Max(_half[a], _lower[i]) * (1 - Margin);
                var known = false;
                var value = 0.0;
                if (!(_upper[i] * (1 + Margin) < bound))
                {
                    value = SquaredDistance(row, centres.AsSpan(a * d, d));
                    known = true;
                    _upper[i] = Math.Sqrt(value);
                }

                if (_upper[i] * (1 + Margin) < bound)
                {
                    if (exact is not null)
                    {
                        exact[i] = known ? value : SquaredDistance(row, centres.AsSpan(a * d, d));
                    }

                    continue;
                }
            }

            _centres.NearestTwo(row, out var label, out var nearest, out _, out var next);
            changed |= labels[i] != label;
            labels[i] = label;
            _upper[i] = Math.Sqrt(nearest);
            _lower[i] = Math.Sqrt(next);
            if (exact is not null)
            {
                exact[i] = nearest;
            }
        }

        return changed;
    }

    /// <summary>Runs <paramref name="body"/> over <c>[0, count)</c>, in parallel when the work is worth a thread
    /// hand-off; each index writes only its own outputs.</summary>
    internal static void ForEach(int count, long work, Action<int> body)
    {
        if (work < 200_000 || count < 2)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        ParallelLoop.For(0, count, -1, body, CancellationToken.None);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            var diff = a[j] - b[j];
            sum += diff * diff;
        }

        return sum;
    }
}
