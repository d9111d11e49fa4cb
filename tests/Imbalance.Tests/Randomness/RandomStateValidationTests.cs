using Imbalance.Randomness;

namespace Imbalance.Tests.Randomness;

/// <summary>
/// Argument validation mirrors NumPy's error conditions (messages in NumPy's words) with .NET exception types naming
/// the parameter, and a rejected call draws nothing.
/// </summary>
public class RandomStateValidationTests
{
    private const uint FirstWordOfSeed0 = 2357136044u;

    // ---------------------------------------------------------------------------------------------------------------
    // randint
    // ---------------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(0L, 0L, "high <= 0")]
    [InlineData(0L, -3L, "high <= 0")]
    [InlineData(5L, 5L, "low >= high")]
    [InlineData(5L, 2L, "low >= high")]
    [InlineData(-5L, -5L, "low >= high")]
    [InlineData(long.MaxValue, long.MaxValue, "low >= high")]
    public void Randint_with_an_empty_range_is_rejected_like_numpy(long low, long high, string numpyMessage)
    {
        var g = new RandomState(0);

        Check<ArgumentException>(() => g.RandInt(low, high), "high", numpyMessage);
        Check<ArgumentException>(() => g.RandInt(low, high, 3), "high", numpyMessage);
        if (low is >= int.MinValue and <= int.MaxValue && high is >= int.MinValue and <= int.MaxValue)
        {
            Check<ArgumentException>(() => g.RandInt((int)low, (int)high), "high", numpyMessage);
            Check<ArgumentException>(() => g.RandInt((int)low, (int)high, 3), "high", numpyMessage);
        }

        g.NextUInt32().Should().Be(FirstWordOfSeed0);
    }

