using Imbalance.Learning;
using Imbalance.OverSampling;
using Imbalance.Tests.Parity;

namespace Imbalance.Tests.OverSampling;

/// <summary>
/// KMeansSmote against imblearn 0.10.0 on four well separated blobs, clustered with <see cref="MiniBatchKMeans"/>
/// (imblearn's <c>MiniBatchKMeans(n_clusters=4)</c> reproduced): the synthetic rows are imblearn's in order, bit for
/// bit. The full-batch <see cref="KMeans"/> finds the same clusters numbered differently, so with it the rows of a
/// class agree as a multiset.
/// </summary>
public class KMeansSmoteTests
{
    public static TheoryData<string> Cases => SmoteFixture.Names("KMeansSMOTE");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_imblearn_row_for_row(string name)
    {
        var c = SmoteFixture.Case(name);
        if (c.TryGetProperty("error", out _))
        {
            SmoteFamilyParityTests.Check(name);
            return;
        }

        var data = SmoteFixture.Dataset(c.GetProperty("data").GetString()!);
        var x = ParityFixture.Matrix(data.GetProperty("X"));
        var y = ParityFixture.Ints(data.GetProperty("y"));
        var result = SmoteFixture.Sampler<int>(c).FitResample(x, y);

        ParityFixture.Ordered(result.ResolvedStrategy).Should().Equal(ParityFixture.Pairs<int>(c.GetProperty("sampling_strategy_")));
        var expectedY = ParityFixture.Ints(c.GetProperty("y_new"));
        result.Y.Skip(y.Length).Should().Equal(expectedY);
        ParityFixture.Bits(result.X).Skip(x.Length).Should().Equal(ParityFixture.Bits(ParityFixture.Matrix(c.GetProperty("X_new"))));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Full_batch_KMeans_matches_imblearn_up_to_cluster_numbering(string name)
    {
        var c = SmoteFixture.Case(name);
        if (c.TryGetProperty("error", out _))
        {
            return; // the error cases are checked with the default clusterer above
        }

        var data = SmoteFixture.Dataset(c.GetProperty("data").GetString()!);
        var x = ParityFixture.Matrix(data.GetProperty("X"));
        var y = ParityFixture.Ints(data.GetProperty("y"));
        var p = c.GetProperty("params");
        var sampler = (KMeansSmote)SmoteFixture.Sampler<int>(c);
        sampler = new KMeansSmote
        {
            SamplingStrategy = sampler.SamplingStrategy,
            RandomState = sampler.RandomState,
            KNeighbors = sampler.KNeighbors,
            ClusterBalanceThreshold = sampler.ClusterBalanceThreshold,
            DensityExponent = sampler.DensityExponent,
            KMeansEstimator = new KMeans { NClusters = p.GetProperty("kmeans_estimator").GetInt32(), RandomState = sampler.RandomState },
        };
        var result = sampler.FitResample(x, y);

        var expectedY = ParityFixture.Ints(c.GetProperty("y_new"));
        result.Y.Skip(y.Length).Should().Equal(expectedY);
        var expected = Rows(ParityFixture.Matrix(c.GetProperty("X_new")), 0);
        var actual = Rows(result.X, y.Length);
        foreach (var label in expectedY.Distinct())
        {
            Sorted(actual.Where((_, i) => expectedY[i] == label)).Should().Equal(Sorted(expected.Where((_, i) => expectedY[i] == label)));
        }
    }

    [Fact]
    public void Synthetic_rows_stay_inside_their_cluster_and_class()
    {
        var data = SmoteFixture.Dataset("blobs4");
        var x = ParityFixture.Matrix(data.GetProperty("X"));
        var y = ParityFixture.Ints(data.GetProperty("y"));
        var result = new KMeansSmote { RandomState = 0, KMeansEstimator = new KMeans { NClusters = 4, RandomState = 0 }, ClusterBalanceThreshold = 0.05 }
            .FitResample(x, y);
        var p = result.Provenance!;
        p.Count.Should().BePositive();
        for (var i = 0; i < p.Count; i++)
        {
            y[p.BaseIndices[i]].Should().Be(result.Y[p.FirstRow + i]);
            y[p.NeighborIndices[i]].Should().Be(result.Y[p.FirstRow + i]);
            // Same blob: the blobs are 20 apart, a row and its in-cluster neighbour are within a few units.
            Math.Abs(x[p.BaseIndices[i], 0] - x[p.NeighborIndices[i], 0]).Should().BeLessThan(10);
            Math.Abs(x[p.BaseIndices[i], 1] - x[p.NeighborIndices[i], 1]).Should().BeLessThan(10);
        }
    }

    [Fact]
    public void KMeans_finds_the_four_blobs_and_validates_its_parameters()
    {
        var data = SmoteFixture.Dataset("blobs4");
        var x = ParityFixture.Matrix(data.GetProperty("X"));
        var labels = new KMeans { NClusters = 4, RandomState = 5 }.FitPredict(x);
        for (var i = 0; i < labels.Length; i++)
        {
            for (var j = 0; j < labels.Length; j++)
            {
                var sameBlob = Math.Abs(x[i, 0] - x[j, 0]) < 10 && Math.Abs(x[i, 1] - x[j, 1]) < 10;
                (labels[i] == labels[j]).Should().Be(sameBlob);
            }
        }

        var k = () => new KMeans { NClusters = 0 };
        k.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("NClusters");
        var few = () => new KMeans { NClusters = 5 }.FitPredict(new double[3, 1]);
        few.Should().Throw<ArgumentException>().WithParameterName("x");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void One_clustering_serves_every_class_with_a_seeded_clusterer_and_gives_the_same_rows_as_refitting(bool fullBatch)
    {
        // Four classes, three over-sampled: a seeded MiniBatchKMeans or KMeans is fitted once; a custom clusterer
        // wrapping the same estimator is refitted for every class, as imblearn does. The rows must agree bit for bit.
        var random = new Random(3);
        const int n = 600;
        var x = new double[n, 3];
        var y = new int[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = i < 400 ? 0 : i < 500 ? 1 : i < 560 ? 2 : 3;
            for (var j = 0; j < 3; j++)
            {
                x[i, j] = (random.NextDouble() * 4) + (y[i] * (j == 0 ? 3 : 1));
            }
        }

        ICentroidClusterer clusterer = fullBatch ? new KMeans { NClusters = 5, RandomState = 2 } : new MiniBatchKMeans { NClusters = 5, RandomState = 2, BatchSize = 64 };
        var fitted = new KMeansSmote { RandomState = 1, KMeansEstimator = clusterer, ClusterBalanceThreshold = 0.0 }.FitResample(x, y);
        var refitting = new Refitting(clusterer);
        var refitted = new KMeansSmote { RandomState = 1, KMeansEstimator = refitting, ClusterBalanceThreshold = 0.0 }.FitResample(x, y);
        refitting.Fits.Should().Be(3);
        refitted.Y.Should().Equal(fitted.Y);
        ParityFixture.Bits(refitted.X).Should().Equal(ParityFixture.Bits(fitted.X));
        fitted.Y.Length.Should().BeGreaterThan(n);
    }

    private sealed class Refitting(ICentroidClusterer inner) : IClusterer
    {
        public int Fits { get; private set; }

        public int ClusterCount => inner.ClusterCount;

        public int[] FitPredict(double[,] x, CancellationToken cancellationToken = default)
        {
            Fits++;
            return inner.FitPredict(x, cancellationToken);
        }
    }

    private static double[][] Rows(double[,] x, int from) =>
        Enumerable.Range(from, x.GetLength(0) - from).Select(i => Enumerable.Range(0, x.GetLength(1)).Select(j => x[i, j]).ToArray()).ToArray();

    private static string[] Sorted(IEnumerable<double[]> rows) =>
        rows.Select(r => string.Join(",", r.Select(v => BitConverter.DoubleToInt64Bits(v)))).Order(StringComparer.Ordinal).ToArray();
}
