using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Imbalance.Learning;

/// <summary>
/// The nearest-centre step of <see cref="KMeans"/>'s Lloyd iterations with Yinyang's group bounds (Ding et al.,
/// "Yinyang K-Means: a drop-in replacement of the classic K-means with consistent speedup", ICML 2015) and an exact
/// SIMD scan of the groups that remain. The centres are split once per run into groups of nearby centres; per row an
/// upper bound on the distance to its centre and, per group, a lower bound on the distance to any other centre of the
/// group. Each bound moves by the centre's (or the group's largest) drift; a row whose upper bound is below every
/// group bound (or half the distance from its centre to the nearest other centre) keeps its centre, and otherwise only
/// the groups whose bound does not exceed the upper bound are scanned. Relative and absolute margins cover rounding,
/// so a skipped centre is provably strictly farther than the row's centre: the labels are exactly those of the k-NN
/// engine's nearest-centre query (direct-sum distances, ties to the lower centre) every iteration, and the grouping
/// (a few Lloyd steps over the centres) changes only the speed.
/// </summary>
/// <remarks>Rows are processed in parallel blocks, each row independently, so the result does not depend on the
/// number of threads. Memory: <c>n x groups</c> bounds, with at most <see cref="MaxGroups"/> groups.</remarks>
internal sealed class GroupedCentreSearch : ICentreSearch
{
    /// <summary>The most groups (bounds per row).</summary>
    public const int MaxGroups = 64;

    private const double Margin = 1e-9;
    private const int Block = 512;
    private const int Lanes = DistancePanels.Lanes;

    private readonly int _n;
    private readonly int _k;
    private readonly int _d;
    private readonly int _groups;
    private readonly double[] _upper;
    private readonly double[] _lower;
    private readonly double[] _moved;
    private readonly double[] _half;
    private readonly double[] _groupDrift;
    private readonly int[] _groupOf;
    private readonly int[] _groupStart;
    private readonly int[] _groupReal;
    private readonly bool[] _blockChanged;
    private readonly DistancePanels _all = new();
    private readonly DistancePanels _slots = new();
    private int[] _slotCentre = [];
    private double[] _slotted = [];
    private double _slack;

    /// <summary>Buffers for <paramref name="n"/> rows, <paramref name="k"/> (at least 2) centres of
    /// <paramref name="d"/> features.</summary>
    public GroupedCentreSearch(int n, int k, int d)
    {
        _n = n;
        _k = k;
        _d = d;
        _groups = Math.Clamp(k / 16, 1, MaxGroups);
        _upper = new double[n];
        _lower = new double[(long)n * _groups];
        _moved = new double[k];
        _half = new double[k];
        _groupDrift = new double[_groups];
        _groupOf = new int[k];
        _groupStart = new int[_groups + 1];
        _groupReal = new int[_groups];
        _blockChanged = new bool[(n + Block - 1) / Block];
    }

    /// <inheritdoc />
    public void Moved(int centre, double distance) => _moved[centre] = distance;

