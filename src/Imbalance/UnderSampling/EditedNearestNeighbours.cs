using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.UnderSampling;

/// <summary>
/// Removes the samples of the targeted classes whose nearest neighbours disagree with them: imblearn's
/// <c>EditedNearestNeighbours</c> (Wilson, "Asymptotic properties of nearest neighbor rules using edited data", IEEE
/// Transactions on Systems, Man, and Cybernetics, 1972), one-vs-rest for several classes.
/// </summary>
/// <remarks>
/// <para>When to use it: to clean noisy or overlapping majority rows: rows whose neighbours disagree with their
/// class are removed, which smooths the border. It does not reach a chosen balance; prefer
/// RepeatedEditedNearestNeighbours or AllKnn for stronger cleaning, and RandomUnderSampler when balancing is the
/// goal.</para>
/// <para>A k-NN index is fitted on all rows; each row of a targeted class is queried for <c>NNeighbors + 1</c>
/// neighbours and the first column (itself) is dropped. With <see cref="SelectionKind.All"/> the row is kept only if
/// all <see cref="NNeighbors"/> neighbours share its class; with <see cref="SelectionKind.Mode"/> if their most common
/// class (ties to the smallest label) is its class. The strategy names the classes that may be cleaned
/// (<see cref="SamplingType.CleanSampling"/>; <see cref="SamplingStrategy.Auto"/> cleans every class but the
/// minority).</para>
/// <para>Output: rows grouped by class in sorted label order, in their original order within a class;
/// <see cref="ResampleResult{TLabel}.SampleIndices"/> is imblearn's <c>sample_indices_</c>.</para>
/// <para>Parity: equal to imblearn 0.10.0 on data without exactly equidistant neighbours (at an exact distance tie
/// the engine prefers the lower row index, scikit-learn its heap order).</para>
/// </remarks>
/// <example>
/// <code>
/// var result = new EditedNearestNeighbours { NNeighbors = 3, KindSel = SelectionKind.All }.FitResample(x, y);
/// </code>
/// </example>
public sealed class EditedNearestNeighbours : Sampler, ICleaningSampler
{
    private readonly int _nNeighbors = 3;
    private readonly SelectionKind _kindSel = SelectionKind.All;
    private readonly int? _maxDegreeOfParallelism;

    /// <summary>The size of the neighbourhood that judges each sample (imblearn's <c>n_neighbors</c>); default 3.</summary>
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
        string.Create(CultureInfo.InvariantCulture, $"EditedNearestNeighbours(SamplingStrategy={SamplingStrategy}, NNeighbors={NNeighbors}, KindSel={KindSel})");

    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken)
    {
        var neighbourhood = new ShrinkingNeighbourhood(input, NNeighbors + 1L, MaxDegreeOfParallelism);
        var removed = new List<int>();
        neighbourhood.EditPass(NNeighbors, KindSel, input.Targets, removed, cancellationToken);
        neighbourhood.Remove(removed);
        return SamplerOutput.Select(input, neighbourhood.CurrentOrder());
    }
}
