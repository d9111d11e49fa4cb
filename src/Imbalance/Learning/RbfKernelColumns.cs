using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Imbalance.Learning;

/// <summary>
/// libsvm's <c>SVC_Q</c> / <c>ONE_CLASS_Q</c> for the RBF kernel with its <c>Cache</c>: columns
/// <c>y_i y_j K(x_i, x_j)</c> in single precision, addressed by solver position (as libsvm's, so shrinking swaps
/// positions here too through <see cref="Swap"/>), each holding a filled prefix <c>[0, len)</c> that grows on demand,
/// kept least-recently-used in fixed buffers from a <see cref="KernelColumnPool"/> (libsvm's 200 MB by default).
/// Shared by <see cref="SupportVectorClassifier"/> and <see cref="Anomaly.OneClassSvm"/> (labels all +1 gives
/// <c>ONE_CLASS_Q</c>).
/// </summary>
/// <remarks>
/// Every entry is <c>(float)(y_i * y_j * exp(-gamma * ((x_square[i] + x_square[j]) - 2 * dot)))</c> with the dot
/// product summed feature by feature in order from 0, without fused multiply-adds: the vector code runs that same
/// sequence for 8 or 16 rows at once (one lane per row) and the exponential is <see cref="Math.Exp"/>'s (computed 8 at a time by <see cref="LibmExp"/>), so
/// the values are bit for bit those of the straightforward loop. The cache only decides when a value is computed,
/// never what it is.
/// </remarks>
internal sealed class RbfKernelColumns
{
    /// <summary>Entries of one column fill below which it is computed on the calling thread.</summary>
    private const int ParallelBlock = 2048;

    /// <summary>Rows per panel of the data layout.</summary>
    private const int Panel = 32;

    private readonly int _d;
    private readonly double _gamma;
    private readonly double[] _xt;
    private readonly double[] _squares;
    private readonly double[] _y;
    private readonly double[] _xi;
    private readonly KernelColumnPool _pool;
    private readonly int _capacity;
    private readonly int[] _slotOf;
    private readonly int[] _length;
    private readonly int[] _owner;
    private readonly int[] _previous;
    private readonly int[] _next;
    private readonly Stack<int> _free = new();
    private int _used;

    /// <summary>Sets up the columns of the problem made of <paramref name="members"/> (rows of
    /// <paramref name="rows"/>) in that order.</summary>
    /// <param name="rows">All rows, row-major, <paramref name="d"/> features each.</param>
    /// <param name="d">The number of features.</param>
    /// <param name="squares">The squared norm of every row of <paramref name="rows"/>.</param>
    /// <param name="gamma">The RBF coefficient.</param>
    /// <param name="members">The row of each variable.</param>
    /// <param name="labels">The sign <c>y</c> of each variable.</param>
    /// <param name="pool">The column buffers (their count is the cache budget); null for libsvm's default 200 MB.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public RbfKernelColumns(ReadOnlySpan<double> rows, int d, double[] squares, double gamma, int[] members, double[] labels, KernelColumnPool? pool = null)
    {
        var l = members.Length;
        _d = d;
        _gamma = gamma;
        _pool = pool ?? new KernelColumnPool(l, KernelColumnPool.DefaultBytes);
        if (_pool.BufferLength < l)
        {
            throw new ArgumentException("The pool's columns are shorter than the problem.", nameof(pool));
        }

        // Panels of 32 positions, feature-major inside a panel: one vector load reads a feature of consecutive rows
        // and a panel is one contiguous stream (d feature-major streams of length l defeat the hardware prefetcher).
        _xt = new double[(long)((l + Panel - 1) / Panel) * Panel * d];
        _squares = new double[l];
        _y = (double[])labels.Clone();
        _xi = new double[d];
        for (var p = 0; p < l; p++)
        {
            var row = rows.Slice(members[p] * d, d);
            for (var f = 0; f < d; f++)
            {
                _xt[Index(p, f)] = row[f];
            }

            _squares[p] = squares[members[p]];
        }

        _capacity = Math.Min(l, _pool.Capacity);
        _slotOf = new int[l];
        Array.Fill(_slotOf, -1);
        _length = new int[l];
        _owner = new int[_capacity];
        _previous = new int[_capacity + 1];
        _next = new int[_capacity + 1];
        _previous[_capacity] = _next[_capacity] = _capacity;
    }

