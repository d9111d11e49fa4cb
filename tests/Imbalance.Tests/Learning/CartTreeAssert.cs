using Imbalance.Learning;

namespace Imbalance.Tests.Learning;

/// <summary>Bit-for-bit equality of two grown trees: structure, thresholds, values, weighted samples, impurities.</summary>
internal static class CartTreeAssert
{
    /// <summary>Asserts <paramref name="actual"/> equals <paramref name="expected"/> bit for bit (and their depth when
    /// <paramref name="depth"/> is set).</summary>
    public static void Same(CartTree actual, CartTree expected, bool depth = true)
    {
        var a = actual.Nodes;
        var e = expected.Nodes;
        a.Feature.Should().Equal(e.Feature);
        a.Left.Should().Equal(e.Left);
        a.Right.Should().Equal(e.Right);
        Bits(a.Threshold).Should().Equal(Bits(e.Threshold));
        Bits(a.Value).Should().Equal(Bits(e.Value));
        Bits(actual.WeightedNodeSamples!).Should().Equal(Bits(expected.WeightedNodeSamples!));
        Bits(actual.Impurity!).Should().Equal(Bits(expected.Impurity!));
        if (depth)
        {
            actual.Depth.Should().Be(expected.Depth);
        }
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
