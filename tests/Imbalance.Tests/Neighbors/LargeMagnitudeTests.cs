using Imbalance.Learning;
using Imbalance.Neighbors;

namespace Imbalance.Tests.Neighbors;

/// <summary>
/// Finite values so large that squared or summed distances overflow: the engine rescales by an exact power of two,
/// so neighbours and distances are those of the same data at a normal scale, bit for bit; queries larger than the
/// fitted rows, and the brute-force kernels themselves, never report an index outside the data.
/// </summary>
public class LargeMagnitudeTests
{
    public static TheoryData<string, NeighborsAlgorithm> MetricsAndAlgorithms
    {
        get
        {
            var data = new TheoryData<string, NeighborsAlgorithm>();
            foreach (var metric in new[] { "euclidean", "manhattan", "chebyshev" })
            {
                data.Add(metric, NeighborsAlgorithm.Brute);
                data.Add(metric, NeighborsAlgorithm.KdTree);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(MetricsAndAlgorithms))]
    public void Data_scaled_by_a_huge_power_of_two_has_the_same_neighbours_and_scaled_distances(string metricName, NeighborsAlgorithm algorithm)
    {
        // Integer features: many exact ties, which must be broken by index exactly as at the normal scale.
        var metric = Metric(metricName);
        var (small, _) = IntegerData(120, 6, seed: 3);
        const int Exponent = 1000; // values up to 2^1004, about 1.7e302: every squared distance overflows unscaled
        var huge = Scale(small, Exponent);
        var nn = new NearestNeighbors { NNeighbors = 7, Metric = metric, Algorithm = algorithm };

        var expected = nn.Fit(small).KNeighbors();
        var actual = nn.Fit(huge).KNeighbors();
        var expectedQuery = nn.Fit(small).KNeighbors(small, 5);
        var actualQuery = nn.Fit(huge).KNeighbors(huge, 5);

        actual.ToIndexMatrix().Should().BeEquivalentTo(expected.ToIndexMatrix(), o => o.WithStrictOrdering());
        actualQuery.ToIndexMatrix().Should().BeEquivalentTo(expectedQuery.ToIndexMatrix(), o => o.WithStrictOrdering());
        for (var i = 0; i < 120; i++)
        {
            for (var j = 0; j < 7; j++)
            {
                actual.ToDistanceMatrix()[i, j].Should().Be(Math.ScaleB(expected.ToDistanceMatrix()[i, j], Exponent), "power-of-two scaling is exact");
            }
        }
    }

    [Fact]
    public void Values_near_the_top_of_the_range_give_valid_neighbours_and_infinite_distances_only_where_they_overflow()
    {
        var (small, _) = IntegerData(40, 3, seed: 5);
        var x = new double[40, 3];
        for (var i = 0; i < 40; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                x[i, j] = (small[i, j] - 3) * 0.5e308; // in [-1.5e308, 1.5e308]: differences up to 3e308 overflow
            }
        }

        foreach (var algorithm in new[] { NeighborsAlgorithm.Brute, NeighborsAlgorithm.KdTree })
        {
            var result = new NearestNeighbors { NNeighbors = 39, Algorithm = algorithm }.Fit(x).KNeighbors();
            var reference = new NearestNeighbors { NNeighbors = 39, Algorithm = algorithm }.Fit(Scale(x, -4)).KNeighbors();

            result.ToIndexMatrix().Should().BeEquivalentTo(reference.ToIndexMatrix(), o => o.WithStrictOrdering(), "ranking is that of exact-exponent arithmetic");
            for (var i = 0; i < 40; i++)
            {
                for (var j = 0; j < 39; j++)
                {
                    result.ToDistanceMatrix()[i, j].Should().Be(Math.ScaleB(reference.ToDistanceMatrix()[i, j], 4), "a distance beyond double.MaxValue is infinity");
                }
            }
        }
    }

    [Fact]
    public void Queries_far_larger_than_the_fitted_rows_find_the_true_nearest_rows()
    {
        // The fitted rows are rescaled already (3e290 is beyond the limit); the query 1e300 needs a smaller scale still.
        var x = new double[,] { { 0.0 }, { 1e290 }, { 2e290 }, { 3e290 } };
        var index = new NearestNeighbors { NNeighbors = 2 }.Fit(x);

        var result = index.KNeighbors(new double[,] { { 1e300 }, { -1e300 }, { 2.5 } }, 2);

        result.ToIndexMatrix().Should().BeEquivalentTo(new[,] { { 3, 2 }, { 0, 1 }, { 0, 1 } }, o => o.WithStrictOrdering());
        result.ToDistanceMatrix()[0, 0].Should().Be(1e300 - 3e290);
        result.ToDistanceMatrix()[1, 0].Should().Be(1e300);
        result.ToDistanceMatrix()[2, 0].Should().Be(2.5);
    }

