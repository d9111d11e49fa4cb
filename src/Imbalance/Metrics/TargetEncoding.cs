using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.Metrics;

/// <summary>
/// <c>y_true</c> and <c>y_pred</c> encoded against one class set: the sorted union of both (scikit-learn's
/// <c>unique_labels</c>) plus any extra labels the caller listed, so every metric works on int codes.
/// </summary>
internal sealed class TargetEncoding<TLabel>
    where TLabel : notnull
{
    private readonly Dictionary<TLabel, int> _codeOf;

    private TargetEncoding(TLabel[] classes, int[] trueCodes, int[] predCodes, int presentCount, bool[] present)
    {
        Classes = classes;
        TrueCodes = trueCodes;
        PredCodes = predCodes;
        PresentCount = presentCount;
        Present = present;
        _codeOf = new Dictionary<TLabel, int>(classes.Length);
        for (var c = 0; c < classes.Length; c++)
        {
            _codeOf.Add(classes[c], c);
        }
    }

    /// <summary>All classes (present ones and listed ones) in NumPy sort order.</summary>
    public TLabel[] Classes { get; }

    /// <summary>The code of each <c>y_true</c> label.</summary>
    public int[] TrueCodes { get; }

    /// <summary>The code of each <c>y_pred</c> label (empty when only <c>y_true</c> was encoded).</summary>
    public int[] PredCodes { get; }

    /// <summary>How many classes occur in <c>y_true</c> or <c>y_pred</c> (scikit-learn's <c>unique_labels</c>).</summary>
    public int PresentCount { get; }

    /// <summary>Whether each class occurs in <c>y_true</c> or <c>y_pred</c>.</summary>
    public bool[] Present { get; }

    /// <summary>The code of <paramref name="label"/>, or -1 when it is not in <see cref="Classes"/>.</summary>
    public int CodeOf(TLabel label) => _codeOf.TryGetValue(label, out var code) ? code : -1;

    /// <summary>
    /// Encodes a pair of label vectors. Checks nulls, lengths (scikit-learn's <c>check_consistent_length</c>),
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

        var trueEncoder = Fit(yTrue, trueName);
        var predEncoder = yPred is null ? null : Fit(yPred, predName);
        var order = LabelEncoder<TLabel>.SortOrder;

        var all = new SortedSet<TLabel>(trueEncoder.Classes, order);
        if (predEncoder is not null)
        {
            all.UnionWith(predEncoder.Classes);
        }

        var presentCount = all.Count;
        var presentSet = new HashSet<TLabel>(all);
        if (labels is not null)
        {
            for (var i = 0; i < labels.Count; i++)
            {
                var label = labels[i];
                if (label is null)
                {
                    throw new ArgumentException($"labels contains a null label at index {i}.", nameof(labels));
                }

                all.Add(label);
            }
        }

        var classes = all.ToArray();
        var present = new bool[classes.Length];
        for (var c = 0; c < classes.Length; c++)
        {
            present[c] = presentSet.Contains(classes[c]);
        }

        var trueCodes = Remap(trueEncoder, classes, order);
        var predCodes = predEncoder is null ? [] : Remap(predEncoder, classes, order);
        return new TargetEncoding<TLabel>(classes, trueCodes, predCodes, presentCount, present);
    }

    private static LabelEncoder<TLabel> Fit(IReadOnlyList<TLabel> y, string name)
    {
        try
        {
            return LabelEncoder<TLabel>.Fit(y);
        }
        catch (ArgumentException e) when (e.ParamName == "y")
        {
            var message = e.Message;
            var suffix = message.IndexOf(" (Parameter", StringComparison.Ordinal);
            if (suffix >= 0)
            {
                message = message[..suffix];
            }

            message = message.StartsWith("y ", StringComparison.Ordinal) ? name + message[1..] : message;
            throw new ArgumentException(message.Replace("Samplers expect", "Classification metrics expect", StringComparison.Ordinal), name, e);
        }
    }

    private static int[] Remap(LabelEncoder<TLabel> encoder, TLabel[] classes, IComparer<TLabel> order)
    {
        var local = encoder.Classes;
        var map = new int[local.Count];
        for (var c = 0; c < map.Length; c++)
        {
            map[c] = Array.BinarySearch(classes, local[c], order);
        }

        var codes = encoder.Codes;
        var result = new int[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            result[i] = map[codes[i]];
        }

        return result;
    }
}
