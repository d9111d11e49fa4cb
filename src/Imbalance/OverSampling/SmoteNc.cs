using System.Globalization;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.OverSampling;

/// <summary>
/// SMOTE for data with continuous and categorical features: imblearn's <c>SMOTENC</c> (Chawla et al., "SMOTE:
/// synthetic minority over-sampling technique", JAIR 16, 2002, section 6.1).
/// </summary>
/// <remarks>
/// <para>When to use it: mixed data, numeric and categorical features together (imblearn's SMOTE-NC): continuous
/// features are interpolated and categorical ones take the most frequent value among the neighbours. Needs at least
/// one numeric feature; prefer SmoteN when all features are categorical and Smote when none are.</para>
/// <para>Categorical features hold category values (any doubles: codes, or values that sort like the original
/// categories). Each categorical feature is one-hot encoded over its sorted categories with every 1 replaced by
/// half the median of the per-feature standard deviations of the continuous features in the minority class
/// (<c>median_std_</c>; the minority is the least frequent class, ties going to the class that appears first in
/// y, as imblearn's <c>min(Counter(y))</c>). SMOTE then runs on [continuous features | one-hot blocks]: the
/// continuous features of a new row are interpolated, and each categorical feature takes the category most frequent
/// among the base row's <see cref="KNeighbors"/> neighbours, ties broken at random (<c>permutation</c> of the tied
/// cells, one generator per class) exactly as imblearn does.</para>
/// <para>Output: the original rows in order, then the new rows of each class, features in their original order.
/// <see cref="ResampleResult{TLabel}.Provenance"/> gives the base, neighbour and step of each row's continuous
/// part.</para>
/// <para>Parity: imblearn 0.10.0 bit for bit for the same integer seed on data without exactly equidistant
/// neighbours. When <c>median_std_</c> is 0, imblearn votes with the minority class's one-hot rows whatever class
/// is being over-sampled (and fails for other classes of another size); here every class votes with its own rows,
/// which is the same for the minority class.</para>
/// </remarks>
/// <example>
/// <code>
/// double[,] mixed = { { 1.0, 0 }, { 1.2, 1 }, { 0.9, 0 }, { 5.0, 2 }, { 5.5, 2 }, { 4.8, 1 }, { 5.2, 2 }, { 6.0, 2 } };
/// int[] labels = [1, 1, 1, 0, 0, 0, 0, 0];
/// var sampler = new SmoteNc { CategoricalFeatures = CategoricalFeatures.Indices(1), KNeighbors = 2, RandomState = 0 };
/// var (xRes, yRes) = sampler.FitResample(mixed, labels);   // column 1 of a new row is a category of its neighbours
/// </code>
/// </example>
public sealed class SmoteNc : Sampler, IOverSampler
{
    private readonly int? _randomState;
    private readonly int _kNeighbors = 5;

    /// <inheritdoc cref="Smote.RandomState" />
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>
    /// The number of nearest neighbours within the class used to synthesise rows and vote categories (imblearn's
    /// <c>k_neighbors</c>); default 5.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int KNeighbors
    {
        get => _kNeighbors;
        init => _kNeighbors = value >= 1 ? value : throw SmoteCore.InvalidNeighbors(nameof(KNeighbors), "SMOTENC", value);
    }

    /// <summary>
    /// The categorical features (imblearn's required <c>categorical_features</c>): indices or a mask. At least one
    /// feature must be continuous and at least one categorical.
    /// </summary>
    public CategoricalFeatures? CategoricalFeatures { get; init; }

