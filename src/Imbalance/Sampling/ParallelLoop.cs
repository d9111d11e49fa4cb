using System.Runtime.ExceptionServices;

namespace Imbalance.Sampling;

/// <summary>
/// The one way Imbalance runs parallel loops: a fork-join loop over <c>[fromInclusive, toExclusive)</c> on the
/// calling thread plus up to <c>ProcessorCount - 1</c> long-lived worker threads of the library's own.
/// </summary>
/// <remarks>
/// <para>Why not <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>: its first use in a process costs
/// about 17 ms of CPU and 40 ms of wall time on the reference machine (generic TPL code JIT-compiled over our types,
/// its event source built by reflection, the thread pool started and its threads injected), more than a whole
/// resampling of a thousand rows; this loop is plain code precompiled in the package's ReadyToRun image, and a worker
/// thread costs a fraction of a millisecond to start, once.</para>
/// <para>Semantics (those the library relied on with <c>Parallel.For</c>): every index runs exactly once unless the
/// loop stops early; indices are claimed one at a time in increasing order by whichever participating thread is free
/// (callers pass blocks of work, never single rows); a thread-local state is created lazily by each participating
/// thread before its first index and handed to <c>localFinally</c> at its end; the first exception an iteration
/// throws stops the claiming of new indices and reaches the caller as itself (its original stack), never wrapped in an
/// <see cref="AggregateException"/> (an <see cref="ArgumentException"/> is preferred to an
/// <see cref="OperationCanceledException"/> another thread saw after it); a cancelled token stops the loop with an
/// <see cref="OperationCanceledException"/>. The caller's <see cref="ExecutionContext"/> flows to the workers.
/// Results never depend on the number of threads: every caller writes each index's outputs to their own place.</para>
/// <para>With one participant (a degree of parallelism of 1, a single index, or a single core) the loop runs inline on
/// the calling thread and touches no other thread. Nested loops (a body that starts a loop) cannot deadlock: the
/// thread that starts a loop always works through its indices itself, helpers only speed it up.</para>
/// </remarks>
internal static class ParallelLoop
{
    /// <summary>Worker threads exit after this long without work.</summary>
    private const int IdleTimeoutMilliseconds = 30_000;

    private static readonly object Gate = new();
    private static readonly Queue<Job> Tickets = new();
    private static int _workers;
    private static int _idleWorkers;

    /// <summary>Runs <paramref name="body"/> for every index in <c>[fromInclusive, toExclusive)</c>, honouring
    /// <see cref="ParallelOptions.MaxDegreeOfParallelism"/> and <see cref="ParallelOptions.CancellationToken"/> of
    /// <paramref name="options"/>.</summary>
    public static void For(int fromInclusive, int toExclusive, ParallelOptions options, Action<int> body) =>
        For(fromInclusive, toExclusive, options.MaxDegreeOfParallelism, body, options.CancellationToken);

    /// <summary>Runs <paramref name="body"/> for every index in <c>[fromInclusive, toExclusive)</c> on at most
    /// <paramref name="maxDegreeOfParallelism"/> threads (-1 or 0: every core).</summary>
    public static void For(int fromInclusive, int toExclusive, int maxDegreeOfParallelism, Action<int> body, CancellationToken cancellationToken) =>
        For<object?>(
            fromInclusive,
            toExclusive,
            maxDegreeOfParallelism,
            static () => null,
            (i, local) =>
            {
                body(i);
                return local;
            },
            static _ => { },
            cancellationToken);

