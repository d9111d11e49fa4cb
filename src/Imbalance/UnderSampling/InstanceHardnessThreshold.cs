using System.Globalization;
using Imbalance.Diagnostics;
using Imbalance.Learning;
using Imbalance.ModelSelection;
using Imbalance.Sampling;

namespace Imbalance.UnderSampling;

/// <summary>
/// Under-samples by removing the rows a classifier finds hardest: imblearn's <c>InstanceHardnessThreshold(estimator=None,
/// sampling_strategy="auto", random_state=None, cv=5, n_jobs=None)</c> (Smith, Martinez and Giraud-Carrier, "An
/// instance level analysis of data complexity", 2014).
/// </summary>
/// <remarks>
/// <para>When to use it: when the majority rows that are hard to classify (low cross-validated probability of their
/// own class) are likely noise: they are removed until the chosen balance is reached. It needs a classifier and
/// cross-validation, so it costs more than the neighbour-based methods; prefer EditedNearestNeighbours for plain
/// cleaning.</para>
/// <para>Out-of-fold probabilities come from <see cref="CrossValidation"/>.<c>CrossValPredictProba</c> over
/// <c>StratifiedKFold(Cv, shuffle=True)</c>; the default estimator is <c>RandomForestClassifier(n_estimators=100)</c>
/// with the same seed. For each targeted class, the rows whose probability of their own class is at least the
/// <c>(1 - n_keep / n_class) * 100</c>-th percentile (NumPy's linear interpolation) are kept, so a class can keep
/// slightly more rows than asked when probabilities tie. Output rows are grouped by class in sorted label order;
/// <see cref="ResampleResult{TLabel}.SampleIndices"/> is imblearn's <c>sample_indices_</c>.</para>
/// <para>imblearn reads each row's probability from the column whose <em>index</em> is its label, so it only works
/// when labels are <c>0..K-1</c>; here the column is the label's class, for any label type.</para>
/// <para>Parity: with the default estimator and an integer seed the rows kept equal imblearn 0.10.0's. imblearn
/// re-seeds a user-supplied estimator's <c>random_state</c> parameters from the sampler's generator before drawing the
/// folds; here a supplied <see cref="Estimator"/> is used as configured and the folds are drawn as imblearn draws them
/// for an estimator without a <c>random_state</c> parameter.</para>
/// </remarks>
/// <example>
/// <code>
/// var sampler = new InstanceHardnessThreshold { Estimator = new LogisticRegression(), Cv = 5, RandomState = 42 };
/// var result = sampler.FitResample(x, y);   // drops the majority rows the classifier finds hardest
/// </code>
/// </example>
public sealed class InstanceHardnessThreshold : Sampler, IUnderSampler
{
    private readonly int? _randomState;
    private readonly int _cv = 5;
    private readonly int? _maxDegreeOfParallelism;

    /// <summary>The classifier whose out-of-fold probabilities measure hardness (imblearn's <c>estimator</c>);
    /// <see langword="null"/> (default) for a 100-tree <see cref="RandomForestClassifier"/> seeded with
    /// <see cref="RandomState"/>.</summary>
    public IClassifier? Estimator { get; init; }

    /// <summary>The seed of the fold shuffle and of the default forest (imblearn's <c>random_state</c>);
    /// <see langword="null"/> for an unpredictable one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The seed is negative.</exception>
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>Number of stratified folds for the out-of-fold probabilities (imblearn's <c>cv</c>); default 5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 2.</exception>
    public int Cv
    {
        get => _cv;
        init => _cv = value >= 2
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Cv), value, string.Create(CultureInfo.InvariantCulture, $"cv must be at least 2; got {value}."));
    }

    /// <summary>Most threads for the folds and the default forest (imblearn's <c>n_jobs</c>); <see langword="null"/>
    /// for every core. Results do not depend on it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = InputGuard.CheckParallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <inheritdoc />
    public override SamplingType SamplingType => SamplingType.UnderSampling;

    /// <summary>Forwards the cross-validation's fold reports under this sampler's name.</summary>
    private static Progress? Relabel(IProgress<ProgressReport>? progress) => progress is null ? null : new Progress(progress);

    /// <inheritdoc />
    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken)
    {
        var classes = input.Classes;
        var estimator = Estimator ?? new RandomForestClassifier { NEstimators = 100, RandomState = RandomState, MaxDegreeOfParallelism = MaxDegreeOfParallelism };
        var folds = new StratifiedKFold { NSplits = Cv, Shuffle = true, RandomState = RandomState }.Split(classes.Codes);
        var proba = CrossValidation.CrossValPredictProba(estimator, input.X, classes.Codes, folds, Relabel(input.Progress), cancellationToken);

        var kept = new List<int>(input.SampleCount);
        for (var c = 0; c < classes.ClassCount; c++)
        {
            var rows = classes.Positions(c);
            if (!input.Targets.IsTargeted(c))
            {
                foreach (var r in rows)
                {
                    kept.Add(r);
                }

                continue;
            }

            var own = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                own[i] = proba[rows[i], c];
            }

            var threshold = Percentile(own, (1.0 - (input.Targets[c] / (double)rows.Length)) * 100.0);
            for (var i = 0; i < rows.Length; i++)
            {
                if (own[i] >= threshold)
                {
                    kept.Add(rows[i]);
                }
            }
        }

        return SamplerOutput.Select(input, [.. kept]);
    }

    /// <summary>NumPy's <c>percentile(values, q)</c> with the default linear method, to the bit.</summary>
    internal static double Percentile(double[] values, double q)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var n = sorted.Length;
        var quantile = q / 100.0;
        var virtualIndex = (n - 1) * quantile;
        double previous;
        double next;
        var floor = Math.Floor(virtualIndex);
        if (virtualIndex >= n - 1)
        {
            previous = next = sorted[n - 1];
        }
        else if (virtualIndex < 0)
        {
            previous = next = sorted[0];
        }
        else
        {
            previous = sorted[(int)floor];
            next = sorted[(int)floor + 1];
        }

        var gamma = virtualIndex - floor;
        var diff = next - previous;
        return gamma >= 0.5 ? next - (diff * (1 - gamma)) : previous + (diff * gamma);
    }

    private sealed class Progress(IProgress<ProgressReport> inner) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value) => inner.Report(value with { Source = nameof(InstanceHardnessThreshold) });
    }
}