    /// <inheritdoc />
    public override SamplingType SamplingType => SamplingType.OverSampling;

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"SmoteNc(CategoricalFeatures={CategoricalFeatures?.ToString() ?? "null"}, SamplingStrategy={SamplingStrategy}, RandomState={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "null"}, KNeighbors={KNeighbors})");

    /// <exception cref="ArgumentException"><see cref="CategoricalFeatures"/> is missing, out of range, or leaves no
    /// continuous feature.</exception>
    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken)
    {
        if (CategoricalFeatures is null)
        {
            throw InputGuard.Invalid(nameof(CategoricalFeatures), "SMOTE-NC requires 'CategoricalFeatures'.");
        }

        var n = input.SampleCount;
        var d = input.FeatureCount;
        var categorical = CategoricalFeatures.Resolve(d, nameof(CategoricalFeatures));
        var continuous = Enumerable.Range(0, d).Except(categorical).Order().ToArray();
        var k = KNeighbors;
        foreach (var code in input.Targets.Targeted)
        {
            if (input.Targets[code] > 0)
            {
                SmoteCore.CheckNeighbors(k + 1L, input.Classes.Counts[code], nameof(KNeighbors), k);
            }
        }

        var x = RowMatrix.Of(input.X);
        var medianStd = MedianStd(input, x, continuous);
        var categories = categorical.Select(f => Enumerable.Range(0, n).Select(i => x.Row(i)[f]).Distinct().Order().ToArray()).ToArray();

        // [continuous | one-hot blocks], each 1 replaced by median_std / 2 (imblearn: ones * median_std_ / 2).
        var oneHot = 1.0 * medianStd / 2;
        var blockStart = new int[categorical.Length + 1];
        blockStart[0] = continuous.Length;
        for (var c = 0; c < categorical.Length; c++)
        {
            blockStart[c + 1] = blockStart[c] + categories[c].Length;
        }

        var width = blockStart[^1];
        var encoded = new double[n * width];
        var categoryOf = new int[n * categorical.Length];
        for (var i = 0; i < n; i++)
        {
            var row = x.Row(i);
            var target = encoded.AsSpan(i * width, width);
            for (var j = 0; j < continuous.Length; j++)
            {
                target[j] = row[continuous[j]];
            }

            for (var c = 0; c < categorical.Length; c++)
            {
                var category = Array.BinarySearch(categories[c], row[categorical[c]]);
                categoryOf[(i * categorical.Length) + c] = category;
                target[blockStart[c] + category] = oneHot;
            }
        }

        // imblearn votes with ones instead when median_std_ is 0 (math.isclose(median_std_, 0)).
        var vote = medianStd == 0 ? 1.0 : oneHot;
        var data = RowMatrix.Of(encoded, n, width);
        var seeds = new SeedSource(RandomState);
        var rows = SmoteCore.Generate(input, width, (code, count, output) =>
        {
            var positions = input.Classes.Positions(code);
            var classRows = data.Gather(positions);
            var index = SmoteCore.Fit(classRows, positions.Length, width, k + 1);
            var nns = SmoteCore.KNeighborsDropFirst(index, classRows, positions.Length, cancellationToken);
            var first = output.Count;
            var bases = SmoteCore.MakeSamples(data, positions, positions, nns, k, count, 1.0, seeds.CheckRandomState(), code, output);
            VoteCategories(output, first, bases, nns, k, positions, categoryOf, blockStart, vote, seeds.CheckRandomState());
        }, cancellationToken);

        // Decode: continuous values from the interpolation, categories from the voted one-hot cell.
        var decoded = new double[rows.Count * d];
        for (var r = 0; r < rows.Count; r++)
        {
            var source = rows.Row(r);
            var target = decoded.AsSpan(r * d, d);
            for (var j = 0; j < continuous.Length; j++)
            {
                target[continuous[j]] = source[j];
            }

            for (var c = 0; c < categorical.Length; c++)
            {
                target[categorical[c]] = categories[c][source[blockStart[c]..blockStart[c + 1]].IndexOf(1.0)];
            }
        }

        return SamplerOutput.Append(input, decoded, rows.Codes).WithProvenance(rows.Provenance(input));
    }

    /// <summary>imblearn's <c>median_std_</c>: the median of <c>np.sqrt(X_minority.var(axis=0))</c> over the continuous features.</summary>
    private static double MedianStd(SamplerInput input, RowMatrix x, int[] continuous)
    {
        // min(Counter(y), key=counts.get): the least frequent class, ties to the first one seen in y.
        var counts = input.Classes.Counts;
        var minCount = counts.Min();
        var minority = input.Classes.Codes.First(c => counts[c] == minCount);
        var values = new double[input.SampleCount * continuous.Length];
        for (var i = 0; i < input.SampleCount; i++)
        {
            var row = x.Row(i);
            for (var j = 0; j < continuous.Length; j++)
            {
                values[(i * continuous.Length) + j] = row[continuous[j]];
            }
        }

        var std = NumPyReductions.ColumnStd(values, continuous.Length, input.Classes.Positions(minority));
        Array.Sort(std);
        var middle = std.Length / 2;
        return std.Length % 2 == 1 ? std[middle] : (std[middle - 1] + std[middle]) / 2;
    }

    /// <summary>
    /// imblearn's categorical step of <c>SMOTENC._generate_samples</c>, per categorical feature in order: sum each
    /// category's one-hot value over the base row's neighbours; the cells within <c>isclose</c> of their row's
    /// maximum, listed row by row, are shuffled with <c>permutation</c>; each row takes its first cell in that
    /// order. The chosen cell is written as 1 in the new row's block, the others as 0.
    /// </summary>
    private static void VoteCategories(
        SyntheticRows output,
        int first,
        int[] bases,
        int[] nns,
        int k,
        ReadOnlySpan<int> positions,
        int[] categoryOf,
        int[] blockStart,
        double vote,
        RandomState rng)
    {
        var count = bases.Length;
        var features = blockStart.Length - 1;
        var cells = new List<(int Row, int Column)>();
        for (var c = 0; c + 1 < blockStart.Length; c++)
        {
            var start = blockStart[c];
            var size = blockStart[c + 1] - start;
            var sums = new double[size];
            cells.Clear();
            for (var i = 0; i < count; i++)
            {
                Array.Clear(sums);
                foreach (var neighbor in nns.AsSpan(bases[i] * k, k))
                {
                    // A neighbour's block holds the vote value in its category's cell and 0 elsewhere; NumPy adds the
                    // neighbours in order, and adding 0 changes nothing.
                    sums[categoryOf[(positions[neighbor] * features) + c]] += vote;
                }

                var max = sums.Max();
                for (var j = 0; j < size; j++)
                {
                    // np.isclose(a, b): |a - b| <= atol + rtol * |b|
                    if (Math.Abs(sums[j] - max) <= 1e-8 + (1e-5 * Math.Abs(max)))
                    {
                        cells.Add((i, j));
                    }
                }
            }

            var order = rng.Permutation(cells.Count);
            var chosen = new int[count];
            Array.Fill(chosen, -1);
            foreach (var p in order)
            {
                var (row, column) = cells[p];
                if (chosen[row] < 0)
                {
                    chosen[row] = column;
                }
            }

            for (var i = 0; i < count; i++)
            {
                var block = output.Row(first + i).Slice(start, size);
                block.Clear();
                block[chosen[i]] = 1.0;
            }
        }
    }
}
