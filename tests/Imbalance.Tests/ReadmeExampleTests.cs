using Imbalance.OverSampling;

namespace Imbalance.Tests;

/// <summary>The README's five-line example, kept compiling and true.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void The_readme_example_does_what_its_comment_says()
    {
        double[,] x = { { 0.1, 1.2 }, { 0.3, 0.8 }, { 2.0, 2.1 }, { 1.9, 2.4 }, { 2.2, 1.8 } };
        int[] y = { 1, 1, 0, 0, 0 };
        var (xRes, yRes) = new RandomOverSampler { RandomState = 42 }.FitResample(x, y);

        yRes.Should().Equal(1, 1, 0, 0, 0, 1);
        xRes.GetLength(0).Should().Be(6);
        for (var i = 0; i < 5; i++)
        {
            xRes[i, 0].Should().Be(x[i, 0]);
            xRes[i, 1].Should().Be(x[i, 1]);
        }

        new[] { (xRes[5, 0], xRes[5, 1]) }.Should().BeSubsetOf(new[] { (0.1, 1.2), (0.3, 0.8) }, "the new row copies a class-1 row");
    }
}
