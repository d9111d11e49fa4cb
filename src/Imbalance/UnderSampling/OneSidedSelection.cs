using System.Globalization;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.UnderSampling;

/// <summary>
/// Under-samples the targeted classes with one pass of a condensing rule followed by Tomek-link removal: imblearn's
/// <c>OneSidedSelection</c> (Kubat and Matwin, "Addressing the curse of imbalanced training sets: one-sided
/// selection", ICML 1997).
/// </summary>
/// <remarks>
/// <para>When to use it: to remove both redundant majority rows far from the border and noisy ones on it (a
/// condensed subset followed by Tomek links removal). It does not reach a chosen balance; prefer RandomUnderSampler
/// when balance is the goal and NeighbourhoodCleaningRule when cleaning matters more than reduction.</para>
/// <para>The minority class is imblearn's <c>min(Counter(y))</c> (on equal counts, the class seen first in
/// <c>y</c>). For each targeted class in sorted label order: <see cref="NSeedsS"/> positions are drawn with
/// <c>randint(0, n_class, n_seeds_S)</c> (one generator seeded by <see cref="RandomState"/>); a k-NN rule fitted on
/// the minority rows followed by those seeds classifies the other rows of the class (the drawn positions removed once
/// each), and the class keeps its seeds followed by the rows it misclassifies. Untargeted classes keep all rows. Then
/// <see cref="TomekLinks"/>, targeting the same classes, runs on the rows kept so far, in that order.</para>
/// <para>Output: the rows surviving both steps, in the order of the first step (grouped by class);
/// <see cref="ResampleResult{TLabel}.SampleIndices"/> is imblearn's <c>sample_indices_</c>. Like imblearn, and unlike
/// the other cleaning samplers, it can name a row more than once (a seed drawn twice); set <see cref="DistinctRows"/>
/// to return each row once.</para>
/// <para>Parity: for the same integer seed, equal to imblearn 0.10.0 on data without exact distance ties.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = new OneSidedSelection { RandomState = 42 }.FitResample(x, y);   // condensing, then Tomek links
/// </code>
/// </example>
public sealed class OneSidedSelection : Sampler, ICleaningSampler
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

    /// <summary>The number of rows of each targeted class drawn to seed the rule (imblearn's <c>n_seeds_S</c>); default 1.</summary>
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
        string.Create(CultureInfo.InvariantCulture, $"OneSidedSelection(SamplingStrategy={SamplingStrategy}, RandomState={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "null"}, NNeighbors={NNeighbors}, NSeedsS={NSeedsS})");

    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken)
    {
        ImblearnClasses.CheckSeedCount(NSeedsS, input.SampleCount, nameof(NSeedsS));
        var rng = new SeedSource(RandomState).CheckRandomState();
        var store = new PrototypeStore(input, NNeighbors, MaxDegreeOfParallelism);
        var minority = ImblearnClasses.CounterMinority(input.Classes);
        var selected = new List<int>(input.SampleCount);
        for (var code = 0; code < input.Classes.ClassCount; code++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var positions = input.Classes.Positions(code);
            if (!input.Targets.IsTargeted(code))
            {
                selected.AddRange(positions);
                continue;
            }

            var draws = rng.RandInt(0, positions.Length, NSeedsS);
            var drawn = new bool[positions.Length];
            var c = new List<int>(input.Classes.Positions(minority).ToArray());
            foreach (var draw in draws)
            {
                c.Add(positions[draw]);
                drawn[draw] = true;
            }

            var rest = new List<int>(positions.Length);
            for (var p = 0; p < positions.Length; p++)
            {
                if (!drawn[p])
                {
                    rest.Add(positions[p]);
                }
            }

            var predictions = store.Predict(c, rest.ToArray(), cancellationToken);
            selected.AddRange(c.Skip(c.Count - draws.Length));
            for (var r = 0; r < rest.Count; r++)
            {
                if (predictions[r] != code)
                {
                    selected.Add(rest[r]);
                }
            }
        }

        // Tomek links on the rows kept so far, in that order, targeting the same classes.
        var d = input.FeatureCount;
        var source = MatrixRows.Of(input.X);
        var rows = new double[selected.Count * d];
        var codes = new int[selected.Count];
        for (var i = 0; i < selected.Count; i++)
        {
            source.Slice(selected[i] * d, d).CopyTo(rows.AsSpan(i * d, d));
            codes[i] = input.Classes.Codes[selected[i]];
        }

        var targets = input.Targets;
        var kept = TomekRule.Kept(rows, selected.Count, d, codes, targets.IsTargeted, MaxDegreeOfParallelism, cancellationToken);
        var indices = kept.Select(k => selected[k]);
        return SamplerOutput.Select(input, (DistinctRows ? indices.Distinct() : indices).ToArray());
    }
}
