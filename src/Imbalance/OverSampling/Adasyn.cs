using System.Globalization;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.OverSampling;

/// <summary>
/// Adaptive synthetic over-sampling: more synthetic rows around the rows of a class that are harder to learn:
/// imblearn's <c>ADASYN</c> (He, Bai, Garcia and Li, "ADASYN: adaptive synthetic sampling approach for imbalanced
/// learning", IJCNN 2008).
/// </summary>
/// <remarks>
/// <para>When to use it: numeric features when the minority class is hard to learn in some regions only: ADASYN
/// generates more rows near minority rows surrounded by the majority class. Because it focuses on hard rows it also
/// amplifies noise and outliers; prefer Smote or BorderlineSmote on noisy data, and SmoteNc with categorical
/// features.</para>
/// <para>For each targeted class in sorted label order: each class row's weight is the share of its
/// <see cref="NNeighbors"/> nearest neighbours (among all rows) that belong to another class, normalised to sum
/// to 1; row <c>i</c> then gets <c>rint(weight_i * n_new)</c> new rows (round half to even, so the class total can
/// differ from the target, as in imblearn). Each new row interpolates its row towards one of its
/// <see cref="NNeighbors"/> nearest neighbours within the class: <c>choice(n_neighbors, total)</c> picks the
/// neighbours and <c>uniform(size=(total, 1))</c> the steps, from one generator for the whole call.</para>
/// <para>Output: the original rows in order, then the new rows of each class.
/// <see cref="ResampleResult{TLabel}.Provenance"/> gives each new row's base, neighbour and step.</para>
/// <para>Parity: imblearn 0.10.0 bit for bit for the same integer seed on data without exactly equidistant
/// neighbours.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = new Adasyn { NNeighbors = 5, RandomState = 42 }.FitResample(x, y);   // more rows where the minority is harder
/// </code>
/// </example>
public sealed class Adasyn : Sampler, IOverSampler
{
    private readonly int? _randomState;
    private readonly int _nNeighbors = 5;

    /// <inheritdoc cref="Smote.RandomState" />
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>
    /// The number of nearest neighbours used both to weight rows (among all rows) and to synthesise (within the
    /// class); imblearn's <c>n_neighbors</c>, default 5.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NNeighbors
    {
        get => _nNeighbors;
        init => _nNeighbors = value >= 1 ? value : throw SmoteCore.InvalidNeighbors(nameof(NNeighbors), "ADASYN", value);
    }

    /// <inheritdoc />
    public override SamplingType SamplingType => SamplingType.OverSampling;

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Adasyn(SamplingStrategy={SamplingStrategy}, RandomState={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "null"}, NNeighbors={NNeighbors})");

    /// <exception cref="ArgumentException">No neighbour of a class's rows belongs to another class (imblearn's
    /// RuntimeError), or rounding leaves nothing to generate.</exception>
    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken)
    {
        var k = NNeighbors;
        var data = RowMatrix.Of(input.X);
        var rng = new SeedSource(RandomState).CheckRandomState();
        var codes = input.Classes.Codes;
        Neighbors.NeighborsIndex? all = null;
        var rows = SmoteCore.Generate(input, data.Columns, (code, count, output) =>
        {
            SmoteCore.CheckNeighbors(k + 1L, input.SampleCount, nameof(NNeighbors), k);
            all ??= SmoteCore.Fit(MatrixRows.Of(input.X).ToArray(), input.SampleCount, data.Columns, k + 1);
            var positions = input.Classes.Positions(code);
            var classRows = data.Gather(positions);
            var otherClass = DangerNoise.CountOtherClass(all, codes, classRows, positions.Length, code, cancellationToken);
            var ratio = new double[positions.Length];
            for (var i = 0; i < ratio.Length; i++)
            {
                ratio[i] = otherClass[i] / (double)k;
            }

            var sum = NumPyReductions.PairwiseSum(ratio);
            if (sum == 0)
            {
                throw InputGuard.Invalid(
                    "x",
                    "Not any neigbours belong to the majority class. This case will induce a NaN case with a division by zero. ADASYN is not suited for this specific dataset. Use SMOTE instead.");
            }

            var perRow = new int[ratio.Length];
            var total = 0;
            for (var i = 0; i < ratio.Length; i++)
            {
                perRow[i] = (int)Math.Round(ratio[i] / sum * count, MidpointRounding.ToEven);
                total += perRow[i];
            }

            if (total == 0)
            {
                throw InputGuard.Invalid(nameof(SamplingStrategy), "No samples will be generated with the provided ratio settings.");
            }

            SmoteCore.CheckNeighbors(k + 1L, positions.Length, nameof(NNeighbors), k);

            // Rounding makes the class add total rows rather than count: say so before the first row, so the output
            // matrix is allocated once at its final size.
            output.Replan(total - count);
            var index = SmoteCore.Fit(classRows, positions.Length, data.Columns, k + 1);
            var nns = SmoteCore.KNeighborsDropFirst(index, classRows, positions.Length, cancellationToken);
            var columns = rng.RandInt(0, k, total);
            var steps = rng.Uniform(0.0, 1.0, total);
            var r = 0;
            for (var i = 0; i < perRow.Length; i++)
            {
                for (var t = 0; t < perRow[i]; t++, r++)
                {
                    SmoteCore.Add(data, code, positions[i], positions[nns[(i * k) + columns[r]]], steps[r], output);
                }
            }
        }, cancellationToken);
        return rows.ToOutput(input);
    }
}
