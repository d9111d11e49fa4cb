using System.Collections.ObjectModel;
using System.Globalization;

namespace Imbalance.Sampling;

/// <summary>
/// Which classes a sampler resamples and to what size: every form of imblearn's <c>sampling_strategy</c>
/// parameter, resolved with imblearn 0.10's <c>check_sampling_strategy</c> rules for the sampler's
/// <see cref="SamplingType"/>.
/// </summary>
/// <remarks>
/// <para>The string forms are the static properties (<see cref="Auto"/>, <see cref="Minority"/>,
/// <see cref="Majority"/>, <see cref="NotMinority"/>, <see cref="NotMajority"/>, <see cref="All"/>); a float is
/// <see cref="Ratio"/>; a dict is <see cref="Counts{TLabel}"/>; a list (cleaning samplers only) is
/// <see cref="Classes{TLabel}"/>; a callable is <see cref="Custom{TLabel}"/>.</para>
/// <para>Majority and minority are found as imblearn finds them: scanning classes in sorted label order, the first
/// strictly larger (smaller) count wins, so on count ties the smallest label is the majority (minority).</para>
/// <para>Label-keyed forms remember their label type and refuse <c>y</c> of another label type instead of silently
/// matching nothing. Instances are immutable and can be shared.</para>
/// <para>Differences from imblearn 0.10.0 (the parity tests in <c>tests/Imbalance.Tests/Parity</c> pin each one):
/// imblearn only warns when a dict asks an over-sampler for more samples than the majority has, this library has no
/// logging and simply honours the request; a NaN ratio is rejected by <see cref="Ratio"/> with the range message
/// (imblearn's <c>check_sampling_strategy</c> lets it through to an unrelated error); a negative count is rejected
/// by <see cref="Counts{TLabel}"/> when the strategy is created, so it is reported before a label missing from
/// <c>y</c>; <see cref="Minority"/> is accepted by over-samplers as <c>check_sampling_strategy</c> and imblearn
/// 0.10.1 accept it (0.10.0's over-sampler parameter validation rejects it by mistake). The negative-count message
/// has a space after its first sentence where imblearn's has none.</para>
/// </remarks>
public abstract class SamplingStrategy
{
    private protected SamplingStrategy()
    {
    }

    /// <summary>
    /// imblearn's <c>'auto'</c> (the default): <see cref="NotMajority"/> for over-sampling, <see cref="NotMinority"/>
    /// for under-sampling and cleaning.
    /// </summary>
    public static SamplingStrategy Auto { get; } = new Named(NamedKind.Auto);

    /// <summary>
    /// imblearn's <c>'minority'</c>: over-sample only the minority class up to the majority count. Not allowed for
    /// under-sampling and cleaning.
    /// </summary>
    public static SamplingStrategy Minority { get; } = new Named(NamedKind.Minority);

    /// <summary>
    /// imblearn's <c>'majority'</c>: under-sample (or clean) only the majority class, down to the minority count.
    /// Not allowed for over-sampling.
    /// </summary>
    public static SamplingStrategy Majority { get; } = new Named(NamedKind.Majority);

    /// <summary>imblearn's <c>'not minority'</c>: resample every class except the minority.</summary>
    public static SamplingStrategy NotMinority { get; } = new Named(NamedKind.NotMinority);

    /// <summary>imblearn's <c>'not majority'</c>: resample every class except the majority.</summary>
    public static SamplingStrategy NotMajority { get; } = new Named(NamedKind.NotMajority);

    /// <summary>
    /// imblearn's <c>'all'</c>: resample every class (over-sampling: up to the majority count, so the majority gets
    /// 0 new samples; under-sampling: down to the minority count).
    /// </summary>
    public static SamplingStrategy All { get; } = new Named(NamedKind.All);

    /// <summary>
    /// imblearn's float strategy, binary targets only. Over-sampling: the minority is grown to
    /// <c>int(n_majority * ratio)</c> samples. Under-sampling: the majority is reduced to
    /// <c>int(n_minority / ratio)</c> samples. Not allowed for cleaning.
    /// </summary>
    /// <param name="ratio">The desired minority/majority ratio after resampling, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ratio"/> is not in (0, 1] (NaN included).</exception>
    public static SamplingStrategy Ratio(double ratio)
    {
        if (!(ratio > 0.0 && ratio <= 1.0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(ratio),
                ratio,
                $"When 'SamplingStrategy' is a float, it should be in the range (0, 1]. Got {PythonFormat.Float(ratio)} instead.");
        }

        return new RatioStrategy(ratio);
    }

