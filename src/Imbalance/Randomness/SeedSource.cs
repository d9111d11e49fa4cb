namespace Imbalance.Randomness;

/// <summary>
/// The generators of one <c>FitResample</c> call: scikit-learn's <c>check_random_state(self.random_state)</c>,
/// mirrored call site by call site.
/// </summary>
/// <remarks>
/// With an integer seed, every <see cref="CheckRandomState"/> returns a brand-new generator seeded with it, exactly
/// as imblearn restarts the stream at each call site (SMOTE per class, SMOTE-NC's categorical step, ...). Without a
/// seed, imblearn uses NumPy's global generator, whose stream continues from one call site to the next; here one
/// entropy-seeded generator, created on first use, is shared by the call sites of this source. Create one source per
/// fit, never store it on a sampler.
/// </remarks>
internal sealed class SeedSource(int? seed)
{
    private RandomState? _shared;

    /// <summary>The integer seed, or null for an unpredictable stream.</summary>
    public int? Seed { get; } = seed;

    /// <summary>scikit-learn's <c>check_random_state(random_state)</c> at one call site.</summary>
    public RandomState CheckRandomState() =>
        Seed is { } s ? new RandomState(s) : _shared ??= RandomState.FromEntropy();
}