    /// <summary>Runs <paramref name="body"/> for every index in <c>[fromInclusive, toExclusive)</c> on at most
    /// <paramref name="maxDegreeOfParallelism"/> threads (-1 or 0: every core), each thread with its own state made by
    /// <paramref name="localInit"/> before its first index and passed to <paramref name="localFinally"/> after its
    /// last.</summary>
    public static void For<TLocal>(
        int fromInclusive,
        int toExclusive,
        int maxDegreeOfParallelism,
        Func<TLocal> localInit,
        Func<int, TLocal, TLocal> body,
        Action<TLocal> localFinally,
        CancellationToken cancellationToken)
    {
        var count = (long)toExclusive - fromInclusive;
        if (count <= 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return;
        }

        var participants = Participants(count, maxDegreeOfParallelism);
        if (participants == 1)
        {
            RunInline(fromInclusive, toExclusive, localInit, body, localFinally, cancellationToken);
            return;
        }

        var job = new Job<TLocal>(fromInclusive, toExclusive, localInit, body, localFinally, cancellationToken);
        Post(job, participants - 1);
        job.RunAsOwner();
    }

    /// <summary>Runs <paramref name="action"/>, which may start parallel work, unwrapping an
    /// <see cref="AggregateException"/> into its first inner exception.</summary>
    public static void Unwrap(Action action)
    {
        try
        {
            action();
        }
        catch (AggregateException e)
        {
            var inner = e.Flatten().InnerExceptions;
            // Prefer the caller's error (an ArgumentException) to a cancellation some other iteration saw after it.
            var first = inner.FirstOrDefault(x => x is not OperationCanceledException) ?? inner.FirstOrDefault() ?? e;
            ExceptionDispatchInfo.Capture(first).Throw();
            throw; // unreachable: Throw() always throws
        }
    }

    /// <summary>How many threads (the caller included) work on a loop of <paramref name="count"/> indices.</summary>
    internal static int Participants(long count, int maxDegreeOfParallelism)
    {
        var cores = Environment.ProcessorCount;
        var limit = maxDegreeOfParallelism <= 0 ? cores : Math.Min(maxDegreeOfParallelism, cores);
        return (int)Math.Max(1, Math.Min(limit, count));
    }

    /// <summary>The number of worker threads alive now (for tests).</summary>
    internal static int WorkerCount
    {
        get
        {
            lock (Gate)
            {
                return _workers;
            }
        }
    }

    private static void RunInline<TLocal>(
        int fromInclusive,
        int toExclusive,
        Func<TLocal> localInit,
        Func<int, TLocal, TLocal> body,
        Action<TLocal> localFinally,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var local = localInit();
        try
        {
            for (var i = fromInclusive; i < toExclusive; i++)
            {
                if (i > fromInclusive)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                local = body(i, local);
            }
        }
        finally
        {
            localFinally(local);
        }
    }

    /// <summary>Hands <paramref name="helpers"/> tickets for <paramref name="job"/> to the workers, starting workers
    /// when fewer are idle than tickets wait.</summary>
    private static void Post(Job job, int helpers)
    {
        lock (Gate)
        {
            for (var h = 0; h < helpers; h++)
            {
                Tickets.Enqueue(job);
            }

            var wanted = Math.Min(Tickets.Count - _idleWorkers, Environment.ProcessorCount - 1 - _workers);
            for (var w = 0; w < wanted; w++)
            {
                var thread = new Thread(WorkerLoop) { IsBackground = true, Name = "Imbalance worker" };
                thread.Start();
                _workers++;
            }

            for (var h = 0; h < helpers; h++)
            {
                Monitor.Pulse(Gate);
            }
        }
    }

    private static void WorkerLoop()
    {
        while (true)
        {
            Job job;
            lock (Gate)
            {
                while (Tickets.Count == 0)
                {
                    _idleWorkers++;
                    var woken = Monitor.Wait(Gate, IdleTimeoutMilliseconds);
                    _idleWorkers--;
                    if (!woken && Tickets.Count == 0)
                    {
                        _workers--;
                        return;
                    }
                }

                job = Tickets.Dequeue();
            }

            job.Help();
        }
    }

    /// <summary>One running loop: the index counter, who works on it, and the first error.</summary>
    private abstract class Job
    {
        /// <summary>Set in <see cref="_state"/> once the owner has finished its own share: no new helper may join.</summary>
        private const int Closed = 1 << 30;

