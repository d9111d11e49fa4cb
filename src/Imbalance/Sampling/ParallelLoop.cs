using System.Runtime.ExceptionServices;

namespace Imbalance.Sampling;

/// <summary>
/// The one way Imbalance runs parallel loops: <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>,
/// but an exception thrown by an iteration reaches the caller as itself (the first one, with its original stack),
/// never wrapped in an <see cref="AggregateException"/>: callers catch <see cref="ArgumentException"/>, as they would
/// for the sequential code.
/// </summary>
internal static class ParallelLoop
{
    /// <summary>Runs <paramref name="body"/> for every index in <c>[fromInclusive, toExclusive)</c>.</summary>
    public static void For(int fromInclusive, int toExclusive, ParallelOptions options, Action<int> body) =>
        Unwrap(() => Parallel.For(fromInclusive, toExclusive, options, body));

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
}
