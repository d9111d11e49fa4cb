using Imbalance.Sampling;

namespace Imbalance.UnderSampling;

/// <summary>
/// The stopping rules repeated ENN and AllKNN share, checked after each pass: a class other than the original minority
/// has fallen below the original minority count, or a class has disappeared. The original minority is imblearn's
/// <c>min(Counter(y))</c>.
/// </summary>
internal sealed class EditingStop(ClassIndex original, bool allowMinority)
{
    private readonly int _minority = ImblearnClasses.CounterMinority(original);
    private readonly int _classCount = original.ClassCount;
    private ClassTargets? _cached;
    private (int Minority, int Majority) _cachedKey;

    /// <summary>Whether the pass just made ends the loop.</summary>
    public bool ShouldStop(ShrinkingNeighbourhood state)
    {
        var minorityCount = original.Counts[_minority];
        var minorityBecameMajority = false;
        var counts = state.AliveCounts;
        for (var c = 0; c < counts.Length; c++)
        {
            if (c != _minority && counts[c] > 0 && counts[c] < minorityCount)
            {
                minorityBecameMajority = true;
            }
        }

        return (minorityBecameMajority && !allowMinority) || state.PresentClassCount < _classCount;
    }

    /// <summary>
    /// The strategy resolved again on the surviving rows, as imblearn's inner ENN does on each call. A cleaning
    /// strategy's targeted classes depend only on which class is the minority and which the majority (named strategies)
    /// or on nothing (a class list), so a resolution is reused while those two stay the same.
    /// </summary>
    public ClassTargets Reresolve(SamplingStrategy strategy, SamplerInput input, ShrinkingNeighbourhood state)
    {
        var counts = state.AliveCounts;
        var key = (Extreme(counts, largest: false), Extreme(counts, largest: true));
        if (_cached is null || key != _cachedKey)
        {
            _cached = strategy.Resolve(input.Labels, new ClassIndex(state.CurrentCodes(), input.Classes.ClassCount), SamplingType.CleanSampling);
            _cachedKey = key;
        }

        return _cached;
    }

    /// <summary>The resolver's majority or minority rule: scanning classes in order, the first strictly larger or smaller wins.</summary>
    private static int Extreme(ReadOnlySpan<int> counts, bool largest)
    {
        var best = 0;
        for (var c = 1; c < counts.Length; c++)
        {
            if (largest ? counts[c] > counts[best] : counts[c] < counts[best])
            {
                best = c;
            }
        }

        return best;
    }
}
