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

    /// <summary>The strategy resolved again on the surviving rows, as imblearn's inner ENN does on each call.</summary>
    public static ClassTargets Reresolve(SamplingStrategy strategy, SamplerInput input, ShrinkingNeighbourhood state) =>
        strategy.Resolve(input.Labels, new ClassIndex(state.CurrentCodes(), input.Classes.ClassCount), SamplingType.CleanSampling);
}
