using System.Globalization;
using Imbalance.Interop;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.ModelSelection;

/// <summary>
/// scikit-learn's <c>train_test_split</c>: a random (optionally stratified) hold-out split. For the same seed the rows
/// and their order are exactly scikit-learn 1.2.1's (<c>ShuffleSplit</c>, or <c>StratifiedShuffleSplit</c> with
/// <c>stratify=y</c>).
/// </summary>
/// <remarks><para>When to use it: a single hold-out split, for large data or a final test set kept apart from
/// tuning; stratify by the labels on imbalanced data so the minority class is present in both parts. Prefer
/// CrossValidation for estimates on small data.</para></remarks>
/// <example>
/// <code>
/// var split = DataSplit.TrainTestSplit(x, y, testSize: 0.25, randomState: 0, stratify: true);
/// </code>
/// </example>
public static class DataSplit
{
    /// <summary>Splits rows into a training and a test part (scikit-learn's <c>train_test_split</c>).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="x">The rows: <c>double[,]</c> or any shape <see cref="FeatureMatrix"/> converts (jagged, <c>float</c>, MathNet).</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="testSize">The test share in (0, 1); default 0.25 when <paramref name="trainSize"/> is not given
    /// either (then <c>n_test = ceil(testSize * n)</c>).</param>
    /// <param name="trainSize">The training share in (0, 1) (<c>n_train = floor(trainSize * n)</c>); default: the
    /// rest.</param>
    /// <param name="randomState">The seed; <see langword="null"/> for an unpredictable one.</param>
    /// <param name="shuffle">Shuffle before splitting (scikit-learn's <c>shuffle</c>); default true. Without it the
    /// first rows train and the next ones test, and stratification is not possible.</param>
    /// <param name="stratify">Keep each class's share in both parts (scikit-learn's <c>stratify=y</c>); default false.</param>
    /// <returns>The split.</returns>
    /// <exception cref="ArgumentException">Sizes out of range or too large, stratifying without shuffling, a class with
    /// one row, or parts smaller than the number of classes when stratifying (scikit-learn's errors).</exception>
    public static TrainTestSplit<TLabel> TrainTestSplit<TLabel>(
        FeatureMatrix x,
        IReadOnlyList<TLabel> y,
        double? testSize = null,
        double? trainSize = null,
        int? randomState = null,
        bool shuffle = true,
        bool stratify = false)
        where TLabel : notnull
    {
        var rows = x.ToArray2D(nameof(x));
        InputGuard.CheckXy(rows, y);
        InputGuard.CheckSeed(randomState, nameof(randomState));
        var n = y.Count;
        var (nTrain, nTest) = Sizes(n, testSize, trainSize);
        int[] train;
        int[] test;
        if (!shuffle)
        {
            if (stratify)
            {
                throw new ArgumentException("Stratified train/test split is not implemented for shuffle=False", nameof(stratify));
            }

            train = Enumerable.Range(0, nTrain).ToArray();
            test = Enumerable.Range(nTrain, nTest).ToArray();
        }
        else if (!stratify)
        {
            var permutation = new SeedSource(randomState).CheckRandomState().Permutation(n);
            test = permutation[..nTest];
            train = permutation[nTest..(nTest + nTrain)];
        }
        else
        {
            (train, test) = Stratified(y, nTrain, nTest, new SeedSource(randomState).CheckRandomState());
        }

        return new TrainTestSplit<TLabel>(MatrixRows.Take(rows, train), MatrixRows.Take(rows, test), train.Select(i => y[i]).ToArray(), test.Select(i => y[i]).ToArray(), train, test);
    }

    /// <summary>scikit-learn's <c>_validate_shuffle_split</c> for float sizes.</summary>
    private static (int Train, int Test) Sizes(int n, double? testSize, double? trainSize)
    {
        if (testSize is not null && !(testSize > 0 && testSize < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testSize), testSize, string.Create(CultureInfo.InvariantCulture, $"testSize={testSize} should be a float in the (0, 1) range"));
        }

        if (trainSize is not null && !(trainSize > 0 && trainSize < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(trainSize), trainSize, string.Create(CultureInfo.InvariantCulture, $"trainSize={trainSize} should be a float in the (0, 1) range"));
        }

