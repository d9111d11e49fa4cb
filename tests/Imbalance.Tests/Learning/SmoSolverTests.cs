using Imbalance.Learning;
using Imbalance.Sampling;

namespace Imbalance.Tests.Learning;

/// <summary>
/// The libsvm solver with its position-space kernel cache (fixed buffers, least-recently-used, swapped on
/// shrinking, columns filled many rows at a time) against the straightforward version it replaced
/// (<see cref="ReferenceSmoSolver"/>): the same multipliers, rho and iteration count bit for bit, whatever the cache
/// budget, on random problems with duplicated rows and tied values.
/// </summary>
public class SmoSolverTests
{
    public static TheoryData<int, int, int, bool> Shapes => new()
    {
        { 2, 1, 1, false },
        { 9, 2, 2, false },
        { 31, 3, 3, true },
        { 64, 7, 4, false },
        { 100, 1, 5, true },
        { 257, 20, 6, false },
        { 333, 33, 7, true },
        { 700, 5, 8, false },
        { 1500, 16, 9, true },
        { 2600, 9, 10, false },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Classifier_solve_equals_the_reference_for_any_cache_budget(int n, int d, int seed, bool grid)
    {
        var (rows, squares, gamma) = Problem(n, d, seed, grid);
        var split = Math.Max(1, n / 3);
        var members = Enumerable.Range(0, n).ToArray();
        var labels = members.Select(i => i < split ? 1.0 : -1.0).ToArray();
        var linear = Enumerable.Repeat(-1.0, n).ToArray();
        var start = new double[n];

        var expected = new ReferenceSmoSolver(new ReferenceRbfKernelColumns(rows, d, squares, gamma, members, labels), labels, linear, start, 1.0, 1e-3).Solve(default);
        foreach (var bytes in Budgets(n))
        {
            var actual = new SmoSolver(new RbfKernelColumns(rows, d, squares, gamma, members, labels, new KernelColumnPool(n, bytes)), labels, linear, start, 1.0, 1e-3).Solve(default);
            Bits(actual.Alpha).Should().Equal(Bits(expected.Alpha), "cache budget {0} bytes", bytes);
            BitConverter.DoubleToInt64Bits(actual.Rho).Should().Be(BitConverter.DoubleToInt64Bits(expected.Rho));
            actual.Iterations.Should().Be(expected.Iterations);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void One_class_solve_equals_the_reference_for_any_cache_budget(int n, int d, int seed, bool grid)
    {
        var (rows, squares, gamma) = Problem(n, d, seed + 100, grid);
        var members = Enumerable.Range(0, n).ToArray();
        var ones = Enumerable.Repeat(1.0, n).ToArray();
        var start = new double[n];
        var nuL = 0.5 * n;
        for (var i = 0; nuL > 0 && i < n; i++)
        {
            start[i] = Math.Min(1.0, nuL);
            nuL -= start[i];
        }

        var expected = new ReferenceSmoSolver(new ReferenceRbfKernelColumns(rows, d, squares, gamma, members, ones), ones, new double[n], start, 1.0, 1e-3).Solve(default);
        foreach (var bytes in Budgets(n))
        {
            var actual = new SmoSolver(new RbfKernelColumns(rows, d, squares, gamma, members, ones, new KernelColumnPool(n, bytes)), ones, new double[n], start, 1.0, 1e-3).Solve(default);
            Bits(actual.Alpha).Should().Equal(Bits(expected.Alpha), "cache budget {0} bytes", bytes);
            BitConverter.DoubleToInt64Bits(actual.Rho).Should().Be(BitConverter.DoubleToInt64Bits(expected.Rho));
            actual.Iterations.Should().Be(expected.Iterations);
        }
    }

    [Theory]
    [InlineData(1, 1, 11)]
    [InlineData(5, 3, 12)]
    [InlineData(47, 9, 13)]
    [InlineData(130, 20, 14)]
    [InlineData(5000, 3, 15)]
    [InlineData(4100, 41, 16)]
    public void Kernel_columns_equal_the_scalar_loop_at_every_length(int n, int d, int seed)
    {
        var (rows, squares, gamma) = Problem(n, d, seed, grid: seed % 2 == 0);
        var members = Enumerable.Range(0, n).Reverse().ToArray();
        var labels = members.Select(i => i % 3 == 0 ? 1.0 : -1.0).ToArray();
        var reference = new ReferenceRbfKernelColumns(rows, d, squares, gamma, members, labels);
        var active = Enumerable.Range(0, n).ToArray();
        var columns = new RbfKernelColumns(rows, d, squares, gamma, members, labels, new KernelColumnPool(n, 1));
        var random = new Random(seed);
        for (var trial = 0; trial < Math.Min(n, 12); trial++)
        {
            var position = random.Next(n);
            var length = trial % 3 == 0 ? n : 1 + random.Next(n);
            var expected = reference.Get(position, active, n, labels[position]);
            var actual = columns.Get(position, length);
            for (var k = 0; k < length; k++)
            {
                BitConverter.SingleToInt32Bits(actual[k]).Should().Be(BitConverter.SingleToInt32Bits(expected[k]), "entry {0} of column {1}", k, position);
            }
        }
    }

    [Fact]
    public void A_smaller_cache_computes_more_entries_for_the_same_result()
    {
        var (rows, squares, gamma) = Problem(400, 4, 21, grid: false);
        var members = Enumerable.Range(0, 400).ToArray();
        var labels = members.Select(i => i < 120 ? 1.0 : -1.0).ToArray();
        var linear = Enumerable.Repeat(-1.0, 400).ToArray();
        var small = new RbfKernelColumns(rows, 4, squares, gamma, members, labels, new KernelColumnPool(400, 1));
        var large = new RbfKernelColumns(rows, 4, squares, gamma, members, labels);
        var a = new SmoSolver(small, labels, linear, new double[400], 1.0, 1e-3).Solve(default);
        var b = new SmoSolver(large, labels, linear, new double[400], 1.0, 1e-3).Solve(default);

        Bits(a.Alpha).Should().Equal(Bits(b.Alpha));
        small.Computed.Should().BeGreaterThan(large.Computed);
    }

    [Fact]
    public void Support_vectors_do_not_depend_on_the_cache_budget()
    {
        var random = new Random(5);
        var x = new double[600, 3];
        var classes = new int[600];
        for (var i = 0; i < 600; i++)
        {
            classes[i] = i % 4 == 0 ? 0 : (i % 4) - 1 + (i % 7 == 0 ? 1 : 0);
            for (var j = 0; j < 3; j++)
            {
                x[i, j] = (classes[i] * 0.7) + random.NextDouble();
            }
        }

        var expected = new SupportVectorClassifier().FindSupportVectors(x, classes);
        new SupportVectorClassifier { CacheBytes = 1 }.FindSupportVectors(x, classes).Should().Equal(expected);
        new SupportVectorClassifier { CacheBytes = 600 * 4 * 7 }.FindSupportVectors(x, classes).Should().Equal(expected);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 2)]
    [InlineData(128, 3)]
    [InlineData(129, 4)]
    [InlineData(1000, 5)]
    [InlineData(4099, 6)]
    [InlineData(250_007, 7)]
    public void Scale_gamma_equals_numpy_var_over_the_array_of_squares(int length, int seed)
    {
        // The straightforward form: mean by pairwise sum, the array of squared deviations, its pairwise sum.
        var random = new Random(seed);
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = (random.NextDouble() * 1e3) - 300 + (i % 5 == 0 ? 1e-9 * i : 0);
        }

        var mean = NumPyReductions.PairwiseSum(values) / length;
        var squared = values.Select(v => (v - mean) * (v - mean)).ToArray();
        var variance = NumPyReductions.PairwiseSum(squared) / length;
        var expected = variance != 0 ? 1.0 / (3 * variance) : 1.0;

        BitConverter.DoubleToInt64Bits(SupportVectorClassifier.ScaleGamma(values, 3)).Should().Be(BitConverter.DoubleToInt64Bits(expected));
    }

    private static IEnumerable<long> Budgets(int n) => [KernelColumnPool.DefaultBytes, 1, (long)n * sizeof(float) * 3, (long)n * sizeof(float) * Math.Max(2, n / 4)];

    private static long[] Bits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];

    /// <summary>Random rows (some duplicated; on a coarse grid when <paramref name="grid"/>, so distances tie), their
    /// sequential squared norms and scikit-learn's "scale" gamma.</summary>
    private static (double[] Rows, double[] Squares, double Gamma) Problem(int n, int d, int seed, bool grid)
    {
        var random = new Random(seed);
        var rows = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            if (i > 2 && random.Next(10) == 0)
            {
                var source = random.Next(i);
                Array.Copy(rows, source * d, rows, i * d, d);
                continue;
            }

            for (var j = 0; j < d; j++)
            {
                var value = (random.NextDouble() * 4) - 2 + (i % 3 == 0 ? 0.8 : 0);
                rows[(i * d) + j] = grid ? Math.Round(value * 2) / 2 : value;
            }
        }

        var squares = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < d; j++)
            {
                sum += rows[(i * d) + j] * rows[(i * d) + j];
            }

            squares[i] = sum;
        }

        return (rows, squares, SupportVectorClassifier.ScaleGamma(rows, d));
    }
}
