using System.Globalization;
using System.Runtime.CompilerServices;
using Imbalance.Neighbors;
using Imbalance.Sampling;

namespace Imbalance.UnderSampling;

/// <summary>
/// Under-samples the targeted classes by keeping the rows nearest to the minority class, by one of three rules:
/// imblearn's <c>NearMiss</c> (Mani and Zhang, "kNN approach to unbalanced data distributions: a case study involving
/// information extraction", ICML workshop on learning from imbalanced datasets, 2003).
/// </summary>
/// <remarks>
/// <para>When to use it: under-sampling that keeps the majority rows closest to the minority class, to emphasise
/// the border. NearMiss-1 (closest to the nearest minority rows) is sensitive to noise and outliers; version 2
/// (closest to the farthest minority rows) is less local, and version 3 keeps neighbours of every minority row. Try
/// RandomUnderSampler first: NearMiss often removes the structure a learner needs.</para>
/// <para>The minority class is imblearn's <c>min(Counter(y))</c> (on equal counts, the class seen first in
/// <c>y</c>). For each targeted class in sorted label order, each of its rows gets a score and the
/// <c>n_keep</c> best rows are kept, in score order (a stable sort, so equal scores keep the original order):</para>
/// <list type="bullet">
/// <item><description>Version 1: the sum of the distances to the <see cref="NNeighbors"/> nearest minority rows;
/// smallest first.</description></item>
/// <item><description>Version 2: the sum of the distances to the <see cref="NNeighbors"/> farthest minority rows (all of
/// them if there are fewer); smallest first. Computed row by row with a pruned scan of the minority rows, never as a
/// distance matrix, so memory stays linear.</description></item>
/// <item><description>Version 3: only the class rows among the <see cref="NNeighborsVer3"/> nearest of some minority
/// row are candidates; each is scored as in version 1 and the <em>largest</em> scores are kept. There may be fewer
/// candidates than <c>n_keep</c>; then all of them are kept (imblearn warns).</description></item>
/// </list>
/// <para>Output: rows grouped by class in sorted label order, within a targeted class in selection order;
/// <see cref="ResampleResult{TLabel}.SampleIndices"/> is imblearn's <c>sample_indices_</c>.</para>
/// <para>Parity: equal to imblearn 0.10.0 on data without exact distance ties. Distances are the direct sums
/// <c>sqrt(sum (a - b)^2)</c>; where scikit-learn uses brute force it computes <c>sqrt(|a|^2 - 2 a.b + |b|^2)</c>,
/// which differs in the last bits, so two scores equal to within rounding may be ordered differently.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = new NearMiss { Version = 1, NNeighbors = 3 }.FitResample(x, y);   // majority rows nearest the minority
/// </code>
/// </example>
public sealed class NearMiss : Sampler, IUnderSampler
{
    private readonly int _version = 1;
    private readonly int _nNeighbors = 3;
    private readonly int _nNeighborsVer3 = 3;
    private readonly int? _maxDegreeOfParallelism;

