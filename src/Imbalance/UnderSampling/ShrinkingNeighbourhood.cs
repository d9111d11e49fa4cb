using System.Globalization;
using System.Runtime.InteropServices;
using Imbalance.Neighbors;
using Imbalance.Sampling;

namespace Imbalance.UnderSampling;

/// <summary>
/// The edited-nearest-neighbour family's view of a set of rows that only shrinks (ENN, repeated ENN, AllKNN, the
/// neighbourhood cleaning rule). Rows get a neighbour list from one k-NN index over all rows, fitted once; each editing
/// pass reads the nearest <em>surviving</em> rows from the stored lists, and only a row whose list no longer proves its
/// answer (too many of its candidates removed, or a distance tie running past the list's end) is queried again, with a
/// longer list each time, up to every row.
/// </summary>
/// <remarks>
/// <para>The answers equal those of imblearn's literal procedure over the engine: fit on the current rows in their
/// current order (the original order before the first pass, grouped by class in sorted label order after it, since
/// every ENN pass returns its rows grouped), query <c>k + 1</c> neighbours and drop column 0. The engine orders
/// neighbours by distance, then by position in the fitted order; the stored lists are in original-row order, so after
/// the first pass the run of candidates tied at the cut is re-sorted by current position, and trusted only when a
/// strictly larger distance follows it in the list (or the list holds every row).</para>
/// <para>Distances are the engine's exact direct sums, which do not depend on the fitted set, so a stored distance is
/// the distance a fresh query would report.</para>
/// </remarks>
internal sealed class ShrinkingNeighbourhood
{
    private readonly double[] _rows;
    private readonly int _n;
    private readonly int _d;
    private readonly int[] _codes;
    private readonly int _classCount;
    private readonly int? _maxDegreeOfParallelism;
    private readonly int _listLength;
    private readonly bool[] _alive;
    private readonly int[] _aliveCounts;

    // Append-only pool of neighbour lists: row r's list is pool[_start[r] .. _start[r] + _length[r]).
    private readonly int[] _start;
    private readonly int[] _length;
    private readonly byte[] _flags;
    private int[] _poolIndices = [];
    private double[] _poolDistances = [];
    private int _poolCount;
    private int[] _tieIndices = [];
    private double[] _tieDistances = [];
    private NeighborsIndex? _fullIndex;
    private int[] _output = [];
    private readonly List<int> _passRows = [];

    private const byte HasList = 1;
    private const byte Complete = 2;

    /// <summary>Starts from all rows of the input alive, in the original order.</summary>
    /// <param name="input">The sampler input.</param>
    /// <param name="listLength">Neighbours stored per row (at least the largest <c>k + 1</c> a pass asks for; more
    /// slack means fewer re-queries as rows are removed).</param>
    /// <param name="maxDegreeOfParallelism">Threads for the k-NN queries.</param>
    public ShrinkingNeighbourhood(SamplerInput input, long listLength, int? maxDegreeOfParallelism)
    {
        _n = input.SampleCount;
        _d = input.FeatureCount;
        _rows = MatrixRows.Of(input.X).ToArray();
        _codes = input.Classes.Codes;
        _classCount = input.Classes.ClassCount;
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
        _listLength = (int)Math.Clamp(listLength, 1, Math.Max(1, _n)); // a list never holds more than every row
        _alive = new bool[_n];
        Array.Fill(_alive, true);
        _aliveCounts = input.Classes.Counts.ToArray();
        AliveCount = _n;
        _start = new int[_n];
        _length = new int[_n];
        _flags = new byte[_n];
    }

    /// <summary>The number of surviving rows.</summary>
    public int AliveCount { get; private set; }

    /// <summary>Whether the current rows are grouped by class (true after the first pass).</summary>
    public bool Grouped { get; private set; }

    /// <summary>The surviving rows of each class.</summary>
    public ReadOnlySpan<int> AliveCounts => _aliveCounts;

    /// <summary>The number of classes that still have rows.</summary>
    public int PresentClassCount
    {
        get
        {
            var present = 0;
            foreach (var count in _aliveCounts)
            {
                present += count > 0 ? 1 : 0;
            }

            return present;
        }
    }

