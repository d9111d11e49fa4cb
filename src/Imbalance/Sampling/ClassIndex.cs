using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Imbalance.Sampling;

/// <summary>
/// Per-class statistics of an encoded target: the class of each row, the count of each class and the rows of
/// each class in ascending order (<c>np.flatnonzero(y == klass)</c>). Majority and minority follow imblearn's
/// rule: scanning classes in sorted order, the first strictly larger (smaller) count wins, so on ties the smallest
/// label is the majority (minority).
/// </summary>
internal sealed class ClassIndex
{
    /// <summary>Classes with at most this many codes are indexed by one branch-free pass over the codes per class;
    /// more classes by one counting pass and one filling pass.</summary>
    internal const int PerClassScanLimit = 8;

    /// <summary>Every row grouped by class (class 0's rows first), ascending within a class, plus one spare slot at
    /// the end for the branch-free fill.</summary>
    private readonly int[] _rows;

    /// <summary>Where each class's rows start in <see cref="_rows"/>.</summary>
    private readonly int[] _starts;

    private readonly int[] _counts;

    /// <summary>Builds the index of <paramref name="codes"/> (values in 0..<paramref name="classCount"/>-1).</summary>
    public ClassIndex(int[] codes, int classCount)
    {
        Codes = codes;
        var n = codes.Length;
        var counts = new int[classCount];
        var starts = new int[classCount];
        var rows = GC.AllocateUninitializedArray<int>(n + 1);
        if (classCount <= PerClassScanLimit)
        {
            // Class by class: write every row at the class's cursor and advance the cursor only past rows of the
            // class. The stray writes land on the next class's first slot (rewritten by its own pass) or on the spare
            // slot, and the cursor lives in a register instead of a count in memory updated once per row.
            ref var row0 = ref MemoryMarshal.GetArrayDataReference(rows);
            var next = 0;
            for (var c = 0; c < classCount; c++)
            {
                starts[c] = next;
                var cursor = next;
                for (var i = 0; i < n; i++)
                {
                    Unsafe.Add(ref row0, cursor) = i;
                    cursor += codes[i] == c ? 1 : 0;
                }

                counts[c] = cursor - next;
                next = cursor;
            }
        }
        else
        {
            counts = CountCodes(codes, classCount);
            for (var c = 1; c < classCount; c++)
            {
                starts[c] = starts[c - 1] + counts[c - 1];
            }

            var fill = (int[])starts.Clone();
            for (var i = 0; i < n; i++)
            {
                rows[fill[codes[i]]++] = i;
            }
        }

        _rows = rows;
        _starts = starts;
        _counts = counts;
        Counts = counts;
        Majority = ArgExtreme(counts, largest: true);
        Minority = ArgExtreme(counts, largest: false);
    }

    /// <summary>
    /// How many of <paramref name="codes"/> are each of 0..<paramref name="classCount"/>-1 (codes outside that range
    /// are not counted when there are at most <see cref="PerClassScanLimit"/> classes): one branch-free pass per class
    /// for few classes, whose counters stay in registers, one histogram pass otherwise.
    /// </summary>
    internal static int[] CountCodes(ReadOnlySpan<int> codes, int classCount)
    {
        var counts = new int[classCount];
        if (classCount > PerClassScanLimit)
        {
            foreach (var code in codes)
            {
                counts[code]++;
            }

            return counts;
        }

        for (var c = 0; c < classCount; c++)
        {
            int even = 0, odd = 0, i = 0;
            for (; i + 1 < codes.Length; i += 2)
            {
                even += codes[i] == c ? 1 : 0;
                odd += codes[i + 1] == c ? 1 : 0;
            }

            if (i < codes.Length)
            {
                even += codes[i] == c ? 1 : 0;
            }

            counts[c] = even + odd;
        }

        return counts;
    }

    /// <summary>The class code of every row.</summary>
    public int[] Codes { get; }

    /// <summary>The number of rows of each class.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>The number of classes.</summary>
    public int ClassCount => _counts.Length;

    /// <summary>The number of rows.</summary>
    public int SampleCount => Codes.Length;

    /// <summary>The majority class (ties: the smallest label).</summary>
    public int Majority { get; }

    /// <summary>The minority class (ties: the smallest label).</summary>
    public int Minority { get; }

    /// <summary>The rows of class <paramref name="code"/>, ascending.</summary>
    public ReadOnlySpan<int> Positions(int code) => _rows.AsSpan(_starts[code], _counts[code]);

    private static int ArgExtreme(int[] counts, bool largest)
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
