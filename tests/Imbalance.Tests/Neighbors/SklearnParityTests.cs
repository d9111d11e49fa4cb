using Imbalance.Neighbors;

namespace Imbalance.Tests.Neighbors;

/// <summary>
/// Indices and distances against scikit-learn 1.2.1's NearestNeighbors on tie-free data, for brute force and the
/// KD-tree, every metric, n from 1 to 2,000 and d from 1 to 300.
/// </summary>
public class SklearnParityTests
{
    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < KnnFixture.Neighbors.GetArrayLength(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Fact]
    public void Fixture_covers_every_shape_metric_and_algorithm()
    {
        var cases = KnnFixture.Neighbors.EnumerateArray().ToList();
        cases.Should().HaveCount(536);
        cases.Select(c => c.GetProperty("metric").GetString()).Distinct().Should().BeEquivalentTo("euclidean", "manhattan", "chebyshev", "minkowski3");
        cases.Select(c => c.GetProperty("algorithm").GetString()).Distinct().Should().BeEquivalentTo("brute", "kd_tree");
        cases.Max(c => c.GetProperty("d").GetInt32()).Should().Be(300);
        cases.Min(c => c.GetProperty("n").GetInt32()).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_scikit_learn(int caseIndex)
    {
        var c = KnnFixture.Neighbors[caseIndex];
        int Int(string name) => c.GetProperty(name).GetInt32();
        var (x, q) = KnnFixture.Data(Int("seed"), Int("n"), Int("d"), Int("m"));
        var queries = c.GetProperty("self_query").GetBoolean() ? KnnFixture.Head(x, Int("query_rows")) : q;
        var metricName = c.GetProperty("metric").GetString()!;
        var kd = c.GetProperty("algorithm").GetString() == "kd_tree";
        var index = new NearestNeighbors
        {
            NNeighbors = Int("k"),
            Metric = KnnFixture.Metric(metricName),
            Algorithm = kd ? NeighborsAlgorithm.KdTree : NeighborsAlgorithm.Brute,
        }.Fit(x);

        var result = index.KNeighbors(queries);

        result.AllIndices.ToArray().Should().Equal(TestData.Ints(c.GetProperty("indices")));
        var expected = c.GetProperty("distances").EnumerateArray().Select(TestData.Number).ToArray();
        var actual = result.AllDistances.ToArray();
        if (metricName == "minkowski3" && kd)
        {
            // Same reduced sums as scikit-learn; its KD-tree takes the p-th root slightly differently (last bit).
            for (var i = 0; i < actual.Length; i++)
            {
                actual[i].Should().BeApproximately(expected[i], 4e-16 * expected[i], $"distance {i}");
            }
        }
        else if (kd || metricName != "euclidean")
        {
            // Same direct-sum formula in the same order as scikit-learn: bit for bit.
            actual.Should().Equal(expected);
        }
        else
        {
            // scikit-learn's brute force returns sqrt(|q|^2 - 2 q.x + |x|^2), ours the direct sum: compare the
            // squares within the expansion's rounding error.
            var d = Int("d");
            for (var i = 0; i < actual.Length; i++)
            {
                var scale = 1.0 + (2.0 * d);
                Math.Abs((actual[i] * actual[i]) - (expected[i] * expected[i])).Should().BeLessThan(1e-13 * scale, $"distance {i}");
            }
        }
    }
}
