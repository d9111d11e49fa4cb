namespace Imbalance.Sampling;

/// <summary>
/// Orders strings by Unicode code point, as NumPy sorts unicode arrays (<c>np.unique</c>, <c>np.sort</c> on
/// <c>&lt;U</c> data, which stores UTF-32) and as Python compares <c>str</c>.
/// </summary>
/// <remarks>
/// <see cref="StringComparer.Ordinal"/> compares UTF-16 code units, which differs from code-point order as soon as
/// a character outside the Basic Multilingual Plane (a surrogate pair, e.g. an emoji) meets a character in
/// U+E000..U+FFFF: ordinal puts U+1F600 (units D83D DE00) before U+FF21, NumPy puts it after. A well-formed
/// surrogate pair is compared as the code point it encodes; a lone surrogate is compared as its own value, like a
/// Python string holding it. Equality is ordinal equality, so the order is consistent with the dictionary the
/// label encoder uses.
/// </remarks>
internal sealed class CodePointComparer : IComparer<string>
{
    private CodePointComparer()
    {
    }

    /// <summary>The single instance.</summary>
    public static CodePointComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            var a = Next(x, ref i);
            var b = Next(y, ref j);
            if (a != b)
            {
                return a < b ? -1 : 1;
            }
        }

        // One is a prefix of the other: the shorter sorts first.
        return (i < x.Length).CompareTo(j < y.Length);
    }

    private static int Next(string s, ref int index)
    {
        var unit = s[index++];
        if (char.IsHighSurrogate(unit) && index < s.Length && char.IsLowSurrogate(s[index]))
        {
            return char.ConvertToUtf32(unit, s[index++]);
        }

        return unit;
    }
}
