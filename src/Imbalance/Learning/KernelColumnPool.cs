namespace Imbalance.Learning;

/// <summary>
/// The fixed column buffers behind <see cref="RbfKernelColumns"/>'s cache: as many single-precision columns of
/// <see cref="BufferLength"/> entries as fit in the byte budget (libsvm's <c>cache_size</c>, 200 MB as in
/// scikit-learn, and at least two), allocated on first use and reused by every later solve that shares the pool
/// (the one-vs-one problems of one fit), so the cache allocates at most its budget once instead of a column per miss.
/// </summary>
internal sealed class KernelColumnPool
{
    /// <summary>scikit-learn's default <c>cache_size</c>, 200 MB.</summary>
    public const long DefaultBytes = 200L * 1024 * 1024;

    private readonly float[]?[] _buffers;

    /// <summary>A pool for problems of at most <paramref name="bufferLength"/> variables.</summary>
    /// <param name="bufferLength">The largest problem size that will use the pool.</param>
    /// <param name="bytes">The budget; at least two columns are kept whatever it is.</param>
    public KernelColumnPool(int bufferLength, long bytes)
    {
        BufferLength = Math.Max(1, bufferLength);
        var columns = bytes / ((long)BufferLength * sizeof(float));
        Capacity = (int)Math.Clamp(columns, 2, int.MaxValue);
        _buffers = new float[]?[Math.Min(Capacity, BufferLength)];
    }

    /// <summary>The length of every buffer.</summary>
    public int BufferLength { get; }

    /// <summary>The number of buffers the budget allows.</summary>
    public int Capacity { get; }

    /// <summary>Buffer <paramref name="slot"/>, allocated on first use.</summary>
    public float[] Buffer(int slot) => _buffers[slot] ??= new float[BufferLength];
}
