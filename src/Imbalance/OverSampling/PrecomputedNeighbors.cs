namespace Imbalance.OverSampling;

/// <summary>
/// scikit-learn's <c>NearestNeighbors(metric="precomputed").kneighbors(D)</c> for a square distance matrix, as
/// SMOTE-N uses it: per row, <c>np.argpartition(row, k - 1)[:k]</c> (NumPy 1.24's introselect) and then
/// <c>np.argsort</c> of those k distances (for k &lt;= 16, NumPy's insertion sort, which is stable). Reproducing
/// NumPy's selection matters here because Value Difference distances between categorical rows are full of exact
/// ties; this is selection over a given matrix, not a neighbour search (which lives in <c>Neighbors/</c>).
/// </summary>
internal static class PrecomputedNeighbors
{
    /// <summary>The <paramref name="k"/> nearest columns of each row of the <c>n x n</c> matrix <paramref name="distances"/>.</summary>
    /// <returns>Column indices, <c>n x k</c> row-major; a row's own column is kept.</returns>
    public static int[] KNeighbors(double[] distances, int n, int k)
    {
        var result = new int[n * k];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            var row = distances.AsSpan(i * n, n);
            for (var j = 0; j < n; j++)
            {
                order[j] = j;
            }

            Introselect(order, row, k - 1);
            var best = result.AsSpan(i * k, k);
            order.AsSpan(0, k).CopyTo(best);
            SortByDistance(best, row);
        }

        return result;
    }

    /// <summary>
    /// <c>np.argsort(row[best])</c> applied to <paramref name="best"/>: NumPy's default sort is an insertion sort up to
    /// 16 elements (stable); beyond that NumPy's introsort is not reproduced and a stable sort is used.
    /// </summary>
    private static void SortByDistance(Span<int> best, ReadOnlySpan<double> row)
    {
        for (var i = 1; i < best.Length; i++)
        {
            var item = best[i];
            var key = row[item];
            var j = i;
            while (j > 0 && key < row[best[j - 1]])
            {
                best[j] = best[j - 1];
                j--;
            }

            best[j] = item;
        }
    }

    /// <summary>NumPy 1.24's <c>introselect</c> on an index array (argpartition), single kth, no pivot cache.</summary>
    internal static void Introselect(Span<int> t, ReadOnlySpan<double> v, int kth)
    {
        var num = t.Length;
        var low = 0;
        var high = num - 1;
        if (kth - low < 3)
        {
            // dumb_select: for each leading position, swap in the first strict minimum of the rest.
            for (var i = 0; i <= kth; i++)
            {
                var minIndex = i;
                var minValue = v[t[i]];
                for (var m = i + 1; m < num; m++)
                {
                    if (v[t[m]] < minValue)
                    {
                        minIndex = m;
                        minValue = v[t[m]];
                    }
                }

                Swap(t, i, minIndex);
            }

            return;
        }

        if (kth == num - 1)
        {
            // The last maximum goes to the end.
            var maxIndex = low;
            var maxValue = v[t[low]];
            for (var m = low + 1; m < num; m++)
            {
                if (!(v[t[m]] < maxValue))
                {
                    maxIndex = m;
                    maxValue = v[t[m]];
                }
            }

            Swap(t, kth, maxIndex);
            return;
        }

        var depthLimit = 2 * (31 - int.LeadingZeroCount(num));
        while (low + 1 < high)
        {
            var ll = low + 1;
            var hh = high;
            if (depthLimit > 0 || hh - ll < 5)
            {
                var mid = low + ((high - low) / 2);
                if (v[t[high]] < v[t[mid]])
                {
                    Swap(t, high, mid);
                }

                if (v[t[high]] < v[t[low]])
                {
                    Swap(t, high, low);
                }

                if (v[t[low]] < v[t[mid]])
                {
                    Swap(t, low, mid);
                }

                Swap(t, mid, low + 1);
            }
            else
            {
                var mid = ll + MedianOfMedians5(t[ll..hh], v);
                Swap(t, mid, low);
                ll--;
                hh++;
            }

            depthLimit--;
            var pivot = v[t[low]];
            while (true)
            {
                do
                {
                    ll++;
                }
                while (v[t[ll]] < pivot);

                do
                {
                    hh--;
                }
                while (pivot < v[t[hh]]);

                if (hh < ll)
                {
                    break;
                }

                Swap(t, ll, hh);
            }

            Swap(t, low, hh);
            if (hh >= kth)
            {
                high = hh - 1;
            }

            if (hh <= kth)
            {
                low = ll;
            }
        }

        if (high == low + 1 && v[t[high]] < v[t[low]])
        {
            Swap(t, high, low);
        }
    }

    private static int MedianOfMedians5(Span<int> t, ReadOnlySpan<double> v)
    {
        var nmed = t.Length / 5;
        for (int i = 0, left = 0; i < nmed; i++, left += 5)
        {
            var m = Median5(t.Slice(left, 5), v);
            Swap(t, left + m, i);
        }

        if (nmed > 2)
        {
            Introselect(t[..nmed], v, nmed / 2);
        }

        return nmed / 2;
    }

    private static int Median5(Span<int> t, ReadOnlySpan<double> v)
    {
        if (v[t[1]] < v[t[0]])
        {
            Swap(t, 1, 0);
        }

        if (v[t[4]] < v[t[3]])
        {
            Swap(t, 4, 3);
        }

        if (v[t[3]] < v[t[0]])
        {
            Swap(t, 3, 0);
        }

        if (v[t[4]] < v[t[1]])
        {
            Swap(t, 4, 1);
        }

        if (v[t[2]] < v[t[1]])
        {
            Swap(t, 2, 1);
        }

        if (v[t[3]] < v[t[2]])
        {
            return v[t[3]] < v[t[1]] ? 1 : 3;
        }

        return 2;
    }

    private static void Swap(Span<int> t, int a, int b) => (t[a], t[b]) = (t[b], t[a]);
}
