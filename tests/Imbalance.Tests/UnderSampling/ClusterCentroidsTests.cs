using System.Text.Json;
using Imbalance.Learning;
using Imbalance.Sampling;
using Imbalance.Tests.Parity;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.UnderSampling;

/// <summary>
/// ClusterCentroids against imblearn 0.10.0 (tests/fixtures/imblearn_cluster_centroids.json, made by
/// generate_cluster_centroids.py) on well separated blobs, where every k-means finds the same clusters: labels exact,
/// each class's rows equal as a set (centres to 1e-9, hard-voted rows exactly), plus invariants and errors.
/// </summary>
public class ClusterCentroidsTests
{
    private static readonly Lazy<JsonElement> _root = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "imblearn_cluster_centroids.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.Clone();
    });

    private static JsonElement Root => _root.Value;

    public static TheoryData<string> CaseNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in Root.GetProperty("cases").EnumerateArray())
            {
                data.Add(c.GetProperty("name").GetString()!);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Matches_imblearn_on_well_separated_blobs(string name)
    {
        var c = Root.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var data = Root.GetProperty("datasets").GetProperty(c.GetProperty("dataset").GetString()!);
        var x = ParityFixture.Matrix(data.GetProperty("X"));
        var y = ParityFixture.Ints(data.GetProperty("y"));
        var voting = c.GetProperty("voting").GetString() switch
        {
            "auto" => ClusterCentroidsVoting.Auto,
            "soft" => ClusterCentroidsVoting.Soft,
            _ => ClusterCentroidsVoting.Hard,
        };
        var sampler = new ClusterCentroids { SamplingStrategy = Strategy(c.GetProperty("strategy")), RandomState = c.GetProperty("seed").GetInt32(), Voting = voting };

        var result = sampler.FitResample(x, y);

        var expectedX = ParityFixture.Matrix(c.GetProperty("X_res"));
        var expectedY = ParityFixture.Ints(c.GetProperty("y_res"));
        var sources = ParityFixture.Ints(c.GetProperty("sources"));
        result.Y.Should().Equal(expectedY, "labels come per class in sorted order, as in imblearn");
        result.X.GetLength(1).Should().Be(x.GetLength(1));
        var hard = c.GetProperty("voting_").GetString() == "hard";
        foreach (var label in expectedY.Distinct())
        {
            var ours = SortedRows(result.X, result.Y, label);
            var theirs = SortedRows(expectedX, expectedY, label);
            ours.Should().HaveCount(theirs.Count);
            for (var r = 0; r < ours.Count; r++)
            {
                for (var j = 0; j < ours[r].Length; j++)
                {
                    if (hard)
                    {
                        ours[r][j].Should().Be(theirs[r][j], "hard voting keeps real rows");
                    }
                    else
                    {
                        ours[r][j].Should().BeApproximately(theirs[r][j], 1e-9, "soft voting keeps the centres");
                    }
                }
            }
        }

        if (hard)
        {
            // imblearn has no sample_indices_ here; ours names the selected rows, compared per class as multisets.
            result.SampleIndices.Should().NotBeNull();
            foreach (var label in expectedY.Distinct())
            {
                var ourRows = result.SampleIndices!.Where((_, i) => result.Y[i] == label).Order();
                var theirRows = sources.Where((_, i) => expectedY[i] == label).Order();
                ourRows.Should().Equal(theirRows);
            }
        }
        else
        {
            result.SampleIndices.Should().BeNull("soft-voted rows are synthetic centres");
        }

        c.GetProperty("has_sample_indices").GetBoolean().Should().BeFalse("imblearn 0.10.0 gives ClusterCentroids no sample_indices_");
    }

    [Fact]
    public void The_default_estimator_is_kmeans_with_ten_initialisations_like_scikit_learn_1_2()
    {
        foreach (var c in Root.GetProperty("cases").EnumerateArray())
        {
            c.GetProperty("estimator_n_init").GetString().Should().Be("warn");
            c.GetProperty("estimator_algorithm").GetString().Should().Be("lloyd");
        }

        Root.GetProperty("kmeans_default_warning")[0].GetString().Should().StartWith("The default value of `n_init` will change from 10 to 'auto'");

        // Ambiguous data (one Gaussian cloud), where the number of initialisations changes the outcome.
        var (x, y) = TestData.ThreeClasses(11);
        var byDefault = new ClusterCentroids { RandomState = 5 }.FitResample(x, y);
        var explicitTen = new ClusterCentroids { RandomState = 5, Estimator = new KMeans { NInit = 10, RandomState = 5 } }.FitResample(x, y);
        ParityFixture.Bits(byDefault.X).Should().Equal(ParityFixture.Bits(explicitTen.X));
        byDefault.Y.Should().Equal(explicitTen.Y);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void Soft_voting_gives_the_kmeans_centres_of_each_targeted_class_and_copies_the_others(int seed)
    {
        var (x, y) = TestData.ThreeClasses(3);
        var result = new ClusterCentroids { RandomState = seed, SamplingStrategy = SamplingStrategy.Counts(new Dictionary<int, int> { [0] = 7, [1] = 4 }) }.FitResample(x, y);

        result.Y.Should().Equal(Enumerable.Repeat(0, 7).Concat(Enumerable.Repeat(1, 4)).Concat(Enumerable.Repeat(2, 15)));
        var offset = 0;
        foreach (var (label, keep) in new[] { (0, 7), (1, 4) })
        {
            var expected = new KMeans { NClusters = keep, NInit = 10, RandomState = seed }.FitCentroids(ClassRows(x, y, label));
            for (var r = 0; r < keep; r++)
            {
                for (var j = 0; j < 4; j++)
                {
                    result.X[offset + r, j].Should().Be(expected[r, j], "each class is fitted by a fresh copy seeded with RandomState");
                }
            }

            offset += keep;
        }

        var minority = ClassRows(x, y, 2);
        for (var r = 0; r < 15; r++)
        {
            for (var j = 0; j < 4; j++)
            {
                result.X[offset + r, j].Should().Be(minority[r, j], "a class that is not targeted is copied in order");
            }
        }
    }

    [Fact]
    public void Kmeans_centres_are_the_means_of_its_clusters()
    {
        var (x, _) = TestData.ThreeClasses(4);
        var kmeans = new KMeans { NClusters = 5, NInit = 3, RandomState = 8 };
        var labels = kmeans.FitPredict(x);
        var centres = kmeans.FitCentroids(x);
        for (var c = 0; c < 5; c++)
        {
            var members = Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).ToArray();
            members.Should().NotBeEmpty();
            for (var j = 0; j < 4; j++)
            {
                centres[c, j].Should().BeApproximately(members.Average(i => x[i, j]), 1e-12);
            }
        }
    }

    [Fact]
    public void Hard_voting_keeps_the_row_of_the_class_nearest_to_each_centre()
    {
        var (x, y) = TestData.ThreeClasses(6);
        var result = new ClusterCentroids { RandomState = 2, Voting = ClusterCentroidsVoting.Hard }.FitResample(x, y);
        var centres = new KMeans { NClusters = 15, NInit = 10, RandomState = 2 }.FitCentroids(ClassRows(x, y, 0));

        result.SampleIndices.Should().NotBeNull().And.HaveCount(45);
        result.Y.Should().Equal(Enumerable.Repeat(0, 15).Concat(Enumerable.Repeat(1, 15)).Concat(Enumerable.Repeat(2, 15)));
        var classRows = Enumerable.Range(0, y.Length).Where(i => y[i] == 0).ToArray();
        for (var r = 0; r < 15; r++)
        {
            var chosen = result.SampleIndices![r];
            y[chosen].Should().Be(0);
            var best = classRows.Min(i => Distance(x, i, centres, r));
            Distance(x, chosen, centres, r).Should().Be(best);
            for (var j = 0; j < 4; j++)
            {
                result.X[r, j].Should().Be(x[chosen, j]);
            }
        }

        // Class 1 is targeted too (25 -> 15 rows); the minority keeps its rows in order.
        result.SampleIndices!.Skip(15).Take(15).Should().OnlyContain(i => y[i] == 1);
        result.SampleIndices!.Skip(30).Should().Equal(Enumerable.Range(0, y.Length).Where(i => y[i] == 2));
    }

    [Fact]
    public void Each_class_is_clustered_from_the_same_seed_as_scikit_learn_refits_with_random_state()
    {
        var (x0, _) = TestData.ThreeClasses(9);
        var n = x0.GetLength(0);
        var x = new double[2 * n, 4];
        var y = new int[2 * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                x[i, j] = x0[i, j];
                x[n + i, j] = x0[i, j];
            }

            y[n + i] = 1;
        }

        var result = new ClusterCentroids { RandomState = 13, SamplingStrategy = SamplingStrategy.Counts(new Dictionary<int, int> { [0] = 6, [1] = 6 }) }.FitResample(x, y);
        for (var r = 0; r < 6; r++)
        {
            for (var j = 0; j < 4; j++)
            {
                result.X[r, j].Should().Be(result.X[6 + r, j]);
            }
        }
    }

    [Fact]
    public void Inputs_and_the_estimator_are_left_untouched_and_the_seed_reproduces()
    {
        var (x, y) = TestData.ThreeClasses(1);
        var copy = TestData.Copy(x);
        var estimator = new KMeans { NClusters = 3, NInit = 2, RandomState = 4 };
        var sampler = new ClusterCentroids { Estimator = estimator, Voting = ClusterCentroidsVoting.Soft };

        var first = sampler.FitResample(x, y);
        var second = sampler.FitResample(x, y);

        x.Should().BeEquivalentTo(copy);
        estimator.NClusters.Should().Be(3);
        estimator.ClusterCount.Should().Be(3);
        ParityFixture.Bits(first.X).Should().Equal(ParityFixture.Bits(second.X));
        first.X.GetLength(0).Should().Be(45);
    }

    [Fact]
    public void A_shared_instance_gives_the_same_answer_from_many_threads()
    {
        var (x, y) = TestData.ThreeClasses(2);
        var sampler = new ClusterCentroids { RandomState = 7, Voting = ClusterCentroidsVoting.Hard };
        var expected = sampler.FitResample(x, y).SampleIndices;
        var results = new int[]?[8];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = sampler.FitResample(x, y).SampleIndices);
        results.Should().AllSatisfy(r => r.Should().Equal(expected));
    }

    [Fact]
    public void An_undefined_voting_is_rejected_in_imblearn_words()
    {
        Root.GetProperty("errors").GetProperty("voting")[1].GetString().Should().StartWith("The 'voting' parameter of ClusterCentroids must be a str among");
        var act = () => new ClusterCentroids { Voting = (ClusterCentroidsVoting)7 };
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "Voting")
            .WithMessage("The 'voting' parameter of ClusterCentroids must be a str among {'auto', 'hard', 'soft'}. Got 7 instead.*");
    }

    [Fact]
    public void Bad_seeds_cluster_counts_and_estimators_are_rejected()
    {
        var seed = () => new ClusterCentroids { RandomState = -1 };
        seed.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "RandomState");
        var count = () => new KMeans().WithClusterCount(0);
        count.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "NClusters");

        // imblearn raises when the estimator has no cluster_centers_ after fit; here the type guarantees the method,
        // and a clusterer returning the wrong number of centres is caught.
        var (x, y) = TestData.ThreeClasses(1);
        var broken = () => new ClusterCentroids { Estimator = new WrongCentres() }.FitResample(x, y);
        broken.Should().Throw<InvalidOperationException>().WithMessage("`estimator` should be a clustering estimator exposing a fitted parameter `cluster_centers_`*");
    }

    private static SamplingStrategy Strategy(JsonElement spec) => spec.ValueKind == JsonValueKind.String
        ? spec.GetString() switch
        {
            "auto" => SamplingStrategy.Auto,
            "all" => SamplingStrategy.All,
            var other => throw new InvalidOperationException(other),
        }
        : SamplingStrategy.Counts(spec.EnumerateObject().ToDictionary(p => int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture), p => p.Value.GetInt32()));

    private static List<double[]> SortedRows(double[,] x, int[] y, int label)
    {
        var rows = new List<double[]>();
        for (var i = 0; i < y.Length; i++)
        {
            if (y[i] == label)
            {
                rows.Add(Enumerable.Range(0, x.GetLength(1)).Select(j => x[i, j]).ToArray());
            }
        }

        // Blob centres differ by far more than 1e-9 in the first coordinate that differs, so rounding cannot reorder.
        rows.Sort((a, b) =>
        {
            for (var j = 0; j < a.Length; j++)
            {
                if (Math.Abs(a[j] - b[j]) > 1e-6)
                {
                    return a[j].CompareTo(b[j]);
                }
            }

            return 0;
        });
        return rows;
    }

    internal static double[,] ClassRows(double[,] x, int[] y, int label)
    {
        var positions = Enumerable.Range(0, y.Length).Where(i => y[i] == label).ToArray();
        var rows = new double[positions.Length, x.GetLength(1)];
        for (var r = 0; r < positions.Length; r++)
        {
            for (var j = 0; j < x.GetLength(1); j++)
            {
                rows[r, j] = x[positions[r], j];
            }
        }

        return rows;
    }

    private static double Distance(double[,] x, int row, double[,] centres, int centre)
    {
        var sum = 0.0;
        for (var j = 0; j < x.GetLength(1); j++)
        {
            var diff = x[row, j] - centres[centre, j];
            sum += diff * diff;
        }

        return sum;
    }

    private sealed class WrongCentres : ICentroidClusterer
    {
        public int ClusterCount => 1;

        public ICentroidClusterer WithClusterCount(int clusterCount) => this;

        public double[,] FitCentroids(double[,] x, CancellationToken cancellationToken = default) => new double[1, x.GetLength(1)];

        public int[] FitPredict(double[,] x, CancellationToken cancellationToken = default) => new int[x.GetLength(0)];
    }
}
