using Imbalance.Neighbors;
using Imbalance.Randomness;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.UnderSampling;

/// <summary>
/// NearMiss-2's pruned, vectorised farthest-neighbour sums against the definition: a full k-NN query of every
/// reference row, the last k distances summed as NumPy sums them. Bit for bit, at widths around the vector lanes.
/// </summary>
public class FarthestNeighboursTests
{
    [Theory]
    [InlineData(1, 1, 1, 0.0)]
    [InlineData(2, 3, 3, 0.0)]
    [InlineData(3, 3, 9, 1.0)]
    [InlineData(4, 5, 2, 3.0)]
    [InlineData(5, 7, 3, 0.5)]
    [InlineData(6, 20, 5, 1.0)]
    [InlineData(7, 2, 40, 2.0)]
    [InlineData(8, 16, 3, 1.0)]
    [InlineData(9, 200, 3, 0.5)]
    [InlineData(10, 3, 7, 0.0, true)]
    [InlineData(11, 9, 4, 1.0, true)]
    public void Equals_the_full_query_definition(int seed, int d, int k, double shift, bool ties = false)
    {
        var rng = new RandomState(seed);
        var n = 700;
        var data = new double[n * d];
        for (var i = 0; i < data.Length; i++)
        {
            // With ties, coordinates from {-1, 0, 1}: many rows repeat and many distances are equal.
            data[i] = ties ? Math.Round(rng.StandardNormal()) % 2 : rng.StandardNormal() + (i / d % 5 == 0 ? shift : 0.0);
        }

        // Reference counts around the 4-row panels and the groups of 4 panels (16 rows) the scan processes together.
        foreach (var m in new[] { 1, 3, 4, 5, 8, 15, 16, 17, 33, 37, 64, 131 })
        {
            var references = Enumerable.Range(0, m).Select(i => i * 5).ToArray();
            var queries = Enumerable.Range(0, n).Where(i => i % 5 != 0).ToArray();
            var kk = Math.Min(k, m);
            var sums = FarthestNeighbours.SumOfFarthest(data, d, queries, references, kk, maxDegreeOfParallelism: 2, CancellationToken.None);
            var grouped = FarthestNeighbours.SumOfFarthest(data, d, queries, references, kk, maxDegreeOfParallelism: 2, CancellationToken.None, groupedWork: 0);
            var single = FarthestNeighbours.SumOfFarthest(data, d, queries, references, kk, maxDegreeOfParallelism: 1, CancellationToken.None, groupedWork: long.MaxValue);

            var fitted = Rows(data, d, references);
            var index = new NearestNeighbors().Fit(fitted);
            var all = index.KNeighbors(Rows(data, d, queries), m);
            for (var q = 0; q < queries.Length; q++)
            {
                var expected = NumPyReductions.PairwiseSum(all.GetDistances(q)[(m - kk)..]);
                BitConverter.DoubleToInt64Bits(sums[q]).Should().Be(BitConverter.DoubleToInt64Bits(expected), "query {0} with m = {1}", q, m);
                BitConverter.DoubleToInt64Bits(grouped[q]).Should().Be(BitConverter.DoubleToInt64Bits(expected), "grouped scan, query {0} with m = {1}", q, m);
                BitConverter.DoubleToInt64Bits(single[q]).Should().Be(BitConverter.DoubleToInt64Bits(expected), "one-panel scan, query {0} with m = {1}", q, m);
            }
        }
    }

    private static double[,] Rows(double[] data, int d, int[] rows)
    {
        var x = new double[rows.Length, d];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var t = 0; t < d; t++)
            {
                x[i, t] = data[(rows[i] * d) + t];
            }
        }

        return x;
    }
}
