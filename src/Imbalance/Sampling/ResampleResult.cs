using Imbalance.Diagnostics;

namespace Imbalance.Sampling;

/// <summary>
/// The output of <see cref="ISampler.FitResample{TLabel}"/>: the resampled <c>X</c> and <c>y</c> (imblearn's
/// <c>X_resampled, y_resampled</c>), the rows they were taken from (imblearn's <c>sample_indices_</c>) for samplers
/// that select or copy rows, and the resolved strategy (imblearn's <c>sampling_strategy_</c>).
/// </summary>
/// <typeparam name="TLabel">The label type of <c>y</c>.</typeparam>
/// <remarks>
/// The arrays are new and owned by the caller; nothing is shared with the inputs or with other results.
/// Supports deconstruction: <c>var (xRes, yRes) = sampler.FitResample(x, y);</c>.
/// </remarks>
public sealed partial class ResampleResult<TLabel>
    where TLabel : notnull
{
    internal ResampleResult(double[,] x, TLabel[] y, int[]? sampleIndices, IReadOnlyDictionary<TLabel, int> resolvedStrategy)
    {
        X = x;
        Y = y;
        SampleIndices = sampleIndices;
        ResolvedStrategy = resolvedStrategy;
    }

    /// <summary>The resampled samples, <c>n_resampled x n_features</c>; imblearn's <c>X_resampled</c>.</summary>
    public double[,] X { get; }

    /// <summary>The label of each resampled row; imblearn's <c>y_resampled</c>.</summary>
    public TLabel[] Y { get; }

    /// <summary>
    /// For samplers that select or copy rows (imblearn's <c>sample_indices_</c>): for each output row, the index of
    /// the input row it is (or, for a smoothed bootstrap, was drawn around). <see langword="null"/> for samplers that
    /// synthesise rows or generate prototypes. An index appears more than once only where rows are drawn with
    /// replacement: over-samplers' copies, <c>RandomUnderSampler</c> with <c>Replacement</c>, and
    /// <c>CondensedNearestNeighbour</c> / <c>OneSidedSelection</c> unless their <c>DistinctRows</c> is set (imblearn 0.10
    /// draws their seeds with replacement).
    /// </summary>
    public int[]? SampleIndices { get; }

    /// <summary>
    /// The resolved strategy, imblearn's <c>sampling_strategy_</c>: each targeted class in sorted label order with
    /// the number of samples to add (over-sampling), to keep (under-sampling), or the minority count (cleaning).
    /// </summary>
    public IReadOnlyDictionary<TLabel, int> ResolvedStrategy { get; }

    /// <summary>
    /// What imblearn or scikit-learn would have warned about, as data: a class that got fewer rows than the resolved
    /// strategy asked for (<see cref="DiagnosticKind.FewerSamples"/>), an inner k-means that stopped at its iteration
    /// limit (<see cref="DiagnosticKind.Convergence"/>). Empty when the sampler did what was asked.
    /// </summary>
    public IReadOnlyList<Diagnostic> Warnings { get; internal init; } = [];

    /// <summary>The number of resampled rows.</summary>
    public int Count => Y.Length;

    /// <summary>Deconstructs into <c>(X, Y)</c>, like imblearn's <c>X_res, y_res = fit_resample(X, y)</c>.</summary>
    /// <param name="x">Receives <see cref="X"/>.</param>
    /// <param name="y">Receives <see cref="Y"/>.</param>
    public void Deconstruct(out double[,] x, out TLabel[] y)
    {
        x = X;
        y = Y;
    }

    /// <summary>Counts the rows of each class of <see cref="Y"/>, in sorted label order.</summary>
    /// <returns>Class label to row count, like <c>collections.Counter(y_resampled)</c> sorted by label.</returns>
    public IReadOnlyDictionary<TLabel, int> ClassCounts()
    {
        var counts = new SortedDictionary<TLabel, int>(LabelEncoder<TLabel>.SortOrder);
        foreach (var label in Y)
        {
            counts[label] = counts.TryGetValue(label, out var n) ? n + 1 : 1;
        }

        return counts;
    }
}
