using System.Globalization;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.OverSampling;

/// <summary>
/// Over-samples the targeted classes with synthetic rows interpolated between a row and one of its nearest
/// neighbours of the same class: imblearn's <c>SMOTE</c> (Chawla, Bowyer, Hall and Kegelmeyer, "SMOTE: synthetic
/// minority over-sampling technique", JAIR 16, 2002).
/// </summary>
/// <remarks>
/// <para>When to use it: numeric (continuous) features and a learner whose decision depends on where the minority
/// rows lie (k-NN, linear models, kernels), when random duplication over-fits. Prefer SmoteNc or SmoteN when some
/// or all features are categorical, and class weights or threshold tuning in high dimension, on very noisy data, or
/// when calibrated probabilities matter (synthetic rows shift the class priors).</para>
/// <para>For each targeted class in sorted label order: its <see cref="KNeighbors"/> nearest neighbours within the
/// class (imblearn queries <c>k + 1</c> neighbours and drops the first column, normally the row itself); then
/// <c>randint(0, rows * k, n_new)</c> picks a row and one of its neighbours for each new row and
/// <c>uniform(size=n_new)</c> the step <c>u</c>; the new row is <c>x + u * (neighbour - x)</c>.</para>
/// <para>Output: the original rows in order, then the new rows of each class. <see cref="ResampleResult{TLabel}.Provenance"/>
/// gives the base row, neighbour row and step of every new row; <see cref="ResampleResult{TLabel}.SampleIndices"/>
/// is null.</para>
/// <para>Parity: for the same integer seed the output equals imblearn 0.10.0's bit for bit (an integer
/// <c>random_state</c> restarts the stream for every class, as imblearn's per-class <c>check_random_state</c> does),
/// on data without exactly equidistant neighbours (scikit-learn's order among exact ties is not reproduced).</para>
/// </remarks>
/// <example>
/// <code>
/// var smote = new Smote { KNeighbors = 5, RandomState = 42 };    // imblearn: SMOTE(k_neighbors=5, random_state=42)
/// var (xRes, yRes) = smote.FitResample(x, y);                    // the input rows, then the synthetic ones
/// </code>
/// </example>
public sealed class Smote : Sampler, IOverSampler
{
    private readonly int? _randomState;
    private readonly int _kNeighbors = 5;

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

    /// <summary>
    /// The number of nearest neighbours within the class used to synthesise rows (imblearn's <c>k_neighbors</c>);
    /// default 5. Each over-sampled class needs more than <c>KNeighbors</c> rows.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int KNeighbors
    {
        get => _kNeighbors;
        init => _kNeighbors = value >= 1 ? value : throw SmoteCore.InvalidNeighbors(nameof(KNeighbors), "SMOTE", value);
    }

    /// <inheritdoc />
    public override SamplingType SamplingType => SamplingType.OverSampling;

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Smote(SamplingStrategy={SamplingStrategy}, RandomState={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "null"}, KNeighbors={KNeighbors})");

    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken)
    {
        var k = KNeighbors;
        foreach (var code in input.Targets.Targeted)
        {
            if (input.Targets[code] > 0)
            {
                SmoteCore.CheckNeighbors(k + 1L, input.Classes.Counts[code], nameof(KNeighbors), k);
            }
        }

        var data = RowMatrix.Of(input.X);
        var seeds = new SeedSource(RandomState);
        var rows = SmoteCore.Generate(input, data.Columns, (code, count, output) =>
        {
            var positions = input.Classes.Positions(code);
            var classRows = data.Gather(positions);
            var index = SmoteCore.Fit(classRows, positions.Length, data.Columns, k + 1);
            var nns = SmoteCore.KNeighborsDropFirst(index, classRows, positions.Length, cancellationToken);
            SmoteCore.MakeSamples(data, positions, positions, nns, k, count, 1.0, seeds.CheckRandomState(), code, output);
        }, cancellationToken);
        return rows.ToOutput(input);
    }
}
