namespace Imbalance.Batching;

/// <summary>
/// One epoch of balanced row-index batches: the resampled, shuffled row indices (imblearn's <c>indices_</c>) cut
/// into batches of <see cref="BatchSize"/>. Index your own arrays or tensors with them; nothing is copied. Immutable.
/// </summary>
/// <remarks>imblearn's two generators cut the same indices with different last-batch rules:
/// <see cref="KerasBatches"/> (keras <c>BalancedBatchGenerator</c>: only the <see cref="StepsPerEpoch"/> full
/// batches, the remainder is never used) and <see cref="TensorflowBatches"/> (tensorflow
/// <c>balanced_batch_generator</c>: an endless loop over all batches, the last one partial, while Keras reads
/// <see cref="StepsPerEpoch"/> of them per epoch, so epochs drift through the loop).</remarks>
public sealed class BalancedBatches
{
    private readonly int[] _indices;

    internal BalancedBatches(int[] indices, int batchSize)
    {
        _indices = indices;
        BatchSize = batchSize;
    }

    /// <summary>The resampled row indices after the shuffle (imblearn's <c>indices_</c>).</summary>
    public IReadOnlyList<int> Indices => _indices;

    /// <summary>The batch size.</summary>
    public int BatchSize { get; }

    /// <summary>Full batches per epoch: <c>Indices.Count / BatchSize</c> (keras <c>__len__</c>, tensorflow's
    /// <c>steps_per_epoch</c>).</summary>
    public int StepsPerEpoch => _indices.Length / BatchSize;

    /// <summary>The number of batches including a partial last one: <c>ceil(Indices.Count / BatchSize)</c>.</summary>
    public int BatchCount => (_indices.Length + BatchSize - 1) / BatchSize;

    /// <summary>Batch <paramref name="index"/>: <c>Indices[index * BatchSize .. (index + 1) * BatchSize)</c>, shorter
    /// for the last (keras <c>__getitem__</c>).</summary>
    /// <param name="index">In [0, <see cref="BatchCount"/>).</param>
    /// <returns>A new array of row indices.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, <see cref="BatchCount"/>).</exception>
    public int[] Batch(int index)
    {
        if ((uint)index >= (uint)BatchCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "index must be in [0, BatchCount).");
        }

        var start = index * BatchSize;
        return _indices.AsSpan(start, Math.Min(BatchSize, _indices.Length - start)).ToArray();
    }

    /// <summary>The keras <c>BalancedBatchGenerator</c> epoch: the <see cref="StepsPerEpoch"/> full batches in order.</summary>
    /// <returns>The batches.</returns>
    public IEnumerable<int[]> KerasBatches()
    {
        for (var b = 0; b < StepsPerEpoch; b++)
        {
            yield return Batch(b);
        }
    }

    /// <summary>The tensorflow <c>balanced_batch_generator</c> stream: all batches (the last may be partial) over and
    /// over, without end. Take <see cref="StepsPerEpoch"/> per epoch to train as Keras does.</summary>
    /// <returns>An endless sequence of batches.</returns>
    public IEnumerable<int[]> TensorflowBatches()
    {
        if (_indices.Length == 0)
        {
            yield break;
        }

        while (true)
        {
            for (var b = 0; b < BatchCount; b++)
            {
                yield return Batch(b);
            }
        }
    }

    /// <summary>One pass over every row: all <see cref="BatchCount"/> batches, the last possibly partial (PyTorch's
    /// <c>DataLoader(drop_last=False)</c> over these indices).</summary>
    /// <returns>The batches.</returns>
    public IEnumerable<int[]> AllBatches()
    {
        for (var b = 0; b < BatchCount; b++)
        {
            yield return Batch(b);
        }
    }
}
