using Imbalance.Interop;
using Imbalance.Sampling;
using MathNet.Numerics.LinearAlgebra;

namespace Imbalance.Tests.Contracts;

/// <summary>
/// Every sampler rejects bad input with an exception of the <see cref="ArgumentException"/> family that names the
/// offending parameter, before any work: a custom strategy used as a sentinel must not even be consulted when X or
/// y is invalid.
/// </summary>
public class SamplerBadInputTests
{
    public static TheoryData<string> Cases => SamplerRegistry.CaseNames;

    public static TheoryData<string> SeededCases => SamplerRegistry.SeededCaseNames;

    /// <summary>(case, bad value, row, column) for every non-finite value at a few positions.</summary>
    public static TheoryData<string, double, int, int> CasesWithNonFiniteValues
    {
        get
        {
            var data = new TheoryData<string, double, int, int>();
            foreach (var c in SamplerRegistry.Cases)
            {
                data.Add(c.Name, double.NaN, 0, 0);
                data.Add(c.Name, double.PositiveInfinity, 37, 2);
                data.Add(c.Name, double.NegativeInfinity, 99, 3);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CasesWithNonFiniteValues))]
    public void Non_finite_values_in_X_are_rejected_before_any_work(string name, double bad, int row, int column)
    {
        var (x, y) = ContractData.Multiclass();
        x[row, column] = bad;
        var (sampler, consulted) = WithSentinel(name);

        var act = () => sampler.FitResample(x, y);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "x")
            .WithMessage(double.IsNaN(bad) ? "*contains NaN*" : "*contains infinity*")
            .WithMessage($"*row {row}, column {column}*");
        consulted().Should().BeFalse("validation happens before the strategy is resolved");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Non_finite_values_in_jagged_and_MathNet_inputs_are_rejected(string name)
    {
        var (x, y) = ContractData.Multiclass();
        x[5, 1] = double.NaN;
        var sampler = SamplerRegistry.Get(name).Build();

        var jagged = () => sampler.FitResample(x.ToJagged(), y);
        var matrix = () => sampler.FitResample(x.ToMatrix(), y);

        jagged.Should().Throw<ArgumentException>().Where(e => e.ParamName == "x");
        matrix.Should().Throw<ArgumentException>().Where(e => e.ParamName == "x");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void X_and_y_of_different_lengths_are_rejected(string name)
    {
        var (x, y) = ContractData.Multiclass();
        var (sampler, consulted) = WithSentinel(name);

        var shorter = () => sampler.FitResample(x, y[..^1]);
        var longer = () => sampler.FitResample(x, [.. y, 0]);

        shorter.Should().Throw<ArgumentException>().Where(e => e.ParamName == "y")
            .WithMessage("Found input variables with inconsistent numbers of samples: [100, 99]*");
        longer.Should().Throw<ArgumentException>().Where(e => e.ParamName == "y")
            .WithMessage("Found input variables with inconsistent numbers of samples: [100, 101]*");
        consulted().Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Empty_X_is_rejected(string name)
    {
        var (sampler, consulted) = WithSentinel(name);

        var noRows = () => sampler.FitResample(new double[0, 4], Array.Empty<int>());
        var noColumns = () => sampler.FitResample(new double[3, 0], [0, 1, 1]);
        var noJaggedRows = () => sampler.FitResample(Array.Empty<double[]>(), Array.Empty<int>());

        noRows.Should().Throw<ArgumentException>().Where(e => e.ParamName == "x")
            .WithMessage("Found array with 0 sample(s) (shape=(0, 4)) while a minimum of 1 is required.*");
        noColumns.Should().Throw<ArgumentException>().Where(e => e.ParamName == "x")
            .WithMessage("Found array with 0 feature(s) (shape=(3, 0)) while a minimum of 1 is required.*");
        noJaggedRows.Should().Throw<ArgumentException>().Where(e => e.ParamName == "x");
        consulted().Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ragged_jagged_rows_are_rejected(string name)
    {
        var (x, y) = ContractData.Multiclass();
        var jagged = x.ToJagged();
        jagged[42] = [1.0, 2.0, 3.0];
        var withNullRow = x.ToJagged();
        withNullRow[7] = null!;
        var (sampler, consulted) = WithSentinel(name);

        var ragged = () => sampler.FitResample(jagged, y);
        var nullRow = () => sampler.FitResample(withNullRow, y);

        ragged.Should().Throw<ArgumentException>().Where(e => e.ParamName == "x")
            .WithMessage("x is ragged: row 42 has 3 values but row 0 has 4.*");
        nullRow.Should().Throw<ArgumentException>().Where(e => e.ParamName == "x")
            .WithMessage("Row 7 of x is null.*");
        consulted().Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Null_X_or_y_is_rejected(string name)
    {
        var (x, y) = ContractData.Multiclass();
        var sampler = SamplerRegistry.Get(name).Build();

        ((Action)(() => sampler.FitResample((double[,])null!, y))).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "x");
        ((Action)(() => sampler.FitResample((double[][])null!, y))).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "x");
        ((Action)(() => sampler.FitResample((Matrix<double>)null!, y))).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "x");
        ((Action)(() => sampler.FitResample(x, (int[])null!))).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "y");
        ((Action)(() => sampler.FitResample(x.ToJagged(), (int[])null!))).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "y");
        ((Action)(() => sampler.FitResample(x, new string[100]))).Should().Throw<ArgumentException>().Where(e => e.ParamName == "y")
            .WithMessage("y contains a null label at index 0.*");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_single_class_is_rejected(string name)
    {
        var (x, _) = ContractData.Multiclass();
        var sampler = SamplerRegistry.Get(name).Build();

        var act = () => sampler.FitResample(x, Enumerable.Repeat("only", 100).ToArray());

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "y")
            .WithMessage("The target 'y' needs to have more than 1 class. Got 1 class instead*");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Labels_that_are_not_classes_are_rejected(string name)
    {
        var (x, y) = ContractData.Multiclass();
        var sampler = SamplerRegistry.Get(name).Build();

        var nan = () => sampler.FitResample(x, y.Select(v => v == 2 ? double.NaN : v).ToArray());
        var continuous = () => sampler.FitResample(x, y.Select(v => v + 0.5).ToArray());
        var unordered = () => sampler.FitResample(x, y.Select(v => new object()).ToArray());

        nan.Should().Throw<ArgumentException>().Where(e => e.ParamName == "y").WithMessage("y contains NaN at index *");
        continuous.Should().Throw<ArgumentException>().Where(e => e.ParamName == "y").WithMessage("Unknown label type: 'continuous'*");
        unordered.Should().Throw<ArgumentException>().Where(e => e.ParamName == "y").WithMessage("Labels of type Object cannot be sorted*");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_strategy_naming_a_label_not_in_y_is_rejected(string name)
    {
        var c = SamplerRegistry.Get(name);
        var (x, y) = ContractData.Multiclass();
        var strategy = c.Kind switch
        {
            SamplerKind.Over or SamplerKind.Combined => SamplingStrategy.Counts(new Dictionary<int, int> { [1] = 70, [7] = 100 }),
            SamplerKind.Under => SamplingStrategy.Counts(new Dictionary<int, int> { [0] = 10, [7] = 1 }),
            _ => SamplingStrategy.Classes([0, 7]),
        };

        var act = () => c.Build(strategy).FitResample(x, y);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "SamplingStrategy")
            .WithMessage("The {7} target class is/are not present in the data.*");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_strategy_keyed_by_another_label_type_is_rejected(string name)
    {
        var c = SamplerRegistry.Get(name);
        var (x, y) = ContractData.Multiclass();
        var strategy = c.Kind == SamplerKind.Cleaning
            ? SamplingStrategy.Classes(["0"])
            : SamplingStrategy.Counts(new Dictionary<string, int> { ["0"] = 60 });

        var act = () => c.Build(strategy).FitResample(x, y);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "SamplingStrategy")
            .WithMessage("'SamplingStrategy' is keyed by labels of type String but y holds labels of type Int32.*");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_ratio_on_multiclass_data_is_rejected(string name)
    {
        // imblearn checks for a binary target first, for every kind (cleaning included).
        var c = SamplerRegistry.Get(name);
        var (x, y) = ContractData.Multiclass();

        var act = () => c.Build(SamplingStrategy.Ratio(0.9)).FitResample(x, y);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "SamplingStrategy")
            .WithMessage("\"SamplingStrategy\" can be a float only when the type of target is binary. For multi-class, use a dict.*");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_ratio_that_cannot_be_met_by_the_samplers_kind_is_rejected(string name)
    {
        // Binary data: 60 majority, 25 minority rows.
        var c = SamplerRegistry.Get(name);
        var (x, y) = ContractData.Binary();

        var act = () => c.Build(SamplingStrategy.Ratio(0.3)).FitResample(x, y);

        var expected = c.Kind switch
        {
            // int(60 * 0.3) = 18 < 25: over-sampling would have to remove minority rows.
            SamplerKind.Over or SamplerKind.Combined => "The specified ratio required to remove samples from the minority class while trying to generate new samples. Please increase the ratio.*",
            // int(25 / 0.3) = 83 > 60: under-sampling would have to add majority rows.
            SamplerKind.Under => "The specified ratio required to generate new sample in the majority class while trying to remove samples. Please increase the ratio.*",
            // Cleaning samplers take no ratio at all.
            _ => "'clean-sampling' methods do let the user specify the sampling ratio.*",
        };
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "SamplingStrategy").WithMessage(expected);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Counts_against_the_samplers_direction_are_rejected(string name)
    {
        var c = SamplerRegistry.Get(name);
        var (x, y) = ContractData.Multiclass();
        var (strategy, message) = c.Kind switch
        {
            SamplerKind.Over or SamplerKind.Combined => (
                SamplingStrategy.Counts(new Dictionary<int, int> { [1] = 20 }),
                "With over-sampling methods, the number of samples in a class should be greater or equal to the original number of samples. Originally, there is 25 samples and 20 samples are asked.*"),
            SamplerKind.Under => (
                SamplingStrategy.Counts(new Dictionary<int, int> { [1] = 30 }),
                "With under-sampling methods, the number of samples in a class should be less or equal to the original number of samples. Originally, there is 25 samples and 30 samples are asked.*"),
            _ => (
                SamplingStrategy.Counts(new Dictionary<int, int> { [1] = 20 }),
                "'SamplingStrategy' as a dict for cleaning methods is not supported.*"),
        };

        var act = () => c.Build(strategy).FitResample(x, y);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "SamplingStrategy").WithMessage(message);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validation_comes_before_cancellation(string name)
    {
        var (x, y) = ContractData.Multiclass();
        x[3, 3] = double.NaN;
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var act = () => SamplerRegistry.Get(name).Build().FitResample(x, y, cts.Token);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "x");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_null_strategy_is_rejected_by_the_init_accessor(string name)
    {
        var act = () => SamplerRegistry.WithProperty(SamplerRegistry.Get(name).Build(), nameof(ISampler.SamplingStrategy), null);

        act.Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "SamplingStrategy");
    }

