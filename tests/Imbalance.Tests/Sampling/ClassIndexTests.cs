using Imbalance.Sampling;

namespace Imbalance.Tests.Sampling;

public class ClassIndexTests
{
    [Fact]
    public void Counts_and_ascending_positions_per_class()
    {
        var index = new ClassIndex([2, 0, 1, 0, 2, 2], 3);

        index.ClassCount.Should().Be(3);
        index.SampleCount.Should().Be(6);
        index.Counts.Should().Equal(2, 1, 3);
        index.Positions(0).ToArray().Should().Equal(1, 3);
        index.Positions(1).ToArray().Should().Equal(2);
        index.Positions(2).ToArray().Should().Equal(0, 4, 5);
        index.Majority.Should().Be(2);
        index.Minority.Should().Be(1);
    }

    [Fact]
    public void Ties_go_to_the_smallest_label_as_in_imblearn()
    {
        // imblearn: max(target_stats, key=target_stats.get) over classes in sorted order keeps the first maximum.
        var index = new ClassIndex([0, 1, 2, 2, 1, 0, 3], 4);

        index.Majority.Should().Be(0);
        index.Minority.Should().Be(3);
        new ClassIndex([1, 0], 2).Majority.Should().Be(0);
        new ClassIndex([1, 0], 2).Minority.Should().Be(0);
    }

    [Fact]
    public void A_class_without_rows_has_no_positions()
    {
        var index = new ClassIndex([0, 0, 2], 3);

        index.Counts.Should().Equal(2, 0, 1);
        index.Positions(1).IsEmpty.Should().BeTrue();
        index.Minority.Should().Be(1);
    }

    [Fact]
    public void Codes_are_kept_as_given()
    {
        int[] codes = [1, 0, 1];

        new ClassIndex(codes, 2).Codes.Should().BeSameAs(codes);
    }
}