    [Fact]
    public void Rows_that_differ_only_below_the_underflow_limit_after_rescaling_tie_and_are_ordered_by_index()
    {
        // The documented exception to exactness: feature 1 differs by 1e-300 while feature 0 is near 1e300, so after
        // scaling by about 2^-500 the small differences underflow to zero and rows 1 and 2 tie.
        var x = new double[,] { { 1e300, 0.0 }, { 0.0, 2e-300 }, { 0.0, 1e-300 } };

        var result = new NearestNeighbors { NNeighbors = 2 }.Fit(x).KNeighbors(new double[,] { { 0.0, 0.0 } }, 2);

        result.ToIndexMatrix().Should().BeEquivalentTo(new[,] { { 1, 2 } }, o => o.WithStrictOrdering());
        result.ToDistanceMatrix()[0, 0].Should().Be(result.ToDistanceMatrix()[0, 1]);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(1.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(3.0)]
    public void The_brute_force_kernels_rank_infinite_distances_as_candidates_by_index(double p)
    {
        // Unscaled on purpose: the engine's own guard, below the rescaling, must still return rows of the data.
        var data = new[] { -1.5e308, 0.0, 1.5e308, 1.4e308, -1.4e308, 1.0 };
        var metric = DistanceMetric.Minkowski(p);
        var search = new BruteForceSearch(data, 6, 1, metric);
        var indices = new int[6 * 6];
        var distances = new double[6 * 6];

        search.Search(new RowSource(data, 6, 1), 6, indices, distances, 1, CancellationToken.None);

        indices.Should().OnlyContain(i => i >= 0 && i < 6);
        for (var q = 0; q < 6; q++)
        {
            var row = indices.AsSpan(q * 6, 6).ToArray();
            row.Should().OnlyHaveUniqueItems();
            var d = distances.AsSpan(q * 6, 6).ToArray();
            d.Should().BeInAscendingOrder();
            for (var j = 1; j < 6; j++)
            {
                if (double.IsPositiveInfinity(d[j]) && double.IsPositiveInfinity(d[j - 1]))
                {
                    row[j].Should().BeGreaterThan(row[j - 1], "infinite distances tie and are ordered by index");
                }
            }
        }
    }

    [Fact]
    public void KMeans_on_huge_values_clusters_like_the_normal_scale_and_scales_its_centres_exactly()
    {
        var (small, _) = IntegerData(60, 3, seed: 11);
        var huge = Scale(small, 1010);
        var kmeans = new KMeans { NClusters = 3, RandomState = 0 };

        var labels = kmeans.FitPredict(huge);
        var centres = kmeans.FitCentroids(huge);

        labels.Should().Equal(kmeans.FitPredict(small));
        var smallCentres = kmeans.FitCentroids(small);
        for (var c = 0; c < 3; c++)
        {
            for (var j = 0; j < 3; j++)
            {
                centres[c, j].Should().Be(Math.ScaleB(smallCentres[c, j], 1010));
            }
        }
    }

    [Fact]
    public void KMeans_on_values_near_double_MaxValue_labels_every_row_with_a_real_cluster()
    {
        var x = new double[30, 2];
        for (var i = 0; i < 30; i++)
        {
            x[i, 0] = (i % 3 == 0 ? -1.7e308 : 1.7e308) * (1 - (i * 1e-3));
            x[i, 1] = i;
        }

        var labels = new KMeans { NClusters = 4, RandomState = 1 }.FitPredict(x);

        labels.Should().OnlyContain(l => l >= 0 && l < 4);
    }

    private static DistanceMetric Metric(string name) => name switch
    {
        "euclidean" => DistanceMetric.Euclidean,
        "manhattan" => DistanceMetric.Manhattan,
        _ => DistanceMetric.Chebyshev,
    };

    private static (double[,] X, int[] Y) IntegerData(int n, int d, int seed)
    {
        var rng = new Imbalance.Randomness.RandomState(seed);
        var x = new double[n, d];
        var y = new int[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = i % 2;
            for (var j = 0; j < d; j++)
            {
                x[i, j] = rng.RandInt(0, 4) + (3 * y[i]);
            }
        }

        return (x, y);
    }

    private static double[,] Scale(double[,] x, int exponent)
    {
        var result = new double[x.GetLength(0), x.GetLength(1)];
        for (var i = 0; i < x.GetLength(0); i++)
        {
            for (var j = 0; j < x.GetLength(1); j++)
            {
                result[i, j] = Math.ScaleB(x[i, j], exponent);
            }
        }

        return result;
    }
}
