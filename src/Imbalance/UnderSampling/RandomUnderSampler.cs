using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.UnderSampling;

/// <summary>
/// Under-samples the targeted classes by keeping a random subset of their rows: imblearn's
/// <c>RandomUnderSampler</c>.
/// </summary>
/// <remarks>
/// <para>When to use it: large data sets where discarding majority rows costs little and training time matters, for
/// any feature types; it is the baseline every under-sampler should be compared against. It throws information
/// away: on small data prefer over-sampling or class weights, and prefer a balanced ensemble
/// (BalancedRandomForestClassifier, EasyEnsembleClassifier) which under-samples differently for each member so no
/// row is lost overall.</para>
/// <para>Classes are visited in sorted label order with one generator seeded by <see cref="RandomState"/>. A
/// targeted class keeps <c>choice(n_class, n_keep, replace=Replacement)</c> of its rows, in the order drawn (not
/// sorted); other classes keep all their rows in order. Without replacement NumPy shuffles the whole class and keeps
/// the first <c>n_keep</c>.</para>
/// <para>Output: rows grouped by class in sorted label order; <see cref="ResampleResult{TLabel}.SampleIndices"/> is
/// imblearn's <c>sample_indices_</c>.</para>
/// <para>Parity: for the same integer seed the output equals imblearn 0.10.0's exactly. Unlike imblearn, NaN and
/// infinite values are rejected.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = new RandomUnderSampler { RandomState = 42 }.FitResample(x, y);   // 100 rows of each class
/// int[] kept = result.SampleIndices!;                                            // imblearn's sample_indices_
/// </code>
/// </example>
public sealed class RandomUnderSampler : Sampler, IUnderSampler
{
    private readonly int? _randomState;

    /// <summary>
    /// The seed of the NumPy-compatible generator (imblearn's <c>random_state</c> as an int); <see langword="null"/>
    /// (the default) draws an unpredictable seed on every call.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The seed is negative.</exception>
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>Whether rows are drawn with replacement (imblearn's <c>replacement</c>); default <see langword="false"/>.</summary>
    public bool Replacement { get; init; }

    /// <inheritdoc />
    public override SamplingType SamplingType => SamplingType.UnderSampling;

    /// <summary>A generator to draw from instead of one seeded by <see cref="RandomState"/>: imblearn's
    /// <c>RandomUnderSampler(random_state=&lt;RandomState instance&gt;)</c>, whose draws advance the caller's stream
    /// (the batch generators rely on it). Not thread-safe; only for a fresh instance per call.</summary>
    internal Randomness.RandomState? SharedStream { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"RandomUnderSampler(SamplingStrategy={SamplingStrategy}, RandomState={RandomState?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}, Replacement={Replacement})";

    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken) =>
        SamplerOutput.Select(input, Select(input.Classes, input.Targets, SharedStream ?? new SeedSource(RandomState).CheckRandomState(), Replacement, cancellationToken));

    /// <summary>The rows kept (imblearn's <c>sample_indices_</c>): classes in code order, a targeted class keeps
    /// <c>choice(n_class, n_keep, replace)</c> of its rows in the order drawn, others keep all their rows. The
    /// balanced ensembles call this directly with targets resolved once.</summary>
    internal static int[] Select(ClassIndex classes, ClassTargets targets, Randomness.RandomState rng, bool replacement, CancellationToken cancellationToken)
    {
        var total = 0;
        for (var code = 0; code < classes.ClassCount; code++)
        {
            total += targets.IsTargeted(code) ? targets[code] : classes.Counts[code];
        }

        var selected = new int[total];
        var filled = 0;
        for (var code = 0; code < classes.ClassCount; code++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var positions = classes.Positions(code);
            if (!targets.IsTargeted(code))
            {
                positions.CopyTo(selected.AsSpan(filled));
                filled += positions.Length;
                continue;
            }

            var picks = rng.Choice(positions.Length, targets[code], replacement);
            foreach (var pick in picks)
            {
                selected[filled++] = positions[pick];
            }
        }

        return selected;
    }
}
