using Imbalance.OverSampling;
using Imbalance.Sampling;

namespace Imbalance.Tests.OverSampling;

/// <summary>
/// SyntheticRows writes rows as wide as the input in place after a copy of the input; its output must equal the
/// output built the old way (a separate buffer of the new rows appended with SamplerOutput.Append), whether the call
/// adds exactly the expected rows, fewer, or more (growth).
/// </summary>
public class SyntheticRowsTests
{
    private static SamplerInput Input(int n, int d, int seed)
    {
        var random = new Random(seed);
        var x = new double[n, d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                x[i, j] = random.NextDouble() - 0.5;
            }
        }

        var y = Enumerable.Range(0, n).Select(i => i % 2).ToArray();
        var encoder = LabelEncoder<int>.Fit(y);
        return new SamplerInput(x, new ClassIndex(encoder.Codes, encoder.ClassCount), new ClassTargets([-1, -1]), encoder);
    }

    [Theory]
    [InlineData(5, 3, 4, 4)]
    [InlineData(5, 3, 4, 0)]
    [InlineData(5, 3, 4, 2)]
    [InlineData(9, 1, 0, 3)]
    [InlineData(12, 7, 3, 40)]
    [InlineData(2, 30, 16, 17)]
    public void Output_equals_the_rows_appended_from_a_separate_buffer(int n, int d, int capacity, int added)
    {
        var input = Input(n, d, (n * 100) + added);
        var random = new Random(added);
        var rows = new SyntheticRows(input, d, capacity);
        var expected = new double[added * d];
        var bases = new int[added];
        var neighbors = new int[added];
        var steps = new double[added];
        for (var i = 0; i < added; i++)
        {
            bases[i] = random.Next(n);
            neighbors[i] = random.Next(n);
            steps[i] = random.NextDouble();
            var row = rows.Add(i % 2, bases[i], neighbors[i], steps[i]);
            row.ToArray().Should().OnlyContain(v => v == 0, "a new row starts zeroed");
            for (var j = 0; j < d; j++)
            {
                row[j] = expected[(i * d) + j] = random.NextDouble();
            }
        }

        var codes = Enumerable.Range(0, added).Select(i => i % 2).ToArray();
        var old = SamplerOutput.Append(input, expected, codes);

        var output = rows.ToOutput(input);

        rows.Count.Should().Be(added);
        MatrixRows.Of(output.X).ToArray().Should().Equal(MatrixRows.Of(old.X).ToArray());
        output.X.GetLength(0).Should().Be(n + added);
        output.X.GetLength(1).Should().Be(d);
        output.Codes.Should().Equal(old.Codes);
        output.SampleIndices.Should().BeNull();
        output.Provenance!.FirstRow.Should().Be(n);
        output.Provenance.BaseIndices.Should().Equal(bases);
        output.Provenance.NeighborIndices.Should().Equal(neighbors);
        output.Provenance.Steps.Should().Equal(steps);
        for (var i = 0; i < added; i++)
        {
            rows.Row(i).ToArray().Should().Equal(expected.AsSpan(i * d, d).ToArray());
        }
    }

    [Theory]
    [InlineData(10, -3, new[] { 7 })]
    [InlineData(10, 2, new[] { 12 })]
    [InlineData(10, 0, new[] { 4, 4, 4 })]
    [InlineData(4, 0, new[] { 3, 3, 1, 6 })]
    [InlineData(0, 0, new[] { 0 })]
    [InlineData(6, -6, new[] { 0 })]
    public void Replanned_and_reserved_rows_give_the_same_output(int capacity, int replan, int[] bursts)
    {
        var (n, d) = (7, 3);
        var input = Input(n, d, capacity + replan);
        var rows = new SyntheticRows(input, d, capacity);
        rows.Replan(replan);
        var expected = new List<double>();
        var codes = new List<int>();
        var value = 0.0;
        foreach (var burst in bursts)
        {
            rows.Reserve(burst);
            for (var i = 0; i < burst; i++)
            {
                var row = rows.Add(codes.Count % 2, 0, 1, 0.5);
                for (var j = 0; j < d; j++)
                {
                    row[j] = value;
                    expected.Add(value++);
                }

                codes.Add(codes.Count % 2);
            }
        }

        var output = rows.ToOutput(input);

        var old = SamplerOutput.Append(input, expected.ToArray(), codes.ToArray());
        MatrixRows.Of(output.X).ToArray().Should().Equal(MatrixRows.Of(old.X).ToArray());
        output.X.GetLength(0).Should().Be(n + codes.Count);
        output.Codes.Should().Equal(old.Codes);
        output.Provenance!.Count.Should().Be(codes.Count);
    }

    [Fact]
    public void A_row_not_yet_added_cannot_be_read()
    {
        var rows = new SyntheticRows(Input(3, 2, 0), 2, 4);
        rows.Add(0, 0, 1, 0.5);

        var act = () => rows.Row(1).Length;

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Rows_of_another_width_are_kept_alone_and_cannot_follow_the_input()
    {
        var input = Input(4, 2, 1);
        var rows = new SyntheticRows(input, 5, 1);
        rows.Add(0, 1, 2, 0.5).Fill(3.0);
        rows.Add(1, 2, 3, 0.25)[4] = 7.0;

        rows.Row(0).ToArray().Should().Equal(3, 3, 3, 3, 3);
        rows.Row(1).ToArray().Should().Equal(0, 0, 0, 0, 7);
        rows.Codes.ToArray().Should().Equal(0, 1);
        rows.Provenance(input).BaseIndices.Should().Equal(1, 2);
        var toOutput = () => rows.ToOutput(input);
        toOutput.Should().Throw<InvalidOperationException>();
    }
}
