using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.UnderSampling;

/// <summary>
/// Removes the samples of the targeted classes that form Tomek links: imblearn's <c>TomekLinks</c> (Tomek, "Two
/// modifications of CNN", IEEE Transactions on Systems, Man, and Cybernetics, 1976). Two samples of different classes
/// form a link when each is the other's nearest neighbour.
/// </summary>
/// <remarks>
/// <para>When to use it: to clean the class border, not to balance: removing the majority row of each Tomek link
/// (pairs of mutual nearest neighbours from different classes) removes overlap and noise. It removes few rows;
/// combine it with an over-sampler (SmoteTomek) or another sampler when balance is needed.</para>
/// <para>Each row's nearest neighbour is column 1 of a 2-NN query of all rows against all rows (column 0 is normally
/// the row itself). Only the linked rows of targeted classes are removed (<see cref="SamplingStrategy.Auto"/>: every
/// class but the minority).</para>
/// <para>Output: the kept rows in their original order (not grouped by class);
/// <see cref="ResampleResult{TLabel}.SampleIndices"/> is imblearn's <c>sample_indices_</c>.</para>
/// <para>Parity: equal to imblearn 0.10.0 on data without exact distance ties.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = new TomekLinks().FitResample(x, y);   // removes the majority row of each Tomek link
/// </code>
/// </example>
public sealed class TomekLinks : Sampler, ICleaningSampler
{
    private readonly int? _maxDegreeOfParallelism;

    /// <summary>
    /// The most threads the neighbour query uses (imblearn's <c>n_jobs</c>); <see langword="null"/> (default) for every
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
        string.Create(CultureInfo.InvariantCulture, $"TomekLinks(SamplingStrategy={SamplingStrategy})");

    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken)
    {
        // At least two rows: the base requires two classes.
        var rows = MatrixRows.Of(input.X).ToArray();
        var targets = input.Targets;
        var kept = TomekRule.Kept(rows, input.SampleCount, input.FeatureCount, input.Classes.Codes, targets.IsTargeted, MaxDegreeOfParallelism, cancellationToken);
        return SamplerOutput.Select(input, kept);
    }
}
