using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Imbalance.Learning;

/// <summary>
/// The rows of a k-means fit in a KD-tree whose nodes keep the sum and the maximum of the rows' squared distances
/// to their closest centre so far: greedy k-means++ then evaluates a candidate centre by visiting only the leaves it
/// can bring closer (a node is skipped when its bounding box is provably farther from the candidate than its largest
/// distance), and samples rows proportionally to the distances by descending the sums.
/// </summary>
/// <remarks>
/// The potential is the sum of the leaf sums (each summed in tree order) combined up the tree, a fixed order: a
/// candidate's potential, computed on the visited leaves with the kept sums elsewhere, equals bit for bit the sum of
/// all rows' updated distances in that order, whatever the number of threads. Work per candidate is proportional to
/// the rows it moves, not to all rows.
/// </remarks>
internal sealed class SeedingTree
{
    /// <summary>Up to this many features the bounding boxes prune well; above it rows are pruned by their centre.</summary>
    public const int BoxDimensions = 8;

    private const int LeafSize = 32;

    // Rows whose distances underflow would defeat the relative margin; below this every row is recomputed.
    private const double Tiny = 1e-290;

    // A skipped node's rows would all keep their distance: its box is farther than its largest distance by more than
    // the rounding error of either computation.
    private const double Margin = 1e-9;

    private readonly int _n;
    private readonly int _d;
    private readonly double[] _rows;   // tree order
    private readonly int[] _order;     // tree position -> original row
    private readonly int[] _start;
    private readonly int[] _end;
    private readonly bool[] _leaf;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly double[] _sum;
    private readonly double[] _max;
    private readonly double[] _closest;

    // Pruning by closest centre (null with box pruning).
    private readonly DistancePanels? _panels;
    private readonly int[] _owner = [];
    private readonly int[] _leafOf = [];
    private readonly double[] _centres = [];
    private readonly ConcurrentBag<Scratch> _scratches = [];
    private int _centreCount;

    /// <summary>Builds the tree over <paramref name="n"/> rows of <paramref name="d"/> features (flat, row-major),
    /// for up to <paramref name="k"/> centres; <paramref name="byCentre"/> prunes candidates by each row's closest
    /// centre instead of by bounding boxes (same results).</summary>
    public SeedingTree(double[] rows, int n, int d, int k, bool byCentre)
    {
        _n = n;
        _d = d;
        var levels = (int)Math.Floor(Math.Log2(Math.Max(1.0, (n - 1) / (double)LeafSize))) + 1;
        var nodes = (1 << levels) - 1;
        _order = new int[n];
        for (var i = 0; i < n; i++)
        {
            _order[i] = i;
        }

        _start = new int[nodes];
        _end = new int[nodes];
        _leaf = new bool[nodes];
        _lower = new double[nodes * d];
        _upper = new double[nodes * d];
        _sum = new double[nodes];
        _max = new double[nodes];
        _closest = new double[n];
        Build(rows, 0, 0, n, nodes, new double[n]);
        _rows = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            Array.Copy(rows, _order[i] * d, _rows, i * d, d);
        }

