using Imbalance.Randomness;

namespace Imbalance.Tests.Randomness;

/// <summary>Seeding: NumPy's <c>init_genrand</c> for integers, <c>init_by_array</c> for arrays, OS entropy.</summary>
public class RandomStateSeedingTests
{
    [Theory]
    [InlineData(0L, 0.5488135039273248)]
    [InlineData(1L, 0.417022004702574)]
    [InlineData(2147483647L, 0.3933911315501387)]
    [InlineData(2147483648L, 0.15200287353446562)]
    [InlineData(4294967295L, 0.0976320289940138)] // 2^32 - 1, the largest seed NumPy accepts
    public void Integer_seeds_in_the_numpy_range_give_numpy_first_double(long seed, double expected)
    {
        var g = new RandomState(seed);

        g.Position.Should().Be(624, "the first draw regenerates the whole block");
        g.KeyWord(0).Should().Be((uint)seed, "init_genrand stores the seed as key[0]");
        RngFixtures.ShouldBeBitwise(g.RandomSample(), expected, $"RandomState({seed}).random_sample()");
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    [InlineData(4294967296L)] // 2^32: NumPy does not wrap around
    [InlineData(long.MaxValue)]
    public void Seeds_outside_0_to_2pow32_minus_1_are_rejected_like_numpy(long seed)
    {
        var act = () => new RandomState(seed);

        var e = act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which;
        e.ParamName.Should().Be("seed");
        e.ActualValue.Should().Be(seed);
        e.Message.Should().StartWith("Seed must be between 0 and 2**32 - 1", "NumPy's ValueError says so");
    }

    [Fact]
    public void An_int_seed_is_the_same_as_the_long_seed()
    {
        var fromInt = new RandomState(12345);
        var fromLong = new RandomState(12345L);

        Words(fromInt, 700).Should().Equal(Words(fromLong, 700));
    }

    [Fact]
    public void Same_seed_same_stream_and_different_seeds_different_streams()
    {
        Words(new RandomState(7), 1300).Should().Equal(Words(new RandomState(7), 1300));
        Words(new RandomState(7), 8).Should().NotEqual(Words(new RandomState(8), 8));
    }

    [Fact]
    public void Array_seed_uses_init_by_array_and_differs_from_the_integer_seed()
    {
        // RandomState([5]) is init_by_array and RandomState(5) is init_genrand: different streams in NumPy too.
        var array = new RandomState([5u]);
        var integer = new RandomState(5);

        array.KeyWord(0).Should().Be(0x80000000u, "init_by_array ends by setting key[0] to 2^31");
        array.Position.Should().Be(624);
        Words(array, 4).Should().NotEqual(Words(integer, 4));
        RngFixtures.ShouldBeBitwise(new RandomState([5u]).RandomSample(), 0.6229016948897019, "RandomState([5])");
    }

    [Fact]
    public void Array_seed_is_copied_so_later_changes_to_the_caller_array_do_not_matter()
    {
        var key = new uint[] { 1, 2, 3 };
        var g = new RandomState(key);
        key[0] = 99;

        RngFixtures.ShouldBeBitwise(g.RandomSample(), 0.6098612722867289, "RandomState([1, 2, 3])");
    }

    [Fact]
    public void Empty_array_seed_is_rejected_like_numpy()
    {
        var act = () => new RandomState(ReadOnlySpan<uint>.Empty);

        var e = act.Should().ThrowExactly<ArgumentException>().Which;
        e.ParamName.Should().Be("key");
        e.Message.Should().StartWith("Seed must be non-empty");
    }

    [Fact]
    public void From_entropy_gives_different_unpredictable_streams()
    {
        var a = RandomState.FromEntropy();
        var b = RandomState.FromEntropy();

        // 624 random words go through init_by_array, which always sets key[0] to 2^31.
        a.KeyWord(0).Should().Be(0x80000000u);
        a.Position.Should().Be(624);

        // Two OS-entropy seeds giving the same 8 words (256 bits) would be a broken entropy source.
        var wordsA = Words(a, 8);
        var wordsB = Words(b, 8);
        wordsA.Should().NotEqual(wordsB);
        wordsA.Should().NotEqual(Words(new RandomState(0), 8));
        RngFixtures.Bits(RandomState.FromEntropy().RandomSample()).Should().NotBe(RngFixtures.Bits(RandomState.FromEntropy().RandomSample()));
    }

    [Fact]
    public void Next_uint64_takes_the_first_word_as_the_high_half()
    {
        var words = Words(new RandomState(3), 4);
        var g = new RandomState(3);

        g.NextUInt64().Should().Be(((ulong)words[0] << 32) | words[1]);
        g.NextUInt64().Should().Be(((ulong)words[2] << 32) | words[3]);
    }

    [Fact]
    public void Random_sample_is_built_from_27_and_26_bits_of_two_words()
    {
        var words = Words(new RandomState(99), 2000);
        var g = new RandomState(99);
        for (var i = 0; i < words.Length; i += 2)
        {
            var expected = (((ulong)(words[i] >> 5) << 26) | (words[i + 1] >> 6)) * Math.Pow(2, -53);
            RngFixtures.ShouldBeBitwise(g.RandomSample(), expected, $"double {i / 2}");
        }
    }

    internal static uint[] Words(RandomState g, int count)
    {
        var words = new uint[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = g.NextUInt32();
        }

        return words;
    }
}