    /// <summary>The class codes of the surviving rows in their current order (for re-resolving a strategy).</summary>
    public int[] CurrentCodes()
    {
        var codes = new int[AliveCount];
        var o = 0;
        foreach (var row in CurrentOrder())
        {
            codes[o++] = _codes[row];
        }

        return codes;
    }

    /// <summary>
    /// The surviving rows in the order imblearn's composed <c>sample_indices_</c> has them: grouped by class in sorted
    /// label order after the first pass, the original order before.
    /// </summary>
    public int[] CurrentOrder()
    {
        var order = new int[AliveCount];
        var o = 0;
        if (!Grouped)
        {
            for (var i = 0; i < _n; i++)
            {
                if (_alive[i])
                {
                    order[o++] = i;
                }
            }

            return order;
        }

        // Grouped: class by class, original order within a class (a counting sort by code).
        var offsets = new int[_classCount + 1];
        for (var c = 0; c < _classCount; c++)
        {
            offsets[c + 1] = offsets[c] + _aliveCounts[c];
        }

        for (var i = 0; i < _n; i++)
        {
            if (_alive[i])
            {
                order[offsets[_codes[i]]++] = i;
            }
        }

        return order;
    }

    /// <summary>
    /// One pass of imblearn's <c>EditedNearestNeighbours</c> over the surviving rows: each surviving row of a
    /// targeted class is judged by its <paramref name="k"/> nearest surviving rows (<c>k + 1</c> queried, column 0
    /// dropped) and listed in <paramref name="removed"/> (ascending) if they disagree with it. Nothing is removed yet.
    /// </summary>
    public void EditPass(int k, SelectionKind kind, ClassTargets targets, List<int> removed, CancellationToken cancellationToken)
    {
        var rows = _passRows;
        rows.Clear();
        for (var row = 0; row < _n; row++)
        {
            if (_alive[row] && targets.IsTargeted(_codes[row]))
            {
                rows.Add(row);
            }
        }

        var reported = TargetedAlive(targets);
        if (k + 1L > AliveCount)
        {
            // imblearn's k + 1 in long arithmetic (k may be int.MaxValue); the caller's k is the ActualValue.
            throw InputGuard.OutOfRange(
                "NNeighbors",
                k,
                string.Create(CultureInfo.InvariantCulture, $"Expected n_neighbors <= n_samples_fit, but n_neighbors = {k + 1L}, n_samples_fit = {AliveCount}, n_samples = {reported}"));
        }

        var need = k + 1;
        var neighbours = Neighbours(rows, need, reported, cancellationToken);
        var scratch = new int[_classCount];
        removed.Clear();
        for (var q = 0; q < rows.Count; q++)
        {
            if (!Agrees(rows[q], neighbours.AsSpan(q * need, need), kind, scratch))
            {
                removed.Add(rows[q]);
            }
        }
    }

    /// <summary>
    /// The <paramref name="need"/> nearest surviving rows of each of <paramref name="rows"/> (row-major,
    /// <c>rows x need</c>), as a fresh query on the surviving rows in the current order would return them (a row is
    /// normally its own first neighbour). The array is a buffer reused by the next call.
    /// </summary>
    public int[] Neighbours(List<int> rows, int need, int reportedQueries, CancellationToken cancellationToken)
    {
        if (need > AliveCount)
        {
            // Every caller asks for its NNeighbors + 1 (the row itself comes first).
            throw InputGuard.TooManyNeighbours("NNeighbors", need - 1, plusSelf: true, AliveCount, reportedQueries);
        }

        if (_output.Length < rows.Count * need)
        {
            _output = new int[rows.Count * need];
        }

        var output = _output;
        var needy = new List<int>();
        var needyAt = new List<int>();
        for (var q = 0; q < rows.Count; q++)
        {
            if (!Gather(rows[q], need, output.AsSpan(q * need, need)))
            {
                needy.Add(rows[q]);
                needyAt.Add(q);
            }
        }

        // Rows whose lists cannot prove their answer get longer lists from the full index until they can (a list of
        // every row always can).
        var length = Math.Max(_listLength, need);
        var longest = Math.Max(4 * need, 64);
        while (needy.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            length = Math.Min(length, _n);
            if (length > longest && length < _n)
            {
                // Long runs of equidistant rows (duplicates): storing ever longer lists would grow without bound, so
                // answer these rows for this pass from a fresh query on the surviving rows in their current order.
                FreshAnswers(needy, needyAt, need, output, cancellationToken);
                break;
            }

            Query(needy, length, cancellationToken);
            var stillNeedy = new List<int>();
            var stillAt = new List<int>();
            for (var i = 0; i < needy.Count; i++)
            {
                if (!Gather(needy[i], need, output.AsSpan(needyAt[i] * need, need)))
                {
                    if (length == _n)
                    {
                        throw new InvalidOperationException("A list of every row must answer its own query.");
                    }

                    stillNeedy.Add(needy[i]);
                    stillAt.Add(needyAt[i]);
                }
            }

            (needy, needyAt) = (stillNeedy, stillAt);
            length *= 2;
        }

        return output;
    }

