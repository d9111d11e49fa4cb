using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.OverSampling;

/// <summary>
/// Over-samples the targeted classes by picking rows at random with replacement (a bootstrap), optionally smoothed
/// with Gaussian noise: imblearn's <c>RandomOverSampler</c>.
/// </summary>
/// <remarks>
/// <para>When to use it: the simplest over-sampling baseline, for any feature types (numeric, categorical, mixed),
/// and the first thing to compare against; with tree ensembles it is often as good as SMOTE. Duplicated rows can
/// make a flexible learner over-fit the minority class: set Shrinkage for a smoothed bootstrap, or prefer Smote,
/// class weights or a balanced ensemble.</para>
/// <para>For each targeted class in sorted label order, <c>n_new</c> rows of the class are drawn with
/// <c>choice(class_rows, n_new, replace=True)</c> from one generator seeded by <see cref="RandomState"/>. With
/// <see cref="Shrinkage"/> set, each drawn row <c>x</c> becomes <c>z * s + x</c> with <c>z</c> standard normal
/// (<c>randn(n_new, n_features)</c>) and <c>s_j = shrinkage * c * std_j</c>, where <c>std</c> is the class's
/// per-feature population standard deviation and <c>c = (4 / ((n_features + 2) * n_samples)) ^ (1 / (n_features + 4))</c>
/// (the smoothed bootstrap of Menardi and Torelli, "Training and assessing classification rules with imbalanced
/// data", 2014).</para>
/// <para>Output: the original rows in order, then the new rows of each class. <see cref="ResampleResult{TLabel}.SampleIndices"/>
/// gives, for every output row, the input row it copies (or was perturbed from).</para>
/// <para>Parity: for the same integer seed the output equals imblearn 0.10.0's bit for bit, including the smoothed
/// bootstrap. Unlike imblearn, NaN and infinite values are rejected rather than copied.</para>
/// </remarks>
/// <example>
/// <code>
/// var (xRes, yRes) = new RandomOverSampler { RandomState = 42 }.FitResample(x, y);   // copies of random minority rows
/// var smoothed = new RandomOverSampler { Shrinkage = 0.5, RandomState = 42 }.FitResample(x, y);  // jittered copies
/// </code>
/// </example>
public sealed class RandomOverSampler : Sampler, IOverSampler
{
    private readonly int? _randomState;

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
    /// The smoothed bootstrap's shrinkage factor (imblearn's <c>shrinkage</c>); <see langword="null"/> (the default)
    /// copies rows exactly.
    /// </summary>
    public Shrinkage? Shrinkage { get; init; }

    /// <inheritdoc />
    public override SamplingType SamplingType => SamplingType.OverSampling;

    /// <inheritdoc />
    public override string ToString() =>
        $"RandomOverSampler(SamplingStrategy={SamplingStrategy}, RandomState={RandomState?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}, Shrinkage={Shrinkage?.ToString() ?? "null"})";

    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken)
    {
        var factors = Shrinkage?.Resolve(input.Labels, input.Targets);
        var rng = new SeedSource(RandomState).CheckRandomState();

        var n = input.SampleCount;
        var d = input.FeatureCount;
        var x = MatrixRows.Of(input.X);
        var total = 0;
        foreach (var code in input.Targets.Targeted)
        {
            total += input.Targets[code];
        }

        // The new rows go straight into the output matrix, after the input rows: no separate buffer, one copy each.
        var output = SamplerOutput.AppendTarget(input, total);
        var rows = MatrixRows.Of(output)[(n * d)..];
        var codes = new int[total];
        var sources = new int[total];
        // imblearn: (4 / ((n_features + 2) * n_samples)) ** (1 / (n_features + 4)), over ALL samples.
        var smoothing = Math.Pow(4.0 / ((d + 2L) * n), 1.0 / (d + 4));
        var offset = 0;
        foreach (var code in input.Targets.Targeted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = input.Targets[code];
            var positions = input.Classes.Positions(code);
            var picks = rng.RandInt(0, positions.Length, count);
            for (var i = 0; i < count; i++)
            {
                var source = positions[picks[i]];
                sources[offset + i] = source;
                codes[offset + i] = code;
                x.Slice(source * d, d).CopyTo(rows.Slice((offset + i) * d, d));
            }

            if (factors is not null)
            {
                var std = NumPyReductions.ColumnStd(x, d, positions);
                RescaleOverflowedStd(x, d, positions, std);
                var scale = factors[code] * smoothing;
                for (var j = 0; j < d; j++)
                {
                    std[j] = scale * std[j];
                }

                var noise = rng.Randn(count, d);
                for (var i = 0; i < count; i++)
                {
                    var row = rows.Slice((offset + i) * d, d);
                    for (var j = 0; j < d; j++)
                    {
                        // X_new.dot(diag(s)) + X[boot]: one product and one sum, never fused.
                        row[j] = (noise[i, j] * std[j]) + row[j];
                        if (!double.IsFinite(row[j]))
                        {
                            throw InputGuard.Invalid(
                                "x",
                                string.Create(
                                    System.Globalization.CultureInfo.InvariantCulture,
                                    $"The smoothed bootstrap of class {input.Labels.Format(code)} leaves the range of double in feature {j} (values of magnitude near double.MaxValue); use a smaller Shrinkage or rescale x."));
                        }
                    }
                }
            }

            offset += count;
        }

        return SamplerOutput.Appended(input, output, codes, sources);
    }

    /// <summary>
    /// Recomputes, on the column times a power of two, a standard deviation whose squares overflowed (values beyond
    /// about 1e154): the scaling is exact, so the result is the exact-exponent standard deviation.
    /// </summary>
    private static void RescaleOverflowedStd(ReadOnlySpan<double> x, int d, ReadOnlySpan<int> positions, double[] std)
    {
        for (var j = 0; j < d; j++)
        {
            if (double.IsFinite(std[j]))
            {
                continue;
            }

            var column = new double[positions.Length];
            var max = 0.0;
            for (var r = 0; r < positions.Length; r++)
            {
                column[r] = x[(positions[r] * d) + j];
                max = Math.Max(max, Math.Abs(column[r]));
            }

            var shift = 400 - Math.ILogB(max);
            for (var r = 0; r < column.Length; r++)
            {
                column[r] = Math.ScaleB(column[r], shift);
            }

            var indices = Enumerable.Range(0, column.Length).ToArray();
            std[j] = Math.ScaleB(NumPyReductions.ColumnStd(column, 1, indices)[0], -shift);
        }
    }
}