    /// <summary>How many entries have been computed so far (for tests: a smaller cache computes more).</summary>
    public long Computed { get; private set; }

    /// <summary>The column of position <paramref name="position"/> with entries <c>[0, length)</c> filled; valid
    /// until the next call to <see cref="Get"/> or <see cref="Swap"/> that needs a free buffer (at least the two most
    /// recent columns stay).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float[] Get(int position, int length)
    {
        var slot = _slotOf[position];
        if (slot >= 0)
        {
            Unlink(slot);
        }
        else
        {
            slot = Acquire();
            _slotOf[position] = slot;
            _owner[slot] = position;
            _length[position] = 0;
        }

        LinkMostRecent(slot);
        var column = _pool.Buffer(slot);
        var start = _length[position];
        if (start < length)
        {
            Fill(column, position, start, length);
            _length[position] = length;
        }

        return column;
    }

    /// <summary>libsvm's <c>swap_index</c>: positions <paramref name="i"/> and <paramref name="j"/> exchange their
    /// rows, norms, labels and cached columns; cached columns exchange entries i and j, or are dropped when they hold
    /// i but not j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Swap(int i, int j)
    {
        if (i == j)
        {
            return;
        }

        for (var f = 0; f < _d; f++)
        {
            (_xt[Index(i, f)], _xt[Index(j, f)]) = (_xt[Index(j, f)], _xt[Index(i, f)]);
        }

        (_squares[i], _squares[j]) = (_squares[j], _squares[i]);
        (_y[i], _y[j]) = (_y[j], _y[i]);

        var slotI = _slotOf[i];
        var slotJ = _slotOf[j];
        (_slotOf[i], _slotOf[j]) = (slotJ, slotI);
        (_length[i], _length[j]) = (_length[j], _length[i]);
        if (slotJ >= 0)
        {
            _owner[slotJ] = i;
        }

        if (slotI >= 0)
        {
            _owner[slotI] = j;
        }

        var low = Math.Min(i, j);
        var high = Math.Max(i, j);
        var slot = _next[_capacity];
        while (slot != _capacity)
        {
            var following = _next[slot];
            var owner = _owner[slot];
            var filled = _length[owner];
            if (filled > low)
            {
                if (filled > high)
                {
                    var column = _pool.Buffer(slot);
                    (column[low], column[high]) = (column[high], column[low]);
                }
                else
                {
                    Unlink(slot);
                    _slotOf[owner] = -1;
                    _length[owner] = 0;
                    _free.Push(slot);
                }
            }

            slot = following;
        }
    }

    private int Acquire()
    {
        if (_free.Count > 0)
        {
            return _free.Pop();
        }

        if (_used < _capacity)
        {
            return _used++;
        }

        var victim = _next[_capacity];
        Unlink(victim);
        var owner = _owner[victim];
        _slotOf[owner] = -1;
        _length[owner] = 0;
        return victim;
    }

    private void Unlink(int slot)
    {
        _next[_previous[slot]] = _next[slot];
        _previous[_next[slot]] = _previous[slot];
    }

