using System.Globalization;

namespace Imbalance.Sampling;

/// <summary>
/// Encodes labels of any comparable type to int codes 0..K-1 in sorted order, exactly as <c>np.unique</c> orders
/// them (numbers numerically, strings by Unicode code point, enums by value, false before true), so algorithms only
/// ever see codes and class order matches imblearn's <c>sampling_strategy_</c> order.
/// </summary>
internal sealed class LabelEncoder<TLabel> : LabelSet
    where TLabel : notnull
{
    private readonly TLabel[] _classes;
    private readonly Dictionary<TLabel, int> _codeOf;
    private readonly IReadOnlyList<TLabel> _labels;

    private LabelEncoder(TLabel[] classes, Dictionary<TLabel, int> codeOf, IReadOnlyList<TLabel> labels, int[] codes)
    {
        _classes = classes;
        _codeOf = codeOf;
        _labels = labels;
        Codes = codes;
    }

    /// <summary>The sorted distinct labels; <c>Classes[code]</c> decodes a code.</summary>
    public IReadOnlyList<TLabel> Classes => _classes;

    /// <summary>The code of every label of <c>y</c>, in order.</summary>
    public int[] Codes { get; }

    /// <inheritdoc />
    public override Type LabelType => typeof(TLabel);

    /// <inheritdoc />
    public override int ClassCount => _classes.Length;

    /// <summary>The comparer that gives NumPy's sort order for <typeparamref name="TLabel"/>.</summary>
    public static IComparer<TLabel> SortOrder { get; } = CreateSortOrder();

    /// <summary>
    /// Encodes <paramref name="y"/>. Rejects null labels, NaN labels, non-integral floating-point labels (a
    /// regression target, as scikit-learn's <c>check_classification_targets</c> does) and label types without an
    /// ordering.
    /// </summary>
    public static LabelEncoder<TLabel> Fit(IReadOnlyList<TLabel> y)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (!IsOrderable())
        {
            throw new ArgumentException(
                $"Labels of type {typeof(TLabel).Name} cannot be sorted; use a type that implements IComparable<T> (int, string, an enum, bool, ...).",
                nameof(y));
        }

        if (typeof(TLabel) == typeof(int) && y is int[] ints && TryEncodeDenseInts(ints, out var classesOfInts, out var codesOfInts))
        {
            var classes0 = (TLabel[])(object)classesOfInts;
            var codeOf0 = new Dictionary<TLabel, int>(classes0.Length);
            for (var code = 0; code < classes0.Length; code++)
            {
                codeOf0.Add(classes0[code], code);
            }

            return new LabelEncoder<TLabel>(classes0, codeOf0, y, codesOfInts);
        }

        var codeOf = new Dictionary<TLabel, int>();
        var firstSeen = new List<TLabel>();
        var raw = new int[y.Count];
        for (var i = 0; i < raw.Length; i++)
        {
            var label = y[i];
            if (label is null)
            {
                throw new ArgumentException($"y contains a null label at index {i}.", nameof(y));
            }

            if (!codeOf.TryGetValue(label, out var provisional))
            {
                CheckDiscrete(label, i);
                provisional = firstSeen.Count;
                codeOf.Add(label, provisional);
                firstSeen.Add(label);
            }

            raw[i] = provisional;
        }

        var classes = firstSeen.ToArray();
        Array.Sort(classes, SortOrder);
        var remap = new int[classes.Length];
        for (var code = 0; code < classes.Length; code++)
        {
            var provisional = codeOf[classes[code]];
            remap[provisional] = code;
            codeOf[classes[code]] = code;
        }

        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = remap[raw[i]];
        }

        return new LabelEncoder<TLabel>(classes, codeOf, y, raw);
    }

    /// <summary>Decodes a class code.</summary>
    public TLabel Decode(int code) => _classes[code];

    /// <summary>Decodes a vector of class codes.</summary>
    public TLabel[] Decode(ReadOnlySpan<int> codes)
    {
        var labels = new TLabel[codes.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = _classes[codes[i]];
        }

        return labels;
    }

    /// <inheritdoc />
    public override bool TryGetCode<TKey>(TKey label, out int code)
    {
        if (label is TLabel typed)
        {
            return _codeOf.TryGetValue(typed, out code);
        }

        code = -1;
        return false;
    }

    /// <inheritdoc />
    public override string Format(int code) => FormatLabel(_classes[code]);

    /// <inheritdoc />
    public override IReadOnlyList<TKey> Labels<TKey>()
    {
        RequireKeyType<TKey>("y");
        return (IReadOnlyList<TKey>)_labels;
    }

    /// <inheritdoc />
    public override TResult Accept<TResult>(ILabelVisitor<TResult> visitor) => visitor.Visit(this);

    /// <inheritdoc />
    public override TKey Label<TKey>(int code)
    {
        RequireKeyType<TKey>("y");
        return (TKey)(object)_classes[code];
    }

    /// <summary>The common case of int labels in a narrow range (0/1, 0..K-1, -1/1): the sorted distinct values and
    /// every label's code by a table lookup instead of hashing, the same result as the general path (ints sort
    /// numerically).</summary>
    private static bool TryEncodeDenseInts(int[] labels, out int[] classes, out int[] codes)
    {
        const int MaxRange = 1 << 16;
        classes = [];
        codes = [];
        if (labels.Length == 0)
        {
            return false;
        }

        var min = labels[0];
        var max = labels[0];
        foreach (var label in labels)
        {
            min = Math.Min(min, label);
            max = Math.Max(max, label);
        }

        if ((long)max - min >= MaxRange)
        {
            return false;
        }

        var table = new int[max - min + 1];
        foreach (var label in labels)
        {
            table[label - min] = 1;
        }

        // Present values get codes in increasing order of value (stored plus one: 0 marks an absent value).
        var count = 0;
        for (var v = 0; v < table.Length; v++)
        {
            if (table[v] != 0)
            {
                table[v] = ++count;
            }
        }

        classes = new int[count];
        for (var v = 0; v < table.Length; v++)
        {
            if (table[v] != 0)
            {
                classes[table[v] - 1] = v + min;
            }
        }

        codes = GC.AllocateUninitializedArray<int>(labels.Length);
        for (var i = 0; i < labels.Length; i++)
        {
            codes[i] = table[labels[i] - min] - 1;
        }

        return true;
    }

    private static bool IsOrderable() =>
        typeof(IComparable<TLabel>).IsAssignableFrom(typeof(TLabel))
        || typeof(IComparable).IsAssignableFrom(typeof(TLabel));

    private static IComparer<TLabel> CreateSortOrder() =>
        typeof(TLabel) == typeof(string)
            ? (IComparer<TLabel>)(object)CodePointComparer.Instance
            : Comparer<TLabel>.Default;

    private static void CheckDiscrete(TLabel label, int index)
    {
        double value;
        switch (label)
        {
            case double d: value = d; break;
            case float f: value = f; break;
            case Half h: value = (double)h; break;
            case decimal m: value = decimal.IsInteger(m) ? 0.0 : 0.5; break;
            default: return;
        }

        if (double.IsNaN(value))
        {
            throw InputGuard.Invalid("y", $"y contains NaN at index {index}.");
        }

        if (double.IsInfinity(value) || Math.Floor(value) != value)
        {
            throw InputGuard.Invalid(
                "y",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Unknown label type: 'continuous' (y[{index}] = {FormatLabel(label)}). Samplers expect discrete classes, not a regression target."));
        }
    }
}
