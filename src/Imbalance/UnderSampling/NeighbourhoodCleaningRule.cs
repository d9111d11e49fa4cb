using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.UnderSampling;

/// <summary>
/// Removes the samples of the targeted classes that edited nearest neighbours rejects, plus the targeted-class
/// neighbours of minority samples their neighbourhood misclassifies: imblearn 0.10.0's
/// <c>NeighbourhoodCleaningRule</c> (Laurikkala, "Improving identification of difficult small classes by balancing
/// class distribution", AIME 2001).
/// </summary>
/// <remarks>
/// <para>When to use it: when the goal is data cleaning rather than data reduction: it removes majority rows that
/// are noisy or that misclassify minority rows, keeping most of the majority class. Prefer RandomUnderSampler or
/// NearMiss when the majority class must actually shrink.</para>
/// <para>Step 1: <see cref="EditedNearestNeighbours"/> with <see cref="SelectionKind.Mode"/> and
/// <see cref="NNeighbors"/> on the targeted classes marks rows for removal. Step 2: each minority row (imblearn's
/// <c>min(Counter(y))</c>: on equal counts, the class seen first in <c>y</c>) gets its <see cref="NNeighbors"/> nearest
/// rows (<c>k + 1</c> queried, column 0 dropped); if they misclassify it (<see cref="SelectionKind.Mode"/>: their most
/// common class is not the minority; <see cref="SelectionKind.All"/>: not all of them are minority rows, but see the
/// parity note), those of its
/// neighbours that belong to a targeted class with more than <c>ThresholdCleaning * n_samples</c> rows are marked too.
/// Every marked row is removed.</para>
/// <para>Output: the kept rows in their original order; <see cref="ResampleResult{TLabel}.SampleIndices"/> is
/// imblearn's <c>sample_indices_</c>.</para>
/// <para>Parity: equal to imblearn 0.10.0 on data without exact distance ties, including a quirk of its
/// <see cref="SelectionKind.All"/> rule: imblearn 0.10.0 tests <c>np.all(neighbour_labels)</c>, the truthiness of the
/// label <em>values</em>, instead of whether they equal the minority label. It agrees with the documented rule only when
/// the minority label is non-zero and every other label is zero (e.g. minority 1, majority 0); with minority 0 and
/// majority 1, for instance, a minority row counts as misclassified as soon as one neighbour is a minority row. By
/// default (<see cref="ImblearnAllRule"/>) the quirk is reproduced; set it to <see langword="false"/> for the documented
/// rule. imblearn 0.12 rewrote the sampler; this is the 0.10.0 algorithm.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = new NeighbourhoodCleaningRule { NNeighbors = 3 }.FitResample(x, y);
/// </code>
/// </example>
public sealed class NeighbourhoodCleaningRule : Sampler, ICleaningSampler
{
    private readonly int _nNeighbors = 3;
    private readonly SelectionKind _kindSel = SelectionKind.All;
    private readonly double _thresholdCleaning = 0.5;
    private readonly int? _maxDegreeOfParallelism;

    /// <summary>The size of the neighbourhoods (imblearn's <c>n_neighbors</c>); default 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NNeighbors
    {
        get => _nNeighbors;
        init => _nNeighbors = ImblearnClasses.CheckNeighbours(value, nameof(NNeighbors));
    }

