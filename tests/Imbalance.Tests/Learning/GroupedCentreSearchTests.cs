using Imbalance.Learning;

namespace Imbalance.Tests.Learning;

/// <summary>
/// KMeans with Yinyang's group bounds (<see cref="KMeansPath.Grouped"/>) against the reference path (k-NN engine
/// queries) and the Hamerly scan (<see cref="KMeansPath.Fast"/>): labels, centres, every run's inertia and iteration
/// count equal bit for bit on random data, integer grids (exact ties), repeated rows, blobs, many centres (up to
/// several hundred, more than the group limit times 16) and iteration limits.
/// </summary>
public class GroupedCentreSearchTests
{
    public static TheoryData<int, int, int, int> Shapes()
    {
        var shapes = new TheoryData<int, int, int, int>
        {
            // n, d, k, kind (0 Gaussian, 1 integer grid with ties, 2 few distinct rows repeated, 3 Gaussian blobs)
            { 60, 2, 7, 1 },
            { 150, 5, 12, 2 },
            { 300, 9, 33, 3 },
            { 400, 10, 50, 0 },
            { 500, 16, 40, 1 },
            { 600, 20, 64, 3 },
            { 250, 33, 30, 2 },
            { 700, 3, 300, 0 },
            { 300, 64, 17, 0 },
            { 120, 200, 9, 3 },
            { 1500, 20, 100, 3 },
            { 64, 12, 64, 1 },
            { 700, 12, 520, 3 }, // 32 groups
            { 900, 17, 200, 1 },
            { 800, 40, 150, 2 },
        };
        if (LongRuns.Enabled)
        {
            shapes.Add(2000, 16, 1100, 3); // k >= 1024: the most groups (MaxGroups)
        }

        return shapes;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Grouped_bounds_agree_bit_for_bit_with_the_reference_and_Hamerly_paths(int n, int d, int k, int kind)
    {
        var rows = Data(n, d, kind, seed: n + d + k);
        foreach (var seed in new[] { 0, 7 })
        {
            var reference = Fit(KMeansPath.Reference, rows, n, d, k, seed);
            foreach (var path in new[] { KMeansPath.Grouped, KMeansPath.Fast, KMeansPath.Auto })
            {
                var other = Fit(path, rows, n, d, k, seed);
                other.Labels.Should().Equal(reference.Labels, $"{path} labels");
                other.Centres.Select(BitConverter.DoubleToInt64Bits).Should().Equal(reference.Centres.Select(BitConverter.DoubleToInt64Bits), $"{path} centres");
                other.Converged.Should().Be(reference.Converged);
                other.Runs.Should().Equal(reference.Runs, $"{path} inertia and iterations of every run");
            }
        }
    }

    [Fact]
    public void Iteration_limits_and_zero_tolerance_agree_too()
    {
        var rows = Data(1200, 18, 3, seed: 4);
        foreach (var (maxIterations, tolerance) in new[] { (1, 1e-4), (2, 0.0), (300, 0.0) })
        {
            var reference = Fit(KMeansPath.Reference, rows, 1200, 18, 90, 5, maxIterations, tolerance);
            var grouped = Fit(KMeansPath.Grouped, rows, 1200, 18, 90, 5, maxIterations, tolerance);
            grouped.Labels.Should().Equal(reference.Labels);
            grouped.Centres.Select(BitConverter.DoubleToInt64Bits).Should().Equal(reference.Centres.Select(BitConverter.DoubleToInt64Bits));
            grouped.Runs.Should().Equal(reference.Runs);
        }
    }

    [Fact]
    public void Vector_top_two_of_a_group_equals_the_scalar_scan_in_slot_order()
    {
        // The SIMD top two (smallest, its first slot, second smallest of the multiset) against the scalar scan, on
        // random lengths, padding, heavy ties (few distinct values), duplicates of the minimum and +infinity.
        var random = new Random(5);
        for (var trial = 0; trial < 20_000; trial++)
        {
            var length = DistancePanels.Lanes * random.Next(1, 6);
            var real = random.Next(1, length + 1);
            var distinct = random.Next(4) == 0 ? 2 : random.Next(1, 40);
            var values = new double[length];
            for (var i = 0; i < length; i++)
            {
                values[i] = random.Next(10) == 0 ? double.PositiveInfinity : random.Next(distinct) * (random.Next(2) == 0 ? 0.5 : 1.75);
            }

            var best = double.PositiveInfinity;
            var bestAt = -1;
            var next = double.PositiveInfinity;
            for (var i = 0; i < real; i++)
            {
                if (values[i] < best)
                {
                    next = best;
                    best = values[i];
                    bestAt = i;
                }
                else if (values[i] < next)
                {
                    next = values[i];
                }
            }

            GroupedCentreSearch.TopTwo(values, real, out var vectorBest, out var vectorAt, out var vectorNext);
            BitConverter.DoubleToInt64Bits(vectorBest).Should().Be(BitConverter.DoubleToInt64Bits(best), $"trial {trial}");
            vectorAt.Should().Be(bestAt, $"trial {trial}");
            BitConverter.DoubleToInt64Bits(vectorNext).Should().Be(BitConverter.DoubleToInt64Bits(next), $"trial {trial}");
            values.Skip(real).All(double.IsPositiveInfinity).Should().BeTrue("padding is overwritten with +infinity");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(200)]
    public void Batched_and_four_query_panel_distances_equal_the_single_panel_ones(int d)
    {
        var random = new Random(d);
        const int count = 77;
        var points = Enumerable.Range(0, count * d).Select(i => i % 5 == 0 ? 1.0 : random.NextDouble() * 4).ToArray();
        var panels = new DistancePanels();
        panels.Load(points, count, d);
        var queries = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, d).Select(_ => random.NextDouble() * 4).ToArray()).ToArray();
        var list = Enumerable.Range(0, panels.PanelCount).Reverse().ToArray();
        var single = new double[DistancePanels.Lanes];
        var four = new double[4 * DistancePanels.Lanes];
        var batched = new double[list.Length * DistancePanels.Lanes];
        panels.Distances(queries[2], list, batched);
        for (var p = 0; p < panels.PanelCount; p++)
        {
            panels.Distances(queries[0], queries[1], queries[2], queries[3], p, four);
            for (var q = 0; q < 4; q++)
            {
                panels.Distances(queries[q], p, single);
                four.Skip(q * DistancePanels.Lanes).Take(DistancePanels.Lanes).Select(BitConverter.DoubleToInt64Bits)
                    .Should().Equal(single.Select(BitConverter.DoubleToInt64Bits));
                if (q == 2)
                {
                    var at = Array.IndexOf(list, p) * DistancePanels.Lanes;
                    batched.Skip(at).Take(DistancePanels.Lanes).Select(BitConverter.DoubleToInt64Bits)
                        .Should().Equal(single.Select(BitConverter.DoubleToInt64Bits));
                }
            }
        }
    }

    private static (int[] Labels, double[] Centres, bool Converged, List<(long Inertia, int Iterations)> Runs) Fit(
        KMeansPath path, double[] rows, int n, int d, int k, int seed, int maxIterations = 300, double tolerance = 1e-4)
    {
        var runs = new List<(long, int)>();
        var kmeans = new KMeans { NClusters = k, NInit = 2, RandomState = seed, MaxIterations = maxIterations, Tolerance = tolerance, Path = path };
        var (labels, centres, converged) = kmeans.Fit(rows, n, d, (inertia, iterations) => runs.Add((BitConverter.DoubleToInt64Bits(inertia), iterations)), CancellationToken.None);
        return (labels, centres, converged, runs);
    }

    private static double[] Data(int n, int d, int kind, int seed)
    {
        var random = new Random(seed);
        var rows = new double[n * d];
        var blobs = Enumerable.Range(0, 12).Select(_ => Enumerable.Range(0, d).Select(_ => random.NextDouble() * 20).ToArray()).ToArray();
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
