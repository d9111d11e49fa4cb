using System.Globalization;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.UnderSampling;

/// <summary>
/// Under-samples the targeted classes to a subset that a k-NN rule still classifies correctly: imblearn's
/// <c>CondensedNearestNeighbour</c> (Hart, "The condensed nearest neighbor rule", IEEE Transactions on Information
/// Theory, 1968).
/// </summary>
/// <remarks>
/// <para>When to use it: to shrink the majority class to the rows a 1-NN rule needs (a condensed subset), mostly
/// for nearest-neighbour learners and large redundant majority classes. It is slow, order-dependent and sensitive
/// to noise (noisy rows are kept); prefer OneSidedSelection, which also removes Tomek links, or
/// RandomUnderSampler.</para>
/// <para>The minority class is imblearn's <c>min(Counter(y))</c> (on equal counts, the class seen first in
/// <c>y</c>). For each targeted class in sorted label order: <see cref="NSeedsS"/> rows are drawn with
/// <c>randint(0, n_class, n_seeds_S)</c> (one generator seeded by <see cref="RandomState"/> for all classes); the
/// store <c>C</c> is the minority rows followed by those seeds. The class rows are then visited once, in order; a row
/// the k-NN rule fitted on <c>C</c> misclassifies joins <c>C</c>, the rule is refitted, and the rows it now classifies
/// correctly are marked as settled. The class keeps its seeds and the rows that joined, in that order.</para>
/// <para>imblearn quirk, reproduced for parity: the "settled" set mixes row indices of the whole data (the seeds) with
/// positions inside the class (the correctly classified rows), and a visited row is skipped when its
/// <em>position</em> is in that set. Fixing it would change which rows are kept for the same seed.</para>
/// <para>Performance: instead of refitting after every addition, the rule's predictions for the class rows are kept up
/// to date: the store only grows at its end, so a new store row changes a prediction only where it enters that row's
/// k nearest (one distance per class row per addition, with the engine's distances and tie order).</para>
/// <para>Output: rows grouped by class in sorted label order; <see cref="ResampleResult{TLabel}.SampleIndices"/> is
/// imblearn's <c>sample_indices_</c>. Like imblearn, and unlike the other cleaning samplers, it can name a row more
/// than once (a seed drawn twice, or a seed the rule adds again); set <see cref="DistinctRows"/> to return each row
/// once.</para>
/// <para>Parity: for the same integer seed, equal to imblearn 0.10.0 on data without exact distance ties.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = new CondensedNearestNeighbour { RandomState = 42 }.FitResample(x, y);   // the rows a 1-NN rule needs
/// </code>
/// </example>
public sealed class CondensedNearestNeighbour : Sampler, ICleaningSampler
{
    private readonly int? _randomState;
    private readonly int _nNeighbors = 1;
    private readonly int _nSeedsS = 1;
    private readonly int? _maxDegreeOfParallelism;

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

    /// <summary>The number of neighbours of the k-NN rule (imblearn's <c>n_neighbors</c>, <c>None</c> meaning 1); default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NNeighbors
    {
        get => _nNeighbors;
        init => _nNeighbors = ImblearnClasses.CheckNeighbours(value, nameof(NNeighbors));
    }

    /// <summary>The number of rows of each targeted class drawn to seed the store (imblearn's <c>n_seeds_S</c>); default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NSeedsS
    {
        get => _nSeedsS;
        init => _nSeedsS = ImblearnClasses.CheckNeighbours(value, nameof(NSeedsS));
    }

    /// <summary>
    /// Whether each selected row is returned once; default <see langword="false"/>, which returns imblearn 0.10's rows
    /// bit for bit, repeats included: the seeds are drawn with replacement (<c>randint</c>), so a row drawn twice, or a
    /// seed the rule adds again, appears more than once and a class can even end up with more rows than it had.
    /// <see langword="true"/> keeps only the first occurrence of each row (in imblearn's order); which rows are
    /// selected does not change. Not an imblearn parameter.
    /// </summary>
    public bool DistinctRows { get; init; }

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
        string.Create(CultureInfo.InvariantCulture, $"CondensedNearestNeighbour(SamplingStrategy={SamplingStrategy}, RandomState={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "null"}, NNeighbors={NNeighbors}, NSeedsS={NSeedsS})");

    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken)
    {
        ImblearnClasses.CheckSeedCount(NSeedsS, input.SampleCount, nameof(NSeedsS));
        var rng = new SeedSource(RandomState).CheckRandomState();
        var minority = ImblearnClasses.CounterMinority(input.Classes);
        var selected = new List<int>(input.SampleCount);
        var settled = new bool[input.SampleCount];
        for (var code = 0; code < input.Classes.ClassCount; code++)
        {
            var positions = input.Classes.Positions(code);
            if (!input.Targets.IsTargeted(code))
            {
                selected.AddRange(positions);
                continue;
            }

            var draws = rng.RandInt(0, positions.Length, NSeedsS);
            var picks = new List<int>(draws.Length);
            foreach (var draw in draws)
            {
                picks.Add(positions[draw]);
            }

            var c = new List<int>(input.Classes.Positions(minority).ToArray());
            c.AddRange(picks);
            if (NNeighbors > c.Count)
            {
                throw InputGuard.TooManyNeighbours(nameof(NNeighbors), NNeighbors, plusSelf: false, c.Count, 1);
            }

            // The rule fitted on C predicts one visited row at a time in imblearn; its answer for row p is the
            // current prediction of p, kept up to date as C grows.
            var vote = new GrowingStoreVote(input, c, positions.ToArray(), NNeighbors, MaxDegreeOfParallelism, cancellationToken);
            var predictions = vote.Predictions;
            Array.Clear(settled);
            foreach (var pick in picks)
            {
                settled[pick] = true;
            }

            for (var p = 0; p < positions.Length; p++)
            {
                // imblearn compares the position p with a set holding global indices too (see remarks).
                if (settled[p] || predictions[p] == code)
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                picks.Add(positions[p]);
                vote.Add(positions[p]);
                Array.Clear(settled);
                foreach (var pick in picks)
                {
                    settled[pick] = true;
                }

                for (var q = 0; q < positions.Length; q++)
                {
                    settled[q] |= predictions[q] == code;
                }
            }

            selected.AddRange(DistinctRows ? picks.Distinct() : picks);
        }

        return SamplerOutput.Select(input, selected.ToArray());
    }
}