    /// <summary>
    /// imblearn's dict strategy: the desired number of samples of each listed class after resampling (over-sampling:
    /// at least the current count; under-sampling: at most the current count). Classes not listed are left alone.
    /// Not allowed for cleaning (use <see cref="Classes{TLabel}"/>).
    /// </summary>
    /// <param name="counts">Desired sample count per class label; copied.</param>
    /// <exception cref="ArgumentException">A count is negative.</exception>
    public static SamplingStrategy Counts<TLabel>(IReadOnlyDictionary<TLabel, int> counts)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(counts);
        var copy = counts.ToArray();
        if (copy.Any(kv => kv.Value < 0))
        {
            throw new ArgumentException(
                "The number of samples in a class cannot be negative. 'SamplingStrategy' contains some negative value: "
                + FormatCounts(copy),
                nameof(counts));
        }

        return new CountsStrategy<TLabel>(copy);
    }

    /// <summary>
    /// imblearn's list strategy for cleaning samplers: the classes that may be cleaned. Not allowed for over- and
    /// under-sampling.
    /// </summary>
    /// <param name="classes">The class labels to clean; copied.</param>
    public static SamplingStrategy Classes<TLabel>(IEnumerable<TLabel> classes)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(classes);
        return new ClassesStrategy<TLabel>(classes.Distinct().ToArray());
    }

    /// <summary>
    /// imblearn's callable strategy: a function of <c>y</c> returning the desired count per class, then resolved
    /// exactly like <see cref="Counts{TLabel}"/> (and therefore not allowed for cleaning).
    /// </summary>
    /// <param name="function">Receives the labels <c>y</c> passed to <c>FitResample</c> (do not modify them) and
    /// returns desired counts per class.</param>
    public static SamplingStrategy Custom<TLabel>(Func<IReadOnlyList<TLabel>, IReadOnlyDictionary<TLabel, int>> function)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(function);
        return new CustomStrategy<TLabel>(function);
    }

    /// <summary>
    /// Resolves this strategy for the labels <paramref name="y"/>: imblearn's
    /// <c>check_sampling_strategy(sampling_strategy, y, sampling_type)</c>.
    /// </summary>
    /// <returns>The targeted classes in sorted label order with their count: samples to add (over-sampling), samples
    /// to keep (under-sampling) or the minority count (cleaning).</returns>
    /// <exception cref="ArgumentException"><paramref name="y"/> has fewer than two classes, or the strategy cannot be
    /// applied to it (imblearn's errors).</exception>
    public IReadOnlyDictionary<TLabel, int> Resolve<TLabel>(IReadOnlyList<TLabel> y, SamplingType samplingType)
        where TLabel : notnull
    {
        var encoder = LabelEncoder<TLabel>.Fit(y);
        var index = new ClassIndex(encoder.Codes, encoder.ClassCount);
        var targets = Resolve(encoder, index, samplingType);
        return ToDictionary(encoder, targets);
    }

    /// <summary>Resolves the strategy over class codes; the single implementation of the rules.</summary>
    internal ClassTargets Resolve(LabelSet labels, ClassIndex index, SamplingType samplingType)
    {
        if (index.ClassCount <= 1)
        {
            throw InputGuard.Invalid("y", $"The target 'y' needs to have more than 1 class. Got {index.ClassCount} class instead");
        }

        return ResolveCore(labels, index, samplingType);
    }

    /// <summary>Builds the public, label-keyed view of resolved targets (sorted label order).</summary>
    internal static IReadOnlyDictionary<TLabel, int> ToDictionary<TLabel>(LabelEncoder<TLabel> encoder, ClassTargets targets)
        where TLabel : notnull
    {
        var map = new OrderedDictionary<TLabel, int>(targets.Targeted.Length);
        foreach (var code in targets.Targeted)
        {
            map.Add(encoder.Decode(code), targets[code]);
        }

        return new ReadOnlyDictionary<TLabel, int>(map);
    }

    private protected abstract ClassTargets ResolveCore(LabelSet labels, ClassIndex index, SamplingType samplingType);

    private const string StrategyParameter = "SamplingStrategy";

    private static int[] Untargeted(int classCount)
    {
        // A plain loop (no LINQ, no generic Fill): see ClassTargets.
        var result = new int[classCount];
        for (var c = 0; c < classCount; c++)
        {
            result[c] = -1;
        }

        return result;
    }

    private static string FormatCounts<TLabel>(IEnumerable<KeyValuePair<TLabel, int>> counts) =>
        "{" + string.Join(", ", counts.Select(kv => LabelSet.FormatLabel(kv.Key) + ": " + kv.Value.ToString(CultureInfo.InvariantCulture))) + "}";

    /// <summary>imblearn's <c>_sampling_strategy_dict</c>: the rules shared by the dict and callable forms.</summary>
    private static ClassTargets ResolveCounts<TLabel>(
        IReadOnlyCollection<KeyValuePair<TLabel, int>> counts, LabelSet labels, ClassIndex index, SamplingType samplingType)
        where TLabel : notnull
    {
        labels.RequireKeyType<TLabel>(StrategyParameter);
        var codes = MapLabels(counts.Select(kv => kv.Key), labels);
        if (counts.Any(kv => kv.Value < 0))
        {
            throw InputGuard.Invalid(
                StrategyParameter,
                "The number of samples in a class cannot be negative. 'SamplingStrategy' contains some negative value: "
                + FormatCounts(counts));
        }

        if (samplingType == SamplingType.CleanSampling)
        {
            throw InputGuard.Invalid(StrategyParameter, "'SamplingStrategy' as a dict for cleaning methods is not supported. Please give a list of the classes to be targeted by the sampling.");
        }

        var result = Untargeted(index.ClassCount);
        var i = 0;
        foreach (var (_, requested) in counts)
        {
            var code = codes[i++];
            var present = index.Counts[code];
            switch (samplingType)
            {
                case SamplingType.OverSampling:
                    if (requested < present)
                    {
                        throw InputGuard.Invalid(StrategyParameter, "With over-sampling methods, the number of samples in a class should be greater or equal to the original number of samples. "
                            + $"Originally, there is {present} samples and {requested} samples are asked.");
                    }

                    result[code] = requested - present;
                    break;
                case SamplingType.UnderSampling:
                    if (requested > present)
                    {
                        throw InputGuard.Invalid(StrategyParameter, "With under-sampling methods, the number of samples in a class should be less or equal to the original number of samples. "
                            + $"Originally, there is {present} samples and {requested} samples are asked.");
                    }

                    result[code] = requested;
                    break;
            }
        }

        return new ClassTargets(result);
    }

    private static int[] MapLabels<TLabel>(IEnumerable<TLabel> keys, LabelSet labels)
        where TLabel : notnull
    {
        var codes = new List<int>();
        var missing = new List<TLabel>();
        foreach (var key in keys)
        {
            if (labels.TryGetCode(key, out var code))
            {
                codes.Add(code);
            }
            else
            {
                missing.Add(key);
            }
        }

        if (missing.Count > 0)
        {
            throw InputGuard.Invalid(StrategyParameter, "The {" + string.Join(", ", missing.Select(m => LabelSet.FormatLabel(m))) + "} target class is/are not present in the data.");
        }

        return codes.ToArray();
    }

    private enum NamedKind
    {
        Auto,
        Minority,
        Majority,
        NotMinority,
        NotMajority,
        All,
    }

    /// <summary>The string forms: imblearn's <c>SAMPLING_TARGET_KIND</c> functions.</summary>
    private sealed class Named(NamedKind kind) : SamplingStrategy
    {
        public override string ToString() => kind switch
        {
            NamedKind.Auto => "auto",
            NamedKind.Minority => "minority",
            NamedKind.Majority => "majority",
            NamedKind.NotMinority => "not minority",
            NamedKind.NotMajority => "not majority",
            _ => "all",
        };

        private protected override ClassTargets ResolveCore(LabelSet labels, ClassIndex index, SamplingType samplingType)
        {
            var effective = kind == NamedKind.Auto
                ? samplingType == SamplingType.OverSampling ? NamedKind.NotMajority : NamedKind.NotMinority
                : kind;
            var over = samplingType == SamplingType.OverSampling;
            if (effective == NamedKind.Majority && over)
            {
                throw InputGuard.Invalid(StrategyParameter, "'SamplingStrategy'='majority' cannot be used with over-sampler.");
            }

            if (effective == NamedKind.Minority && !over)
            {
                throw InputGuard.Invalid(StrategyParameter, "'SamplingStrategy'='minority' cannot be used with under-sampler and clean-sampler.");
            }

            var counts = index.Counts;
            var majorityCount = counts[index.Majority];
            var minorityCount = counts[index.Minority];
            var result = Untargeted(index.ClassCount);
            for (var c = 0; c < result.Length; c++)
            {
                var targeted = effective switch
                {
                    NamedKind.Minority => c == index.Minority,
                    NamedKind.Majority => c == index.Majority,
                    NamedKind.NotMinority => c != index.Minority,
                    NamedKind.NotMajority => c != index.Majority,
                    _ => true,
                };
                if (targeted)
                {
                    result[c] = over ? majorityCount - counts[c] : minorityCount;
                }
            }

            return new ClassTargets(result);
        }
    }

    /// <summary>The float form: imblearn's <c>_sampling_strategy_float</c>.</summary>
    private sealed class RatioStrategy(double ratio) : SamplingStrategy
    {
        public override string ToString() => PythonFormat.Float(ratio);

        private protected override ClassTargets ResolveCore(LabelSet labels, ClassIndex index, SamplingType samplingType)
        {
            if (index.ClassCount != 2)
            {
                throw InputGuard.Invalid(StrategyParameter, "\"SamplingStrategy\" can be a float only when the type of target is binary. For multi-class, use a dict.");
            }

            var counts = index.Counts;
            var result = Untargeted(2);
            switch (samplingType)
            {
                case SamplingType.OverSampling:
                {
                    var c = 1 - index.Majority;
                    // int(n_majority * ratio - n_class): product and difference in double, then truncation.
                    result[c] = (int)((counts[index.Majority] * ratio) - counts[c]);
                    if (result[c] <= 0)
                    {
                        throw InputGuard.Invalid(StrategyParameter, "The specified ratio required to remove samples from the minority class while trying to generate new samples. Please increase the ratio.");
                    }

                    break;
                }

                case SamplingType.UnderSampling:
                {
                    var c = 1 - index.Minority;
                    result[c] = (int)(counts[index.Minority] / ratio);
                    if (result[c] > counts[c])
                    {
                        throw InputGuard.Invalid(StrategyParameter, "The specified ratio required to generate new sample in the majority class while trying to remove samples. Please increase the ratio.");
                    }

                    break;
                }

                default:
                    throw InputGuard.Invalid(StrategyParameter, "'clean-sampling' methods do let the user specify the sampling ratio.");
            }

            return new ClassTargets(result);
        }
    }

    /// <summary>The dict form.</summary>
    private sealed class CountsStrategy<TLabel>(KeyValuePair<TLabel, int>[] counts) : SamplingStrategy
        where TLabel : notnull
    {
        public override string ToString() => FormatCounts(counts);

        private protected override ClassTargets ResolveCore(LabelSet labels, ClassIndex index, SamplingType samplingType) =>
            ResolveCounts(counts, labels, index, samplingType);
    }

    /// <summary>The list form: imblearn's <c>_sampling_strategy_list</c>.</summary>
    private sealed class ClassesStrategy<TLabel>(TLabel[] classes) : SamplingStrategy
        where TLabel : notnull
    {
        public override string ToString() => "[" + string.Join(", ", classes.Select(c => LabelSet.FormatLabel(c))) + "]";

        private protected override ClassTargets ResolveCore(LabelSet labels, ClassIndex index, SamplingType samplingType)
        {
            if (samplingType != SamplingType.CleanSampling)
            {
                throw InputGuard.Invalid(StrategyParameter, "'SamplingStrategy' cannot be a list for samplers which are not cleaning methods.");
            }

            labels.RequireKeyType<TLabel>(StrategyParameter);
            var codes = MapLabels(classes, labels);
            var result = Untargeted(index.ClassCount);
            foreach (var code in codes)
            {
                result[code] = index.Counts[index.Minority];
            }

            return new ClassTargets(result);
        }
    }

    /// <summary>The callable form: the function's dict goes through the dict rules.</summary>
    private sealed class CustomStrategy<TLabel>(Func<IReadOnlyList<TLabel>, IReadOnlyDictionary<TLabel, int>> function) : SamplingStrategy
        where TLabel : notnull
    {
        public override string ToString() => "custom function";

        private protected override ClassTargets ResolveCore(LabelSet labels, ClassIndex index, SamplingType samplingType)
        {
            labels.RequireKeyType<TLabel>(StrategyParameter);
            var counts = function(labels.Labels<TLabel>())
                ?? throw InputGuard.Invalid(StrategyParameter, "The custom sampling strategy function returned null.");
            return ResolveCounts(counts.ToArray(), labels, index, samplingType);
        }
    }
}
