using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.ModelSelection;

/// <summary>
/// scikit-learn's <c>StratifiedKFold(n_splits=5, shuffle=False, random_state=None)</c>: folds that keep each class's
/// share of rows. For the same seed the folds are exactly scikit-learn 1.2.1's.
/// </summary>
/// <remarks>
/// <para>When to use it: the default folds for imbalanced classification: every fold keeps each class's share, so
/// every test fold has minority rows and scores are comparable. Prefer InstanceHardnessCV when fold-to-fold
/// variance of the scores is a problem on binary data.</para>
/// As in scikit-learn, classes are numbered by first appearance in <c>y</c>; the sorted class numbers are dealt
/// round-robin to the folds to decide how many rows of each class each fold tests, and each class's fold numbers
/// (shuffled with one generator per <see cref="Split{TLabel}"/> call when <see cref="Shuffle"/> is on) are assigned
/// to its rows in order.
/// </remarks>
/// <example>
/// <code>
/// var folds = new StratifiedKFold { NSplits = 5, Shuffle = true, RandomState = 0 }.Split(y);   // each fold keeps the 10 % share
/// </code>
/// </example>
public sealed class StratifiedKFold
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

    /// <summary>Shuffle each class's fold assignment (scikit-learn's <c>shuffle</c>); default false.</summary>
    public bool Shuffle { get; init; }

    /// <summary>The seed of the shuffle (scikit-learn's <c>random_state</c>); <see langword="null"/> for an
    /// unpredictable one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The seed is negative.</exception>
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>Splits the rows of <paramref name="y"/> into stratified folds (scikit-learn's <c>split(X, y)</c>).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="y">The class of each row.</param>
    /// <returns>One <see cref="Fold"/> per split, in order.</returns>
    /// <exception cref="ArgumentException">There are fewer rows than folds, or every class has fewer rows than
    /// folds (scikit-learn's error).</exception>
    public IReadOnlyList<Fold> Split<TLabel>(IReadOnlyList<TLabel> y)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(y);
        return KFold.Folds(TestFolds(y), NSplits);
    }

    /// <summary>The test fold of each row (scikit-learn's <c>_make_test_folds</c>).</summary>
    internal int[] TestFolds<TLabel>(IReadOnlyList<TLabel> y)
        where TLabel : notnull
    {
        KFold.CheckSplits(NSplits, y.Count);
        KFold.CheckSeedUse(Shuffle, RandomState);
        var codes = new int[y.Count];
        var firstSeen = new Dictionary<TLabel, int>();
        var counts = new List<int>();
        for (var i = 0; i < y.Count; i++)
        {
            if (!firstSeen.TryGetValue(y[i], out var code))
            {
                code = firstSeen.Count;
                firstSeen.Add(y[i], code);
                counts.Add(0);
            }

            codes[i] = code;
            counts[code]++;
        }

        var classCount = counts.Count;
        if (counts.All(c => NSplits > c))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"NSplits={NSplits} cannot be greater than the number of members in each class."), nameof(y));
        }

        // allocation[f][k]: rows of class k tested in fold f = count of k in sorted(codes)[f::n_splits].
        var allocation = new int[NSplits, classCount];
        var position = 0;
        for (var k = 0; k < classCount; k++)
        {
            for (var r = 0; r < counts[k]; r++)
            {
                allocation[position % NSplits, k]++;
                position++;
            }
        }

        var rng = Shuffle ? new Imbalance.Randomness.SeedSource(RandomState).CheckRandomState() : null;
        var testFolds = new int[y.Count];
        for (var k = 0; k < classCount; k++)
        {
            var folds = new int[counts[k]];
            var fill = 0;
            for (var f = 0; f < NSplits; f++)
            {
                for (var r = 0; r < allocation[f, k]; r++)
                {
                    folds[fill++] = f;
                }
            }

            rng?.Shuffle(folds.AsSpan());
            var next = 0;
            for (var i = 0; i < codes.Length; i++)
            {
                if (codes[i] == k)
                {
                    testFolds[i] = folds[next++];
                }
            }
        }

        return testFolds;
    }
}
