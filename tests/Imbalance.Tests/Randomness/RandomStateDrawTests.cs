using Imbalance.Randomness;

namespace Imbalance.Tests.Randomness;

/// <summary>
/// Behaviour of the draws beyond the NumPy vectors: how many words each call consumes, ranges, the Gaussian cache,
/// how gamma and beta compose, and what shuffle, permutation and choice leave untouched.
/// </summary>
public class RandomStateDrawTests
{
    // ---------------------------------------------------------------------------------------------------------------
    // randint
    // ---------------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(7L, 8L)]
    [InlineData(-1L, 0L)]
    [InlineData(long.MinValue, long.MinValue + 1)]
    [InlineData(long.MaxValue - 1, long.MaxValue)]
    public void Randint_with_one_possible_value_returns_it_without_drawing(long low, long high)
    {
        var g = new RandomState(0);

        g.RandInt(low, high).Should().Be(low);
        g.RandInt(low, high, 5).Should().Equal(low, low, low, low, low);
        RngFixtures.ShouldBeBitwise(g.RandomSample(), 0.5488135039273248, "the stream has not moved");
    }

    [Fact]
    public void Randint_int_overload_with_one_possible_value_returns_it_without_drawing()
    {
        var g = new RandomState(0);

        g.RandInt(int.MinValue, int.MinValue + 1).Should().Be(int.MinValue);
        g.RandInt(int.MaxValue - 1, int.MaxValue, 3).Should().Equal(int.MaxValue - 1, int.MaxValue - 1, int.MaxValue - 1);
        g.NextUInt32().Should().Be(2357136044u, "the stream has not moved");
    }

    [Fact]
    public void Randint_over_the_full_int64_range_takes_two_words_per_value_high_word_first()
    {
        // [long.MinValue, long.MaxValue) has 2^64 - 1 values: mask 2^64 - 1, rejected only for the all-ones word.
        var words = RandomStateSeedingTests.Words(new RandomState(5), 40);
        var g = new RandomState(5);
        for (var i = 0; i < 20; i++)
        {
            var raw = ((ulong)words[2 * i] << 32) | words[(2 * i) + 1];
            g.RandInt(long.MinValue, long.MaxValue).Should().Be(unchecked(long.MinValue + (long)raw));
        }
    }

    [Fact]
    public void Randint_over_2pow32_values_takes_one_word_per_value_with_no_rejection()
    {
        var words = RandomStateSeedingTests.Words(new RandomState(6), 40);

        new RandomState(6).RandInt(0L, 1L << 32, 40).Should().Equal(words.Select(w => (long)w));

        // [int.MinValue, int.MaxValue) has 2^32 - 1 values: mask 0xFFFFFFFF, only the all-ones word is rejected.
        new RandomState(6).RandInt(int.MinValue, int.MaxValue, 30).Should().Equal(
            words.Where(w => w != uint.MaxValue).Select(w => unchecked(int.MinValue + (int)w)).Take(30));
    }

    [Theory]
    [InlineData(-10, -3)]
    [InlineData(-5, 5)]
    [InlineData(0, 2)]
    [InlineData(-1000, -997)]
    [InlineData(int.MinValue, int.MinValue + 3)]
    [InlineData(int.MaxValue - 4, int.MaxValue)]
    public void Randint_values_cover_exactly_low_to_high_minus_1(int low, int high)
    {
        var values = new RandomState(17).RandInt(low, high, 2000);

        values.Distinct().Order().Should().Equal(Enumerable.Range(0, high - low).Select(i => low + i));
    }

    [Fact]
    public void Randint_scalar_calls_consume_the_same_words_as_one_vector_call()
    {
        var vector = new RandomState(23).RandInt(-7L, 1L << 35, 50);
        var g = new RandomState(23);

        Enumerable.Range(0, 50).Select(_ => g.RandInt(-7L, 1L << 35)).Should().Equal(vector);
    }

    [Fact]
    public void Randint_rejection_draws_a_fresh_word_per_try()
    {
        // randint(0, 5): mask 7, a try is rejected when (word & 7) > 4.
        var words = RandomStateSeedingTests.Words(new RandomState(31), 200);
        var expected = words.Select(w => w & 7u).Where(v => v <= 4).Select(v => (int)v).Take(50);

        new RandomState(31).RandInt(0, 5, 50).Should().Equal(expected);
    }

