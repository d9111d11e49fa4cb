using Imbalance.Sampling;

namespace Imbalance.Tests.Sampling;

/// <summary>The <see cref="Sampler"/> template, driven by a probe that records what its step receives.</summary>
public class SamplerTests
{
    [Fact]
    public void The_step_receives_the_validated_input_and_the_result_is_decoded()
    {
        var x = new double[,] { { 1 }, { 2 }, { 3 }, { 4 }, { 5 } };
        string[] y = ["b", "a", "b", "b", "c"];
        SamplerInput? seen = null;
        var probe = new Probe(SamplingType.UnderSampling, input =>
        {
            seen = input;
            return SamplerOutput.Select(input, [1, 4, 0]);
        });

        var result = probe.FitResample(x, y);

        seen!.X.Should().BeSameAs(x, "the step reads the caller's array without a copy");
        seen.Classes.Codes.Should().Equal(1, 0, 1, 1, 2);
        seen.Classes.Counts.Should().Equal(1, 3, 1);
        seen.Targets.Targeted.ToArray().Should().Equal(1, 2);
        seen.Targets[1].Should().Be(1);
        seen.Labels.LabelType.Should().Be<string>();
        seen.SampleCount.Should().Be(5);
        seen.FeatureCount.Should().Be(1);

        result.Y.Should().Equal("a", "c", "b");
        result.SampleIndices.Should().Equal(1, 4, 0);
        result.X.Should().BeEquivalentTo(new double[,] { { 2 }, { 5 }, { 1 } }, o => o.WithStrictOrdering());
        result.ResolvedStrategy.Should().Equal(new Dictionary<string, int> { ["b"] = 1, ["c"] = 1 });
        result.ResolvedStrategy.Keys.Should().Equal("b", "c");
    }

    [Fact]
    public void The_strategy_is_resolved_for_the_samplers_type()
    {
        var (x, y) = TestData.ThreeClasses();
        var over = new Probe(SamplingType.OverSampling, input => SamplerOutput.Append(input, [], []));
        var under = new Probe(SamplingType.UnderSampling, input => SamplerOutput.Select(input, []));
        var clean = new Probe(SamplingType.CleanSampling, input => SamplerOutput.Select(input, []));

        over.FitResample(x, y).ResolvedStrategy.Should().Equal(new Dictionary<int, int> { [1] = 35, [2] = 45 });
        under.FitResample(x, y).ResolvedStrategy.Should().Equal(new Dictionary<int, int> { [0] = 15, [1] = 15 });
        clean.FitResample(x, y).ResolvedStrategy.Should().Equal(new Dictionary<int, int> { [0] = 15, [1] = 15 });
    }

    [Fact]
    public void Nothing_runs_when_the_input_or_the_strategy_is_invalid_or_the_call_is_cancelled()
    {
        var calls = 0;
        var probe = new Probe(SamplingType.OverSampling, input =>
        {
            calls++;
            return SamplerOutput.Append(input, [], []);
        });
        var majority = new Probe(SamplingType.OverSampling, _ => throw new InvalidOperationException()) { SamplingStrategy = SamplingStrategy.Majority };
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        ((Action)(() => probe.FitResample(new double[,] { { double.NaN }, { 1 } }, [0, 1]))).Should().Throw<ArgumentException>().Where(e => e.ParamName == "x");
        ((Action)(() => probe.FitResample(new double[,] { { 0 }, { 1 } }, [0, 0]))).Should().Throw<ArgumentException>().Where(e => e.ParamName == "y");
        ((Action)(() => majority.FitResample(new double[,] { { 0 }, { 1 } }, [0, 1]))).Should().Throw<ArgumentException>().Where(e => e.ParamName == "SamplingStrategy")
            .WithMessage("'SamplingStrategy'='majority' cannot be used with over-sampler.*");
        ((Action)(() => probe.FitResample(new double[,] { { 0 }, { 1 } }, [0, 1], cts.Token))).Should().Throw<OperationCanceledException>();
        calls.Should().Be(0);

        probe.FitResample(new double[,] { { 0 }, { 1 } }, [0, 1]);
        calls.Should().Be(1);
    }

    [Fact]
    public void SamplingStrategy_defaults_to_auto_and_refuses_null()
    {
        new Probe(SamplingType.CleanSampling, _ => null!).SamplingStrategy.Should().BeSameAs(SamplingStrategy.Auto);

        var act = () => new Probe(SamplingType.CleanSampling, _ => null!) { SamplingStrategy = null! };

        act.Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "SamplingStrategy");
    }

    [Fact]
    public void ToString_shows_the_type_and_the_strategy()
    {
        new Probe(SamplingType.OverSampling, _ => null!) { SamplingStrategy = SamplingStrategy.NotMinority }
            .ToString().Should().Be("Probe(SamplingStrategy=not minority)");
    }

    private sealed class Probe(SamplingType samplingType, Func<SamplerInput, SamplerOutput> step) : Sampler
    {
        public override SamplingType SamplingType { get; } = samplingType;

        private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken) => step(input);
    }
}
