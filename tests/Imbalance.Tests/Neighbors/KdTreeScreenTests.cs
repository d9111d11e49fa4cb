using Imbalance.Neighbors;
using Imbalance.Randomness;

namespace Imbalance.Tests.Neighbors;

/// <summary>
/// The single-precision screen of the KD-tree's lane-by-lane leaf scan (Euclidean, five features or more): with the
/// screen, the blocked search returns the same neighbours, in the same order, with the same distances bit for bit, as
/// without it and as the one-query search, including on data where single precision cannot tell rows apart (near
/// ties a few double ulps apart, large offsets, tiny magnitudes) and on values too large to screen.
/// </summary>
public class KdTreeScreenTests
{
    private static double[] Gaussian(RandomState rng, int count, double scale = 1.0)
    {
        var x = new double[count];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = rng.StandardNormal() * scale;
        }

        return x;
    }

    private static (int[] Indices, double[] Distances) Blocked(KdTree tree, double[] q, int m, int d, int k, int threads)
    {
        var indices = new int[m * k];
        var distances = new double[m * k];
        tree.SearchBlocked(new RowSource(q, m, d), k, indices, distances, threads, CancellationToken.None, narrow: false);
        return (indices, distances);
    }

    private static (int[] Indices, double[] Distances) Single(KdTree tree, double[] q, int m, int d, int k)
    {
        var indices = new int[m * k];
        var distances = new double[m * k];
        tree.SearchSingle(new RowSource(q, m, d), k, indices, distances, 1, CancellationToken.None);
        return (indices, distances);
    }

    /// <summary>Searches the rows themselves (fitted-row blocks) and a perturbed copy, screened and not, and checks
    /// all three searches agree exactly; returns whether the screen was used.</summary>
    private static bool CheckAgree(double[] x, int n, int d, int k, int leafSize, int threads = 2)
    {
        var screened = new KdTree(x, n, d, DistanceMetric.Euclidean, leafSize);
        var plain = new KdTree(x, n, d, DistanceMetric.Euclidean, leafSize) { ScreenDisabled = true };
        var copy = (double[])x.Clone();
        for (var i = 0; i < copy.Length; i += 7)
        {
            copy[i] = Math.BitIncrement(copy[i]);
        }

        foreach (var queries in new[] { x, copy })
        {
            var a = Blocked(screened, queries, n, d, k, threads);
            var b = Blocked(plain, queries, n, d, k, threads);
            var c = Single(plain, queries, n, d, k);
            a.Indices.Should().Equal(b.Indices);
            a.Indices.Should().Equal(c.Indices);
            a.Distances.Should().Equal(b.Distances);
            a.Distances.Should().Equal(c.Distances);
        }

        plain.ScreenBuilt.Should().BeFalse();
        return screened.ScreenBuilt;
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(8, 4)]
    [InlineData(10, 4)]
    [InlineData(10, 8)]
    [InlineData(15, 3)]
    public void Gaussian_data_same_answer_with_the_screen(int d, int k)
    {
        const int n = 700;
        var x = Gaussian(new RandomState((d * 100) + k), n * d);

        CheckAgree(x, n, d, k, leafSize: 8).Should().BeTrue("the lane-by-lane scan runs on Gaussian data in 5+ features");
    }

    [Fact]
    public void Near_ties_a_few_ulps_apart_keep_their_exact_order()
    {
        // Rows on a sphere around each query direction, radii a few double ulps apart: single precision sees equal
        // distances, double precision orders them; duplicates and exact ties decide by index.
        var rng = new RandomState(7);
        const int d = 8;
        const int n = 600;
        var x = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            var scale = 1.0 + (rng.RandInt(0, 6) * Math.Pow(2, -50));
            for (var t = 0; t < d; t++)
            {
                x[(i * d) + t] = (rng.RandInt(-2, 3) + (0.25 * rng.RandInt(0, 2))) * scale;
            }
        }

        CheckAgree(x, n, d, 4, leafSize: 5);
        CheckAgree(x, n, d, 1, leafSize: 20, threads: 1);
    }

    [Theory]
    [InlineData(1e6, 1e-9)]
    [InlineData(3.0, 1e-7)]
    [InlineData(1e-30, 1e-31)]
    [InlineData(1e-18, 1.0)]
    [InlineData(1e14, 1e3)]
    public void Offsets_and_magnitudes_single_precision_cannot_resolve(double offset, double spread)
    {
        var rng = new RandomState(11);
        const int d = 6;
        const int n = 500;
        var x = new double[n * d];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = offset + (spread * rng.StandardNormal());
        }

        CheckAgree(x, n, d, 3, leafSize: 10).Should().BeTrue("all values are within the screen's range");
    }

    [Fact]
    public void Values_beyond_the_screens_range_take_the_double_scan()
    {
        const int d = 7;
        const int n = 400;
        var x = Gaussian(new RandomState(12), n * d, 1e10);

        x[5] = 1e300;
        CheckAgree(x, n, d, 2, leafSize: 10).Should().BeFalse("a fitted value above 2^50 turns the screen off");
    }

    [Fact]
    public void Queries_beyond_the_screens_range_are_answered_exactly()
    {
        const int d = 9;
        const int n = 500;
        var x = Gaussian(new RandomState(13), n * d);

        var q = (double[])x.Clone();
        for (var i = 0; i < 40; i++)
        {
            q[(i * 11 * d) % q.Length] = 3e15; // above 2^50: that lane is scanned in double
        }

        var screened = new KdTree(x, n, d, DistanceMetric.Euclidean, 10);
        var plain = new KdTree(x, n, d, DistanceMetric.Euclidean, 10) { ScreenDisabled = true };
        var a = Blocked(screened, q, n, d, 4, 2);
        var b = Single(plain, q, n, d, 4);
        a.Indices.Should().Equal(b.Indices);
        a.Distances.Should().Equal(b.Distances);
    }

    [Fact]
    public void More_features_than_the_screen_handles_take_the_double_scan()
    {
        const int d = 70;
        const int n = 300;
        var x = Gaussian(new RandomState(14), n * d);

        CheckAgree(x, n, d, 3, leafSize: 10).Should().BeFalse("above 64 features the screen is not built");
    }
}
