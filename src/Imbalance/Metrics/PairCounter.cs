using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.Metrics;

/// <summary>
/// Counts (weighted) (true, predicted) label pairs in a single pass over the samples: each label is looked up once
/// per sample in a dictionary of the labels seen so far and validated on first sight; classes are sorted into
/// NumPy's order only at the end, over the K x K table, never over the samples.
/// </summary>
internal sealed class PairCounter<TLabel>
    where TLabel : notnull
{
    private readonly Dictionary<TLabel, int> _codeOf;

    private PairCounter(TLabel[] classes, Dictionary<TLabel, int> codeOf, bool[] present, bool[] inTrue, double[] matrix, int sampleCount, bool weighted)
    {
        Classes = classes;
        _codeOf = codeOf;
        Present = present;
        PresentCount = present.Count(p => p);
        InTrue = inTrue;
        Matrix = matrix;
        SampleCount = sampleCount;
        IsWeighted = weighted;
    }

    /// <summary>Every class (present in the data or listed), in NumPy sort order.</summary>
    public TLabel[] Classes { get; }

    /// <summary>Whether each class occurs in <c>y_true</c> or <c>y_pred</c>.</summary>
    public bool[] Present { get; }

    /// <summary>How many classes occur in <c>y_true</c> or <c>y_pred</c> (scikit-learn's <c>unique_labels</c>).</summary>
    public int PresentCount { get; }

    /// <summary>Whether each class occurs in <c>y_true</c>.</summary>
    public bool[] InTrue { get; }

    /// <summary>The K x K (weighted) counts, row-major, rows true and columns predicted.</summary>
    public double[] Matrix { get; }

    /// <summary>The number of samples.</summary>
    public int SampleCount { get; }

    /// <summary>Whether sample weights were given.</summary>
    public bool IsWeighted { get; }

    /// <summary>The code of <paramref name="label"/>, or -1.</summary>
    public int CodeOf(TLabel label) => _codeOf.TryGetValue(label, out var code) ? code : -1;

    /// <summary>Counts the pairs; validates lengths, labels and weights, naming the parameter.</summary>
    public static PairCounter<TLabel> Count(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, IReadOnlyList<TLabel>? labels, IReadOnlyList<double>? sampleWeight)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        var n = yTrue.Count;
        if (n == 0)
        {
            throw new ArgumentException("yTrue is empty; at least one sample is required.", nameof(yTrue));
        }

        if (yPred.Count != n)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Found input variables with inconsistent numbers of samples: [{n}, {yPred.Count}]"),
                nameof(yPred));
        }

        if (sampleWeight is not null && sampleWeight.Count != n)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Found input variables with inconsistent numbers of samples: [{n}, {sampleWeight.Count}]"),
                nameof(sampleWeight));
        }

        MetricLabels.RequireOrderable<TLabel>(nameof(yTrue));
        var seen = new Dictionary<TLabel, int>();
        var firstSeen = new List<TLabel>();
        var capacity = 8;
        var counts = new double[capacity * capacity];
        var trueSeen = new bool[capacity];
        for (var i = 0; i < n; i++)
        {
            var t = yTrue[i];
            var p = yPred[i];
            if (!seen.TryGetValue(t, out var a))
            {
                a = Add(seen, firstSeen, t, i, nameof(yTrue));
            }

            if (!seen.TryGetValue(p, out var b))
            {
                b = Add(seen, firstSeen, p, i, nameof(yPred));
            }

            if (firstSeen.Count > capacity)
            {
                (counts, trueSeen, capacity) = Grow(counts, trueSeen, capacity);
            }

            double w = 1.0;
            if (sampleWeight is not null)
            {
                w = sampleWeight[i];
                if (!double.IsFinite(w))
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"sampleWeight contains {(double.IsNaN(w) ? "NaN" : "infinity")} at index {i}."),
                        nameof(sampleWeight));
                }
            }

            counts[(a * capacity) + b] += w;
            trueSeen[a] = true;
        }

        var presentCount = firstSeen.Count;
        if (labels is not null)
        {
            for (var i = 0; i < labels.Count; i++)
            {
                var label = labels[i];
                if (label is null)
                {
                    throw new ArgumentException($"labels contains a null label at index {i}.", nameof(labels));
                }

                if (!seen.ContainsKey(label))
                {
                    seen.Add(label, firstSeen.Count);
                    firstSeen.Add(label);
                }
            }
        }

        // Sort the classes (np.unique order) and permute the table; the samples are not visited again.
        var provisional = firstSeen.ToArray();
        var classes = (TLabel[])provisional.Clone();
        Array.Sort(classes, LabelEncoder<TLabel>.SortOrder);
        var k = classes.Length;
        var codeOf = new Dictionary<TLabel, int>(k);
        for (var c = 0; c < k; c++)
        {
            codeOf.Add(classes[c], c);
        }

        var remap = provisional.Select(l => codeOf[l]).ToArray();
        var matrix = new double[k * k];
        var inTrue = new bool[k];
        var present = new bool[k];
        for (var a = 0; a < presentCount; a++)
        {
            present[remap[a]] = true;
            inTrue[remap[a]] = trueSeen[a];
            for (var b = 0; b < presentCount; b++)
            {
                matrix[(remap[a] * k) + remap[b]] = counts[(a * capacity) + b];
            }
        }

        return new PairCounter<TLabel>(classes, codeOf, present, inTrue, matrix, n, sampleWeight is not null);
    }

    private static int Add(Dictionary<TLabel, int> seen, List<TLabel> firstSeen, TLabel label, int index, string name)
    {
        MetricLabels.Validate(label, index, name);
        var code = firstSeen.Count;
        seen.Add(label, code);
        firstSeen.Add(label);
        return code;
    }

    private static (double[] Counts, bool[] TrueSeen, int Capacity) Grow(double[] counts, bool[] trueSeen, int capacity)
    {
        var larger = capacity * 2;
        var grown = new double[larger * larger];
        for (var a = 0; a < capacity; a++)
        {
            Array.Copy(counts, a * capacity, grown, a * larger, capacity);
        }

        var seen = new bool[larger];
        Array.Copy(trueSeen, seen, capacity);
        return (grown, seen, larger);
    }
}