    /// <summary>How step 2 decides that a minority row is misclassified (imblearn's <c>kind_sel</c>); default
    /// <see cref="SelectionKind.All"/>. Step 1 always uses <see cref="SelectionKind.Mode"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined kind.</exception>
    public SelectionKind KindSel
    {
        get => _kindSel;
        init => _kindSel = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(KindSel), value, "KindSel must be 'all' or 'mode'.");
    }

    /// <summary>
    /// A targeted class loses rows in step 2 only if it has more than this fraction of all rows (imblearn's
    /// <c>threshold_cleaning</c>); default 0.5, strictly between 0 and 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1).</exception>
    public double ThresholdCleaning
    {
        get => _thresholdCleaning;
        init => _thresholdCleaning = value is > 0.0 and < 1.0
            ? value
            : throw new ArgumentOutOfRangeException(
                nameof(ThresholdCleaning),
                value,
                "The 'ThresholdCleaning' parameter of NeighbourhoodCleaningRule must be a float in the range (0, 1). Got " + PythonFormat.Float(value) + " instead.");
    }

    /// <summary>
    /// Whether <see cref="SelectionKind.All"/> reproduces imblearn 0.10.0's test (default <see langword="true"/>): a
    /// minority row counts as correctly classified when all its neighbours' labels are truthy as Python sees them
    /// (numbers and enum values other than zero, non-empty strings, <see langword="true"/>; characters and other
    /// label types are always truthy). <see langword="false"/> applies the documented rule: all its neighbours are minority rows. No effect with
    /// <see cref="SelectionKind.Mode"/>.
    /// </summary>
    public bool ImblearnAllRule { get; init; } = true;

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
        string.Create(CultureInfo.InvariantCulture, $"NeighbourhoodCleaningRule(SamplingStrategy={SamplingStrategy}, NNeighbors={NNeighbors}, KindSel={KindSel}, ThresholdCleaning={PythonFormat.Float(ThresholdCleaning)}, ImblearnAllRule={ImblearnAllRule})");

    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken)
    {
        var n = input.SampleCount;
        var k = NNeighbors;
        var neighbourhood = new ShrinkingNeighbourhood(input, k + 1L, MaxDegreeOfParallelism);
        var removed = new List<int>();
        neighbourhood.EditPass(k, SelectionKind.Mode, input.Targets, removed, cancellationToken);
        var marked = new bool[n];
        foreach (var row in removed)
        {
            marked[row] = true;
        }

        var classes = input.Classes;
        var cleanable = new bool[classes.ClassCount];
        for (var c = 0; c < classes.ClassCount; c++)
        {
            cleanable[c] = input.Targets.IsTargeted(c) && classes.Counts[c] > n * ThresholdCleaning;
        }

        // Nothing was removed from the neighbourhood: these are neighbours in the full data.
        var minority = ImblearnClasses.CounterMinority(classes);
        var minorityRows = new List<int>(classes.Positions(minority).ToArray());
        var neighbours = neighbourhood.Neighbours(minorityRows, k + 1, minorityRows.Count, cancellationToken);
        var scratch = new int[classes.ClassCount];
        var labels = new int[k];
        var truthy = new bool[classes.ClassCount];
        for (var c = 0; c < truthy.Length; c++)
        {
            truthy[c] = !ImblearnAllRule ? c == minority : IsTruthy(input.Labels, c);
        }

        for (var q = 0; q < minorityRows.Count; q++)
        {
            var row = neighbours.AsSpan((q * (k + 1)) + 1, k);
            for (var j = 0; j < k; j++)
            {
                labels[j] = classes.Codes[row[j]];
            }

            var correct = KindSel == SelectionKind.Mode
                ? ImblearnClasses.Mode(labels, scratch) == minority
                : Array.TrueForAll(labels, c => truthy[c]);
            if (correct)
            {
                continue;
            }

            foreach (var j in row)
            {
                if (cleanable[classes.Codes[j]])
                {
                    marked[j] = true;
                }
            }
        }

        var kept = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            if (!marked[i])
            {
                kept.Add(i);
            }
        }

        return SamplerOutput.Select(input, kept.ToArray());
    }

    /// <summary>Python's <c>bool(label)</c> for a .NET label, read from its Python-style rendering.</summary>
    private static bool IsTruthy(LabelSet labels, int code)
    {
        var type = labels.LabelType;
        var text = labels.Format(code);
        if (type == typeof(string))
        {
            return text.Length > 2;
        }

        if (type == typeof(bool))
        {
            return text == "True";
        }

        if (type == typeof(char))
        {
            return true; // a one-character str
        }

        if (type.IsEnum)
        {
            return Convert.ToInt64(Enum.Parse(type, text), CultureInfo.InvariantCulture) != 0;
        }

        return !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value != 0.0;
    }
}
