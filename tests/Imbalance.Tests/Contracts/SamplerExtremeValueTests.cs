using Imbalance.Sampling;

namespace Imbalance.Tests.Contracts;

/// <summary>
/// The bad-input catalogue's extreme but valid values, for every sampler: finite values of huge magnitude (whose
/// squared or summed distances overflow), subnormals and negative zero, and requests too large to allocate. Each
/// either works (the full contract holds: counts, layout, finite output) or fails with a named
/// <see cref="ArgumentException"/>, never with an <see cref="AggregateException"/>, an index outside the data or an
/// out-of-memory error.
/// </summary>
public class SamplerExtremeValueTests
{
    public static TheoryData<string, string> CasesWithExtremeData
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var c in SamplerRegistry.Cases)
            {
                foreach (var pattern in Patterns.Keys)
                {
                    data.Add(c.Name, pattern);
                }
            }

            return data;
        }
    }

    public static TheoryData<string> Cases => SamplerRegistry.CaseNames;

    /// <summary>Transformations of the contract data, by name.</summary>
    private static Dictionary<string, Func<double, int, int, double>> Patterns { get; } = new(StringComparer.Ordinal)
    {
        ["times 1e154"] = (v, _, _) => v * 1e154,
        ["column 1 in units of 1e200"] = (v, _, j) => j == 1 ? v * 1e200 : v,
        ["times 1e300"] = (v, _, _) => v * 1e300,
        ["signs of +-1.5e308"] = (v, i, j) => ((i + j) % 3 == 0 ? -1.5e308 : 1.5e308) * (1 + (Math.Abs(v) * 1e-3)),
        ["max value and min value columns"] = (v, i, j) => j == 0 ? (i % 2 == 0 ? double.MaxValue : double.MinValue) : v,
        ["times 1e-310 (subnormal)"] = (v, _, _) => v * 1e-310,
        ["negative zero and epsilon"] = (v, i, j) => j == 2 ? (i % 2 == 0 ? -0.0 : 0.0) : v * double.Epsilon * 1e6,
    };

    [Theory]
    [MemberData(nameof(CasesWithExtremeData))]
    public void Extreme_finite_values_work_or_are_rejected_by_name(string name, string pattern)
    {
        var c = SamplerRegistry.Get(name);
        var (x, y) = ContractData.Multiclass();
        var transform = Patterns[pattern];
        for (var i = 0; i < x.GetLength(0); i++)
        {
            for (var j = 0; j < x.GetLength(1); j++)
            {
                x[i, j] = transform(x[i, j], i, j);
            }
        }

        ResampleResult<int> result;
        try
        {
            result = c.Build().FitResample(x, y);
        }
        catch (ArgumentException e) when (e.ParamName == "x")
        {
            e.Message.Should().NotBeNullOrWhiteSpace();
            return;
        }

        SamplerInvariants.Check(c, x, y, result);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_count_of_int_MaxValue_is_rejected_before_any_allocation(string name)
    {
        var c = SamplerRegistry.Get(name);
        var (x, y) = ContractData.Multiclass();
        var strategy = c.Kind == SamplerKind.Cleaning
            ? null
            : SamplingStrategy.Counts(new Dictionary<int, int> { [2] = c.Kind == SamplerKind.Under ? 5 : int.MaxValue });
        if (strategy is null || c.Kind == SamplerKind.Under)
        {
            return; // cleaning samplers take no counts; under-samplers cannot be asked for more rows than they have
        }

        var act = () => c.Build(strategy).FitResample(x, y);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "SamplingStrategy")
            .WithMessage("*2147483647*");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Neighbour_and_seed_counts_of_int_MaxValue_are_rejected_by_name(string name)
    {
        var c = SamplerRegistry.Get(name);
        var (x, y) = ContractData.Multiclass();
        foreach (var property in new[] { "KNeighbors", "NNeighbors", "MNeighbors", "NNeighborsVer3", "NSeedsS" })
        {
            if (c.Type.GetProperty(property) is not { SetMethod: not null } info || info.PropertyType != typeof(int) || name.Contains(property + "=", StringComparison.Ordinal)
                || (property == "NNeighborsVer3" && !name.Contains("Version=3", StringComparison.Ordinal)))
            {
                continue;
            }

            var sampler = SamplerRegistry.WithProperty(c.Build(), property, int.MaxValue);
            try
            {
                // Samplers that stop early (AllKNN, NearMiss-2 over the whole minority) may simply work.
                SamplerInvariants.Check(c, x, y, sampler.FitResample(x, y));
            }
            catch (ArgumentException e) when (e.ParamName == property)
            {
                e.Message.Should().Contain("2147483647", $"{name} quotes the {property} the caller set");
            }
        }
    }
}