    [Fact]
    public void Negative_sizes_are_rejected_like_numpy()
    {
        var g = new RandomState(0);
        const string Numpy = "negative dimensions are not allowed";

        Check<ArgumentOutOfRangeException>(() => g.RandInt(0, 5, -1), "size", Numpy);
        Check<ArgumentOutOfRangeException>(() => g.RandInt(0L, 5L, -1), "size", Numpy);
        Check<ArgumentOutOfRangeException>(() => g.RandomSample(-1), "size", Numpy);
        Check<ArgumentOutOfRangeException>(() => g.Uniform(0.0, 1.0, -2), "size", Numpy);
        Check<ArgumentOutOfRangeException>(() => g.StandardNormal(-1), "size", Numpy);
        Check<ArgumentOutOfRangeException>(() => g.Normal(0.0, 1.0, -1), "size", Numpy);
        Check<ArgumentOutOfRangeException>(() => g.Beta(1.0, 1.0, -1), "size", Numpy);
        Check<ArgumentOutOfRangeException>(() => g.Permutation(-1), "n", Numpy);
        Check<ArgumentOutOfRangeException>(() => g.Choice(5, -1), "size", Numpy);
        Check<ArgumentOutOfRangeException>(() => g.Randn(-1, 2), "rows", Numpy);
        Check<ArgumentOutOfRangeException>(() => g.Randn(2, -1), "columns", Numpy);

        g.NextUInt32().Should().Be(FirstWordOfSeed0);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // uniform and the distributions' parameters
    // ---------------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(0.0, double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity, 0.0)]
    [InlineData(0.0, double.NaN)]
    [InlineData(-1e308, 1e308)] // high - low overflows
    public void Uniform_with_a_range_that_is_not_finite_is_rejected_like_numpys_overflow_error(double low, double high)
    {
        var g = new RandomState(0);

        Check<ArgumentOutOfRangeException>(() => g.Uniform(low, high), "high", "Range exceeds valid bounds");
        Check<ArgumentOutOfRangeException>(() => g.Uniform(low, high, 4), "high", "Range exceeds valid bounds");

        g.NextUInt32().Should().Be(FirstWordOfSeed0);
    }

    [Fact]
    public void Negative_scale_and_shape_and_non_positive_beta_parameters_are_rejected_like_numpy()
    {
        var g = new RandomState(0);

        Check<ArgumentOutOfRangeException>(() => g.Normal(0.0, -1.0), "scale", "scale < 0");
        Check<ArgumentOutOfRangeException>(() => g.Normal(0.0, -1e-300, 3), "scale", "scale < 0");
        Check<ArgumentOutOfRangeException>(() => g.StandardGamma(-0.5), "shape", "shape < 0");
        Check<ArgumentOutOfRangeException>(() => g.Beta(0.0, 1.0), "a", "a <= 0");
        Check<ArgumentOutOfRangeException>(() => g.Beta(-1.0, 1.0, 2), "a", "a <= 0");
        Check<ArgumentOutOfRangeException>(() => g.Beta(1.0, 0.0), "b", "b <= 0");
        Check<ArgumentOutOfRangeException>(() => g.Beta(2.0, -3.0, 2), "b", "b <= 0");

        g.NextUInt32().Should().Be(FirstWordOfSeed0);
    }

    [Fact]
    public void NaN_parameters_are_rejected_where_numpy_would_return_nan()
    {
        // A documented difference: NumPy returns NaN for normal(0, nan), standard_gamma(nan) and beta(nan, 1); the port
        // fails early instead.
        var g = new RandomState(0);

        Check<ArgumentOutOfRangeException>(() => g.Normal(0.0, double.NaN), "scale", "scale < 0");
        Check<ArgumentOutOfRangeException>(() => g.StandardGamma(double.NaN), "shape", "shape < 0");
        Check<ArgumentOutOfRangeException>(() => g.Beta(double.NaN, 1.0), "a", "a <= 0");
        Check<ArgumentOutOfRangeException>(() => g.Beta(1.0, double.NaN), "b", "b <= 0");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // choice
    // ---------------------------------------------------------------------------------------------------------------

    public static TheoryData<double[], string> InvalidProbabilities() => new()
    {
        { [0.5, 0.6, 0.1], "probabilities do not sum to 1" },
        { [0.5, 0.5 - 2e-8, 0.0], "probabilities do not sum to 1" },
        { [0.0, 0.0, 0.0], "probabilities do not sum to 1" },
        { [0.5, 0.6, -0.1], "probabilities are not non-negative" },
        { [1.0, -0.0, -1e-300], "probabilities are not non-negative" },
        { [0.5, double.NaN, 0.5], "probabilities contain NaN" },
        { [-1.0, double.NaN, 0.0], "probabilities contain NaN" }, // NumPy checks NaN before signs
        { [double.PositiveInfinity, 0.0, 0.0], "probabilities contain NaN" }, // NumPy's Kahan sum of inf, 0, 0 is NaN
        { [double.PositiveInfinity, double.NegativeInfinity, 0.0], "probabilities contain NaN" },
    };

    [Theory]
    [MemberData(nameof(InvalidProbabilities))]
    public void Choice_with_invalid_probabilities_is_rejected_like_numpy(double[] p, string numpyMessage)
    {
        var g = new RandomState(0);

        Check<ArgumentException>(() => g.Choice(3, 2, replace: true, p), "p", numpyMessage);
        Check<ArgumentException>(() => g.Choice(3, 2, replace: false, p), "p", numpyMessage);
        Check<ArgumentException>(() => g.Choice(["a", "b", "c"], 2, replace: true, p), "p", numpyMessage);

        g.NextUInt32().Should().Be(FirstWordOfSeed0);
    }

    [Fact]
    public void Choice_with_an_infinite_probability_among_two_is_rejected_like_numpy()
    {
        // NumPy's Kahan sum of [inf, 0] is inf (not NaN), so it reports the sum.
        var g = new RandomState(0);

        Check<ArgumentException>(() => g.Choice(2, 3, replace: true, [double.PositiveInfinity, 0.0]), "p", "probabilities do not sum to 1");
        g.NextUInt32().Should().Be(FirstWordOfSeed0);
    }

    [Fact]
    public void Choice_accepts_probabilities_within_sqrt_eps_of_one()
    {
        var g = new RandomState(0);

        g.Invoking(r => r.Choice(3, 2, replace: true, [0.5, 0.5 + 1e-9, 0.0])).Should().NotThrow();
        g.Invoking(r => r.Choice(3, 2, replace: true, [0.5, 0.5 - 1e-8, 0.0])).Should().NotThrow();
        g.Invoking(r => r.Choice(2, 2, replace: true, [-0.0, 1.0])).Should().NotThrow("NumPy's check is p < 0");
    }

    [Fact]
    public void Choice_with_p_of_the_wrong_length_is_rejected_like_numpy()
    {
        var g = new RandomState(0);

        Check<ArgumentException>(() => g.Choice(3, 2, replace: true, [0.5, 0.5]), "p", "'a' and 'p' must have same size");
        Check<ArgumentException>(() => g.Choice(["a"], 1, replace: false, [0.5, 0.5]), "p", "'a' and 'p' must have same size");
        Check<ArgumentException>(() => g.Choice(0, 0, replace: true, [1.0]), "p", "'a' and 'p' must have same size");
    }

    [Fact]
    public void Choice_of_more_than_the_population_without_replacement_is_rejected_like_numpy()
    {
        var g = new RandomState(0);
        const string Numpy = "Cannot take a larger sample than population when 'replace=False'";

        Check<ArgumentException>(() => g.Choice(3, 4, replace: false), "size", Numpy);
        Check<ArgumentException>(() => g.Choice(["a", "b"], 3, replace: false), "size", Numpy);
        Check<ArgumentException>(() => g.Choice(3, 4, replace: false, [0.2, 0.3, 0.5]), "size", Numpy);
        g.Choice(3, 4, replace: true).Should().HaveCount(4, "with replacement any size is fine");
    }

    [Fact]
    public void Choice_without_replacement_needs_enough_non_zero_probabilities_like_numpy()
    {
        var g = new RandomState(0);

        Check<ArgumentException>(() => g.Choice(3, 2, replace: false, [1.0, 0.0, 0.0]), "p", "Fewer non-zero entries in p than size");
        g.NextUInt32().Should().Be(FirstWordOfSeed0);
        new RandomState(0).Choice(3, 1, replace: false, [0.0, 1.0, 0.0]).Should().Equal(1);
    }

    [Fact]
    public void Choice_from_an_empty_population_is_rejected_unless_no_samples_are_taken()
    {
        var g = new RandomState(0);

        Check<ArgumentException>(() => g.Choice(0, 1), "n", "a must be greater than 0 unless no samples are taken");
        Check<ArgumentException>(() => g.Choice(0, 1, replace: false), "n", "a must be greater than 0 unless no samples are taken");
        Check<ArgumentException>(() => g.Choice(Array.Empty<int>(), 2), "population", "'a' cannot be empty unless no samples are taken");
        g.Choice(0, 0).Should().BeEmpty();
        g.Choice(Array.Empty<int>(), 0, replace: false).Should().BeEmpty();
    }

    [Fact]
    public void Choice_from_a_negative_population_is_rejected()
    {
        // NumPy raises for choice(-3, 1) and returns [] for choice(-3, 0); the port rejects a negative population always.
        var g = new RandomState(0);

        Check<ArgumentOutOfRangeException>(() => g.Choice(-3, 1), "n", "a must be greater than 0 unless no samples are taken");
        Check<ArgumentOutOfRangeException>(() => g.Choice(-3, 0), "n", "a must be greater than 0 unless no samples are taken");
    }

    [Fact]
    public void Null_collections_are_rejected()
    {
        var g = new RandomState(0);

        g.Invoking(r => r.Choice((IReadOnlyList<int>)null!, 1)).Should().ThrowExactly<ArgumentNullException>().WithParameterName("population");
        g.Invoking(r => r.ShuffleRows(null!)).Should().ThrowExactly<ArgumentNullException>().WithParameterName("matrix");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // sample_without_replacement
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Sample_without_replacement_rejects_what_scikit_learn_rejects()
    {
        var g = new RandomState(0);

        Check<ArgumentOutOfRangeException>(() => g.SampleWithoutReplacement(-1, 0), "populationSize", "n_population should be greater than 0");
        Check<ArgumentOutOfRangeException>(() => g.SampleWithoutReplacement(3, 4), "sampleSize", "n_population should be greater or equal than n_samples");
        Check<ArgumentOutOfRangeException>(() => g.SampleWithoutReplacement(3, -1), "sampleSize", null);
        g.NextUInt32().Should().Be(FirstWordOfSeed0);

        g.SampleWithoutReplacement(0, 0).Should().BeEmpty();
    }

    private static void Check<TException>(Action act, string parameter, string? message)
        where TException : ArgumentException
    {
        var e = act.Should().ThrowExactly<TException>().Which;
        e.ParamName.Should().Be(parameter);
        if (message is not null)
        {
            e.Message.Should().StartWith(message);
        }
    }
}
