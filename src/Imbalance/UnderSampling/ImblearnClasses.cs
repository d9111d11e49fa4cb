using Imbalance.Sampling;

namespace Imbalance.UnderSampling;

/// <summary>Class rules imblearn's prototype-selection samplers share beyond the strategy resolver.</summary>
internal static class ImblearnClasses
{
    /// <summary>
    /// imblearn's <c>min(Counter(y), key=Counter(y).get)</c>: the smallest class, ties going to the class whose first
    /// row comes first in <c>y</c> (not to the smallest label, unlike the strategy resolver's minority).
    /// </summary>
    public static int CounterMinority(ClassIndex classes)
    {
        var best = -1;
        var bestFirst = int.MaxValue;
        for (var c = 0; c < classes.ClassCount; c++)
        {
            var count = classes.Counts[c];
            if (count == 0)
            {
                continue;
            }

            var first = classes.Positions(c)[0];
            if (best < 0 || count < classes.Counts[best] || (count == classes.Counts[best] && first < bestFirst))
            {
                best = c;
                bestFirst = first;
            }
        }

        return best;
    }

    /// <summary>
    /// <c>scipy.stats.mode</c> of a few class codes: the most frequent code, ties going to the smallest.
    /// </summary>
    public static int Mode(ReadOnlySpan<int> codes, Span<int> scratch)
    {
        scratch.Clear();
        var best = 0;
        foreach (var c in codes)
        {
            scratch[c]++;
        }

        for (var c = 1; c < scratch.Length; c++)
        {
            if (scratch[c] > scratch[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>Checks a neighbour count parameter (imblearn's <c>Interval(Integral, 1, None)</c>).</summary>
    public static int CheckNeighbours(int value, string parameterName) =>
        value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(
                parameterName,
                value,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The '{parameterName}' parameter must be an int in the range [1, inf). Got {value} instead."));

    /// <summary>
    /// Rejects a seed count larger than the data (imblearn would try to draw that many seeds and run out of memory):
    /// seeds are rows of one class, so more seeds than rows in <c>x</c> is never meaningful.
    /// </summary>
    public static void CheckSeedCount(int nSeedsS, int samples, string parameterName)
    {
        if (nSeedsS > samples)
        {
            throw InputGuard.Invalid(
                parameterName,
                string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"{parameterName} = {nSeedsS} asks for more seed rows than x has rows ({samples})."));
        }
    }
}
