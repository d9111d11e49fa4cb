using System.Runtime.CompilerServices;

namespace Imbalance.Neighbors;

/// <summary>
/// A bounded max-heap of the <c>capacity</c> smallest (value, index) pairs seen, ordered by value then index, over
/// caller-owned storage (one slice of a per-block buffer per query).
/// </summary>
internal static class TopK
{
    /// <summary>Empties a heap: every slot holds (+infinity, int.MaxValue), which any real candidate beats.</summary>
    public static void Reset(Span<double> values, Span<int> indices)
    {
        values.Fill(double.PositiveInfinity);
        indices.Fill(int.MaxValue);
    }

    /// <summary>True when (value, index) is strictly before (otherValue, otherIndex).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Before(double value, int index, double otherValue, int otherIndex) =>
        value < otherValue || (value == otherValue && index < otherIndex);

    /// <summary>
    /// Offers a candidate; it replaces the current worst (the root) when it comes strictly before it, then sifts down.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push(Span<double> values, Span<int> indices, double value, int index)
    {
        if (!Before(value, index, values[0], indices[0]))
        {
            return;
        }

        SiftDown(values, indices, value, index);
    }

    /// <summary>Puts (value, index) at the root and restores the heap order.</summary>
    public static void SiftDown(Span<double> values, Span<int> indices, double value, int index)
    {
        var k = values.Length;
        var c = 0;
        while (true)
        {
            var l = (2 * c) + 1;
            if (l >= k)
            {
                break;
            }

            var s = l;
            var r = l + 1;
            if (r < k && Before(values[l], indices[l], values[r], indices[r]))
            {
                s = r;
            }

            if (!Before(value, index, values[s], indices[s]))
            {
                break;
            }

            values[c] = values[s];
            indices[c] = indices[s];
            c = s;
        }

        values[c] = value;
        indices[c] = index;
    }

    /// <summary>Sorts a heap's contents ascending by (value, index), in place (heap sort).</summary>
    public static void Sort(Span<double> values, Span<int> indices)
    {
        for (var end = values.Length - 1; end > 0; end--)
        {
            var v = values[end];
            var i = indices[end];
            values[end] = values[0];
            indices[end] = indices[0];
            SiftDown(values[..end], indices[..end], v, i);
        }
    }
}
