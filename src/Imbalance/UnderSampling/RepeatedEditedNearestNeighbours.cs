using System.Globalization;
using Imbalance.Diagnostics;
using Imbalance.Sampling;

namespace Imbalance.UnderSampling;

/// <summary>
/// Repeats <see cref="EditedNearestNeighbours"/> until it stops changing the data: imblearn's
/// <c>RepeatedEditedNearestNeighbours</c> (Tomek, "An experiment with the edited nearest-neighbor rule", IEEE
/// Transactions on Systems, Man, and Cybernetics, 1976).
/// </summary>
/// <remarks>
/// <para>When to use it: when one pass of EditedNearestNeighbours leaves noise behind: the edit is repeated until
/// no row is removed (or the iteration limit is reached). It cleans more aggressively than one pass and can remove
/// much of the majority class near the border; check that it does not erase useful structure.</para>
/// <para>Each pass is one ENN over the rows left by the previous pass, with the strategy resolved again on them (so
/// <see cref="SamplingStrategy.Auto"/> spares whichever class is the minority now). After at most
/// <see cref="MaxIter"/> passes, or earlier after the first pass that (1) removes nothing, (2) leaves a class other than
/// the original minority with fewer rows than the original minority had, or (3) removes a class entirely. The original
/// minority is imblearn's <c>min(Counter(y))</c>: on equal counts, the class seen first in <c>y</c>.</para>
/// <para>Performance: the neighbours are queried once; later passes read the nearest surviving rows from the stored
/// lists and re-query only rows whose lists ran out, with the same answers as a fresh query on the surviving rows.</para>
/// <para>Output: rows grouped by class in sorted label order, original order within a class.</para>
/// <para>Parity: equal to imblearn 0.10.0 on data without exact distance ties, with one deliberate difference: when the
/// very first pass removes nothing and <c>y</c> is not already grouped by class, imblearn applies that pass's
/// reordering to <c>sample_indices_</c> twice, so its indices no longer point at its own output rows; here
/// <see cref="ResampleResult{TLabel}.SampleIndices"/> always gives the source row of each output row.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = new RepeatedEditedNearestNeighbours { MaxIter = 100 }.FitResample(x, y);   // ENN until nothing changes
/// </code>
/// </example>
public sealed class RepeatedEditedNearestNeighbours : Sampler, ICleaningSampler
{
    private readonly int _nNeighbors = 3;
    private readonly int _maxIter = 100;
    private readonly SelectionKind _kindSel = SelectionKind.All;
    private readonly int? _maxDegreeOfParallelism;

    /// <summary>The size of the neighbourhood that judges each sample (imblearn's <c>n_neighbors</c>); default 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NNeighbors
    {
        get => _nNeighbors;
        init => _nNeighbors = ImblearnClasses.CheckNeighbours(value, nameof(NNeighbors));
    }

    /// <summary>The most ENN passes (imblearn's <c>max_iter</c>); default 100.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxIter
    {
        get => _maxIter;
        init => _maxIter = ImblearnClasses.CheckNeighbours(value, nameof(MaxIter));
    }

    /// <summary>How the neighbours decide (imblearn's <c>kind_sel</c>); default <see cref="SelectionKind.All"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined kind.</exception>
    public SelectionKind KindSel
    {
        get => _kindSel;
        init => _kindSel = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(KindSel), value, "KindSel must be 'all' or 'mode'.");
    }

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
        string.Create(CultureInfo.InvariantCulture, $"RepeatedEditedNearestNeighbours(SamplingStrategy={SamplingStrategy}, NNeighbors={NNeighbors}, MaxIter={MaxIter}, KindSel={KindSel})");

    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken)
    {
        // Slack beyond k + 1 so that most rows keep enough surviving candidates across passes.
        var neighbourhood = new ShrinkingNeighbourhood(input, NNeighbors + 3L, MaxDegreeOfParallelism);
        var stop = new EditingStop(input.Classes, allowMinority: false);
        var removed = new List<int>();
        var targets = input.Targets;
        var counter = new ProgressCounter(input.Progress, nameof(RepeatedEditedNearestNeighbours), MaxIter);
        for (var iteration = 0; iteration < MaxIter; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (iteration > 0)
            {
                targets = stop.Reresolve(SamplingStrategy, input, neighbourhood);
            }

            neighbourhood.EditPass(NNeighbors, KindSel, targets, removed, cancellationToken);
            neighbourhood.Remove(removed);
            counter.Step();
            if (removed.Count == 0 || stop.ShouldStop(neighbourhood))
            {
                break;
            }
        }

        return SamplerOutput.Select(input, neighbourhood.CurrentOrder());
    }
}
