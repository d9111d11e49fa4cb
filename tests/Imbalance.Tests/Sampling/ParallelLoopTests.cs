using System.Collections.Concurrent;
using Imbalance.Sampling;

namespace Imbalance.Tests.Sampling;

/// <summary>The library's own fork-join loop (<see cref="ParallelLoop"/>), which replaced <c>Parallel.For</c>: every
/// index exactly once, per-thread state, errors and cancellation as the callers relied on, nesting and concurrent
/// loops from many threads.</summary>
public class ParallelLoopTests
{
    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(0, 1, -1)]
    [InlineData(3, 4, -1)]
    [InlineData(0, 1000, -1)]
    [InlineData(0, 1000, 1)]
    [InlineData(0, 1000, 2)]
    [InlineData(-50, 77, 64)]
    public void EveryIndexRunsExactlyOnce(int from, int to, int maxDop)
    {
        var hits = new int[to - from];
        ParallelLoop.For(from, to, maxDop, i => Interlocked.Increment(ref hits[i - from]), CancellationToken.None);
        hits.Should().OnlyContain(h => h == 1);
    }

    [Fact]
    public void EmptyAndReversedRangesRunNothing()
    {
        var calls = 0;
        ParallelLoop.For(5, 5, -1, _ => Interlocked.Increment(ref calls), CancellationToken.None);
        ParallelLoop.For(5, 2, -1, _ => Interlocked.Increment(ref calls), CancellationToken.None);
        calls.Should().Be(0);
    }

    [Fact]
    public void OneParticipantRunsInlineOnTheCallingThreadInOrder()
    {
        var caller = Environment.CurrentManagedThreadId;
        var seen = new List<(int Index, int Thread)>();
        ParallelLoop.For(0, 50, 1, i => seen.Add((i, Environment.CurrentManagedThreadId)), CancellationToken.None);
        seen.Select(s => s.Index).Should().Equal(Enumerable.Range(0, 50));
        seen.Should().OnlyContain(s => s.Thread == caller);
    }

    [Fact]
    public void EachThreadGetsItsOwnStateAndEveryStateIsFinished()
    {
        var made = new ConcurrentBag<List<int>>();
        var finished = new ConcurrentBag<List<int>>();
        ParallelLoop.For(
            0,
            400,
            -1,
            () =>
            {
                var state = new List<int>();
                made.Add(state);
                return state;
            },
            (i, state) =>
            {
                state.Add(i);
                Thread.SpinWait(200);
                return state;
            },
            finished.Add,
            CancellationToken.None);

        made.Should().HaveCountGreaterThanOrEqualTo(1).And.HaveCountLessThanOrEqualTo(Environment.ProcessorCount);
        finished.Should().HaveCount(made.Count);
        made.Should().OnlyContain(m => finished.Any(f => ReferenceEquals(f, m)));
        made.SelectMany(s => s).Order().Should().Equal(Enumerable.Range(0, 400));
        foreach (var state in made)
        {
            // Indices are claimed in increasing order, so each thread sees an increasing subsequence.
            state.Should().BeInAscendingOrder();
        }
    }

    [Fact]
    public void TheFirstErrorReachesTheCallerAsItselfAndStopsTheLoop()
    {
        var ran = 0;
        var act = () => ParallelLoop.For(0, 100_000, -1, i =>
        {
            Interlocked.Increment(ref ran);
            if (i == 10)
            {
                throw new ArgumentException("bad row 10", "x");
            }
        }, CancellationToken.None);

        act.Should().Throw<ArgumentException>().WithMessage("bad row 10*").Which.ParamName.Should().Be("x");
        ran.Should().BeLessThan(100_000);
    }

    [Fact]
    public void AnErrorWinsOverACancellationSeenAfterIt()
    {
        using var cts = new CancellationTokenSource();
        var act = () => ParallelLoop.For(0, 64, -1, i =>
        {
            if (i == 0)
            {
                cts.Cancel();
                throw new ArgumentException("first", "y");
            }

            cts.Token.ThrowIfCancellationRequested();
        }, cts.Token);

        act.Should().Throw<ArgumentException>().WithMessage("first*");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void ACancelledTokenStopsTheLoop(int maxDop)
    {
        using var cts = new CancellationTokenSource();
        var ran = 0;
        var act = () => ParallelLoop.For(0, 10_000, maxDop, i =>
        {
            if (Interlocked.Increment(ref ran) == 5)
            {
                cts.Cancel();
            }
        }, cts.Token);

        act.Should().Throw<OperationCanceledException>();
        ran.Should().BeLessThan(10_000);
    }

    [Fact]
    public void AnAlreadyCancelledTokenRunsNothing()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var ran = 0;
        var act = () => ParallelLoop.For(0, 10, -1, _ => Interlocked.Increment(ref ran), cts.Token);
        act.Should().Throw<OperationCanceledException>();
        ran.Should().Be(0);
    }

    [Fact]
    public void AnErrorInLocalInitOrFinallyReachesTheCaller()
    {
        var init = () => ParallelLoop.For<int>(0, 10, -1, () => throw new InvalidOperationException("init"), (i, s) => s, _ => { }, CancellationToken.None);
        init.Should().Throw<InvalidOperationException>().WithMessage("init");
        var fin = () => ParallelLoop.For(0, 10, -1, () => 0, (i, s) => s + i, _ => throw new InvalidOperationException("finally"), CancellationToken.None);
        fin.Should().Throw<InvalidOperationException>().WithMessage("finally");
    }

    [Fact]
    public void NestedLoopsComplete()
    {
        var sums = new long[8];
        ParallelLoop.For(0, 8, -1, outer =>
        {
            long local = 0;
            ParallelLoop.For(0, 1000, -1, inner => Interlocked.Add(ref local, inner), CancellationToken.None);
            sums[outer] = local;
        }, CancellationToken.None);

        sums.Should().OnlyContain(s => s == 499_500);
    }

    [Fact]
    public void ManyThreadsCanRunLoopsAtOnce()
    {
        var totals = new long[16];
        var callers = Enumerable.Range(0, 16).Select(c => new Thread(() =>
        {
            for (var round = 0; round < 20; round++)
            {
                ParallelLoop.For(0, 100, -1, i => Interlocked.Add(ref totals[c], i), CancellationToken.None);
            }
        })).ToArray();
        foreach (var t in callers)
        {
            t.Start();
        }

        foreach (var t in callers)
        {
            t.Join();
        }

        totals.Should().OnlyContain(t => t == 20 * 4950);
        ParallelLoop.WorkerCount.Should().BeLessThanOrEqualTo(Math.Max(0, Environment.ProcessorCount - 1));
    }

    [Fact]
    public void TheCallersExecutionContextFlowsToTheWorkers()
    {
        var flowing = new AsyncLocal<string?> { Value = "caller" };
        var seen = new ConcurrentBag<string?>();
        ParallelLoop.For(0, 64, -1, _ =>
        {
            seen.Add(flowing.Value);
            Thread.SpinWait(1000);
        }, CancellationToken.None);
        seen.Should().HaveCount(64).And.OnlyContain(v => v == "caller");
    }

    [Theory]
    [InlineData(10, -1)]
    [InlineData(10, 0)]
    [InlineData(1, -1)]
    [InlineData(10, 1)]
    [InlineData(10, 1000)]
    public void ParticipantsAreBoundedByCoresIndicesAndTheLimit(long count, int maxDop)
    {
        var expected = Math.Min(count, maxDop <= 0 ? Environment.ProcessorCount : Math.Min(maxDop, Environment.ProcessorCount));
        ParallelLoop.Participants(count, maxDop).Should().Be((int)expected);
    }
}