    /// <summary>
    /// imblearn's literal step for a few rows: fit the surviving rows in the current order, query <paramref name="need"/>
    /// neighbours, map positions back to rows. Nothing is stored.
    /// </summary>
    private void FreshAnswers(List<int> rows, List<int> at, int need, int[] output, CancellationToken cancellationToken)
    {
        var order = CurrentOrder();
        var fitted = new double[order.Length * _d];
        for (var p = 0; p < order.Length; p++)
        {
            _rows.AsSpan(order[p] * _d, _d).CopyTo(fitted.AsSpan(p * _d, _d));
        }

        var queries = new double[rows.Count * _d];
        for (var q = 0; q < rows.Count; q++)
        {
            _rows.AsSpan(rows[q] * _d, _d).CopyTo(queries.AsSpan(q * _d, _d));
        }

        var index = new NearestNeighbors { NNeighbors = need, MaxDegreeOfParallelism = _maxDegreeOfParallelism }.FitOwned(fitted, order.Length, _d);
        var result = index.KNeighbors(queries, rows.Count, need, cancellationToken);
        for (var q = 0; q < rows.Count; q++)
        {
            for (var j = 0; j < need; j++)
            {
                output[(at[q] * need) + j] = order[result.IndexData[(q * need) + j]];
            }
        }
    }

    /// <summary>Removes rows (all alive) and marks the set as grouped by class, as an ENN pass's output is.</summary>
    public void Remove(List<int> rows)
    {
        foreach (var row in rows)
        {
            _alive[row] = false;
            _aliveCounts[_codes[row]]--;
        }

        AliveCount -= rows.Count;
        Grouped = true;
    }

    /// <summary>
    /// The first <paramref name="need"/> surviving neighbours of <paramref name="row"/> in the current order, from its
    /// stored list; false when the list cannot prove them (then the row must be queried again).
    /// </summary>
    private bool Gather(int row, int need, Span<int> output)
    {
        var flags = _flags[row];
        if ((flags & HasList) == 0)
        {
            return false;
        }

        var start = _start[row];
        var length = _length[row];
        var complete = (flags & Complete) != 0;
        var sameOrder = !Grouped;
        var got = 0;
        if (sameOrder)
        {
            // The list is a prefix of the current order restricted to its rows' superset: surviving entries in list
            // order are the nearest surviving rows.
            for (var j = start; j < start + length && got < need; j++)
            {
                var candidate = _poolIndices[j];
                if (_alive[candidate])
                {
                    output[got++] = candidate;
                }
            }

            return got == need;
        }

        // Made under the original order, read under the grouped one: equal distances may reorder, so collect the
        // tie run that straddles the cut and sort it by the current position; an unseen row could join that run
        // unless a strictly larger distance follows it in the list (or the list holds every row).
        if (_tieIndices.Length < length)
        {
            _tieIndices = new int[length];
            _tieDistances = new double[length];
        }

        var buffer = _tieIndices;
        var bufferDistances = _tieDistances;
        var last = double.NaN;
        var proven = complete;
        for (var j = start; j < start + length; j++)
        {
            var candidate = _poolIndices[j];
            if (!_alive[candidate])
            {
                continue;
            }

            var distance = _poolDistances[j];
            if (got >= need && distance != last)
            {
                proven = true;
                break;
            }

            buffer[got] = candidate;
            bufferDistances[got] = distance;
            got++;
            last = distance;
        }

        if (!proven || got < need)
        {
            return false;
        }

        // Insertion sort by (distance, current position); the list is already sorted by distance.
        for (var i = 1; i < got; i++)
        {
            var candidate = buffer[i];
            var distance = bufferDistances[i];
            var key = Key(candidate);
            var j = i - 1;
            while (j >= 0 && bufferDistances[j] == distance && Key(buffer[j]) > key)
            {
                buffer[j + 1] = buffer[j];
                bufferDistances[j + 1] = bufferDistances[j];
                j--;
            }

            buffer[j + 1] = candidate;
            bufferDistances[j + 1] = distance;
        }

        buffer.AsSpan(0, need).CopyTo(output);
        return true;
    }

