namespace Imbalance.Metrics;

/// <summary>
/// scikit-learn's <c>pos_label</c>: the class reported by <see cref="Average.Binary"/>. Converts implicitly from a
/// label, so callers write <c>posLabel: "yes"</c>. The default (not set) means scikit-learn's default
/// <c>pos_label=1</c>: the value 1 for numeric label types and <see langword="true"/> for <see cref="bool"/>; for any
/// other label type a binary average then fails as scikit-learn does for string labels, asking for the label.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public readonly struct PositiveLabel<TLabel> : IEquatable<PositiveLabel<TLabel>>
    where TLabel : notnull
{
    private readonly TLabel? _label;

    /// <summary>Chooses <paramref name="label"/> as the positive class.</summary>
    public PositiveLabel(TLabel label)
    {
        ArgumentNullException.ThrowIfNull(label);
        _label = label;
        IsSet = true;
    }

    /// <summary>Whether a label was given (otherwise scikit-learn's default 1 applies).</summary>
    public bool IsSet { get; }

    /// <summary>The given label; throws when none was given.</summary>
    public TLabel Label => IsSet ? _label! : throw new InvalidOperationException("No positive label was given.");

    /// <summary>Chooses <paramref name="label"/> as the positive class.</summary>
    public static implicit operator PositiveLabel<TLabel>(TLabel label) => new(label);

    /// <summary>The label to use: the given one, or scikit-learn's default 1 when it exists for <typeparamref name="TLabel"/>.</summary>
    internal bool TryResolve(out TLabel label)
    {
        if (IsSet)
        {
            label = _label!;
            return true;
        }

        object? one = Type.GetTypeCode(typeof(TLabel)) switch
        {
            TypeCode.Boolean => true,
            TypeCode.SByte => (sbyte)1,
            TypeCode.Byte => (byte)1,
            TypeCode.Int16 => (short)1,
            TypeCode.UInt16 => (ushort)1,
            TypeCode.Int32 => 1,
            TypeCode.UInt32 => 1u,
            TypeCode.Int64 => 1L,
            TypeCode.UInt64 => 1UL,
            TypeCode.Single => 1f,
            TypeCode.Double => 1d,
            TypeCode.Decimal => 1m,
            _ => null,
        };
        if (one is TLabel typed && !typeof(TLabel).IsEnum)
        {
            label = typed;
            return true;
        }

        label = default!;
        return false;
    }

    /// <inheritdoc />
    public bool Equals(PositiveLabel<TLabel> other) =>
        IsSet == other.IsSet && (!IsSet || EqualityComparer<TLabel>.Default.Equals(_label!, other._label!));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PositiveLabel<TLabel> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsSet ? EqualityComparer<TLabel>.Default.GetHashCode(_label!) : 0;

    /// <summary>Equality of two choices.</summary>
    public static bool operator ==(PositiveLabel<TLabel> left, PositiveLabel<TLabel> right) => left.Equals(right);

    /// <summary>Inequality of two choices.</summary>
    public static bool operator !=(PositiveLabel<TLabel> left, PositiveLabel<TLabel> right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => IsSet ? LabelText.Python(_label!) : "1 (default)";
}
