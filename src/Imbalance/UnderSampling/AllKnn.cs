using System.Globalization;
using Imbalance.Diagnostics;
using Imbalance.Sampling;

namespace Imbalance.UnderSampling;

/// <summary>
/// Applies <see cref="EditedNearestNeighbours"/> with a growing neighbourhood, 1, 2, ..., <see cref="NNeighbors"/>,
/// each pass on the rows left by the previous one: imblearn's <c>AllKNN</c> (Tomek, "An experiment with the edited
/// nearest-neighbor rule", 1976).
/// </summary>
/// <remarks>
/// <para>When to use it: cleaning with editing at growing neighbourhood sizes (1 to k neighbours): more robust than
/// a single EditedNearestNeighbours pass when the right neighbourhood size is unknown. Like the other cleaning
/// methods it does not balance; follow it with another sampler when balance is needed.</para>
/// <para>The strategy is resolved again before each pass on the surviving rows. The loop stops early after a pass
/// that leaves a class other than the original minority (imblearn's <c>min(Counter(y))</c>: on equal counts the class
/// seen first in <c>y</c>) with fewer rows than the original minority had, unless <see cref="AllowMinority"/>, or
/// that removes a class entirely.</para>
/// <para>Performance: one neighbour query with the largest neighbourhood serves every pass; a pass re-queries only
/// rows whose stored lists ran out of surviving candidates, with the answers of a fresh query.</para>
/// <para>Output: rows grouped by class in sorted label order, original order within a class;
/// <see cref="ResampleResult{TLabel}.SampleIndices"/> is imblearn's <c>sample_indices_</c>.</para>
/// <para>Parity: equal to imblearn 0.10.0 on data without exact distance ties.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = new AllKnn { NNeighbors = 3 }.FitResample(x, y);   // ENN with 1, 2, then 3 neighbours
/// </code>
/// </example>
public sealed class AllKnn : Sampler, ICleaningSampler
{
    private readonly int _nNeighbors = 3;
    private readonly SelectionKind _kindSel = SelectionKind.All;
    private readonly int? _maxDegreeOfParallelism;

    /// <summary>The largest neighbourhood (imblearn's <c>n_neighbors</c>); default 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NNeighbors
    {
        get => _nNeighbors;
        init => _nNeighbors = ImblearnClasses.CheckNeighbours(value, nameof(NNeighbors));
    }

    /// <summary>How the neighbours decide (imblearn's <c>kind_sel</c>); default <see cref="SelectionKind.All"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined kind.</exception>
    public SelectionKind KindSel
    {
        get => _kindSel;
        init => _kindSel = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(KindSel), value, "KindSel must be 'all' or 'mode'.");
    }

    /// <summary>
    /// Whether a class may end up smaller than the original minority without stopping the passes (imblearn's
    /// <c>allow_minority</c>); default <see langword="false"/>.
    /// </summary>
    public bool AllowMinority { get; init; }

    /// <summary>
    /// The most threads a neighbour query uses (imblearn's <c>n_jobs</c>); <see langword="null"/> (default) for every
    /// core. Results do not depend on it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = InputGuard.CheckParallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <inheritdoc />
    public override SamplingType SamplingType => SamplingType.CleanSampling;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"AllKnn(SamplingStrategy={SamplingStrategy}, NNeighbors={NNeighbors}, KindSel={KindSel}, AllowMinority={AllowMinority})");

    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken)
    {
        var neighbourhood = new ShrinkingNeighbourhood(input, NNeighbors + 3L, MaxDegreeOfParallelism);
        var stop = new EditingStop(input.Classes, AllowMinority);
        var removed = new List<int>();
        var counter = new ProgressCounter(input.Progress, nameof(AllKnn), NNeighbors);
        for (var k = 1; k <= NNeighbors; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var targets = k == 1 ? input.Targets : stop.Reresolve(SamplingStrategy, input, neighbourhood);
            neighbourhood.EditPass(k, KindSel, targets, removed, cancellationToken);
            neighbourhood.Remove(removed);
            counter.Step();
            if (stop.ShouldStop(neighbourhood))
            {
                break;
            }
        }

        return SamplerOutput.Select(input, neighbourhood.CurrentOrder());
    }
}