    private void LinkMostRecent(int slot)
    {
        var last = _previous[_capacity];
        _next[last] = slot;
        _previous[slot] = last;
        _next[slot] = _capacity;
        _previous[_capacity] = slot;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fill(float[] column, int position, int from, int to)
    {
        Computed += to - from;
        for (var f = 0; f < _d; f++)
        {
            _xi[f] = _xt[Index(position, f)];
        }

        var helpers = Math.Min(Environment.ProcessorCount - 1, ((to - from) / ParallelBlock) - 1);
        if (helpers <= 0)
        {
            FillRange(column, position, from, to);
            return;
        }

        // Entries are independent, so blocks filled on any thread give the same column. The calling thread and
        // helpers claim blocks one at a time; the caller waits only for blocks a helper has claimed, never for a
        // helper that has not started (on a busy machine it may start after the caller has done every block).
        var job = new FillJob(this, column, position, from, to);
        for (var h = 0; h < helpers; h++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(job, preferLocal: false);
        }

        job.Execute();
        job.WaitForHelpers();
    }

    /// <summary>One column fill shared between the calling thread and thread-pool helpers, block by block.</summary>
    private sealed class FillJob(RbfKernelColumns owner, float[] column, int position, int from, int to) : IThreadPoolWorkItem
    {
        private readonly int _blocks = (to - from + ParallelBlock - 1) / ParallelBlock;
        private int _next;
        private int _done;

        /// <summary>Fills unclaimed blocks until none is left.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Execute()
        {
            var done = 0;
            while (true)
            {
                var block = Interlocked.Increment(ref _next) - 1;
                if (block >= _blocks)
                {
                    break;
                }

                var start = from + (block * ParallelBlock);
                owner.FillRange(column, position, start, Math.Min(to, start + ParallelBlock));
                done++;
            }

            if (done > 0)
            {
                Interlocked.Add(ref _done, done);
            }
        }

        /// <summary>Returns once every block is filled (all are claimed when the caller's own loop ends).</summary>
        public void WaitForHelpers()
        {
            var spinner = default(SpinWait);
            while (Volatile.Read(ref _done) < _blocks)
            {
                spinner.SpinOnce();
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillRange(float[] column, int position, int from, int to)
    {
        Span<double> exponents = stackalloc double[32];
        var p = from;
        var align = Vector512.IsHardwareAccelerated ? 32 : 16;
        for (; p < to && (p & (align - 1)) != 0; p++)
        {
            exponents[0] = ScalarExponent(position, p);
            Store(column, position, p, exponents[..1]);
        }

        if (Vector512.IsHardwareAccelerated && LibmExp.IsVectorised)
        {
            for (; p + 32 <= to; p += 32)
            {
                Panel512(column, position, p);
            }
        }
        else if (Vector512.IsHardwareAccelerated)
        {
            for (; p + 32 <= to; p += 32)
            {
                Exponents512(position, p, exponents);
                Store(column, position, p, exponents);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; p + 16 <= to; p += 16)
            {
                Exponents256(position, p, exponents[..16]);
                Store(column, position, p, exponents[..16]);
            }
        }

        for (; p < to; p++)
        {
            exponents[0] = ScalarExponent(position, p);
            Store(column, position, p, exponents[..1]);
        }
    }

    /// <summary>Writes <c>(float)(y_i * y_p * exp(e))</c> for consecutive positions from <paramref name="p"/> (the
    /// exponents are overwritten by their exponentials, <see cref="Math.Exp"/>'s values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Store(float[] column, int position, int p, Span<double> exponents)
    {
        LibmExp.ExpInPlace(exponents);
        var yi = _y[position];
        for (var k = 0; k < exponents.Length; k++)
        {
            column[p + k] = (float)(yi * _y[p + k] * exponents[k]);
        }
    }

    /// <summary>Where feature <paramref name="f"/> of position <paramref name="p"/> lives in the panel layout.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Index(int p, int f) => ((((long)(p / Panel) * _d) + f) * Panel) + (p % Panel);

    /// <summary>The exponent <c>-gamma * ((x_square[i] + x_square[p]) - 2 * dot)</c> of one entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double ScalarExponent(int position, int p)
    {
        var dot = 0.0;
        for (var f = 0; f < _d; f++)
        {
            dot += _xi[f] * _xt[Index(p, f)];
        }

        return -_gamma * (_squares[position] + _squares[p] - (2 * dot));
    }

    /// <summary>The 32 entries of a panel (<paramref name="p"/> a multiple of 32) straight into the column: the
    /// exponents as <see cref="Exponents512"/>, <see cref="LibmExp.Exp8"/>, then <c>(float)((y_i * y_p) * exp)</c> in
    /// each lane as <see cref="Store"/> does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Panel512(float[] column, int position, int p)
    {
        Span<double> exponents = stackalloc double[32];
        Exponents512(position, p, exponents);
        ref var e = ref MemoryMarshal.GetReference(exponents);
        ref var y = ref MemoryMarshal.GetArrayDataReference(_y);
        ref var output = ref MemoryMarshal.GetArrayDataReference(column);
        var yi = Vector512.Create(_y[position]);
        for (var block = 0; block < 32; block += 16)
        {
            var low = yi * Vector512.LoadUnsafe(ref y, (nuint)(p + block)) * LibmExp.Exp8(Vector512.LoadUnsafe(ref e, (nuint)block));
            var high = yi * Vector512.LoadUnsafe(ref y, (nuint)(p + block + 8)) * LibmExp.Exp8(Vector512.LoadUnsafe(ref e, (nuint)(block + 8)));
            Vector512.Narrow(low, high).StoreUnsafe(ref output, (nuint)(p + block));
        }
    }

    /// <summary>The exponents of the 32 positions of a panel (<paramref name="p"/> a multiple of 32), one lane per row (the same operations as
    /// <see cref="ScalarExponent"/> in each lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Exponents512(int position, int p, Span<double> exponents)
    {
        ref var xt = ref MemoryMarshal.GetArrayDataReference(_xt);
        ref var xi = ref MemoryMarshal.GetArrayDataReference(_xi);
        var a0 = Vector512<double>.Zero;
        var a1 = Vector512<double>.Zero;
        var a2 = Vector512<double>.Zero;
        var a3 = Vector512<double>.Zero;
        var offset = (nuint)Index(p, 0);
        for (var f = 0; f < _d; f++)
        {
            var x = Vector512.Create(Unsafe.Add(ref xi, f));
            a0 += x * Vector512.LoadUnsafe(ref xt, offset);
            a1 += x * Vector512.LoadUnsafe(ref xt, offset + 8);
            a2 += x * Vector512.LoadUnsafe(ref xt, offset + 16);
            a3 += x * Vector512.LoadUnsafe(ref xt, offset + 24);
            offset += Panel;
        }

        ref var squares = ref MemoryMarshal.GetArrayDataReference(_squares);
        ref var output = ref MemoryMarshal.GetReference(exponents);
        var si = Vector512.Create(_squares[position]);
        var minusGamma = Vector512.Create(-_gamma);
        var two = Vector512.Create(2.0);
        (minusGamma * (si + Vector512.LoadUnsafe(ref squares, (nuint)p) - (two * a0))).StoreUnsafe(ref output);
        (minusGamma * (si + Vector512.LoadUnsafe(ref squares, (nuint)p + 8) - (two * a1))).StoreUnsafe(ref output, 8);
        (minusGamma * (si + Vector512.LoadUnsafe(ref squares, (nuint)p + 16) - (two * a2))).StoreUnsafe(ref output, 16);
        (minusGamma * (si + Vector512.LoadUnsafe(ref squares, (nuint)p + 24) - (two * a3))).StoreUnsafe(ref output, 24);
    }

    /// <inheritdoc cref="Exponents512" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Exponents256(int position, int p, Span<double> exponents)
    {
        ref var xt = ref MemoryMarshal.GetArrayDataReference(_xt);
        ref var xi = ref MemoryMarshal.GetArrayDataReference(_xi);
        var a0 = Vector256<double>.Zero;
        var a1 = Vector256<double>.Zero;
        var a2 = Vector256<double>.Zero;
        var a3 = Vector256<double>.Zero;
        var offset = (nuint)Index(p, 0);
        for (var f = 0; f < _d; f++)
        {
            var x = Vector256.Create(Unsafe.Add(ref xi, f));
            a0 += x * Vector256.LoadUnsafe(ref xt, offset);
            a1 += x * Vector256.LoadUnsafe(ref xt, offset + 4);
            a2 += x * Vector256.LoadUnsafe(ref xt, offset + 8);
            a3 += x * Vector256.LoadUnsafe(ref xt, offset + 12);
            offset += Panel;
        }

        ref var squares = ref MemoryMarshal.GetArrayDataReference(_squares);
        ref var output = ref MemoryMarshal.GetReference(exponents);
        var si = Vector256.Create(_squares[position]);
        var minusGamma = Vector256.Create(-_gamma);
        var two = Vector256.Create(2.0);
        (minusGamma * (si + Vector256.LoadUnsafe(ref squares, (nuint)p) - (two * a0))).StoreUnsafe(ref output);
        (minusGamma * (si + Vector256.LoadUnsafe(ref squares, (nuint)p + 4) - (two * a1))).StoreUnsafe(ref output, 4);
        (minusGamma * (si + Vector256.LoadUnsafe(ref squares, (nuint)p + 8) - (two * a2))).StoreUnsafe(ref output, 8);
        (minusGamma * (si + Vector256.LoadUnsafe(ref squares, (nuint)p + 12) - (two * a3))).StoreUnsafe(ref output, 12);
    }
}
