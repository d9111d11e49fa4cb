using Imbalance.Randomness;

namespace Imbalance.Tests.Randomness;

/// <summary>
/// The bulk draws (shuffle, permutation, randint with a size, random_sample and uniform with a size) keep the stream
/// position in a local and skip range checks; they must return exactly what the one-word-at-a-time definitions
/// built on <see cref="RandomState.NextUInt32"/> return (NumPy's random_interval, masked rejection, 53-bit doubles), and
/// leave the generator at the same point, across the 624-word regeneration and every power-of-two mask boundary.
/// </summary>
public class RandomStateBulkTests
{
    public static TheoryData<int, int> Sizes()
    {
        var data = new TheoryData<int, int>();
        int[] sizes = [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 311, 623, 624, 625, 1023, 1024, 1025, 1249, 5000];
        var seed = 0;
        foreach (var n in sizes)
        {
            data.Add(n, seed++);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Shuffle_and_permutation_equal_the_word_by_word_definition(int n, int seed)
    {
        var fast = new RandomState(seed);
        var reference = new RandomState(seed);
        _ = fast.NextUInt32(); // start off a regeneration boundary
        _ = reference.NextUInt32();

        var ints = Enumerable.Range(0, n).ToArray();
        var strings = ints.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var expected = ReferenceShuffle(reference, ints);
        fast.Shuffle(ints.AsSpan());
        ints.Should().Equal(expected);

        var expectedStrings = ReferenceShuffle(reference, strings);
        fast.Shuffle(strings.AsSpan());
        strings.Should().Equal(expectedStrings);

        fast.Permutation(n).Should().Equal(ReferenceShuffle(reference, Enumerable.Range(0, n).ToArray()));
        fast.NextUInt32().Should().Be(reference.NextUInt32(), "both generators are at the same point afterwards");
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Bulk_randint_equals_the_word_by_word_definition(int size, int seed)
    {
        var fast = new RandomState(seed);
        var reference = new RandomState(seed);
        (int Low, int High)[] ranges = [(0, 1), (5, 6), (0, 2), (0, 3), (-7, 9), (0, 4999), (0, 5000), (0, 65537), (int.MinValue, int.MaxValue), (0, int.MaxValue), (-1, 0)];
        foreach (var (low, high) in ranges)
        {
            var expected = new int[size];
            for (var i = 0; i < size; i++)
            {
                expected[i] = (int)(low + (long)ReferenceInterval(reference, (ulong)((long)high - 1 - low)));
            }

            fast.RandInt(low, high, size).Should().Equal(expected, $"randint({low}, {high}, {size})");
        }

        fast.NextUInt32().Should().Be(reference.NextUInt32());
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Bulk_doubles_equal_the_word_by_word_definition(int size, int seed)
    {
        var fast = new RandomState(seed);
        var reference = new RandomState(seed);
        var samples = fast.RandomSample(size);
        var uniform = fast.Uniform(-3.5, 2.25, size);
        for (var i = 0; i < size; i++)
        {
            BitConverter.DoubleToInt64Bits(samples[i]).Should().Be(BitConverter.DoubleToInt64Bits(ReferenceDouble(reference)));
        }

        for (var i = 0; i < size; i++)
        {
            var expected = -3.5 + (5.75 * ReferenceDouble(reference));
            BitConverter.DoubleToInt64Bits(uniform[i]).Should().Be(BitConverter.DoubleToInt64Bits(expected));
        }

        fast.NextUInt32().Should().Be(reference.NextUInt32());
    }

    [Fact]
    public void Bulk_draws_interleave_with_single_draws()
    {
        var fast = new RandomState(7);
        var reference = new RandomState(7);
        for (var round = 0; round < 40; round++)
        {
            var size = (round * 37) % 300;
            fast.RandInt(0, 1000, size).Should().Equal(Enumerable.Range(0, size).Select(_ => reference.RandInt(0, 1000)));
            fast.RandomSample().Should().Be(reference.RandomSample());
            var values = Enumerable.Range(0, size).ToArray();
            fast.Shuffle(values.AsSpan());
            values.Should().Equal(ReferenceShuffle(reference, Enumerable.Range(0, size).ToArray()));
        }
    }

    /// <summary>NumPy's random_interval(max): the smallest covering mask, fresh 32-bit words until one fits.</summary>
    private static ulong ReferenceInterval(RandomState g, ulong max)
    {
        if (max == 0)
        {
            return 0;
        }

        var mask = max;
        for (var shift = 1; shift < 64; shift <<= 1)
        {
            mask |= mask >> shift;
        }

        max.Should().BeLessThan(uint.MaxValue, "int ranges fit in 32-bit words");
        ulong value;
        do
        {
            value = g.NextUInt32() & mask;
        }
        while (value > max);

        return value;
    }

    private static T[] ReferenceShuffle<T>(RandomState g, T[] values)
    {
        var copy = values.ToArray();
        for (var i = copy.Length - 1; i >= 1; i--)
        {
            var j = (int)ReferenceInterval(g, (ulong)i);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy;
    }

    private static double ReferenceDouble(RandomState g)
    {
        var a = g.NextUInt32() >> 5;
        var b = g.NextUInt32() >> 6;
        return ((a * 67108864.0) + b) / 9007199254740992.0;
    }
}
