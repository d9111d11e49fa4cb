using Imbalance.Neighbors;
using Imbalance.Randomness;

namespace Imbalance.Tests.Neighbors;

/// <summary>Brute force and KD-tree against a scalar reference, thread-count independence, duplicates, errors.</summary>
public class EngineTests
{
    private static readonly DistanceMetric[] Metrics =
        [DistanceMetric.Euclidean, DistanceMetric.Manhattan, DistanceMetric.Chebyshev, DistanceMetric.Minkowski(3)];

    /// <summary>The specification: every fitted row's direct-sum reduced distance, sorted by (distance, index).</summary>
    private static (int[] Indices, double[] Distances) Reference(double[,] x, double[,] q, int k, DistanceMetric metric)
    {
        var n = x.GetLength(0);
        var d = x.GetLength(1);
        var m = q.GetLength(0);
        var indices = new int[m * k];
        var distances = new double[m * k];
        for (var i = 0; i < m; i++)
        {
            var all = new List<(double R, int J)>();
            for (var j = 0; j < n; j++)
            {
                var r = 0.0;
                for (var t = 0; t < d; t++)
                {
                    var diff = Math.Abs(q[i, t] - x[j, t]);
                    r = metric.Name switch
                    {
                        "euclidean" => r + (diff * diff),
                        "manhattan" => r + diff,
                        "chebyshev" => Math.Max(r, diff),
                        _ => r + Math.Pow(diff, metric.P),
                    };
                }

                all.Add((r, j));
            }

            var sorted = all.OrderBy(a => a.R).ThenBy(a => a.J).Take(k).ToArray();
            for (var j = 0; j < k; j++)
            {
                indices[(i * k) + j] = sorted[j].J;
                var r = sorted[j].R;
                distances[(i * k) + j] = metric.Name switch
                {
                    "euclidean" => Math.Sqrt(r),
                    "minkowski" => Math.Pow(r, 1.0 / metric.P),
                    _ => r,
                };
            }
        }

        return (indices, distances);
    }

    private static double[,] Normal(RandomState rng, int n, int d, double offset = 0)
    {
        var x = new double[n, d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                x[i, j] = rng.StandardNormal() + offset;
            }
        }