        if (testSize + trainSize > 1)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The sum of testSize and trainSize = {testSize + trainSize}, should be in the (0, 1) range. Reduce testSize and/or trainSize."),
                nameof(trainSize));
        }

        var effectiveTest = testSize ?? (trainSize is null ? 0.25 : null);
        var nTest = effectiveTest is { } t ? (int)Math.Ceiling(t * n) : 0;
        var nTrain = trainSize is { } r ? (int)Math.Floor(r * n) : 0;
        if (effectiveTest is null)
        {
            nTest = n - nTrain;
        }
        else if (trainSize is null)
        {
            nTrain = n - nTest;
        }

        if (nTrain == 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"With n_samples={n}, testSize={testSize} and trainSize={trainSize}, the resulting train set will be empty. Adjust any of the aforementioned parameters."),
                nameof(testSize));
        }

        return (nTrain, nTest);
    }

    /// <summary>scikit-learn's <c>StratifiedShuffleSplit._iter_indices</c>, first split.</summary>
    private static (int[] Train, int[] Test) Stratified<TLabel>(IReadOnlyList<TLabel> y, int trainSize, int testSize, RandomState rng)
        where TLabel : notnull
    {
        var encoder = LabelEncoder<TLabel>.Fit(y);
        var classCount = encoder.ClassCount;
        var counts = new int[classCount];
        foreach (var code in encoder.Codes)
        {
            counts[code]++;
        }

        if (counts.Min() < 2)
        {
            throw new ArgumentException(
                "The least populated class in y has only 1 member, which is too few. The minimum number of groups for any class cannot be less than 2.", nameof(y));
        }

        if (trainSize < classCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The trainSize = {trainSize} should be greater or equal to the number of classes = {classCount}"), nameof(trainSize));
        }

        if (testSize < classCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The testSize = {testSize} should be greater or equal to the number of classes = {classCount}"), nameof(testSize));
        }

        // Rows of each class in increasing order (a stable argsort of the codes).
        var classRows = new List<int>[classCount];
        for (var c = 0; c < classCount; c++)
        {
            classRows[c] = [];
        }

        for (var i = 0; i < encoder.Codes.Length; i++)
        {
            classRows[encoder.Codes[i]].Add(i);
        }

        var trainPerClass = ApproximateMode(counts, trainSize, rng);
        var remaining = counts.Select((c, i) => c - trainPerClass[i]).ToArray();
        var testPerClass = ApproximateMode(remaining, testSize, rng);
        var train = new List<int>();
        var test = new List<int>();
        for (var c = 0; c < classCount; c++)
        {
            var permutation = rng.Permutation(counts[c]);
            for (var j = 0; j < trainPerClass[c]; j++)
            {
                train.Add(classRows[c][permutation[j]]);
            }

            for (var j = trainPerClass[c]; j < trainPerClass[c] + testPerClass[c]; j++)
            {
                test.Add(classRows[c][permutation[j]]);
            }
        }

        return (rng.Permutation<int>(train.ToArray()), rng.Permutation<int>(test.ToArray()));
    }

    /// <summary>
    /// scikit-learn's <c>_approximate_mode</c>: the most likely per-class counts of <paramref name="draws"/> draws
    /// without replacement, rounding down and giving the leftover draws to the largest remainders (ties broken at
    /// random).
    /// </summary>
    private static int[] ApproximateMode(int[] classCounts, int draws, RandomState rng)
    {
        var total = (double)classCounts.Sum();
        var continuous = classCounts.Select(c => c / total * draws).ToArray();
        var floored = continuous.Select(Math.Floor).ToArray();
        var needToAdd = (int)(draws - floored.Sum());
        if (needToAdd > 0)
        {
            var remainder = continuous.Select((c, i) => c - floored[i]).ToArray();
            foreach (var value in remainder.Distinct().OrderByDescending(v => v))
            {
                var indices = Enumerable.Range(0, remainder.Length).Where(i => remainder[i] == value).ToArray();
                var addNow = Math.Min(indices.Length, needToAdd);
                foreach (var i in rng.Choice<int>(indices, addNow, replace: false))
                {
                    floored[i] += 1;
                }

                needToAdd -= addNow;
                if (needToAdd == 0)
                {
                    break;
                }
            }
        }

        return floored.Select(f => (int)f).ToArray();
    }
}