    /// <inheritdoc />
    public bool Assign(double[] rows, double[] centres, int[] labels, bool first, double[]? exact, CancellationToken cancellationToken)
    {
        var k = _k;
        var d = _d;
        if (first)
        {
            _slack = Margin * Diagonal(rows, _n, d);
            Group(centres);
        }

        LoadPanels(centres);
        if (!first)
        {
            _all.Load(centres, k, d);
            CentreSearch.ForEach(k, (long)k * k * d, c =>
            {
                _all.NearestTwo(centres.AsSpan(c * d, d), out var nearest, out var nearestValue, out _, out var nextValue);
                _half[c] = 0.5 * Math.Sqrt(nearest == c ? nextValue : nearestValue);
            });
            Array.Clear(_groupDrift);
            for (var c = 0; c < k; c++)
            {
                var g = _groupOf[c];
                _groupDrift[g] = Math.Max(_groupDrift[g], _moved[c]);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var blocks = _blockChanged.Length;
        var work = (long)_n * d * (first ? k : 4);
        CentreSearch.ForEach(blocks, work, b => _blockChanged[b] = AssignBlock(rows, centres, labels, first, exact, b));
        var changed = false;
        foreach (var flag in _blockChanged)
        {
            changed |= flag;
        }

        return changed;
    }

    // Skips only when the upper bound is below the lower bound with room for every rounding error of the bounds.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Below(double upper, double lower) => (upper * (1 + Margin)) + _slack < (lower * (1 - Margin)) - _slack;

    private bool AssignBlock(double[] rows, double[] centres, int[] labels, bool first, double[]? exact, int block)
    {
        // Per-block scratch from the shared pool (a block is a few hundred rows; fresh arrays per block and
        // iteration added up to gigabytes of short-lived garbage on large k): only the parts written are read.
        var panels = ArrayPool<int>.Shared.Rent(_slotCentre.Length / Lanes);
        var distances = ArrayPool<double>.Shared.Rent(_slotCentre.Length);
        try
        {
            return AssignRows(rows, centres, labels, first, exact, block, panels, distances);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(panels);
            ArrayPool<double>.Shared.Return(distances);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AssignRows(double[] rows, double[] centres, int[] labels, bool first, double[]? exact, int block, int[] panels, double[] distances)
    {
        var d = _d;
        var groups = _groups;
        Span<double> firstValue = stackalloc double[groups];
        Span<int> firstIndex = stackalloc int[groups];
        Span<double> secondValue = stackalloc double[groups];
        Span<bool> scanned = stackalloc bool[groups];
        var end = Math.Min(_n, (block + 1) * Block);
        var changed = false;
        for (var i = block * Block; i < end; i++)
        {
            var row = rows.AsSpan(i * d, d);
            var lower = _lower.AsSpan(i * groups, groups);
            var a = -1;
            var upper = double.PositiveInfinity;
            var value = double.PositiveInfinity;
            if (!first)
            {
                a = labels[i];
                upper = _upper[i] + _moved[a];
                var least = double.PositiveInfinity;
                for (var g = 0; g < groups; g++)
                {
                    lower[g] -= _groupDrift[g];
                    least = Math.Min(least, lower[g]);
                }

                var bound = Math.Max(_half[a], least);
                var known = false;
                if (!Below(upper, bound))
                {
                    value = CentreSearch.SquaredDistance(row, centres.AsSpan(a * d, d));
                    known = true;
                    upper = Math.Sqrt(value);
                }

                if (Below(upper, bound))
                {
                    _upper[i] = upper;
                    if (exact is not null)
                    {
                        exact[i] = known ? value : CentreSearch.SquaredDistance(row, centres.AsSpan(a * d, d));
                    }

                    continue;
                }
            }

            // Scan every group whose bound does not clear the upper bound; the row's own centre is a candidate with
            // its exact distance (value), so a skipped group can only hold centres strictly farther than it.
            var bestValue = value;
            var best = first ? int.MaxValue : a;
            var count = 0;
            for (var g = 0; g < groups; g++)
            {
                scanned[g] = first || !Below(upper, lower[g]);
                if (scanned[g])
                {
                    for (var slot = _groupStart[g]; slot < _groupStart[g + 1]; slot += Lanes)
                    {
                        panels[count++] = slot / Lanes;
                    }
                }
            }

            _slots.Distances(row, panels.AsSpan(0, count), distances);
            var at = 0;
            for (var g = 0; g < groups; g++)
            {
                if (!scanned[g])
                {
                    continue;
                }

                double groupBest;
                int groupBestAt;
                double groupNext;
                var length = _groupStart[g + 1] - _groupStart[g];
                if (Vector512.IsHardwareAccelerated)
                {
                    TopTwo(distances.AsSpan(at, length), _groupReal[g], out groupBest, out var bestSlot, out groupNext);
                    groupBestAt = bestSlot < 0 ? int.MaxValue : _slotCentre[_groupStart[g] + bestSlot];
                    at += length;
                }
                else
                {
                    groupBest = double.PositiveInfinity;
                    groupBestAt = int.MaxValue;
                    groupNext = double.PositiveInfinity;
                    for (var slot = _groupStart[g]; slot < _groupStart[g + 1]; slot++)
                    {
                        var c = _slotCentre[slot];
                        var v = distances[at++];
                        if (c < 0)
                        {
                            continue; // padding
                        }

                        if (v < groupBest || (v == groupBest && c < groupBestAt))
                        {
                            groupNext = groupBest;
                            groupBest = v;
                            groupBestAt = c;
                        }
                        else if (v < groupNext)
                        {
                            groupNext = v;
                        }
                    }
                }

                firstValue[g] = groupBest;
                firstIndex[g] = groupBestAt;
                secondValue[g] = groupNext;
                if (groupBest < bestValue || (groupBest == bestValue && groupBestAt < best))
                {
                    bestValue = groupBest;
                    best = groupBestAt;
                }
            }

            // New bounds: a scanned group's nearest centre other than the new one; a skipped group keeps its bound,
            // lowered to the old centre's distance when that centre, now one of the others, belongs to it.
            for (var g = 0; g < groups; g++)
            {
                if (scanned[g])
                {
                    lower[g] = Math.Sqrt(firstIndex[g] == best ? secondValue[g] : firstValue[g]);
                }
                else if (a >= 0 && a != best && _groupOf[a] == g)
                {
                    lower[g] = Math.Min(lower[g], Math.Sqrt(value));
                }
            }

            changed |= labels[i] != best;
            labels[i] = best;
            _upper[i] = Math.Sqrt(bestValue);
            if (exact is not null)
            {
                exact[i] = bestValue;
            }
        }

        return changed;
    }

    /// <summary>
    /// The smallest of <paramref name="values"/>' first <paramref name="real"/> entries (the rest, up to a whole
    /// panel, are padding and are overwritten with +infinity), the first position holding it (-1 when none is below
    /// +infinity), and the second smallest of the multiset (equal to the smallest when it occurs twice): exactly what
    /// the scalar scan in slot order gives, since a group's slots hold its centres in index order. Lane-wise running
    /// top two, then the top two of those sixteen values; <c>min</c> and <c>max</c> are exact, so nothing is rounded.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void TopTwo(Span<double> values, int real, out double best, out int bestAt, out double next)
    {
        values[real..].Fill(double.PositiveInfinity);
        var min1 = Vector512.Create(double.PositiveInfinity);
        var min2 = min1;
        for (var o = 0; o < values.Length; o += Lanes)
        {
            var v = Vector512.Create<double>(values.Slice(o, Lanes));
            min2 = Vector512.Max(min1, Vector512.Min(min2, v));
            min1 = Vector512.Min(min1, v);
        }

        best = double.PositiveInfinity;
        next = double.PositiveInfinity;
        for (var l = 0; l < Lanes; l++)
        {
            var v = min1.GetElement(l);
            if (v < best)
            {
                next = best;
                best = v;
            }
            else if (v < next)
            {
                next = v;
            }

            next = Math.Min(next, min2.GetElement(l));
        }

        bestAt = -1;
        if (best < double.PositiveInfinity)
        {
            var target = Vector512.Create(best);
            for (var o = 0; o < values.Length; o += Lanes)
            {
                var hits = Vector512.Equals(Vector512.Create<double>(values.Slice(o, Lanes)), target).ExtractMostSignificantBits();
                if (hits != 0)
                {
                    bestAt = o + BitOperations.TrailingZeroCount(hits);
                    break;
                }
            }
        }
    }

    /// <summary>Splits the centres into groups of nearby centres (a few Lloyd steps over the centres, started from
    /// evenly spaced ones) and lays out each group's centres in whole panels.</summary>
    private void Group(double[] centres)
    {
        var k = _k;
        var d = _d;
        var groups = _groups;
        var means = new double[groups * d];
        for (var g = 0; g < groups; g++)
        {
            centres.AsSpan((int)((long)g * k / groups) * d, d).CopyTo(means.AsSpan(g * d, d));
        }

        var sums = new double[groups * d];
        var counts = new int[groups];
        for (var step = 0; step < 5 && groups > 1; step++)
        {
            for (var c = 0; c < k; c++)
            {
                var centre = centres.AsSpan(c * d, d);
                var best = 0;
                var bestValue = double.PositiveInfinity;
                for (var g = 0; g < groups; g++)
                {
                    var v = CentreSearch.SquaredDistance(centre, means.AsSpan(g * d, d));
                    if (v < bestValue)
                    {
                        bestValue = v;
                        best = g;
                    }
                }

                _groupOf[c] = best;
            }

            Array.Clear(sums);
            Array.Clear(counts);
            for (var c = 0; c < k; c++)
            {
                var g = _groupOf[c];
                counts[g]++;
                var sum = sums.AsSpan(g * d, d);
                var centre = centres.AsSpan(c * d, d);
                for (var t = 0; t < d; t++)
                {
                    sum[t] += centre[t];
                }
            }

            for (var g = 0; g < groups; g++)
            {
                if (counts[g] > 0)
                {
                    for (var t = 0; t < d; t++)
                    {
                        means[(g * d) + t] = sums[(g * d) + t] / counts[g];
                    }
                }
            }
        }

        // Slots: each group's centres in index order, padded to whole panels.
        Array.Clear(counts);
        for (var c = 0; c < k; c++)
        {
            counts[_groupOf[c]]++;
        }

        _groupStart[0] = 0;
        counts.AsSpan(0, groups).CopyTo(_groupReal);
        for (var g = 0; g < groups; g++)
        {
            _groupStart[g + 1] = _groupStart[g] + (((counts[g] + Lanes - 1) / Lanes) * Lanes);
        }

        var slots = _groupStart[groups];
        if (_slotCentre.Length != slots)
        {
            _slotCentre = new int[slots];
            _slotted = new double[slots * d];
        }

        Array.Clear(_slotted); // padding slots are zero (their lanes are skipped anyway)

        Array.Fill(_slotCentre, -1);
        var next = _groupStart.AsSpan(0, groups).ToArray();
        for (var c = 0; c < k; c++)
        {
            _slotCentre[next[_groupOf[c]]++] = c;
        }
    }

    private void LoadPanels(double[] centres)
    {
        var d = _d;
        for (var slot = 0; slot < _slotCentre.Length; slot++)
        {
            var c = _slotCentre[slot];
            if (c >= 0)
            {
                centres.AsSpan(c * d, d).CopyTo(_slotted.AsSpan(slot * d, d));
            }
        }

        _slots.Load(_slotted, _slotCentre.Length, d);
    }

    /// <summary>The diagonal of the rows' bounding box: no row is farther than that from any centre (a mean of
    /// rows), so it scales the absolute rounding margin of the bounds.</summary>
    private static double Diagonal(double[] rows, int n, int d)
    {
        var sum = 0.0;
        for (var t = 0; t < d; t++)
        {
            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                var v = rows[(i * d) + t];
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            sum += (max - min) * (max - min);
        }

        return Math.Sqrt(sum);
    }
}