    /// <summary>The rule (imblearn's <c>version</c>): 1, 2 or 3; default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not 1, 2 or 3.</exception>
    public int Version
    {
        get => _version;
        init => _version = value is >= 1 and <= 3
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Version), value, string.Create(CultureInfo.InvariantCulture, $"The 'version' parameter of NearMiss must be an int in the range [1, 3]. Got {value} instead."));
    }

    /// <summary>The number of minority neighbours averaged into a score (imblearn's <c>n_neighbors</c>); default 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NNeighbors
    {
        get => _nNeighbors;
        init => _nNeighbors = ImblearnClasses.CheckNeighbours(value, nameof(NNeighbors));
    }

    /// <summary>
    /// Version 3's pre-selection: the number of nearest class rows of each minority row that become candidates
    /// (imblearn's <c>n_neighbors_ver3</c>); default 3.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NNeighborsVer3
    {
        get => _nNeighborsVer3;
        init => _nNeighborsVer3 = ImblearnClasses.CheckNeighbours(value, nameof(NNeighborsVer3));
    }

    /// <summary>
    /// The most threads a neighbour query uses (imblearn's <c>n_jobs</c>); <see langword="null"/> (default) for every
    /// core. Results do not depend on it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = InputGuard.CheckParallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <inheritdoc />
    public override SamplingType SamplingType => SamplingType.UnderSampling;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"NearMiss(SamplingStrategy={SamplingStrategy}, Version={Version}, NNeighbors={NNeighbors}, NNeighborsVer3={NNeighborsVer3})");

    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken)
    {
        var d = input.FeatureCount;
        var data = MatrixRows.Of(input.X);
        var minority = ImblearnClasses.CounterMinority(input.Classes);
        var minorityRows = input.Classes.Positions(minority);
        var minorityIndex = Version == 2 ? null : FitRows(data, d, minorityRows, NNeighbors);

        var selected = new List<int>(input.SampleCount);
        for (var code = 0; code < input.Classes.ClassCount; code++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var positions = input.Classes.Positions(code);
            if (!input.Targets.IsTargeted(code))
            {
                selected.AddRange(positions);
                continue;
            }

            var keep = input.Targets[code];
            if (Version == 3)
            {
                SelectVersion3(data, d, positions, minorityRows, minorityIndex!, keep, selected, cancellationToken);
                continue;
            }

            var scores = Version == 1
                ? NearestSums(minorityIndex!, data, d, positions, NNeighbors, "NNeighbors", cancellationToken)
                : FarthestNeighbours.SumOfFarthest(data, d, positions, minorityRows, Math.Min(NNeighbors, minorityRows.Length), MaxDegreeOfParallelism, cancellationToken);
            foreach (var p in Best(scores, keep, largest: false))
            {
                selected.Add(positions[p]);
            }
        }

        return SamplerOutput.Select(input, selected.ToArray());
    }

    private void SelectVersion3(
        ReadOnlySpan<double> data, int d, ReadOnlySpan<int> positions, ReadOnlySpan<int> minorityRows, NeighborsIndex minorityIndex, int keep, List<int> selected, CancellationToken cancellationToken)
    {
        // Candidates: the class rows among the NNeighborsVer3 nearest of some minority row (np.unique: ascending).
        var classIndex = FitRows(data, d, positions, NNeighborsVer3);
        CheckK(NNeighborsVer3, classIndex.Count, minorityRows.Length, "NNeighborsVer3");
        var near = classIndex.KNeighbors(Gather(data, d, minorityRows), minorityRows.Length, NNeighborsVer3, cancellationToken);
        var isCandidate = new bool[positions.Length];
        foreach (var p in near.IndexData)
        {
            isCandidate[p] = true;
        }

        var candidates = new List<int>();
        for (var p = 0; p < positions.Length; p++)
        {
            if (isCandidate[p])
            {
                candidates.Add(positions[p]);
            }
        }

        var scores = NearestSums(minorityIndex, data, d, candidates.ToArray(), NNeighbors, "NNeighbors", cancellationToken);
        foreach (var c in Best(scores, keep, largest: true))
        {
            selected.Add(candidates[c]);
        }
    }

    /// <summary>For each row, the sum of the distances to its <paramref name="k"/> nearest indexed rows.</summary>
    private static double[] NearestSums(NeighborsIndex index, ReadOnlySpan<double> data, int d, ReadOnlySpan<int> rows, int k, string parameterName, CancellationToken cancellationToken)
    {
        CheckK(k, index.Count, rows.Length, parameterName);
        var result = index.KNeighbors(Gather(data, d, rows), rows.Length, k, cancellationToken);
        var sums = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            sums[i] = NumPyReductions.PairwiseSum(result.DistanceData.AsSpan(i * k, k));
        }

        return sums;
    }

    /// <summary>
    /// The first <paramref name="count"/> positions of a stable sort of the scores (Python's <c>sorted</c>, with
    /// <c>reverse=True</c> for <paramref name="largest"/>, which also keeps equal scores in their original order).
    /// </summary>
    /// <remarks>
    /// <para>The order is by key (the score, or minus the score for <paramref name="largest"/>; as
    /// <see cref="double.CompareTo(double)"/>: NaN first, -0 equal to +0), then by position. NearMiss keeps a
    /// minority-sized share of a large class, so when fewer than half are kept the <paramref name="count"/>-th smallest
    /// key is found by a selection over a plain copy of the keys in linear time; the kept rows are every key below it
    /// and, in position order, as many keys equal to it as fit; only they are sorted.</para>
    /// <para>The sort is <see cref="SortByKeyThenPosition"/>, which runs precompiled from the first call.</para>
    /// </remarks>
    internal static ReadOnlySpan<int> Best(double[] scores, int count, bool largest)
    {
        var n = scores.Length;
        var take = Math.Min(count, n);
        if (take <= 0)
        {
            return [];
        }

        var sign = largest ? -1.0 : 1.0;
        var keys = GC.AllocateUninitializedArray<double>(n);
        var hasNaN = false;
        for (var i = 0; i < n; i++)
        {
            keys[i] = sign * scores[i];
            hasNaN |= double.IsNaN(keys[i]);
        }

        if (take >= n / 2 || hasNaN)
        {
            var all = new int[n];
            for (var i = 0; i < n; i++)
            {
                all[i] = i;
            }

            SortByKeyThenPosition(keys, all);
            return all.AsSpan(0, take);
        }

        var threshold = KthSmallest(keys, take - 1); // reorders the copy, not the scores
        var below = 0;
        foreach (var score in scores)
        {
            below += sign * score < threshold ? 1 : 0;
        }

        var ties = take - below; // at least 1: fewer than take keys lie below the take-th smallest
        var chosenKeys = new double[take];
        var chosen = new int[take];
        var c = 0;
        for (var i = 0; i < n && c < take; i++)
        {
            var key = sign * scores[i];
            if (key < threshold || (key == threshold && ties-- > 0))
            {
                chosenKeys[c] = key;
                chosen[c++] = i;
            }
        }

        SortByKeyThenPosition(chosenKeys, chosen);
        return chosen;
    }

    /// <summary>
    /// Sorts <paramref name="positions"/> by <paramref name="keys"/> (sorted along; <see cref="double.CompareTo(double)"/>
    /// order), ties by position: an introsort (quicksort with a median-of-three pivot, insertion sort for short ranges,
    /// heap sort once <paramref name="depthBudget"/> partitions deep; by default 2 log2 n + 4). The pairs are distinct,
    /// so any correct sort gives this one order. Our own code rather than <c>Array.Sort(keys, items)</c>, whose generic
    /// instantiation the runtime compiles unoptimised at the first call; this runs precompiled.
    /// </summary>
    internal static void SortByKeyThenPosition(double[] keys, int[] positions, int depthBudget = -1)
    {
        if (keys.Length < 2)
        {
            return;
        }

        var budget = depthBudget >= 0 ? depthBudget : (2 * System.Numerics.BitOperations.Log2((uint)keys.Length)) + 4;
        SortRange(keys, positions, 0, keys.Length - 1, budget);
    }

    private static void SortRange(double[] keys, int[] positions, int lo, int hi, int budget)
    {
        while (hi - lo >= 16)
        {
            if (budget-- == 0)
            {
                HeapSort(keys, positions, lo, hi);
                return;
            }

            var mid = lo + ((hi - lo) / 2);
            if (Before(keys, positions, mid, lo))
            {
                Swap(keys, positions, mid, lo);
            }

            if (Before(keys, positions, hi, lo))
            {
                Swap(keys, positions, hi, lo);
            }

            if (Before(keys, positions, hi, mid))
            {
                Swap(keys, positions, hi, mid);
            }

            // Hoare partition around the median of three: afterwards [lo, j] before the pivot, [i, hi] after it (the
            // pairs are distinct, so between j and i there is at most the pivot itself).
            var pivotKey = keys[mid];
            var pivotPosition = positions[mid];
            var i = lo;
            var j = hi;
            while (i <= j)
            {
                while (Before(keys[i], positions[i], pivotKey, pivotPosition))
                {
                    i++;
                }

                while (Before(pivotKey, pivotPosition, keys[j], positions[j]))
                {
                    j--;
                }

                if (i <= j)
                {
                    Swap(keys, positions, i, j);
                    i++;
                    j--;
                }
            }

            // Recurse into the smaller side and loop on the larger, so the stack stays logarithmic.
            if (j - lo < hi - i)
            {
                SortRange(keys, positions, lo, j, budget);
                lo = i;
            }
            else
            {
                SortRange(keys, positions, i, hi, budget);
                hi = j;
            }
        }

        for (var a = lo + 1; a <= hi; a++)
        {
            var key = keys[a];
            var position = positions[a];
            var b = a - 1;
            while (b >= lo && Before(key, position, keys[b], positions[b]))
            {
                keys[b + 1] = keys[b];
                positions[b + 1] = positions[b];
                b--;
            }

            keys[b + 1] = key;
            positions[b + 1] = position;
        }
    }

    private static void HeapSort(double[] keys, int[] positions, int lo, int hi)
    {
        var n = hi - lo + 1;
        for (var root = (n / 2) - 1; root >= 0; root--)
        {
            SiftDown(keys, positions, lo, root, n);
        }

        for (var end = n - 1; end > 0; end--)
        {
            Swap(keys, positions, lo, lo + end);
            SiftDown(keys, positions, lo, 0, end);
        }
    }

    /// <summary>Restores the max-heap order (latest pair at the root) of the <paramref name="n"/> pairs from
    /// <paramref name="lo"/>, from node <paramref name="root"/> down.</summary>
    private static void SiftDown(double[] keys, int[] positions, int lo, int root, int n)
    {
        while (true)
        {
            var child = (2 * root) + 1;
            if (child >= n)
            {
                return;
            }

            if (child + 1 < n && Before(keys, positions, lo + child, lo + child + 1))
            {
                child++;
            }

            if (!Before(keys, positions, lo + root, lo + child))
            {
                return;
            }

            Swap(keys, positions, lo + root, lo + child);
            root = child;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Before(double[] keys, int[] positions, int a, int b) => Before(keys[a], positions[a], keys[b], positions[b]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Before(double keyA, int positionA, double keyB, int positionB)
    {
        var c = keyA.CompareTo(keyB);
        return c < 0 || (c == 0 && positionA < positionB);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Swap(double[] keys, int[] positions, int a, int b)
    {
        (keys[a], keys[b]) = (keys[b], keys[a]);
        (positions[a], positions[b]) = (positions[b], positions[a]);
    }

    /// <summary>
    /// The value at position <paramref name="k"/> of <paramref name="keys"/> sorted ascending (no NaN), reordering the
    /// array: quickselect with a median-of-three pivot, sorting the remaining range when partitions shrink too slowly
    /// (so the worst case stays n log n).
    /// </summary>
    private static double KthSmallest(double[] keys, int k)
    {
        var lo = 0;
        var hi = keys.Length - 1;
        var budget = (2 * System.Numerics.BitOperations.Log2((uint)keys.Length)) + 4;
        while (hi > lo)
        {
            if (budget-- == 0)
            {
                Array.Sort(keys, lo, hi - lo + 1);
                return keys[k];
            }

            var mid = lo + ((hi - lo) / 2);
            if (keys[mid] < keys[lo])
            {
                (keys[mid], keys[lo]) = (keys[lo], keys[mid]);
            }

            if (keys[hi] < keys[lo])
            {
                (keys[hi], keys[lo]) = (keys[lo], keys[hi]);
            }

            if (keys[hi] < keys[mid])
            {
                (keys[hi], keys[mid]) = (keys[mid], keys[hi]);
            }

            // Hoare partition: afterwards [lo, j] <= pivot <= [i, hi], and entries strictly between j and i equal it.
            var pivot = keys[mid];
            var i = lo;
            var j = hi;
            while (i <= j)
            {
                while (keys[i] < pivot)
                {
                    i++;
                }

                while (keys[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (keys[i], keys[j]) = (keys[j], keys[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return keys[k];
            }
        }

        return keys[k];
    }

    private NeighborsIndex FitRows(ReadOnlySpan<double> data, int d, ReadOnlySpan<int> rows, int k) =>
        new NearestNeighbors { NNeighbors = k, MaxDegreeOfParallelism = MaxDegreeOfParallelism }.FitOwned(Gather(data, d, rows), rows.Length, d);

    private static double[] Gather(ReadOnlySpan<double> data, int d, ReadOnlySpan<int> rows)
    {
        // Every element is written, so the array need not be zeroed first.
        var flat = GC.AllocateUninitializedArray<double>(rows.Length * d);
        if (d <= 8)
        {
            // Narrow rows: element moves beat a memmove call per row (a KD-tree shape gathers 190,000 rows of 3).
            var o = 0;
            foreach (var row in rows)
            {
                var from = data.Slice(row * d, d);
                for (var t = 0; t < from.Length; t++)
                {
                    flat[o++] = from[t];
                }
            }

            return flat;
        }

        for (var i = 0; i < rows.Length; i++)
        {
            data.Slice(rows[i] * d, d).CopyTo(flat.AsSpan(i * d, d));
        }

        return flat;
    }

    private static void CheckK(int k, int fitted, int queries, string parameterName)
    {
        if (k > fitted)
        {
            throw InputGuard.TooManyNeighbours(parameterName, k, plusSelf: false, fitted, queries);
        }
    }
}
