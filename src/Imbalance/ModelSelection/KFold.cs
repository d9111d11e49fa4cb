using System.Globalization;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.ModelSelection;

/// <summary>
/// scikit-learn's <c>KFold(n_splits=5, shuffle=False, random_state=None)</c>: consecutive folds of (optionally
/// shuffled) row indices; the first <c>n % n_splits</c> folds get one extra row. For the same seed the folds are
/// exactly scikit-learn's.
/// </summary>
/// <remarks><para>When to use it: regression-like or balanced data, or when the folds must be consecutive blocks
/// (shuffle off). On imbalanced classification prefer StratifiedKFold: plain folds can leave a fold with few or no
/// minority rows.</para></remarks>
/// <example>
/// <code>
/// var folds = new KFold { NSplits = 4 }.Split(sampleCount: 1_000);
/// </code>
/// </example>
public sealed class KFold
{
    private readonly int _nSplits = 5;
    private readonly int? _randomState;

    /// <summary>Number of folds (scikit-learn's <c>n_splits</c>); default 5, at least 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 2.</exception>
    public int NSplits
    {
        get => _nSplits;
        init => _nSplits = value >= 2
            ? value
            : throw new ArgumentOutOfRangeException(
                nameof(NSplits), value, string.Create(CultureInfo.InvariantCulture, $"k-fold cross-validation requires at least one train/test split by setting NSplits=2 or more, got NSplits={value}."));
    }

    /// <summary>Shuffle the rows before cutting them into folds (scikit-learn's <c>shuffle</c>); default false.</summary>
    public bool Shuffle { get; init; }

    /// <summary>The seed of the shuffle (scikit-learn's <c>random_state</c>); <see langword="null"/> for an
    /// unpredictable one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The seed is negative.</exception>
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>Splits <paramref name="sampleCount"/> rows into <see cref="NSplits"/> folds (scikit-learn's <c>split</c>).</summary>
    /// <param name="sampleCount">The number of rows.</param>
    /// <returns>One <see cref="Fold"/> per split, in order.</returns>
    /// <exception cref="ArgumentException">There are fewer rows than folds, or a seed is set without <see cref="Shuffle"/>.</exception>
    public IReadOnlyList<Fold> Split(int sampleCount)
    {
        CheckSplits(NSplits, sampleCount);
        KFold.CheckSeedUse(Shuffle, RandomState);
        var order = new int[sampleCount];
        for (var i = 0; i < sampleCount; i++)
        {
            order[i] = i;
        }

        if (Shuffle)
        {
            new SeedSource(RandomState).CheckRandomState().Shuffle(order.AsSpan());
        }

        var testFolds = new int[sampleCount];
        var start = 0;
        for (var f = 0; f < NSplits; f++)
        {
            var size = (sampleCount / NSplits) + (f < sampleCount % NSplits ? 1 : 0);
            for (var i = start; i < start + size; i++)
            {
                testFolds[order[i]] = f;
            }

            start += size;
        }

        return Folds(testFolds, NSplits);
    }

    /// <summary>scikit-learn's rejection of a seed that would have no effect.</summary>
    internal static void CheckSeedUse(bool shuffle, int? randomState)
    {
        if (!shuffle && randomState is not null)
        {
#pragma warning disable CA2208 // the offending value is the splitter's RandomState property, not a method parameter
            throw new ArgumentException(
                "Setting a random_state has no effect since shuffle is False. You should leave random_state to its default (None), or set shuffle=True.",
                nameof(RandomState));
#pragma warning restore CA2208
        }
    }

    /// <summary>scikit-learn's check that there are at least as many rows as folds.</summary>
    internal static void CheckSplits(int nSplits, int sampleCount)
    {
        if (nSplits > sampleCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Cannot have number of splits NSplits={nSplits} greater than the number of samples: n_samples={sampleCount}."),
                nameof(sampleCount));
        }
    }

    /// <summary>Turns a test-fold number per row into folds with sorted train and test indices.</summary>
    internal static IReadOnlyList<Fold> Folds(int[] testFolds, int nSplits)
    {
        var folds = new Fold[nSplits];
        for (var f = 0; f < nSplits; f++)
        {
            var test = new List<int>();
            var train = new List<int>();
            for (var i = 0; i < testFolds.Length; i++)
            {
                (testFolds[i] == f ? test : train).Add(i);
            }

            folds[f] = new Fold([.. train], [.. test]);
        }

        return folds;
    }
}
