
namespace Imbalance.Sampling;

/// <summary>
/// Per-class statistics of an encoded target: the class of each row, the count of each class and the rows of
/// each class in ascending order (<c>np.flatnonzero(y == klass)</c>). Majority and minority follow imblearn's
/// rule: scanning classes in sorted order, the first strictly larger (smaller) count wins, so on ties the smallest
/// label is the majority (minority).
/// </summary>
internal sealed class ClassIndex
{
    private readonly int[][] _positions;

    /// <summary>Builds the index of <paramref name="codes"/> (values in 0..<paramref name="classCount"/>-1).</summary>
    public ClassIndex(int[] codes, int classCount)
    {
        Codes = codes;
        var counts = new int[classCount];
        foreach (var code in codes)
        {
            counts[code]++;
        }

        _positions = new int[classCount][];
        for (var c = 0; c < classCount; c++)
        {
            _positions[c] = new int[counts[c]];
        }

        var fill = new int[classCount];
        for (var i = 0; i < codes.Length; i++)
        {
            var c = codes[i];
            _positions[c][fill[c]++] = i;
        }

        Counts = counts;
        Majority = ArgExtreme(counts, largest: true);
        Minority = ArgExtreme(counts, largest: false);
    }

    /// <summary>The class code of every row.</summary>
    public int[] Codes { get; }

    /// <summary>The number of rows of each class.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>The number of classes.</summary>
    public int ClassCount => _positions.Length;

    /// <summary>The number of rows.</summary>
    public int SampleCount => Codes.Length;

    /// <summary>The majority class (ties: the smallest label).</summary>
    public int Majority { get; }

    /// <summary>The minority class (ties: the smallest label).</summary>
    public int Minority { get; }

    /// <summary>The rows of class <paramref name="code"/>, ascending.</summary>
    public ReadOnlySpan<int> Positions(int code) => _positions[code];

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