    [Fact]
    public void Next_seed_is_randint_0_maxint()
    {
        var a = new RandomState(8);
        var b = new RandomState(8);

        RandomState.MaxInt.Should().Be(2147483647);
        Enumerable.Range(0, 20).Select(_ => a.NextSeed()).Should().Equal(b.RandInt(0, RandomState.MaxInt, 20));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // uniform
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Uniform_is_low_plus_range_times_random_sample()
    {
        var u = new RandomState(2).RandomSample(100);
        var g = new RandomState(2);
        for (var i = 0; i < 100; i += 2)
        {
            RngFixtures.ShouldBeBitwise(g.Uniform(-3.5, 10.25), -3.5 + (13.75 * u[i]), $"uniform {i}");
            RngFixtures.ShouldBeBitwise(g.Uniform(), u[i + 1], $"uniform() {i + 1}");
        }
    }

    [Fact]
    public void Uniform_values_lie_in_low_high_and_reversed_bounds_are_allowed()
    {
        new RandomState(3).Uniform(-2.0, 5.0, 5000).Should().OnlyContain(v => v >= -2.0 && v < 5.0);

        // NumPy allows low > high: the values lie in (high, low].
        new RandomState(3).Uniform(5.0, -2.0, 5000).Should().OnlyContain(v => v > -2.0 && v <= 5.0);
    }

    [Fact]
    public void Uniform_with_equal_bounds_returns_low_but_still_draws()
    {
        var g = new RandomState(0);

        g.Uniform(4.0, 4.0, 3).Should().Equal(4.0, 4.0, 4.0);
        RngFixtures.ShouldBeBitwise(g.RandomSample(), new RandomState(0).RandomSample(4)[3], "three doubles were consumed");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Gaussian cache
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Standard_normal_pairs_return_the_second_value_first_then_the_cached_one()
    {
        var g = new RandomState(0);

        RngFixtures.ShouldBeBitwise(g.StandardNormal(), 1.764052345967664, "first normal");
        RngFixtures.ShouldBeBitwise(g.StandardNormal(), 0.4001572083672233, "the cached value, no new draw");
    }

    [Fact]
    public void Cached_normal_survives_other_draws_in_between()
    {
        var plain = new RandomState(42).StandardNormal(3);

        var g = new RandomState(42);
        var first = g.StandardNormal();
        g.RandomSample(3);
        g.RandInt(0, 100, 4);
        g.Shuffle(new[] { 1, 2, 3, 4, 5 }.AsSpan());
        g.Choice(10, 3, replace: false);
        g.Uniform(-1.0, 1.0);
        var second = g.StandardNormal();
        var third = g.StandardNormal();

        RngFixtures.ShouldBeBitwise(first, plain[0], "first");
        RngFixtures.ShouldBeBitwise(second, plain[1], "the cached second value is returned after the other draws");
        RngFixtures.Bits(third).Should().NotBe(RngFixtures.Bits(plain[2]), "the third normal comes from later words");
    }

    [Fact]
    public void An_odd_number_of_normals_leaves_the_next_one_cached()
    {
        var four = new RandomState(9).StandardNormal(4);
        var g = new RandomState(9);

        g.StandardNormal(3);
        var words = new RandomState(9);
        words.StandardNormal(4);

        RngFixtures.ShouldBeBitwise(g.StandardNormal(), four[3], "the fourth normal was cached by the third");
        g.NextUInt32().Should().Be(words.NextUInt32(), "using the cache drew nothing");
    }

    [Fact]
    public void Normal_randn_and_gamma_share_the_cache()
    {
        var z = new RandomState(4).StandardNormal(6);
        var g = new RandomState(4);

        RngFixtures.ShouldBeBitwise(g.StandardNormal(), z[0], "standard_normal");
        RngFixtures.ShouldBeBitwise(g.Normal(3.0, 2.0), 3.0 + (2.0 * z[1]), "normal uses the cached value");
        var m = g.Randn(2, 2);
        RngFixtures.ShouldBeBitwise([m[0, 0], m[0, 1], m[1, 0], m[1, 1]], z[2..], "randn is row-major standard normals");
    }

    [Fact]
    public void Normal_with_scale_zero_returns_loc_but_still_draws()
    {
        var g = new RandomState(0);

        g.Normal(10.0, 0.0, 2).Should().Equal(10.0, 10.0);
        RngFixtures.ShouldBeBitwise(g.StandardNormal(), new RandomState(0).StandardNormal(3)[2], "two normals were consumed");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // exponential, gamma, beta
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Standard_exponential_is_minus_log_of_one_minus_random_sample()
    {
        var u = new RandomState(12).RandomSample(50);
        var g = new RandomState(12);

        foreach (var value in u)
        {
            RngFixtures.ShouldBeBitwise(g.StandardExponential(), -Math.Log(1.0 - value), "exponential");
        }
    }

    [Fact]
    public void Gamma_of_shape_1_is_the_exponential_and_shape_0_is_zero_without_drawing()
    {
        var g = new RandomState(13);
        var twin = new RandomState(13);

        g.StandardGamma(0.0).Should().Be(0.0);
        for (var i = 0; i < 20; i++)
        {
            RngFixtures.ShouldBeBitwise(g.StandardGamma(1.0), twin.StandardExponential(), $"gamma(1) {i}");
        }
    }

    [Theory]
    [InlineData(10.0, 10.0)]
    [InlineData(1.0, 3.0)]
    [InlineData(0.5, 2.0)]
    [InlineData(2.0, 0.5)]
    public void Beta_outside_johnk_is_two_gammas_a_first(double a, double b)
    {
        var g = new RandomState(14);
        var twin = new RandomState(14);
        for (var i = 0; i < 20; i++)
        {
            var ga = twin.StandardGamma(a);
            var gb = twin.StandardGamma(b);
            RngFixtures.ShouldBeBitwise(g.Beta(a, b), ga / (ga + gb), $"beta {i}");
        }
    }

    [Fact]
    public void Beta_with_both_parameters_at_most_1_uses_johnk_rejection()
    {
        // beta(1, 1): X = U, Y = V, accepted when U + V <= 1, result U / (U + V).
        var u = new RandomState(15).RandomSample(400);
        var expected = new List<double>();
        for (var i = 0; i + 1 < u.Length && expected.Count < 50; i += 2)
        {
            if (u[i] + u[i + 1] <= 1.0)
            {
                expected.Add(u[i] / (u[i] + u[i + 1]));
            }
        }

        var g = new RandomState(15);
        RngFixtures.ShouldBeBitwise(Enumerable.Range(0, expected.Count).Select(_ => g.Beta(1.0, 1.0)).ToArray(), expected, "beta(1, 1)");
    }

    [Theory]
    [InlineData(0.001, 0.001)]
    [InlineData(0.5, 0.5)]
    [InlineData(10.0, 10.0)]
    [InlineData(50.0, 0.2)]
    public void Beta_values_lie_in_0_1_and_the_vector_call_equals_scalar_calls(double a, double b)
    {
        var vector = new RandomState(16).Beta(a, b, 200);
        var g = new RandomState(16);

        vector.Should().OnlyContain(v => v >= 0.0 && v <= 1.0);
        RngFixtures.ShouldBeBitwise(Enumerable.Range(0, 200).Select(_ => g.Beta(a, b)).ToArray(), vector, "beta");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // shuffle, permutation, choice
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Shuffle_of_any_element_type_and_of_matrix_rows_consumes_the_same_draws()
    {
        var ints = Enumerable.Range(0, 9).ToArray();
        var strings = ints.Select(i => "s" + i).ToArray();
        var matrix = new double[9, 3];
        for (var i = 0; i < 9; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                matrix[i, j] = (i * 10) + j;
            }
        }

        var g1 = new RandomState(18);
        var g2 = new RandomState(18);
        var g3 = new RandomState(18);
        g1.Shuffle(ints.AsSpan());
        g2.Shuffle(strings.AsSpan());
        g3.ShuffleRows(matrix);

        strings.Should().Equal(ints.Select(i => "s" + i));
        for (var i = 0; i < 9; i++)
        {
            new[] { matrix[i, 0], matrix[i, 1], matrix[i, 2] }.Should().Equal(ints[i] * 10, (ints[i] * 10) + 1, (ints[i] * 10) + 2);
        }

        g1.NextUInt32().Should().Be(g2.NextUInt32()).And.Be(g3.NextUInt32());
        ints.Should().NotEqual(Enumerable.Range(0, 9), "seed 18 moves something");
    }

    [Fact]
    public void Shuffle_of_zero_or_one_element_draws_nothing()
    {
        var g = new RandomState(0);

        g.Shuffle(Span<int>.Empty);
        g.Shuffle(new[] { 5 }.AsSpan());
        g.ShuffleRows(new double[1, 4]);
        g.ShuffleRows(new double[0, 4]);
        g.Permutation(1).Should().Equal(0);
        g.Permutation(0).Should().BeEmpty();

        g.NextUInt32().Should().Be(2357136044u, "the stream has not moved");
    }

    [Fact]
    public void Permutation_of_a_list_leaves_the_input_alone_and_matches_permutation_of_n()
    {
        var values = new[] { "a", "b", "c", "d", "e", "f", "g", "h" };
        var original = values.ToArray();
        var order = new RandomState(19).Permutation(values.Length);

        var permuted = new RandomState(19).Permutation<string>(values);

        values.Should().Equal(original);
        permuted.Should().Equal(order.Select(i => values[i]));
    }

    [Fact]
    public void Choice_without_replacement_shuffles_the_whole_population_even_for_size_0()
    {
        var whole = new RandomState(20).Permutation(30);
        var g = new RandomState(20);

        g.Choice(30, 0, replace: false).Should().BeEmpty();
        var twin = new RandomState(20);
        twin.Permutation(30);
        g.NextUInt32().Should().Be(twin.NextUInt32(), "choice(30, 0, replace=False) still drew a full permutation");

        new RandomState(20).Choice(30, 7, replace: false).Should().Equal(whole[..7]);
    }

    [Fact]
    public void Choice_with_replacement_and_size_0_draws_nothing()
    {
        var g = new RandomState(0);

        g.Choice(5, 0).Should().BeEmpty();
        g.Choice(5, 0, replace: true, [0.2, 0.2, 0.2, 0.2, 0.2]).Should().BeEmpty();
        g.Choice(0, 0).Should().BeEmpty();
        g.Choice(Array.Empty<string>(), 0).Should().BeEmpty();

        g.NextUInt32().Should().Be(2357136044u, "the stream has not moved");
    }

    [Fact]
    public void Choice_with_p_is_inverse_cdf_over_random_samples()
    {
        double[] p = [0.1, 0.0, 0.6, 0.3];
        var u = new RandomState(21).RandomSample(200);
        var expected = u.Select(x => x < 0.1 ? 0 : x < 0.7 ? 2 : 3).ToArray();

        new RandomState(21).Choice(4, 200, replace: true, p).Should().Equal(expected);
    }

    [Fact]
    public void Choice_with_p_without_replacement_returns_distinct_indices_never_zero_probability_ones()
    {
        double[] p = [0.3, 0.0, 0.2, 0.0, 0.25, 0.25];
        var copy = p.ToArray();

        for (var seed = 0; seed < 20; seed++)
        {
            var picks = new RandomState(seed).Choice(6, 4, replace: false, p);
            picks.Should().OnlyHaveUniqueItems().And.BeSubsetOf([0, 2, 4, 5]).And.HaveCount(4);
        }

        p.Should().Equal(copy, "the caller's probabilities are not modified");
    }

    [Fact]
    public void Choice_of_a_list_picks_the_elements_at_the_drawn_indices()
    {
        string[] population = ["x", "y", "z", "w", "v"];
        double[] p = [0.1, 0.2, 0.3, 0.2, 0.2];

        new RandomState(22).Choice(population, 12).Should().Equal(new RandomState(22).Choice(5, 12).Select(i => population[i]));
        new RandomState(22).Choice(population, 4, replace: false, p)
            .Should().Equal(new RandomState(22).Choice(5, 4, replace: false, p).Select(i => population[i]));
    }

    [Fact]
    public void Sample_without_replacement_follows_scikit_learns_auto_rule()
    {
        // 0.01 < ratio < 0.99: permutation(n)[:k].
        new RandomState(24).SampleWithoutReplacement(100, 30).Should().Equal(new RandomState(24).Permutation(100)[..30]);

        // ratio <= 0.01: tracking selection, scalar randint(0, n) redrawn until unseen.
        var g = new RandomState(25);
        var tracked = new List<int>();
        while (tracked.Count < 5)
        {
            var j = g.RandInt(0, 1000);
            if (!tracked.Contains(j))
            {
                tracked.Add(j);
            }
        }

        new RandomState(25).SampleWithoutReplacement(1000, 5).Should().Equal(tracked);

        // ratio >= 0.99 with k == n: reservoir sampling that draws nothing and returns 0..n-1.
        var all = new RandomState(0);
        all.SampleWithoutReplacement(50, 50).Should().Equal(Enumerable.Range(0, 50));
        all.NextUInt32().Should().Be(2357136044u, "no word was drawn");
    }
}