        return x;
    }

    private static void ShouldMatchReference(NeighborsResult result, double[,] x, double[,] q, int k, DistanceMetric metric)
    {
        var (indices, distances) = Reference(x, q, k, metric);
        result.AllIndices.ToArray().Should().Equal(indices);
        result.AllDistances.ToArray().Should().Equal(distances);
    }

    public static TheoryData<int> KernelLengths()
    {
        var data = new TheoryData<int>();
        for (var d = 1; d <= 260; d++)
        {
            data.Add(d);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KernelLengths))]
    public void Brute_force_kernels_match_the_scalar_reference_at_every_width(int d)
    {
        // 13 fitted rows (four panels, the last one padded) and 6 queries (two query quads, one padded).
        var rng = new RandomState(d);
        var x = Normal(rng, 13, d, offset: 3.0);
        var q = Normal(rng, 6, d, offset: 3.0);
        foreach (var metric in Metrics)
        {
            var index = new NearestNeighbors { NNeighbors = 5, Algorithm = NeighborsAlgorithm.Brute, Metric = metric }.Fit(x);
            ShouldMatchReference(index.KNeighbors(q), x, q, 5, metric);
        }
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(5, 2, 5)]
    [InlineData(257, 3, 7)]
    [InlineData(1030, 2, 1)]
    [InlineData(700, 5, 12)]
    [InlineData(600, 20, 6)]
    [InlineData(300, 64, 30)]
    public void Brute_force_and_kd_tree_agree_with_the_reference(int n, int d, int k)
    {
        var rng = new RandomState(n + d + k);
        var x = Normal(rng, n, d);
        var q = Normal(rng, 37, d);
        foreach (var metric in Metrics)
        {
            foreach (var algorithm in new[] { NeighborsAlgorithm.Brute, NeighborsAlgorithm.KdTree })
            {
                var index = new NearestNeighbors { NNeighbors = k, Algorithm = algorithm, Metric = metric, LeafSize = 4 }.Fit(x);
                ShouldMatchReference(index.KNeighbors(q), x, q, k, metric);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(33)]
    public void Scalar_fallback_without_simd_matches_the_reference(int d)
    {
        // The path taken on hardware without Vector256 acceleration.
        var rng = new RandomState(d + 100);
        var x = Normal(rng, 301, d);
        var q = Normal(rng, 9, d);
        var flat = new double[x.Length];
        Buffer.BlockCopy(x, 0, flat, 0, x.Length * sizeof(double));
        foreach (var metric in Metrics)
        {
            var search = new BruteForceSearch(flat, 301, d, metric, allowSimd: false);
            var indices = new int[9 * 4];
            var distances = new double[9 * 4];
            search.Search(new RowSource(q), 4, indices, distances, 2, CancellationToken.None);
            var (ri, rd) = Reference(x, q, 4, metric);
            indices.Should().Equal(ri);
            distances.Should().Equal(rd);
        }
    }

    [Fact]
    public void Duplicates_and_ties_are_ordered_by_lower_index()
    {
        // An integer grid with many duplicate rows and equidistant rows.
        var rng = new RandomState(3);
        var x = new double[120, 3];
        for (var i = 0; i < 120; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                x[i, j] = rng.RandInt(0, 3);
            }
        }

        foreach (var metric in Metrics)
        {
            foreach (var algorithm in new[] { NeighborsAlgorithm.Brute, NeighborsAlgorithm.KdTree })
            {
                var index = new NearestNeighbors { NNeighbors = 9, Algorithm = algorithm, Metric = metric, LeafSize = 5 }.Fit(x);
                ShouldMatchReference(index.KNeighbors(x), x, x, 9, metric);
            }
        }
    }

    [Fact]
    public void Far_from_origin_data_with_near_ties_is_still_exact()
    {
        // Large offsets make |q|^2 - 2q.x + |x|^2 cancel badly; the engine must still rank by the exact distance.
        var rng = new RandomState(11);
        var x = new double[400, 20];
        for (var i = 0; i < 400; i++)
        {
            for (var j = 0; j < 20; j++)
            {
                x[i, j] = 1e6 + (rng.RandInt(0, 4) * 1e-3) + (rng.RandomSample() * 1e-9);
            }
        }

        var index = new NearestNeighbors { NNeighbors = 6, Algorithm = NeighborsAlgorithm.Brute }.Fit(x);
        ShouldMatchReference(index.KNeighbors(x), x, x, 6, DistanceMetric.Euclidean);
    }

    [Theory]
    [InlineData(NeighborsAlgorithm.Brute)]
    [InlineData(NeighborsAlgorithm.KdTree)]
    public void Results_do_not_depend_on_the_thread_count(NeighborsAlgorithm algorithm)
    {
        var rng = new RandomState(5);
        var x = Normal(rng, 3000, 4);
        NeighborsResult Run(int threads) =>
            new NearestNeighbors { NNeighbors = 6, Algorithm = algorithm, MaxDegreeOfParallelism = threads }.Fit(x).KNeighbors(x);

        var one = Run(1);
        foreach (var threads in new[] { 2, 8 })
        {
            var other = Run(threads);
            other.AllIndices.ToArray().Should().Equal(one.AllIndices.ToArray());
            other.AllDistances.ToArray().Should().Equal(one.AllDistances.ToArray());
        }
    }

    [Theory]
    [InlineData(NeighborsAlgorithm.Brute, 40)]
    [InlineData(NeighborsAlgorithm.KdTree, 40)]
    [InlineData(NeighborsAlgorithm.Brute, 700)]
    [InlineData(NeighborsAlgorithm.KdTree, 700)]
    public void Tiny_searches_on_the_calling_thread_match_the_reference_and_the_parallel_search(NeighborsAlgorithm algorithm, int queryCount)
    {
        // 40 x 700 x 5 products is below the engine's serial threshold (the search runs on the calling thread);
        // 700 x 700 x 5 is above it (pool threads share the blocks). Both give the reference answer.
        var rng = new RandomState(17);
        var x = Normal(rng, 700, 5);
        var queries = new double[queryCount, 5];
        for (var i = 0; i < queryCount; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                queries[i, j] = x[(i * 7) % 700, j] + (rng.RandomSample() * 1e-3);
            }
        }

        var index = new NearestNeighbors { NNeighbors = 5, Algorithm = algorithm }.Fit(x);
        var result = index.KNeighbors(queries);
        ShouldMatchReference(result, x, queries, 5, DistanceMetric.Euclidean);
        var serial = new NearestNeighbors { NNeighbors = 5, Algorithm = algorithm, MaxDegreeOfParallelism = 1 }.Fit(x).KNeighbors(queries);
        result.AllIndices.ToArray().Should().Equal(serial.AllIndices.ToArray());
        result.AllDistances.ToArray().Should().Equal(serial.AllDistances.ToArray());
    }

    [Fact]
    public void Self_query_puts_each_row_first_and_the_no_argument_form_excludes_it()
    {
        var rng = new RandomState(9);
        var x = Normal(rng, 200, 3);
        var index = new NearestNeighbors { NNeighbors = 4 }.Fit(x);
        index.Algorithm.Should().Be(NeighborsAlgorithm.KdTree);
        var withSelf = index.KNeighbors(x, 5);
        var without = index.KNeighbors();
        without.NNeighbors.Should().Be(4);
        for (var i = 0; i < 200; i++)
        {
            withSelf.GetIndices(i)[0].Should().Be(i);
            withSelf.GetDistances(i)[0].Should().Be(0.0);
            without.GetIndices(i).ToArray().Should().Equal(withSelf.GetIndices(i)[1..].ToArray());
        }
    }

    [Fact]
    public void No_argument_form_drops_the_first_column_when_a_row_is_not_among_its_own_neighbours()
    {
        // Rows 0..3 are identical: for rows 2 and 3 the two nearest (0 and 1, lower indices) do not include the row itself,
        // so the first column is dropped, as scikit-learn does.
        var x = new double[,] { { 1, 1 }, { 1, 1 }, { 1, 1 }, { 1, 1 }, { 5, 5 } };
        var index = new NearestNeighbors { NNeighbors = 1, Algorithm = NeighborsAlgorithm.Brute }.Fit(x);
        var result = index.KNeighbors(1);
        result.ToIndexMatrix().Should().BeEquivalentTo(new[,] { { 1 }, { 0 }, { 1 }, { 1 }, { 0 } });
    }

    [Theory]
    [InlineData(8, 2, 6, NeighborsAlgorithm.Brute)]
    [InlineData(13, 2, 6, NeighborsAlgorithm.Brute)]
    [InlineData(14, 2, 6, NeighborsAlgorithm.KdTree)]
    [InlineData(100, 15, 6, NeighborsAlgorithm.KdTree)]
    [InlineData(100, 16, 6, NeighborsAlgorithm.Brute)]
    [InlineData(100, 3, 50, NeighborsAlgorithm.Brute)]
    [InlineData(100, 3, 49, NeighborsAlgorithm.KdTree)]
    public void Auto_follows_scikit_learns_rule(int n, int d, int k, NeighborsAlgorithm expected)
    {
        var x = Normal(new RandomState(1), n, d);
        new NearestNeighbors { NNeighbors = k }.Fit(x).Algorithm.Should().Be(expected);
    }

    [Fact]
    public void Auto_rule_matches_the_spec_table()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "knn_vectors.json");
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
        var rows = doc.RootElement.GetProperty("auto_algorithm_choice").EnumerateArray()
            .Where(r => r.GetProperty("metric").GetString() is "minkowski" or "euclidean" or "manhattan")
            .ToList();
        rows.Should().NotBeEmpty();
        foreach (var r in rows)
        {
            var config = new NearestNeighbors { NNeighbors = r.GetProperty("n_neighbors").GetInt32() };
            var expected = r.GetProperty("fit_method").GetString() == "kd_tree" ? NeighborsAlgorithm.KdTree : NeighborsAlgorithm.Brute;
            config.ResolveAlgorithm(r.GetProperty("n_samples_fit").GetInt32(), r.GetProperty("n_features").GetInt32()).Should().Be(expected, r.ToString());
        }
    }

    [Fact]
    public void Fitting_copies_the_rows_and_never_mutates_inputs()
    {
        var x = Normal(new RandomState(2), 50, 3);
        var copy = (double[,])x.Clone();
        var index = new NearestNeighbors().Fit(x);
        var before = index.KNeighbors(copy);
        x.Should().BeEquivalentTo(copy);
        x[0, 0] = 1e9;
        index.KNeighbors(copy).AllIndices.ToArray().Should().Equal(before.AllIndices.ToArray());
    }

    [Fact]
    public void Shared_index_gives_identical_answers_from_many_threads()
    {
        var x = Normal(new RandomState(4), 500, 6);
        var index = new NearestNeighbors { NNeighbors = 5 }.Fit(x);
        var expected = index.KNeighbors(x).AllIndices.ToArray();
        var results = new int[8][];
        Parallel.For(0, 8, i => results[i] = index.KNeighbors(x).AllIndices.ToArray());
        results.Should().AllSatisfy(r => r.Should().Equal(expected));
    }

    [Fact]
    public void Bad_queries_are_rejected_with_scikit_learns_wording()
    {
        var x = Normal(new RandomState(1), 10, 3);
        var index = new NearestNeighbors().Fit(x);
        index.Invoking(i => i.KNeighbors(x, 11)).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("nNeighbors")
            .WithMessage("Expected nNeighbors <= n_samples_fit, but nNeighbors = 11, n_samples_fit = 10, n_samples = 10*");
        index.Invoking(i => i.KNeighbors(x, 0)).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("nNeighbors").WithMessage("Expected nNeighbors > 0. Got 0*");
        index.Invoking(i => i.KNeighbors(new double[2, 4])).Should().Throw<ArgumentException>()
            .WithParameterName("queries").WithMessage("X has 4 features, but NearestNeighbors is expecting 3 features as input.*");
        index.Invoking(i => i.KNeighbors(new double[,] { { 1, double.NaN, 2 } })).Should().Throw<ArgumentException>()
            .WithParameterName("queries").WithMessage("*NaN*");
        index.Invoking(i => i.KNeighbors(new double[0, 3])).Should().Throw<ArgumentException>().WithParameterName("queries");
        index.Invoking(i => i.KNeighbors((double[,])null!)).Should().Throw<ArgumentNullException>().WithParameterName("queries");
        index.Invoking(i => i.KNeighbors(10)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("nNeighbors");
    }

    [Fact]
    public void Bad_fits_and_configurations_are_rejected()
    {
        var nn = new NearestNeighbors();
        nn.Invoking(n => n.Fit(new double[,] { { double.PositiveInfinity } })).Should().Throw<ArgumentException>()
            .WithParameterName("x").WithMessage("*infinity*");
        nn.Invoking(n => n.Fit(new double[0, 2])).Should().Throw<ArgumentException>().WithParameterName("x");
        FluentActions.Invoking(() => new NearestNeighbors { NNeighbors = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("NNeighbors");
        FluentActions.Invoking(() => new NearestNeighbors { LeafSize = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("LeafSize");
        FluentActions.Invoking(() => new NearestNeighbors { MaxDegreeOfParallelism = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxDegreeOfParallelism");
        FluentActions.Invoking(() => DistanceMetric.Minkowski(0.5)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("p");
        DistanceMetric.Minkowski(2).Should().BeSameAs(DistanceMetric.Euclidean);
        DistanceMetric.Minkowski(1).Should().BeSameAs(DistanceMetric.Manhattan);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        var x = Normal(new RandomState(1), 2000, 3);
        var index = new NearestNeighbors().Fit(x);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        index.Invoking(i => i.KNeighbors(x, 5, cts.Token)).Should().Throw<OperationCanceledException>();
    }
}
