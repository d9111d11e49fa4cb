using Imbalance.Sampling;

namespace Imbalance.Tests.Sampling;

public class SamplerOutputTests
{
    private static SamplerInput Input(double[,] x, int[] y, int[] targets)
    {
        var encoder = LabelEncoder<int>.Fit(y);
        return new SamplerInput(x, new ClassIndex(encoder.Codes, encoder.ClassCount), new ClassTargets(targets), encoder);
    }

    [Fact]
    public void Select_copies_the_chosen_rows_with_their_codes()
    {
        var x = new double[,] { { 0, 0.5 }, { 1, 1.5 }, { 2, 2.5 }, { 3, 3.5 } };
        var input = Input(x, [10, 20, 10, 30], [-1, -1, -1]);
        int[] indices = [3, 1, 1, 0];

        var output = SamplerOutput.Select(input, indices);

        output.X.Should().BeEquivalentTo(new double[,] { { 3, 3.5 }, { 1, 1.5 }, { 1, 1.5 }, { 0, 0.5 } }, o => o.WithStrictOrdering());
        output.Codes.Should().Equal(2, 1, 1, 0);
        output.SampleIndices.Should().BeSameAs(indices);
        output.X.Should().NotBeSameAs(x);
    }

    [Fact]
    public void Select_of_nothing_is_an_empty_matrix_with_the_columns()
    {
        var output = SamplerOutput.Select(Input(new double[2, 3], [0, 1], [-1, -1]), []);

        output.X.GetLength(0).Should().Be(0);
        output.X.GetLength(1).Should().Be(3);
        output.Codes.Should().BeEmpty();
    }

    [Fact]
    public void Append_keeps_the_original_rows_first_and_adds_the_new_ones()
    {
        var x = new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } };
        var input = Input(x, [7, 8, 7], [-1, 2]);

        var output = SamplerOutput.Append(input, [9, 9, 8, 8], [1, 1]);

        output.X.Should().BeEquivalentTo(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 }, { 9, 9 }, { 8, 8 } }, o => o.WithStrictOrdering());
        output.Codes.Should().Equal(0, 1, 0, 1, 1);
        output.SampleIndices.Should().BeNull("synthetic rows have no source");
        x[0, 0].Should().Be(1);
    }

    [Fact]
    public void Append_with_sources_reports_identity_then_the_sources()
    {
        var input = Input(new double[,] { { 1 }, { 2 }, { 3 } }, [0, 1, 1], [1, -1]);

        var output = SamplerOutput.Append(input, [1.0], [0], [0]);

        output.SampleIndices.Should().Equal(0, 1, 2, 0);
        output.Codes.Should().Equal(0, 1, 1, 0);
    }

    [Fact]
    public void Append_of_nothing_copies_the_input()
    {
        var x = new double[,] { { 1, 2 }, { 3, 4 } };

        var output = SamplerOutput.Append(Input(x, [0, 1], [0, -1]), [], [], []);

        output.X.Should().BeEquivalentTo(x, o => o.WithStrictOrdering());
        output.X.Should().NotBeSameAs(x);
        output.SampleIndices.Should().Equal(0, 1);
    }

    [Fact]
    public void Append_rejects_inconsistent_lengths()
    {
        var input = Input(new double[,] { { 1, 2 }, { 3, 4 } }, [0, 1], [3, -1]);

        var tooFewValues = () => SamplerOutput.Append(input, [1, 2, 3], [0, 0]);
        var tooManyValues = () => SamplerOutput.Append(input, [1, 2, 3, 4, 5, 6], [0, 0]);
        var wrongSources = () => SamplerOutput.Append(input, [1, 2, 3, 4], [0, 0], [0]);

        tooFewValues.Should().Throw<ArgumentException>().Where(e => e.ParamName == "newRows")
            .WithMessage("2 new rows of 2 features need 4 values, got 3.*");
        tooManyValues.Should().Throw<ArgumentException>().Where(e => e.ParamName == "newRows");
        wrongSources.Should().Throw<ArgumentException>().Where(e => e.ParamName == "newSources")
            .WithMessage("2 new rows need 2 source rows, got 1.*");
    }
}
