using System.Globalization;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.Batching;

/// <summary>
/// Row-index batches drawn in proportion to per-row weights, like PyTorch's
/// <c>WeightedRandomSampler(weights, num_samples, replacement)</c> feeding a <c>DataLoader(batch_size, drop_last)</c>:
/// with inverse-class-frequency weights (<c>ClassWeight.Balanced.ComputeSampleWeight(y)</c>) or effective-number
/// weights (<c>ClassWeight.EffectiveNumber(beta).ComputeSampleWeight(y)</c>) every batch is balanced in expectation
/// without discarding or copying rows.
/// </summary>
/// <remarks>
/// <para>When to use it: mini-batch training when you want balance in expectation without discarding or duplicating
/// rows up front (PyTorch's WeightedRandomSampler), for example with effective-number weights. Prefer
/// BalancedBatchSampler when every batch must be balanced exactly, or class weights in the loss when the learner
/// supports them.</para>
/// Each epoch draws <see cref="NumSamples"/> rows with NumPy's <c>choice(n, size, replace, p)</c> on the
/// normalised weights (not PyTorch's <c>torch.multinomial</c>, so the rows differ from PyTorch's for a seed; the
/// distribution is the same). Epochs continue one generator seeded by <see cref="RandomState"/>.</remarks>
/// <example>
/// <code>
/// var sampler = new WeightedBatchSampler(ClassWeight.Balanced.ComputeSampleWeight(y)) { BatchSize = 100, RandomState = 0 };
/// int[][] epoch = sampler.Epochs().First();     // PyTorch's WeightedRandomSampler: n draws with replacement
/// </code>
/// </example>
public sealed class WeightedBatchSampler
{
    private readonly double[] _weights;
    private readonly int _batchSize = 32;
    private readonly int? _numSamples;
    private readonly int? _randomState;

    /// <summary>Creates a sampler over rows with the given weights.</summary>
    /// <param name="weights">One finite, non-negative weight per row, not all zero (PyTorch's <c>weights</c>); copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
    /// <exception cref="ArgumentException">A weight is negative or not finite, or all are zero.</exception>
    public WeightedBatchSampler(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        _weights = [.. weights];
        var total = 0.0;
        foreach (var w in _weights)
        {
            if (!double.IsFinite(w) || w < 0)
            {
                throw new ArgumentException("weights must be finite and non-negative.", nameof(weights));
            }

            total += w;
        }

        if (!(total > 0))
        {
            throw new ArgumentException("weights must not all be zero.", nameof(weights));
        }
    }

    /// <summary>The per-row weights.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>Rows drawn per epoch (PyTorch's <c>num_samples</c>); <see langword="null"/> (default) is the number of
    /// rows.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int? NumSamples
    {
        get => _numSamples;
        init => _numSamples = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(NumSamples), value, "NumSamples must be at least 1.");
    }

    /// <summary>Whether rows are drawn with replacement (PyTorch's <c>replacement</c>); default true. Without it,
    /// <see cref="NumSamples"/> must not exceed the number of rows with positive weight.</summary>
    public bool Replacement { get; init; } = true;

    /// <summary>Rows per batch; default 32.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int BatchSize
    {
        get => _batchSize;
        init => _batchSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, "BatchSize must be at least 1.");
    }

    /// <summary>Drop the last, partial batch of an epoch (PyTorch's <c>drop_last</c>); default false.</summary>
    public bool DropLast { get; init; }

    /// <summary>Seed of NumPy's legacy generator; null draws a fresh seed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>An endless sequence of epochs; each is its batches of row indices.</summary>
    /// <param name="cancellationToken">Cancels between epochs.</param>
    /// <returns>The epochs; take as many as you train.</returns>
    /// <exception cref="ArgumentException">Without replacement, <see cref="NumSamples"/> exceeds the rows with
    /// positive weight.</exception>
    public IEnumerable<int[][]> Epochs(CancellationToken cancellationToken = default)
    {
        var size = NumSamples ?? _weights.Length;
        var positive = _weights.Count(w => w > 0);
        if (!Replacement && size > positive)
        {
            throw InputGuard.Invalid(
                nameof(NumSamples),
                string.Create(CultureInfo.InvariantCulture, $"Without replacement NumSamples ({size}) must not exceed the {positive} rows with positive weight."));
        }

        return Iterate(size, cancellationToken);
    }

    private IEnumerable<int[][]> Iterate(int size, CancellationToken cancellationToken)
    {
        var total = _weights.Sum();
        var p = _weights.Select(w => w / total).ToArray();
        var rng = new SeedSource(RandomState).CheckRandomState();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = rng.Choice(_weights.Length, size, Replacement, p);
            var count = DropLast ? size / BatchSize : (size + BatchSize - 1) / BatchSize;
            var batches = new int[count][];
            for (var b = 0; b < count; b++)
            {
                batches[b] = rows.AsSpan(b * BatchSize, Math.Min(BatchSize, size - (b * BatchSize))).ToArray();
            }

            yield return batches;
        }
    }
}
