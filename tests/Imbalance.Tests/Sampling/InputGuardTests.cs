using Imbalance.Sampling;

namespace Imbalance.Tests.Sampling;

public class InputGuardTests
{
    [Fact]
    public void Valid_input_passes()
    {
        var act = () => InputGuard.CheckXy(new double[,] { { 1, 2 }, { -3, double.MaxValue } }, [0, 1]);

        act.Should().NotThrow();
    }

    [Fact]
    public void Null_arguments_name_themselves()
    {
        ((Action)(() => InputGuard.CheckXy<int>(null!, [1]))).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "x");
        ((Action)(() => InputGuard.CheckXy<int>(new double[1, 1], null!))).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "y");
    }

    [Fact]
    public void Lengths_must_match_in_scikit_learns_words()
    {
        var act = () => InputGuard.CheckXy(new double[3, 2], new[] { 0, 1 });

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "y")
            .WithMessage("Found input variables with inconsistent numbers of samples: [3, 2]*");
    }

    [Fact]
    public void The_matrix_is_checked_before_the_lengths()
    {
        var act = () => InputGuard.CheckXy(new double[0, 2], new[] { 0, 1 });

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "x").WithMessage("Found array with 0 sample(s)*");
    }

    [Theory]
    [InlineData(0, 4, "Found array with 0 sample(s) (shape=(0, 4)) while a minimum of 1 is required.*")]
    [InlineData(0, 0, "Found array with 0 sample(s) (shape=(0, 0)) while a minimum of 1 is required.*")]
    [InlineData(5, 0, "Found array with 0 feature(s) (shape=(5, 0)) while a minimum of 1 is required.*")]
    public void Empty_matrices_are_rejected_in_scikit_learns_words(int rows, int columns, string message)
    {
        var act = () => InputGuard.CheckMatrix(new double[rows, columns], "X");

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "X").WithMessage(message);
    }

    [Theory]
    [InlineData(double.NaN, 0, 0, "Input X contains NaN (row 0, column 0).*")]
    [InlineData(double.PositiveInfinity, 2, 1, "Input X contains infinity (row 2, column 1).*")]
    [InlineData(double.NegativeInfinity, 6, 2, "Input X contains infinity (row 6, column 2).*")]
    public void Non_finite_values_are_located(double bad, int row, int column, string message)
    {
        var x = new double[7, 3];
        x[row, column] = bad;

        var act = () => InputGuard.CheckMatrix(x, "X");

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "X").WithMessage(message);
    }

    [Fact]
    public void The_first_non_finite_value_in_row_major_order_is_reported()
    {
        var x = new double[4, 3];
        x[3, 0] = double.PositiveInfinity;
        x[1, 2] = double.NaN;

        var act = () => InputGuard.CheckMatrix(x, "x");

        act.Should().Throw<ArgumentException>().WithMessage("Input x contains NaN (row 1, column 2).*");
    }

    [Fact]
    public void Extreme_finite_values_are_accepted()
    {
        var x = new double[,] { { double.MaxValue, double.MinValue, double.Epsilon, -0.0 } };

        ((Action)(() => InputGuard.CheckMatrix(x, "x"))).Should().NotThrow();
    }

    [Fact]
    public void Invalid_builds_an_argument_exception_for_the_named_parameter()
    {
        var e = InputGuard.Invalid("KNeighbors", "Expected KNeighbors > 0.");

        e.Should().BeOfType<ArgumentException>();
        e.ParamName.Should().Be("KNeighbors");
        e.Message.Should().StartWith("Expected KNeighbors > 0.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(int.MaxValue)]
    public void Seeds_from_zero_up_and_null_are_accepted(int? seed) =>
        InputGuard.CheckSeed(seed, "RandomState").Should().Be(seed);

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Negative_seeds_are_rejected_as_numpy_does(int seed)
    {
        var act = () => InputGuard.CheckSeed(seed, "RandomState");

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "RandomState" && Equals(e.ActualValue, seed))
            .WithMessage("Seed must be between 0 and 2**32 - 1*");
    }

    [Fact]
    public void AllFinite_agrees_with_a_scalar_scan_at_every_length_and_position()
    {
        double[] bad = [double.NaN, double.PositiveInfinity, double.NegativeInfinity];
        double[] extreme = [double.MaxValue, -double.MaxValue, double.Epsilon, -0.0, 1e308, -1e-310];
        var random = new Random(5);
        for (var length = 0; length <= 41; length++)
        {
            var values = Enumerable.Range(0, length).Select(i => i % 7 == 3 ? extreme[i % extreme.Length] : random.NextDouble() - 0.5).ToArray();
            InputGuard.AllFinite(values).Should().BeTrue($"length {length} holds only finite values");
            for (var at = 0; at < length; at++)
            {
                foreach (var value in bad)
                {
                    var copy = (double[])values.Clone();
                    copy[at] = value;
                    InputGuard.AllFinite(copy).Should().BeFalse($"{value} at {at} of {length}");
                }
            }
        }
    }

    [Fact]
    public void AllFinite_agrees_on_both_sides_of_the_scalar_threshold()
    {
        double[] bad = [double.NaN, double.PositiveInfinity, double.NegativeInfinity];
        var random = new Random(6);
        foreach (var length in new[] { InputGuard.ScalarFiniteScan - 3, InputGuard.ScalarFiniteScan - 1, InputGuard.ScalarFiniteScan, InputGuard.ScalarFiniteScan + 1, InputGuard.ScalarFiniteScan + 13, 3 * InputGuard.ScalarFiniteScan })
        {
            var values = Enumerable.Range(0, length).Select(i => i % 11 == 5 ? double.MaxValue : random.NextDouble() - 0.5).ToArray();
            InputGuard.AllFinite(values).Should().BeTrue($"length {length} holds only finite values");
            foreach (var at in new[] { 0, 1, 7, length / 2, length - 8, length - 2, length - 1 })
            {
                foreach (var value in bad)
                {
                    var copy = (double[])values.Clone();
                    copy[at] = value;
                    InputGuard.AllFinite(copy).Should().BeFalse($"{value} at {at} of {length}");
                }
            }
        }
    }

    [Fact]
    public void A_non_finite_value_is_still_reported_with_its_row_and_column()
    {
        var x = new double[9, 5];
        x[7, 3] = double.NegativeInfinity;

        var act = () => InputGuard.CheckMatrix(x, "x");

        act.Should().Throw<ArgumentException>().WithMessage("Input x contains infinity (row 7, column 3).*");
    }
}