        if (byCentre)
        {
            _panels = new DistancePanels();
            _panels.Load(_rows, n, d);
            _owner = new int[n];
            _leafOf = new int[n];
            _centres = new double[k * d];
            for (var node = 0; node < nodes; node++)
            {
                if (_leaf[node])
                {
                    for (var i = _start[node]; i < _end[node]; i++)
                    {
                        _leafOf[i] = node;
                    }
                }
            }
        }
    }

    /// <summary>The potential: the sum of every row's squared distance to its closest centre.</summary>
    public double Potential => _sum[0];

    /// <summary>The original index of the row at a tree position.</summary>
    public int OriginalRow(int position) => _order[position];

    /// <summary>The row at a tree position.</summary>
    public ReadOnlySpan<double> Row(int position) => _rows.AsSpan(position * _d, _d);

    /// <summary>Starts a seeding: every row's closest centre is <paramref name="centre"/>.</summary>
    public void Reset(ReadOnlySpan<double> centre)
    {
        for (var i = 0; i < _n; i++)
        {
            _closest[i] = SquaredDistance(_rows.AsSpan(i * _d, _d), centre);
        }

        Summarise(0);
        if (_panels is not null)
        {
            Array.Clear(_owner);
            centre.CopyTo(_centres.AsSpan(0, _d));
            _centreCount = 1;
        }
    }

    /// <summary>The potential if <paramref name="candidate"/> were added as a centre (nothing is changed; safe to
    /// call from several threads at once).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Evaluate(ReadOnlySpan<double> candidate) => _panels is null ? Visit(0, candidate, apply: false) : ByCentre(candidate, apply: false);

    /// <summary>
    /// <see cref="Evaluate(ReadOnlySpan{double})"/> for the rows at tree positions <paramref name="positions"/> (the same potentials bit
    /// for bit) into <paramref name="potentials"/>. With pruning by closest centre, up to four candidates share each
    /// pass over the rows, which is what bounds the time when the rows do not fit in cache. Safe to call from several
    /// threads at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Evaluate(ReadOnlySpan<int> positions, Span<double> potentials)
    {
        for (var from = 0; from < positions.Length; from += 4)
        {
            var count = Math.Min(4, positions.Length - from);
            if (_panels is null || count == 1)
            {
                for (var t = from; t < from + count; t++)
                {
                    potentials[t] = Evaluate(Row(positions[t]));
                }

                continue;
            }

            ByCentre(positions.Slice(from, count), potentials.Slice(from, count));
        }
    }

    /// <summary>Adds <paramref name="centre"/>: rows closer to it than to their closest centre move to it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<double> centre)
    {
        if (_panels is null)
        {
            Visit(0, centre, apply: true);
            return;
        }

        ByCentre(centre, apply: true);
        centre.CopyTo(_centres.AsSpan(_centreCount * _d, _d));
        _centreCount++;
    }

    /// <summary>
    /// The tree position of the row where the running sum of distances first exceeds <paramref name="target"/>
    /// (taken in <c>[0, Potential)</c>): rows are drawn proportionally to their distance, never one at distance 0.
    /// </summary>
    public int Sample(double target)
    {
        var node = 0;
        while (!_leaf[node])
        {
            var left = (2 * node) + 1;
            if (target < _sum[left] || _sum[left + 1] <= 0)
            {
                node = left;
            }
            else
            {
                target -= _sum[left];
                node = left + 1;
            }
        }

        var cumulative = 0.0;
        var last = -1;
        for (var i = _start[node]; i < _end[node]; i++)
        {
            if (_closest[i] > 0)
            {
                last = i;
            }

            cumulative += _closest[i];
            if (cumulative > target && _closest[i] > 0)
            {
                return i;
            }
        }

        if (last >= 0)
        {
            return last; // rounding left the target at the end of this leaf
        }

        // Only reachable through rounding with an all-zero leaf: the last row with a distance, or row 0.
        for (var i = _n - 1; i >= 0; i--)
        {
            if (_closest[i] > 0)
            {
                return i;
            }
        }

        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double ByCentre(ReadOnlySpan<double> candidate, bool apply)
    {
        if (!_scratches.TryTake(out var scratch))
        {
            scratch = new Scratch(_n, _start.Length, _centres.Length / Math.Max(1, _d));
        }

        var id = ++scratch.Id;
        var reach = scratch.Reach;
        for (var c = 0; c < _centreCount; c++)
        {
            // A row at squared distance r from its centre o can move only if |candidate - o|^2 <= 4 r (with margins).
            reach[c] = SquaredDistance(candidate, _centres.AsSpan(c * _d, _d)) * (1 - Margin);
        }

        // The panels holding a row the candidate could move, then their distances a batch at a time (independent
        // accumulation chains), each row compared in order.
        const int Batch = 64;
        Span<int> needed = stackalloc int[Batch];
        Span<double> lanes = stackalloc double[Batch * DistancePanels.Lanes];
        var panels = _panels!;
        var panelCount = panels.PanelCount;
        var count = 0;
        for (var p = 0; p < panelCount; p++)
        {
            var first = p * DistancePanels.Lanes;
            var end = Math.Min(first + DistancePanels.Lanes, _n);
            for (var i = first; i < end; i++)
            {
                if (!(reach[_owner[i]] > (4 * _closest[i] * (1 + Margin)) + Tiny))
                {
                    needed[count++] = p;
                    break;
                }
            }

            if (count == Batch || (p == panelCount - 1 && count > 0))
            {
                panels.Distances(candidate, needed[..count], lanes);
                for (var j = 0; j < count; j++)
                {
                    var start = needed[j] * DistancePanels.Lanes;
                    var stop = Math.Min(start + DistancePanels.Lanes, _n);
                    for (var i = start; i < stop; i++)
                    {
                        var value = lanes[(j * DistancePanels.Lanes) + i - start];
                        if (value < _closest[i])
                        {
                            scratch.Value[i] = value;
                            scratch.Stamp[i] = id;
                            for (var node = _leafOf[i]; scratch.NodeStamp[node] != id; node = (node - 1) / 2)
                            {
                                scratch.NodeStamp[node] = id;
                                if (node == 0)
                                {
                                    break;
                                }
                            }
                        }
                    }
                }

                count = 0;
            }
        }

        var potential = Reduce(0, scratch, apply);
        _scratches.Add(scratch);
        return potential;
    }

    // ByCentre for two to four candidates in one pass over the panels: a panel is computed when any candidate could
    // move one of its rows, and each candidate applies exactly the panels it would have computed alone.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ByCentre(ReadOnlySpan<int> positions, Span<double> potentials)
    {
        var count = positions.Length;
        var scratches = new Scratch[count];
        for (var t = 0; t < count; t++)
        {
            if (!_scratches.TryTake(out var scratch))
            {
                scratch = new Scratch(_n, _start.Length, _centres.Length / Math.Max(1, _d));
            }

            scratch.Id++;
            scratches[t] = scratch;
            var candidate = Row(positions[t]);
            for (var c = 0; c < _centreCount; c++)
            {
                scratch.Reach[c] = SquaredDistance(candidate, _centres.AsSpan(c * _d, _d)) * (1 - Margin);
            }
        }

        var q0 = Row(positions[0]);
        var q1 = Row(positions[1]);
        var q2 = count > 2 ? Row(positions[2]) : q0;
        var q3 = count > 3 ? Row(positions[3]) : q0;
        Span<double> lanes = stackalloc double[4 * DistancePanels.Lanes];
        var panels = _panels!;
        var panelCount = panels.PanelCount;
        for (var p = 0; p < panelCount; p++)
        {
            var first = p * DistancePanels.Lanes;
            var end = Math.Min(first + DistancePanels.Lanes, _n);
            var mask = 0;
            for (var t = 0; t < count; t++)
            {
                var reach = scratches[t].Reach;
                for (var i = first; i < end; i++)
                {
                    if (!(reach[_owner[i]] > (4 * _closest[i] * (1 + Margin)) + Tiny))
                    {
                        mask |= 1 << t;
                        break;
                    }
                }
            }

            if (mask == 0)
            {
                continue;
            }

            panels.Distances(q0, q1, q2, q3, p, lanes);
            for (var t = 0; t < count; t++)
            {
                if ((mask & (1 << t)) == 0)
                {
                    continue;
                }

                var scratch = scratches[t];
                var id = scratch.Id;
                for (var i = first; i < end; i++)
                {
                    var value = lanes[(t * DistancePanels.Lanes) + i - first];
                    if (value < _closest[i])
                    {
                        scratch.Value[i] = value;
                        scratch.Stamp[i] = id;
                        for (var node = _leafOf[i]; scratch.NodeStamp[node] != id; node = (node - 1) / 2)
                        {
                            scratch.NodeStamp[node] = id;
                            if (node == 0)
                            {
                                break;
                            }
                        }
                    }
                }
            }
        }

        for (var t = 0; t < count; t++)
        {
            potentials[t] = Reduce(0, scratches[t], apply: false);
            _scratches.Add(scratches[t]);
        }
    }

    // The tree's sums with the scratch's changed rows: untouched nodes keep their sum, leaves holding a changed row
    // are re-summed in order, and their ancestors re-added, exactly as Visit combines them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Reduce(int node, Scratch scratch, bool apply)
    {
        var id = scratch.Id;
        if (scratch.NodeStamp[node] != id)
        {
            return _sum[node];
        }

        if (_leaf[node])
        {
            var sum = 0.0;
            var max = 0.0;
            for (var i = _start[node]; i < _end[node]; i++)
            {
                var value = scratch.Stamp[i] == id ? scratch.Value[i] : _closest[i];
                sum += value;
                if (apply)
                {
                    if (scratch.Stamp[i] == id)
                    {
                        _closest[i] = value;
                        _owner[i] = _centreCount;
                    }

                    max = Math.Max(max, value);
                }
            }

            if (apply)
            {
                _sum[node] = sum;
                _max[node] = max;
            }

            return sum;
        }

        var left = (2 * node) + 1;
        var total = Reduce(left, scratch, apply) + Reduce(left + 1, scratch, apply);
        if (apply)
        {
            _sum[node] = total;
            _max[node] = Math.Max(_max[left], _max[left + 1]);
        }

        return total;
    }

    private double Visit(int node, ReadOnlySpan<double> candidate, bool apply)
    {
        if (_start[node] == _end[node] || BoxDistance(node, candidate) * (1 - Margin) > _max[node])
        {
            return _sum[node];
        }

        if (_leaf[node])
        {
            var sum = 0.0;
            var max = 0.0;
            for (var i = _start[node]; i < _end[node]; i++)
            {
                var value = Math.Min(_closest[i], SquaredDistance(_rows.AsSpan(i * _d, _d), candidate));
                sum += value;
                if (apply)
                {
                    _closest[i] = value;
                    max = Math.Max(max, value);
                }
            }

            if (apply)
            {
                _sum[node] = sum;
                _max[node] = max;
            }

            return sum;
        }

        var left = (2 * node) + 1;
        var total = Visit(left, candidate, apply) + Visit(left + 1, candidate, apply);
        if (apply)
        {
            _sum[node] = total;
            _max[node] = Math.Max(_max[left], _max[left + 1]);
        }

        return total;
    }

    private void Summarise(int node)
    {
        if (_leaf[node])
        {
            var sum = 0.0;
            var max = _start[node] == _end[node] ? double.NegativeInfinity : 0.0;
            for (var i = _start[node]; i < _end[node]; i++)
            {
                sum += _closest[i];
                max = Math.Max(max, _closest[i]);
            }

            _sum[node] = sum;
            _max[node] = max;
            return;
        }

        var left = (2 * node) + 1;
        Summarise(left);
        Summarise(left + 1);
        _sum[node] = _sum[left] + _sum[left + 1];
        _max[node] = Math.Max(_max[left], _max[left + 1]);
    }

    private double BoxDistance(int node, ReadOnlySpan<double> point)
    {
        var lo = _lower.AsSpan(node * _d, _d);
        var hi = _upper.AsSpan(node * _d, _d);
        var acc = 0.0;
        for (var t = 0; t < point.Length; t++)
        {
            var gap = Math.Max(Math.Max(lo[t] - point[t], point[t] - hi[t]), 0.0);
            acc += gap * gap;
        }

        return acc;
    }

    private void Build(double[] data, int node, int start, int end, int nodes, double[] keys)
    {
        _start[node] = start;
        _end[node] = end;
        var lo = _lower.AsSpan(node * _d, _d);
        var hi = _upper.AsSpan(node * _d, _d);
        lo.Fill(double.PositiveInfinity);
        hi.Fill(double.NegativeInfinity);
        for (var i = start; i < end; i++)
        {
            var row = data.AsSpan(_order[i] * _d, _d);
            for (var t = 0; t < _d; t++)
            {
                lo[t] = Math.Min(lo[t], row[t]);
                hi[t] = Math.Max(hi[t], row[t]);
            }
        }

        if ((2 * node) + 1 >= nodes)
        {
            _leaf[node] = true;
            return;
        }

        var feature = 0;
        var best = -1.0;
        for (var t = 0; t < _d; t++)
        {
            if (hi[t] - lo[t] > best)
            {
                best = hi[t] - lo[t];
                feature = t;
            }
        }

        for (var i = start; i < end; i++)
        {
            keys[i] = data[(_order[i] * _d) + feature];
        }

        // Sorting by (value, original row) keeps the layout a function of the data alone.
        Array.Sort(keys, _order, start, end - start);
        var run = start;
        while (run < end)
        {
            var next = run + 1;
            while (next < end && keys[next] == keys[run])
            {
                next++;
            }

            Array.Sort(_order, run, next - run);
            run = next;
        }

        var mid = start + ((end - start) / 2);
        Build(data, (2 * node) + 1, start, mid, nodes, keys);
        Build(data, (2 * node) + 2, mid, end, nodes, keys);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            var diff = a[j] - b[j];
            sum += diff * diff;
        }

        return sum;
    }

    /// <summary>One evaluation's changed rows, stamped so nothing is cleared between evaluations.</summary>
    private sealed class Scratch(int n, int nodes, int centres)
    {
        public double[] Value { get; } = new double[n];

        public int[] Stamp { get; } = new int[n];

        public int[] NodeStamp { get; } = new int[nodes];

        public double[] Reach { get; } = new double[centres];

        public int Id { get; set; }
    }
}
