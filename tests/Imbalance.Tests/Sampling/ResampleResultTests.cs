using Imbalance.Sampling;

namespace Imbalance.Tests.Sampling;

public class ResampleResultTests
{
    [Fact]
    public void Exposes_its_parts_and_deconstructs()
    {
        var x = new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } };
        string[] y = ["b", "a", "b"];
        int[] indices = [2, 0, 2];
        var resolved = new Dictionary<string, int> { ["a"] = 1 };

        var result = new ResampleResult<string>(x, y, indices, resolved);
        var (xRes, yRes) = result;

        result.X.Should().BeSameAs(x);
        result.Y.Should().BeSameAs(y);
        result.SampleIndices.Should().BeSameAs(indices);
        result.ResolvedStrategy.Should().BeSameAs(resolved);
        result.Count.Should().Be(3);
        xRes.Should().BeSameAs(x);
        yRes.Should().BeSameAs(y);
    }

    [Fact]
    public void ClassCounts_are_in_sorted_label_order()
    {
        var result = new ResampleResult<int>(new double[5, 1], [3, -1, 3, 10, 3], null, new Dictionary<int, int>());

        var counts = result.ClassCounts();

        counts.Keys.Should().Equal(-1, 3, 10);
        counts.Values.Should().Equal(1, 3, 1);
        result.SampleIndices.Should().BeNull();
    }

    [Fact]
    public void ClassCounts_order_strings_by_code_point()
    {
        var result = new ResampleResult<string>(new double[4, 1], ["\U0001F600", "\uFF21", "a", "\U0001F600"], null, new Dictionary<string, int>());

        result.ClassCounts().Keys.Should().Equal("a", "\uFF21", "\U0001F600");
        result.ClassCounts()["\U0001F600"].Should().Be(2);
    }

    [Fact]
    public void An_empty_result_has_no_counts()
    {
        var result = new ResampleResult<bool>(new double[0, 2], [], [], new Dictionary<bool, int>());

        result.Count.Should().Be(0);
        result.ClassCounts().Should().BeEmpty();
    }
}
