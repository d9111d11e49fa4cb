using Imbalance.Sampling;

namespace Imbalance.Tests.Sampling;

public class MatrixRowsTests
{
    [Fact]
    public void Of_is_the_row_major_storage_without_a_copy()
    {
        var x = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } };

        var all = MatrixRows.Of(x);
        all.ToArray().Should().Equal(1, 2, 3, 4, 5, 6);
        all[4] = 50;

        x[1, 1].Should().Be(50, "the span aliases the array");
    }

    [Fact]
    public void Row_is_one_row()
    {
        var x = new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } };

        MatrixRows.Row(x, 0).ToArray().Should().Equal(1, 2);
        MatrixRows.Row(x, 2).ToArray().Should().Equal(5, 6);
        MatrixRows.Row(x, 1)[0] = -3;
        x[1, 0].Should().Be(-3);
    }

    [Fact]
    public void Empty_matrices_give_empty_spans()
    {
        MatrixRows.Of(new double[0, 3]).IsEmpty.Should().BeTrue();
        MatrixRows.Of(new double[4, 0]).IsEmpty.Should().BeTrue();
        MatrixRows.Row(new double[4, 0], 3).IsEmpty.Should().BeTrue();
    }
}
