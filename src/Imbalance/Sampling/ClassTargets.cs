namespace Imbalance.Sampling;

/// <summary>
/// A resolved sampling strategy over class codes: imblearn's <c>sampling_strategy_</c> (an ordered map sorted by
/// class) with the label replaced by its code. The meaning of a count depends on the <see cref="SamplingType"/>:
/// samples to add, samples to keep, or (cleaning) the minority count.
/// </summary>
internal sealed class ClassTargets
{
    private readonly int[] _counts;
    private readonly int[] _targeted;

    /// <summary>Creates targets from a per-class count array where -1 means "not targeted".</summary>
    public ClassTargets(int[] countsOrMinusOne)
    {
        _counts = countsOrMinusOne;
        // A plain loop, not LINQ: this runs on every FitResample, and on the first call LINQ's generic iterators are
        // JIT-compiled (the ReadyToRun image cannot carry them).
        var targeted = 0;
        foreach (var count in countsOrMinusOne)
        {
            targeted += count >= 0 ? 1 : 0;
        }

        _targeted = new int[targeted];
        for (int c = 0, at = 0; c < countsOrMinusOne.Length; c++)
        {
            if (countsOrMinusOne[c] >= 0)
            {
                _targeted[at++] = c;
            }
        }
    }

    /// <summary>The number of classes in the data (targeted or not).</summary>
    public int ClassCount => _counts.Length;

    /// <summary>The targeted class codes in ascending (sorted label) order.</summary>
    public ReadOnlySpan<int> Targeted => _targeted;

    /// <summary>Whether class <paramref name="code"/> is targeted.</summary>
    public bool IsTargeted(int code) => _counts[code] >= 0;

    /// <summary>The resolved count of a targeted class.</summary>
    public int this[int code] => _counts[code] >= 0
        ? _counts[code]
        : throw new InvalidOperationException($"Class code {code} is not targeted by the sampling strategy.");
}
