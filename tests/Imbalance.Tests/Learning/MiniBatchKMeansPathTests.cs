using Imbalance.Learning;

namespace Imbalance.Tests.Learning;

/// <summary>
/// MiniBatchKMeans's SIMD kernels (nearest centre over transposed centre panels, k-means++ distances over transposed
/// row panels) against the scalar loops (<see cref="KMeansPath.Reference"/>): labels and centres equal bit for bit on
/// random data, integer grids (exact ties), repeated rows, many centres (several panels, partial last panel), one
/// centre, small batches with reassignments, and seeding on the whole data.
/// </summary>
public class MiniBatchKMeansPathTests
{
    public static TheoryData<int, int, int, int, int> Shapes => new()
    {
        // n, d, k, batch, kind (0 Gaussian, 1 integer grid with ties, 2 few distinct rows repeated, 3 Gaussian blobs,
        // 4 huge values whose squared norms overflow)
        { 40, 1, 3, 16, 0 },
        { 60, 2, 7, 20, 1 },
        { 100, 3, 8, 32, 0 },
        { 150, 5, 9, 50, 2 },
        { 300, 9, 25, 64, 3 },
        { 400, 10, 50, 100, 0 },
        { 500, 16, 17, 1024, 1 },
        { 600, 20, 8, 128, 3 },
        { 250, 33, 30, 40, 2 },
        { 700, 3, 70, 150, 0 },
        { 300, 64, 16, 77, 0 },
        { 120, 200, 9, 30, 3 },
        { 90, 4, 1, 13, 0 },
        { 5000, 30, 8, 1024, 3 },
        { 64, 12, 64, 64, 1 },
        { 80, 6, 5, 20, 4 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Simd_and_scalar_paths_agree_bit_for_bit(int n, int d, int k, int batch, int kind)
    {
        var rows = Data(n, d, kind, seed: n + d + k);
        foreach (var seed in new[] { 0, 11 })
        {
            foreach (var (initSize, maxNoImprovement) in new (int?, int?)[] { (null, 10), (Math.Max(k, n / 2), null), (n, 3) })
            {
                var reference = Fit(KMeansPath.Reference, rows, n, d, k, batch, seed, initSize, maxNoImprovement);
                foreach (var path in new[] { KMeansPath.Fast, KMeansPath.Auto })
                {
                    var other = Fit(path, rows, n, d, k, batch, seed, initSize, maxNoImprovement);
                    other.Labels.Should().Equal(reference.Labels, $"{path} labels, seed {seed}, init_size {initSize}");
                    other.Centres.Select(BitConverter.DoubleToInt64Bits).Should().Equal(
                        reference.Centres.Select(BitConverter.DoubleToInt64Bits), $"{path} centres, seed {seed}, init_size {initSize}");
                }
            }
        }
    }

    [Fact]
    public void Public_entry_points_read_the_callers_matrix_without_changing_it()
    {
        const int n = 200;
        const int d = 7;
        var flat = Data(n, d, 3, seed: 5);
        var x = new double[n, d];
        Buffer.BlockCopy(flat, 0, x, 0, flat.Length * sizeof(double));
        var before = (double[,])x.Clone();
        var model = new MiniBatchKMeans { NClusters = 6, BatchSize = 50, RandomState = 3 };
        var labels = model.FitPredict(x);
        var centres = model.FitCentroids(x);
        x.Should().BeEquivalentTo(before);
        var reference = Fit(KMeansPath.Reference, flat, n, d, 6, 50, 3, null, 10);
        labels.Should().Equal(reference.Labels);
        centres.Cast<double>().Select(BitConverter.DoubleToInt64Bits).Should().Equal(reference.Centres.Select(BitConverter.DoubleToInt64Bits));
    }

    private static (int[] Labels, double[] Centres) Fit(KMeansPath path, double[] rows, int n, int d, int k, int batch, int seed, int? initSize, int? maxNoImprovement)
    {
        var model = new MiniBatchKMeans
        {
            NClusters = k,
            BatchSize = batch,
            RandomState = seed,
            InitSize = initSize,
            MaxNoImprovement = maxNoImprovement,
            MaxIterations = 20,
            Path = path,
        };
        return model.Fit(rows, n, d, CancellationToken.None);
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
                    3 => blob[t] + Gaussian(random),
                    _ => (i % 3 == 0 ? 1e200 : 1.0) * Gaussian(random),
                };
            }
        }

        return rows;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