    /// <summary>The position of a row in the current order, as a sortable key.</summary>
    private long Key(int row) => Grouped ? ((long)_codes[row] * _n) + row : row;

    private bool Agrees(int row, ReadOnlySpan<int> withFirst, SelectionKind kind, Span<int> scratch)
    {
        var own = _codes[row];
        var neighbours = withFirst[1..];
        if (kind == SelectionKind.All)
        {
            foreach (var j in neighbours)
            {
                if (_codes[j] != own)
                {
                    return false;
                }
            }

            return true;
        }

        Span<int> labels = neighbours.Length <= 64 ? stackalloc int[neighbours.Length] : new int[neighbours.Length];
        for (var j = 0; j < neighbours.Length; j++)
        {
            labels[j] = _codes[neighbours[j]];
        }

        return ImblearnClasses.Mode(labels, scratch) == own;
    }

    /// <summary>The rows of the first targeted class: the query on which scikit-learn raises.</summary>
    private int TargetedAlive(ClassTargets targets)
    {
        for (var c = 0; c < _classCount; c++)
        {
            if (targets.IsTargeted(c) && _aliveCounts[c] > 0)
            {
                return _aliveCounts[c];
            }
        }

        return 0;
    }

    /// <summary>
    /// Queries <paramref name="rows"/> against all rows (one index, fitted once) and stores their lists, nearest
    /// <paramref name="length"/> first. Dead rows stay in the lists and are skipped when read.
    /// </summary>
    private void Query(List<int> rows, int length, CancellationToken cancellationToken)
    {
        var k = Math.Min(length, _n);
        _fullIndex ??= new NearestNeighbors { NNeighbors = k, MaxDegreeOfParallelism = _maxDegreeOfParallelism }.FitOwned(_rows, _n, _d);
        var result = _fullIndex.KNeighborsOfFitted(CollectionsMarshal.AsSpan(rows), k, cancellationToken);
        var flags = (byte)(HasList | (k == _n ? Complete : 0));
        if (_poolCount == 0)
        {
            // The first query's answer (fresh arrays, output row q at q * k) becomes the pool as it is: no second copy
            // of the whole neighbour table.
            _poolIndices = result.IndexData;
            _poolDistances = result.DistanceData;
            for (var q = 0; q < rows.Count; q++)
            {
                var row = rows[q];
                _start[row] = q * k;
                _length[row] = k;
                _flags[row] = flags;
            }

            _poolCount = rows.Count * k;
            return;
        }

        EnsurePool(rows.Count * k);
        for (var q = 0; q < rows.Count; q++)
        {
            var row = rows[q];
            _start[row] = _poolCount;
            _length[row] = k;
            _flags[row] = flags;
            result.IndexData.AsSpan(q * k, k).CopyTo(_poolIndices.AsSpan(_poolCount, k));
            result.DistanceData.AsSpan(q * k, k).CopyTo(_poolDistances.AsSpan(_poolCount, k));
            _poolCount += k;
        }
    }

    private void EnsurePool(int extra)
    {
        var required = (long)_poolCount + extra;
        if (required <= _poolIndices.Length)
        {
            return;
        }

        // Re-queries add little after the first query, so grow by a quarter rather than doubling.
        var capacity = (int)Math.Min(Array.MaxLength, Math.Max(required, _poolIndices.Length + (_poolIndices.Length / 4L)));
        Array.Resize(ref _poolIndices, capacity);
        Array.Resize(ref _poolDistances, capacity);
    }
}
