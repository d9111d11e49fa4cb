using System.Globalization;
using Imbalance.Randomness;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Batching;

/// <summary>
/// Balanced row-index batches for any training loop (TorchSharp, ML.NET, hand-written SGD): imblearn's keras
/// <c>BalancedBatchGenerator</c> and tensorflow <c>balanced_batch_generator</c> without a framework. The rows are
/// resampled once by <see cref="Sampler"/> (default random under-sampling to the minority count), the kept row
/// indices are shuffled, and <see cref="Fit{TLabel}"/> returns them as <see cref="BalancedBatches"/>;
/// <see cref="Epochs{TLabel}"/> makes a fresh balanced draw every epoch instead.
/// </summary>
/// <remarks>
/// <para>When to use it: training a neural network or other mini-batch learner (imblearn's keras and tensorflow
/// balanced batch generators): each epoch is resampled by a sampler, so batches are balanced without resampling the
/// whole data set up front. Prefer WeightedBatchSampler to keep every row available and balance only in
/// expectation.</para>
/// <para>Parity: for the same integer <see cref="RandomState"/>, <see cref="Fit{TLabel}"/> gives imblearn 0.10.0's
/// indices and batches: with no <see cref="Sampler"/> the default <c>RandomUnderSampler</c> draws from the same
/// NumPy generator as the shuffle (imblearn passes its <c>RandomState</c> instance to it); a given sampler keeps its
/// own seed and the shuffle uses a fresh generator from <see cref="RandomState"/>.</para>
/// <para>Under-sampling each epoch anew (<see cref="Epochs{TLabel}"/>) shows the model every majority row over
/// time while each epoch stays balanced; use <see cref="WeightedBatchSampler"/> for PyTorch-style weighted
/// sampling instead of a resampler.</para>
/// </remarks>
/// <example>
/// <code>
/// var batches = new BalancedBatchSampler { BatchSize = 50, RandomState = 42 }.Fit(x, y);
/// foreach (int[] rows in batches.KerasBatches()) { /* train on rows */ }     // imblearn's BalancedBatchGenerator
/// </code>
/// </example>
public sealed class BalancedBatchSampler
{
    private readonly int _batchSize = 32;
    private readonly int? _randomState;

    /// <summary>Rows per batch (imblearn's <c>batch_size</c>); default 32.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int BatchSize
    {
        get => _batchSize;
        init => _batchSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, "BatchSize must be at least 1.");
    }

    /// <summary>The resampler (imblearn's <c>sampler</c>); it must report <see cref="ResampleResult{TLabel}.SampleIndices"/>
    /// (under-samplers, cleaning samplers, <c>RandomOverSampler</c>). <see langword="null"/> (default) is
    /// <c>RandomUnderSampler</c> sharing this sampler's generator.</summary>
    public ISampler? Sampler { get; init; }

    /// <summary>Seed of NumPy's legacy generator (imblearn's <c>random_state</c>); null draws a fresh seed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>Resamples once and shuffles: imblearn's generators' <c>indices_</c>, cut into batches.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="x">The rows (the sampler may need them; only indices are returned).</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="cancellationToken">Cancels the resampling.</param>
    /// <returns>The shuffled indices and their batches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The inputs are invalid for the sampler, or the sampler does not report
    /// sample indices.</exception>
    public BalancedBatches Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        InputGuard.CheckXy(x, y);
        var rng = new SeedSource(RandomState).CheckRandomState();
        return Draw(Sampler, rng, x, y, cancellationToken);
    }

    /// <summary>
    /// An endless sequence of epochs, each a new balanced draw and shuffle. Without <see cref="Sampler"/> and
    /// <paramref name="samplerForEpoch"/>, random under-sampling and the shuffle continue one generator, so epoch 0 is
    /// <see cref="Fit{TLabel}"/>'s and later epochs keep other majority rows. With <paramref name="samplerForEpoch"/>
    /// the sampler of epoch <c>e</c> is <c>samplerForEpoch(e)</c> (give it a seed that depends on <c>e</c>);
    /// otherwise <see cref="Sampler"/> is reused (a seeded sampler then keeps the same rows and only the order changes).
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="x">The rows.</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="samplerForEpoch">Optional sampler per epoch number.</param>
    /// <param name="cancellationToken">Cancels between epochs.</param>
    /// <returns>The epochs; take as many as you train.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The inputs are invalid (checked when enumeration starts).</exception>
    public IEnumerable<BalancedBatches> Epochs<TLabel>(
        double[,] x, IReadOnlyList<TLabel> y, Func<int, ISampler>? samplerForEpoch = null, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        InputGuard.CheckXy(x, y);
        return Iterate(x, y, samplerForEpoch, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"BalancedBatchSampler(BatchSize={BatchSize}, Sampler={Sampler?.ToString() ?? "RandomUnderSampler"}, RandomState={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "null"})");

    private IEnumerable<BalancedBatches> Iterate<TLabel>(double[,] x, IReadOnlyList<TLabel> y, Func<int, ISampler>? samplerForEpoch, CancellationToken cancellationToken)
        where TLabel : notnull
    {
        var rng = new SeedSource(RandomState).CheckRandomState();
        for (var epoch = 0; ; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sampler = samplerForEpoch is null ? Sampler : samplerForEpoch(epoch);
            yield return Draw(sampler, rng, x, y, cancellationToken);
        }
    }

    private BalancedBatches Draw<TLabel>(ISampler? sampler, Randomness.RandomState rng, double[,] x, IReadOnlyList<TLabel> y, CancellationToken cancellationToken)
        where TLabel : notnull
    {
        // imblearn: RandomUnderSampler(random_state=<the same RandomState>) or clone(sampler); then shuffle.
        var result = (sampler ?? new RandomUnderSampler { SharedStream = rng }).FitResample(x, y, cancellationToken);
        if (result.SampleIndices is not { } kept)
        {
            throw InputGuard.Invalid(nameof(Sampler), "'sampler' needs to report sample indices (imblearn's sample_indices_).");
        }

        var indices = (int[])kept.Clone();
        rng.Shuffle(indices.AsSpan());
        return new BalancedBatches(indices, BatchSize);
    }
}
