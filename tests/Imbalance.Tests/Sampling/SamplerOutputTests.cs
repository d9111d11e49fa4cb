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

    [Theory]
    [InlineData(1, 1, 0, false)]
    [InlineData(3, 2, 5, true)]
    [InlineData(17, 7, 4, false)]
    [InlineData(40, 33, 61, true)]
    public void Appended_in_place_equals_Append_from_a_separate_buffer(int n, int d, int added, bool withSources)
    {
        var random = new Random(n * 31 + d);
        var x = new double[n, d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                x[i, j] = random.NextDouble() - 0.5;
            }
        }

        var classes = Math.Min(n, 3);
        var y = Enumerable.Range(0, n).Select(i => i % classes).ToArray();
        var input = Input(x, y, Enumerable.Repeat(-1, classes).ToArray());
        var rows = Enumerable.Range(0, added * d).Select(_ => random.NextDouble()).ToArray();
        var codes = Enumerable.Range(0, added).Select(i => i % classes).ToArray();
        int[]? sources = withSources ? Enumerable.Range(0, added).Select(_ => random.Next(n)).ToArray() : null;

        var expected = SamplerOutput.Append(input, rows, codes, sources);
        var target = SamplerOutput.AppendTarget(input, added);
        MatrixRows.Of(target)[..(n * d)].ToArray().Should().Equal(MatrixRows.Of(x).ToArray(), "the input rows come first");
        Array.TrueForAll(MatrixRows.Of(target)[(n * d)..].ToArray(), v => v == 0).Should().BeTrue("the new rows start zeroed");
        rows.CopyTo(MatrixRows.Of(target)[(n * d)..]);
        var actual = SamplerOutput.Appended(input, target, codes, sources);

        actual.X.Should().BeSameAs(target, "the matrix is handed over, not copied");
        MatrixRows.Of(actual.X).ToArray().Should().Equal(MatrixRows.Of(expected.X).ToArray());
        actual.Codes.Should().Equal(expected.Codes);
        if (withSources)
        {
            actual.SampleIndices.Should().Equal(expected.SampleIndices);
        }
        else
        {
            actual.SampleIndices.Should().BeNull();
        }
    }

    [Fact]
    public void Appended_rejects_a_matrix_of_the_wrong_shape()
    {
        var input = Input(new double[,] { { 1, 2 }, { 3, 4 } }, [0, 1], [2, -1]);

        var tooFewRows = () => SamplerOutput.Appended(input, new double[3, 2], [0, 0]);
        var wrongWidth = () => SamplerOutput.Appended(input, new double[4, 3], [0, 0]);
        var wrongSources = () => SamplerOutput.Appended(input, new double[4, 2], [0, 0], [0]);

        tooFewRows.Should().Throw<ArgumentException>().Where(e => e.ParamName == "x");
        wrongWidth.Should().Throw<ArgumentException>().Where(e => e.ParamName == "x");
        wrongSources.Should().Throw<ArgumentException>().Where(e => e.ParamName == "newSources")
            .WithMessage("2 new rows need 2 source rows, got 1.*");
    }
}