    [Theory]
    [MemberData(nameof(SeededCases))]
    public void A_negative_seed_is_rejected_by_the_init_accessor(string name)
    {
        var c = SamplerRegistry.Get(name);
        c.RandomStateProperty!.PropertyType.Should().Be<int?>("RandomState is imblearn's random_state as an int? seed");

        var negative = () => SamplerRegistry.WithProperty(c.Build(), "RandomState", -1);
        var minimum = () => SamplerRegistry.WithProperty(c.Build(), "RandomState", int.MinValue);

        negative.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "RandomState" && Equals(e.ActualValue, -1))
            .WithMessage("Seed must be between 0 and 2**32 - 1*");
        minimum.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "RandomState");
    }

    [Theory]
    [MemberData(nameof(SeededCases))]
    public void Every_non_negative_seed_and_null_are_accepted(string name)
    {
        var c = SamplerRegistry.Get(name);
        var (x, y) = ContractData.Multiclass();

        foreach (int? seed in new int?[] { null, 0, 1, int.MaxValue })
        {
            var sampler = SamplerRegistry.WithProperty(c.Build(), "RandomState", seed);
            c.RandomStateProperty!.GetValue(sampler).Should().Be(seed);
            SamplerInvariants.Check(c, x, y, sampler.FitResample(x, y));
        }
    }

    /// <summary>The case's sampler with a custom strategy that records whether it was ever consulted.</summary>
    private static (ISampler Sampler, Func<bool> Consulted) WithSentinel(string name)
    {
        var consulted = false;
        var strategy = SamplingStrategy.Custom<int>(_ =>
        {
            consulted = true;
            return new Dictionary<int, int>();
        });
        return (SamplerRegistry.Get(name).Build(strategy), () => consulted);
    }
}
