using Imbalance.OverSampling;

namespace Imbalance.Tests.OverSampling;

/// <summary>
/// KMeansSmote's cluster distance sum (the numerator of the sparsity) against its scalar definition: equal bit for bit
/// for every row count around the SIMD block sizes, many widths, repeated rows, exact ties and a row subset.
/// </summary>
public class ClusterDistanceSumTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(16)]
    [InlineData(30)]
    [InlineData(200)]
    public void Simd_sum_equals_the_scalar_definition(int d)
    {
        var random = new Random(d);
        foreach (var n in new[] { 0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 64, 65, 130, 301 })
        {
            foreach (var kind in new[] { 0, 1, 2 })
            {
                var x = new double[n + 5, d];
                for (var i = 0; i < n + 5; i++)
                {
                    for (var t = 0; t < d; t++)
                    {
                        x[i, t] = kind switch
                        {
                            0 => (random.NextDouble() * 10) - 5,
                            1 => random.Next(3),
                            _ => i % 4 == 0 || i < 2 ? random.NextDouble() : x[i - 1, t],
                        };
                    }
                }

                // A subset in shuffled order, as the rows of a cluster are.
                var rows = Enumerable.Range(0, n + 5).OrderBy(_ => random.Next()).Take(n).ToArray();
                var data = RowMatrix.Of(x);
                var expected = ClusterDistanceSum.Reference(data, rows);
                var actual = ClusterDistanceSum.Of(data, rows);
                BitConverter.DoubleToInt64Bits(actual).Should().Be(BitConverter.DoubleToInt64Bits(expected), $"n = {n}, kind = {kind}");
            }
        }
    }
}