        private readonly long _end;
        private readonly ExecutionContext? _context;
        private long _next;

        // The number of threads working on the loop (the owner counts from the start), plus Closed.
        private int _state = 1;
        private ManualResetEventSlim? _drained;
        private Exception? _error;
        private volatile bool _stop;

        protected Job(int fromInclusive, int toExclusive, CancellationToken cancellationToken)
        {
            _next = fromInclusive;
            _end = toExclusive;
            Token = cancellationToken;
            _context = ExecutionContext.Capture();
        }

        protected CancellationToken Token { get; }

        /// <summary>Called by a worker holding a ticket: works on the loop unless it is already closed.</summary>
        public void Help()
        {
            while (true)
            {
                var state = Volatile.Read(ref _state);
                if ((state & Closed) != 0)
                {
                    return;
                }

                if (Interlocked.CompareExchange(ref _state, state + 1, state) == state)
                {
                    break;
                }
            }

            try
            {
                if (_context is null)
                {
                    Work();
                }
                else
                {
                    ExecutionContext.Run(_context, static job => ((Job)job!).Work(), this);
                }
            }
            finally
            {
                if (Interlocked.Decrement(ref _state) == Closed)
                {
                    Volatile.Read(ref _drained)?.Set();
                }
            }
        }

        /// <summary>Called by the thread that started the loop: works through it, waits for the helpers still inside,
        /// then reports the outcome.</summary>
        public void RunAsOwner()
        {
            Work();
            var drained = new ManualResetEventSlim(false);
            Volatile.Write(ref _drained, drained);
            if (Interlocked.Add(ref _state, Closed - 1) != Closed)
            {
                drained.Wait();
            }

            // Not disposed: a helper may still be returning from Set() on it (it holds no kernel handle; the GC frees it).
            if (_error is not null)
            {
                ExceptionDispatchInfo.Capture(_error).Throw();
            }

            if (_stop)
            {
                Token.ThrowIfCancellationRequested();
            }
        }

        /// <summary>Claims the next index, unless the loop is done, failed or cancelled.</summary>
        protected bool TryClaim(out int index)
        {
            index = 0;
            if (_stop)
            {
                return false;
            }

            if (Token.IsCancellationRequested)
            {
                _stop = true;
                return false;
            }

            var next = Interlocked.Increment(ref _next) - 1;
            if (next >= _end)
            {
                return false;
            }

            index = (int)next;
            return true;
        }

        /// <summary>Records an iteration's exception (the first one wins, an error before a cancellation) and stops the
        /// loop.</summary>
        protected void Fail(Exception error)
        {
            while (true)
            {
                var current = Volatile.Read(ref _error);
                if (current is not null && (current is not OperationCanceledException || error is OperationCanceledException))
                {
                    break;
                }

                if (Interlocked.CompareExchange(ref _error, error, current) == current)
                {
                    break;
                }
            }

            _stop = true;
        }

        /// <summary>Claims and runs indices until none is left.</summary>
        protected abstract void Work();
    }

    private sealed class Job<TLocal>(
        int fromInclusive,
        int toExclusive,
        Func<TLocal> localInit,
        Func<int, TLocal, TLocal> body,
        Action<TLocal> localFinally,
        CancellationToken cancellationToken) : Job(fromInclusive, toExclusive, cancellationToken)
    {
        protected override void Work()
        {
            TLocal local = default!;
            var started = false;
            try
            {
                while (TryClaim(out var index))
                {
                    if (!started)
                    {
                        local = localInit();
                        started = true;
                    }

                    local = body(index, local);
                }
            }
            catch (Exception e)
            {
                Fail(e);
            }
            finally
            {
                if (started)
                {
                    try
                    {
                        localFinally(local);
                    }
                    catch (Exception e)
                    {
                        Fail(e);
                    }
                }
            }
        }
    }
}
