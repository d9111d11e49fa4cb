using Imbalance.Interop;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Datasets;

/// <summary>
/// Data-set generators for samples, tests and benchmarks: imblearn's <c>make_imbalance</c> and a seeded
/// <c>make_classification</c>.
/// </summary>
/// <remarks><para>When to use it: synthetic experiments with controlled imbalance, size and difficulty (to compare
/// samplers, test code, or reproduce imblearn examples). Results on generated data seldom transfer exactly to real
/// data; confirm on real sets.</para></remarks>
public static partial class DataGenerators
{
    /// <summary>
    /// Keeps the requested number of rows of each listed class (imblearn's <c>make_imbalance(X, y,
    /// sampling_strategy=dict, random_state=...)</c>): a <see cref="RandomUnderSampler"/> without replacement, so for
    /// the same seed the rows kept are exactly imblearn's.
    /// </summary>
    /// <param name="x">The samples: <c>double[,]</c> or any shape <see cref="FeatureMatrix"/> converts.</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="samplingStrategy">Rows to keep per class; classes not listed keep all their rows. Each count must
    /// not exceed the class size.</param>
    /// <param name="randomState">The seed; <see langword="null"/> for an unpredictable one.</param>
    /// <returns>The reduced data, grouped by class in sorted label order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samplingStrategy"/> is null (imblearn 0.10.0 accepts
    /// <c>None</c> and then fails with an <c>UnboundLocalError</c>).</exception>
    /// <exception cref="ArgumentException">A count is negative, exceeds its class size or names a label not in
    /// <paramref name="y"/>, or the inputs are invalid.</exception>
    public static ResampleResult<TLabel> MakeImbalance<TLabel>(
        FeatureMatrix x, IReadOnlyList<TLabel> y, IReadOnlyDictionary<TLabel, int> samplingStrategy, int? randomState = null)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(samplingStrategy);
        return MakeImbalance(x, y, SamplingStrategy.Counts(samplingStrategy), randomState);
    }

    /// <summary>
    /// Keeps, per class, the number of rows a function of <paramref name="y"/> returns (imblearn's
    /// <c>make_imbalance</c> with a callable <c>sampling_strategy</c>).
    /// </summary>
    /// <param name="x">The samples: <c>double[,]</c> or any shape <see cref="FeatureMatrix"/> converts.</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="samplingStrategy">Receives <paramref name="y"/> and returns rows to keep per class.</param>
    /// <param name="randomState">The seed; <see langword="null"/> for an unpredictable one.</param>
    /// <returns>The reduced data, grouped by class in sorted label order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samplingStrategy"/> is null.</exception>
    /// <exception cref="ArgumentException">The function's counts are invalid for <paramref name="y"/> (as for the
    /// dictionary overload), or the inputs are invalid.</exception>
    public static ResampleResult<TLabel> MakeImbalance<TLabel>(
        FeatureMatrix x,
        IReadOnlyList<TLabel> y,
        Func<IReadOnlyList<TLabel>, IReadOnlyDictionary<TLabel, int>> samplingStrategy,
        int? randomState = null)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(samplingStrategy);
        return MakeImbalance(x, y, SamplingStrategy.Custom(samplingStrategy), randomState);
    }

    private static ResampleResult<TLabel> MakeImbalance<TLabel>(FeatureMatrix x, IReadOnlyList<TLabel> y, SamplingStrategy strategy, int? randomState)
        where TLabel : notnull =>
        new RandomUnderSampler { SamplingStrategy = strategy, RandomState = randomState, Replacement = false }.FitResample(x.ToArray2D(nameof(x)), y);
}
