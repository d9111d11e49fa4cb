using System.Globalization;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.OverSampling;

/// <summary>
/// SMOTE for data whose features are all categorical: imblearn's <c>SMOTEN</c> (Chawla et al., "SMOTE: synthetic
/// minority over-sampling technique", JAIR 16, 2002, section 6.2).
/// </summary>
/// <remarks>
/// <para>When to use it: data whose features are all categorical (imblearn's SMOTEN): neighbours are found with the
/// value difference metric and new rows take the most frequent category among them. Prefer SmoteNc for mixed data,
/// and RandomOverSampler when there are too few minority rows to define meaningful neighbourhoods.</para>
/// <para>Every feature holds category values (any doubles; categories are ordered numerically, as imblearn's
/// <c>OrdinalEncoder</c> orders them). A <see cref="ValueDifferenceMetric"/> is fitted on all rows; for each
/// targeted class in sorted label order, the class rows' <see cref="KNeighbors"/> + 1 nearest rows under that
/// metric (the row itself included, as in the original algorithm) are found, <c>choice(rows, n_new)</c> picks a row
/// for each new sample, and each feature of the new sample is the most frequent category among that row's
/// neighbours (ties to the smallest category).</para>
/// <para>Output: the original rows in order, then the new rows of each class. In
/// <see cref="ResampleResult{TLabel}.Provenance"/> the base of a new row is the drawn row; there is no single
/// neighbour or step (-1 and NaN).</para>
/// <para>Parity: imblearn 0.10.0 bit for bit for the same integer seed, including its order among equidistant
/// neighbours (NumPy's <c>argpartition</c> and <c>argsort</c> are reproduced for <c>KNeighbors &lt; 16</c>).</para>
/// </remarks>
/// <example>
/// <code>
/// double[,] colours = { { 0, 1 }, { 0, 2 }, { 1, 1 }, { 2, 0 }, { 2, 2 }, { 1, 0 }, { 2, 1 }, { 2, 0 } };   // category codes
/// int[] labels = [1, 1, 1, 0, 0, 0, 0, 0];
/// var (xRes, yRes) = new SmoteN { KNeighbors = 2, RandomState = 0 }.FitResample(colours, labels);
/// </code>
/// </example>
public sealed class SmoteN : Sampler, IOverSampler
{
    private readonly int? _randomState;
    private readonly int _kNeighbors = 5;

    /// <inheritdoc cref="Smote.RandomState" />
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>
    /// The number of nearest neighbours (besides the row itself) whose categories are voted (imblearn's
    /// <c>k_neighbors</c>); default 5.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int KNeighbors
    {
        get => _kNeighbors;
        init => _kNeighbors = value >= 1 ? value : throw SmoteCore.InvalidNeighbors(nameof(KNeighbors), "SMOTEN", value);
    }

    /// <inheritdoc />
    public override SamplingType SamplingType => SamplingType.OverSampling;

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"SmoteN(SamplingStrategy={SamplingStrategy}, RandomState={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "null"}, KNeighbors={KNeighbors})");

    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken)
    {
        var n = input.SampleCount;
        var d = input.FeatureCount;
        var kPlusOne = (int)Math.Min(KNeighbors + 1L, int.MaxValue);
        foreach (var code in input.Targets.Targeted)
        {
            if (input.Targets[code] > 0)
            {
                SmoteCore.CheckNeighbors(KNeighbors + 1L, input.Classes.Counts[code], nameof(KNeighbors), KNeighbors);
            }
        }

        // OrdinalEncoder: each feature's sorted distinct values, coded 0..m-1.
        var x = RowMatrix.Of(input.X);
        var categories = new double[d][];
        for (var f = 0; f < d; f++)
        {
            categories[f] = Enumerable.Range(0, n).Select(i => x.Row(i)[f]).Distinct().Order().ToArray();
        }

        var codes = new int[n * d];
        for (var i = 0; i < n; i++)
        {
            var row = x.Row(i);
            for (var f = 0; f < d; f++)
            {
                codes[(i * d) + f] = Array.BinarySearch(categories[f], row[f]);
            }
        }

        var vdm = new ValueDifferenceMetric { NCategories = categories.Select(c => c.Length).ToArray() }
            .FitCodes(codes, n, d, input.Classes.Codes, input.Classes.ClassCount);
        var seeds = new SeedSource(RandomState);
        var rows = SmoteCore.Generate(input, d, (code, count, output) =>
        {
            var positions = input.Classes.Positions(code);
            var m = positions.Length;
            var classCodes = new int[m * d];
            for (var i = 0; i < m; i++)
            {
                codes.AsSpan(positions[i] * d, d).CopyTo(classCodes.AsSpan(i * d, d));
            }

            var neighbors = PrecomputedNeighbors.KNeighbors(vdm.Pairwise(classCodes, m, classCodes, m), m, kPlusOne);
            var picks = seeds.CheckRandomState().RandInt(0, m, count);
            var votes = new int[categories.Max(c => c.Length)];
            foreach (var pick in picks)
            {
                var row = output.Add(code, positions[pick], -1, double.NaN);
                for (var f = 0; f < d; f++)
                {
                    Array.Clear(votes);
                    foreach (var neighbor in neighbors.AsSpan(pick * kPlusOne, kPlusOne))
                    {
                        votes[classCodes[(neighbor * d) + f]]++;
                    }

                    // scipy.stats.mode: the most frequent code, ties to the smallest.
                    var best = 0;
                    for (var v = 1; v < categories[f].Length; v++)
                    {
                        if (votes[v] > votes[best])
                        {
                            best = v;
                        }
                    }

                    row[f] = categories[f][best];
                }
            }
        }, cancellationToken);
        return rows.ToOutput(input);
    }
}
