using Imbalance.Learning;

namespace Imbalance.Tests.Learning;

/// <summary>
/// The fast k-means paths (seeding pruned by each row's closest centre, SIMD centre scan with Hamerly bounds) against
/// the reference path (KD-tree seeding with box pruning, k-NN engine queries): labels, centres, every run's inertia
/// and iteration count equal bit for bit on random data, duplicates, integer grids (exact ties) and empty clusters.
/// </summary>
public class KMeansPathTests
{
    public static TheoryData<int, int, int, int> Shapes => new()
    {
        // n, d, k, kind (0 Gaussian, 1 integer grid with ties, 2 few distinct rows repeated, 3 Gaussian blobs)
        { 20, 1, 3, 0 },
        { 60, 2, 7, 1 },
        { 100, 3, 2, 0 },
        { 150, 5, 12, 2 },
        { 300, 9, 25, 3 },
        { 400, 10, 50, 0 },
        { 500, 16, 40, 1 },
        { 600, 20, 60, 3 },
        { 250, 33, 30, 2 },
        { 700, 3, 300, 0 },
        { 300, 64, 17, 0 },
        { 120, 200, 9, 3 },
        { 90, 4, 1, 0 },
        { 1500, 20, 100, 3 },
        { 64, 12, 64, 1 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Fast_and_reference_paths_agree_bit_for_bit(int n, int d, int k, int kind)
    {
        var rows = Data(n, d, kind, seed: n + d + k);
        foreach (var seed in new[] { 0, 7 })
        {
            var reference = Fit(KMeansPath.Reference, rows, n, d, k, seed);
            foreach (var path in new[] { KMeansPath.Fast, KMeansPath.Auto })
            {
                var other = Fit(path, rows, n, d, k, seed);
                other.Labels.Should().Equal(reference.Labels, $"{path} labels");
                other.Centres.Select(BitConverter.DoubleToInt64Bits).Should().Equal(reference.Centres.Select(BitConverter.DoubleToInt64Bits), $"{path} centres");
                other.Converged.Should().Be(reference.Converged);
                other.Runs.Select(r => BitConverter.DoubleToInt64Bits(r.Inertia)).Should().Equal(reference.Runs.Select(r => BitConverter.DoubleToInt64Bits(r.Inertia)), $"{path} inertia of every run");
                other.Runs.Select(r => r.Iterations).Should().Equal(reference.Runs.Select(r => r.Iterations), $"{path} iterations of every run");
            }
        }
    }

    [Fact]
    public void Iteration_limits_and_zero_tolerance_agree_too()
    {
        var rows = Data(800, 6, 0, seed: 3);
        foreach (var (maxIterations, tolerance) in new[] { (1, 1e-4), (3, 0.0), (300, 0.0) })
        {
            var reference = Fit(KMeansPath.Reference, rows, 800, 6, 40, 5, maxIterations, tolerance);
            var fast = Fit(KMeansPath.Fast, rows, 800, 6, 40, 5, maxIterations, tolerance);
            fast.Labels.Should().Equal(reference.Labels);
            fast.Centres.Select(BitConverter.DoubleToInt64Bits).Should().Equal(reference.Centres.Select(BitConverter.DoubleToInt64Bits));
            fast.Runs.Should().Equal(reference.Runs);
        }
    }

    [Theory]
    [InlineData(400, 5, 40, 1)]
    [InlineData(900, 16, 96, 3)]
    [InlineData(300, 8, 70, 2)]
    [InlineData(700, 3, 300, 0)]
    public void Every_run_of_a_fit_sharing_the_lloyd_buffers_matches_the_reference_path(int n, int d, int k, int kind)
    {
        // The Lloyd buffers (bounds, sums, answers) are allocated once per fit and reused by every run: no state may
        // carry from one run to the next, whatever the path (ties and duplicate rows included).
        var rows = Data(n, d, kind, seed: (3 * n) + k);
        var reference = Fit(KMeansPath.Reference, rows, n, d, k, seed: 11, nInit: 6);
        foreach (var path in new[] { KMeansPath.Fast, KMeansPath.Grouped, KMeansPath.Auto })
        {
            var other = Fit(path, rows, n, d, k, seed: 11, nInit: 6);
            other.Labels.Should().Equal(reference.Labels, $"{path} labels");
            other.Centres.Select(BitConverter.DoubleToInt64Bits).Should().Equal(reference.Centres.Select(BitConverter.DoubleToInt64Bits), $"{path} centres");
            other.Runs.Select(r => BitConverter.DoubleToInt64Bits(r.Inertia)).Should().Equal(reference.Runs.Select(r => BitConverter.DoubleToInt64Bits(r.Inertia)), $"{path} inertia of every run");
            other.Runs.Select(r => r.Iterations).Should().Equal(reference.Runs.Select(r => r.Iterations), $"{path} iterations of every run");
            var again = Fit(path, rows, n, d, k, seed: 11, nInit: 6);
            again.Labels.Should().Equal(other.Labels, $"{path} refit labels");
            again.Runs.Should().Equal(other.Runs, $"{path} refit runs");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(31)]
    [InlineData(200)]
    public void Panel_distances_equal_the_scalar_direct_sum_and_the_two_nearest_follow_distance_then_index(int d)
    {
        var random = new Random(d);
        foreach (var count in new[] { 2, 7, 8, 9, 33, 70 })
        {
            // Half the points are copies of others, so exact ties occur.
            var points = new double[count * d];
            for (var i = 0; i < count; i++)
            {
                for (var t = 0; t < d; t++)
                {
                    points[(i * d) + t] = i >= count / 2 && i > 1 ? points[((i % (count / 2)) * d) + t] : Math.Round(random.NextDouble() * 8) / 4;
                }
            }

            var panels = new DistancePanels();
            panels.Load(points, count, d);
            var lanes = new double[DistancePanels.Lanes];
            for (var q = 0; q < 10; q++)
            {
                var query = Enumerable.Range(0, d).Select(_ => q < 5 ? Math.Round(random.NextDouble() * 8) / 4 : random.NextDouble() * 2).ToArray();
                var expected = new double[count];
                for (var i = 0; i < count; i++)
                {
                    var sum = 0.0;
                    for (var t = 0; t < d; t++)
                    {
                        var diff = query[t] - points[(i * d) + t];
                        sum += diff * diff;
                    }

                    expected[i] = sum;
                }

                for (var p = 0; p < panels.PanelCount; p++)
                {
                    panels.Distances(query, p, lanes);
                    for (var l = 0; l < DistancePanels.Lanes && (p * DistancePanels.Lanes) + l < count; l++)
                    {
                        BitConverter.DoubleToInt64Bits(lanes[l]).Should().Be(BitConverter.DoubleToInt64Bits(expected[(p * DistancePanels.Lanes) + l]));
                    }
                }

                var order = Enumerable.Range(0, count).OrderBy(i => expected[i]).ThenBy(i => i).ToArray();
                panels.NearestTwo(query, out var first, out var firstValue, out var second, out var secondValue);
                first.Should().Be(order[0]);
                second.Should().Be(order[1]);
                firstValue.Should().Be(expected[order[0]]);
                secondValue.Should().Be(expected[order[1]]);
            }
        }
    }

    private static (int[] Labels, double[] Centres, bool Converged, List<(double Inertia, int Iterations)> Runs) Fit(
        KMeansPath path, double[] rows, int n, int d, int k, int seed, int maxIterations = 300, double tolerance = 1e-4, int nInit = 3)
    {
        var runs = new List<(double, int)>();
        var kmeans = new KMeans { NClusters = k, NInit = nInit, RandomState = seed, MaxIterations = maxIterations, Tolerance = tolerance, Path = path };
        var (labels, centres, converged) = kmeans.Fit(rows, n, d, (inertia, iterations) => runs.Add((inertia, iterations)), CancellationToken.None);
        return (labels, centres, converged, runs);
    }

    private static double[] Data(int n, int d, int kind, int seed)
    {
        var random = new Random(seed);
        var rows = new double[n * d];
        var blobs = Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, d).Select(_ => random.NextDouble() * 20).ToArray()).ToArray();
        for (var i = 0; i < n; i++)
        {
            var blob = blobs[random.Next(blobs.Length)];
            for (var t = 0; t < d; t++)
            {
                rows[(i * d) + t] = kind switch
                {
                    0 => Gaussian(random),
                    1 => random.Next(4),
                    2 => i < 7 ? Gaussian(random) : rows[((i % 7) * d) + t],
                    _ => blob[t] + Gaussian(random),
                };
            }
        }

        return rows;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
