using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.Metrics;

/// <summary>
/// <c>y_true</c> (and optionally <c>y_pred</c>) encoded to int codes against one class set: the sorted union of
/// their labels (scikit-learn's <c>unique_labels</c>) plus any extra labels the caller listed. One dictionary lookup
/// per sample; labels are validated on first sight and sorted only once, over the distinct labels.
/// </summary>
internal sealed class TargetEncoding<TLabel>
    where TLabel : notnull
{
    private readonly Dictionary<TLabel, int> _codeOf;

    private TargetEncoding(TLabel[] classes, Dictionary<TLabel, int> codeOf, int[] trueCodes, int[] predCodes, bool[] present)
    {
        Classes = classes;
        _codeOf = codeOf;
        TrueCodes = trueCodes;
        PredCodes = predCodes;
        Present = present;
        PresentCount = present.Count(p => p);
    }

    /// <summary>All classes (present ones and listed ones) in NumPy sort order.</summary>
    public TLabel[] Classes { get; }

    /// <summary>The code of each <c>y_true</c> label.</summary>
    public int[] TrueCodes { get; }

    /// <summary>The code of each <c>y_pred</c> label (empty when only <c>y_true</c> was encoded).</summary>
    public int[] PredCodes { get; }

    /// <summary>How many classes occur in the encoded vectors.</summary>
    public int PresentCount { get; }

    /// <summary>Whether each class occurs in the encoded vectors.</summary>
    public bool[] Present { get; }

    /// <summary>The code of <paramref name="label"/>, or -1 when it is not in <see cref="Classes"/>.</summary>
    public int CodeOf(TLabel label) => _codeOf.TryGetValue(label, out var code) ? code : -1;

    /// <summary>
    /// Encodes a label vector, or a pair. Checks nulls, lengths (scikit-learn's <c>check_consistent_length</c>),
    /// emptiness and label validity, naming the offending parameter.
    /// </summary>
    public static TargetEncoding<TLabel> Encode(
        IReadOnlyList<TLabel> yTrue,
        IReadOnlyList<TLabel>? yPred,
        IReadOnlyList<TLabel>? labels,
        string trueName = "yTrue",
        string predName = "yPred")
    {
        ArgumentNullException.ThrowIfNull(yTrue, trueName);
        if (yTrue.Count == 0)
        {
            throw new ArgumentException($"{trueName} is empty; at least one sample is required.", trueName);
        }

        if (yPred is not null && yPred.Count != yTrue.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Found input variables with inconsistent numbers of samples: [{yTrue.Count}, {yPred.Count}]"),
                predName);
        }

        MetricLabels.RequireOrderable<TLabel>(trueName);
        var seen = new Dictionary<TLabel, int>();
        var firstSeen = new List<TLabel>();
        var trueCodes = Provisional(yTrue, trueName, seen, firstSeen);
        var predCodes = yPred is null ? [] : Provisional(yPred, predName, seen, firstSeen);
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

                if (seen.TryAdd(label, firstSeen.Count))
                {
                    firstSeen.Add(label);
                }
            }
        }

        var classes = firstSeen.ToArray();
        Array.Sort(classes, LabelEncoder<TLabel>.SortOrder);
        var codeOf = new Dictionary<TLabel, int>(classes.Length);
        for (var c = 0; c < classes.Length; c++)
        {
            codeOf.Add(classes[c], c);
        }

        var remap = new int[firstSeen.Count];
        var present = new bool[classes.Length];
        for (var p = 0; p < remap.Length; p++)
        {
            remap[p] = codeOf[firstSeen[p]];
            present[remap[p]] = p < presentCount;
        }

        Remap(trueCodes, remap);
        Remap(predCodes, remap);
        return new TargetEncoding<TLabel>(classes, codeOf, trueCodes, predCodes, present);
    }

    private static int[] Provisional(IReadOnlyList<TLabel> y, string name, Dictionary<TLabel, int> seen, List<TLabel> firstSeen)
    {
        var codes = new int[y.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            var label = y[i];
            if (label is null || !seen.TryGetValue(label, out var code))
            {
                MetricLabels.Validate(label, i, name);
                code = firstSeen.Count;
                seen.Add(label!, code);
                firstSeen.Add(label!);
            }

            codes[i] = code;
        }

        return codes;
    }

    private static void Remap(int[] codes, int[] remap)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = remap[codes[i]];
        }
    }
}
