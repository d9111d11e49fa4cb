using Imbalance.Randomness;

namespace Imbalance.Tests.Randomness;

/// <summary>
/// <see cref="SeedSource"/> is scikit-learn's <c>check_random_state(self.random_state)</c>: an integer seed restarts a
/// fresh stream at every call site, no seed shares one entropy-seeded generator.
/// </summary>
public class SeedSourceTests
{
    [Fact]
    public void Int_seed_gives_a_new_generator_at_each_call_starting_the_same_stream()
    {
        var source = new SeedSource(42);

        var first = source.CheckRandomState();
        var firstDraws = Draws(first);
        var second = source.CheckRandomState();

        source.Seed.Should().Be(42);
        second.Should().NotBeSameAs(first);
        Draws(second).Should().Equal(firstDraws, "drawing from the first generator does not move the second");
        firstDraws.Should().Equal(Draws(new RandomState(42)), "each call is RandomState(seed)");
    }

    [Fact]
    public void Int_seed_call_sites_reuse_the_same_numbers_like_imblearn()
    {
        // imblearn's SMOTE with random_state=0 calls check_random_state per class: both classes get randint from the
        // start of the seed-0 stream.
        var source = new SeedSource(0);

        var classA = source.CheckRandomState().RandInt(0, 40, 4);
        var classB = source.CheckRandomState().RandInt(0, 40, 4);

        classA.Should().Equal(0, 3, 3, 39).And.Equal(classB);
    }

    [Fact]
    public void Null_seed_shares_one_generator_whose_stream_continues()
    {
        var source = new SeedSource(null);

        var first = source.CheckRandomState();
        var second = source.CheckRandomState();

        source.Seed.Should().BeNull();
        second.Should().BeSameAs(first, "imblearn then uses NumPy's global generator, one stream for every call site");
        first.Position.Should().Be(624, "entropy seeding is init_by_array; nothing drawn yet");
        first.NextUInt32();
        second.Position.Should().Be(1, "the second call site continues the stream");
    }

    [Fact]
    public void Null_seed_sources_are_unpredictable_and_independent()
    {
        var a = new SeedSource(null).CheckRandomState();
        var b = new SeedSource(null).CheckRandomState();

        RandomStateSeedingTests.Words(a, 8).Should().NotEqual(RandomStateSeedingTests.Words(b, 8));
    }

    [Fact]
    public void A_negative_seed_is_rejected_when_a_generator_is_requested()
    {
        var source = new SeedSource(-1);

        var e = source.Invoking(s => s.CheckRandomState()).Should().ThrowExactly<ArgumentOutOfRangeException>().Which;
        e.ParamName.Should().Be("seed");
    }

    [Fact]
    public void A_configured_seed_used_concurrently_gives_identical_streams()
    {
        const int Threads = 4;
        const int CallsPerThread = 25;
        var source = new SeedSource(7);
        var reference = Draws(new RandomState(7));
        var results = new List<long>[Threads];
        var failures = new List<Exception>();
        using var start = new Barrier(Threads);

        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            try
            {
                start.SignalAndWait(); // all threads draw at the same time
                var mine = new List<long>();
                for (var call = 0; call < CallsPerThread; call++)
                {
                    mine.AddRange(Draws(source.CheckRandomState()));
                }

                results[t] = mine;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                lock (failures)
                {
                    failures.Add(e);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        failures.Should().BeEmpty();
        var expected = Enumerable.Repeat(reference, CallsPerThread).SelectMany(r => r).ToList();
        results.Should().AllSatisfy(r => r.Should().Equal(expected));
    }

    [Fact]
    public void Separate_generators_with_the_same_seed_used_concurrently_give_identical_streams()
    {
        var reference = Draws(new RandomState(99));

        var streams = new List<long>[64];
        Parallel.For(0, streams.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => streams[i] = Draws(new RandomState(99)));

        streams.Should().AllSatisfy(s => s.Should().Equal(reference));
    }

    /// <summary>A mix of every kind of draw, as bits, so any difference in state shows.</summary>
    private static List<long> Draws(RandomState g)
    {
        var values = new List<long>();
        values.AddRange(g.RandInt(-50L, 1L << 40, 20));
        values.AddRange(g.StandardNormal(7).Select(RngFixtures.Bits));
        values.Add(RngFixtures.Bits(g.Beta(10.0, 10.0)));
        values.Add(RngFixtures.Bits(g.StandardGamma(0.5)));
        values.AddRange(g.Uniform(-1.0, 1.0, 5).Select(RngFixtures.Bits));
        values.AddRange(g.Permutation(40).Select(v => (long)v));
        values.AddRange(g.Choice(10, 6, replace: false, [0.05, 0.1, 0.15, 0.2, 0.1, 0.1, 0.1, 0.05, 0.1, 0.05]).Select(v => (long)v));
        values.AddRange(g.SampleWithoutReplacement(1000, 5).Select(v => (long)v));
        values.Add(RngFixtures.Bits(g.StandardNormal()));
        return values;
    }
}
