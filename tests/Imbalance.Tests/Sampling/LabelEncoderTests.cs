using Imbalance.Sampling;

namespace Imbalance.Tests.Sampling;

/// <summary>
/// Label encoding follows <c>np.unique</c>: the expected orders below were printed by NumPy 1.24.2
/// (<c>np.unique(np.array(labels))</c>).
/// </summary>
public class LabelEncoderTests
{
    [Fact]
    public void Int_labels_are_coded_in_numeric_order()
    {
        // np.unique([3, -1, 10, 2, 3, -1], return_inverse=True) -> ([-1, 2, 3, 10], [2, 0, 3, 1, 2, 0])
        var encoder = LabelEncoder<int>.Fit([3, -1, 10, 2, 3, -1]);

        encoder.Classes.Should().Equal(-1, 2, 3, 10);
        encoder.Codes.Should().Equal(2, 0, 3, 1, 2, 0);
        encoder.ClassCount.Should().Be(4);
        encoder.LabelType.Should().Be<int>();
    }

    [Theory]
    [InlineData(0, 2, 1000)]
    [InlineData(-5, 5, 37)]
    [InlineData(7, 8, 10)]
    [InlineData(-1_000_000, 1_000_000, 500)]
    [InlineData(int.MinValue, int.MaxValue, 300)]
    [InlineData(65_530, 65_540, 200)]
    public void Int_arrays_take_the_table_path_with_the_same_codes_as_the_general_path(int low, int high, int length)
    {
        var random = new Random(low ^ length);
        var labels = Enumerable.Range(0, length).Select(_ => (int)random.NextInt64(low, (long)high + 1)).ToArray();
        labels[0] = low;
        labels[^1] = high;
        var fast = LabelEncoder<int>.Fit(labels);
        var general = LabelEncoder<int>.Fit(labels.ToList());
        fast.Classes.Should().Equal(general.Classes).And.BeInAscendingOrder().And.OnlyHaveUniqueItems();
        fast.Codes.Should().Equal(general.Codes);
        foreach (var label in general.Classes)
        {
            fast.TryGetCode(label, out var code).Should().BeTrue();
            general.TryGetCode(label, out var expected).Should().BeTrue();
            code.Should().Be(expected);
        }

        fast.TryGetCode(low == int.MinValue ? 0 : low - 1, out _).Should().Be(low == int.MinValue && labels.Contains(0));
    }

    [Fact]
    public void Numeric_strings_sort_as_text_not_as_numbers()
    {
        // np.unique(['10', '9', '1', '100']) -> ['1', '10', '100', '9']
        LabelEncoder<string>.Fit(["10", "9", "1", "100"]).Classes.Should().Equal("1", "10", "100", "9");
    }

    [Fact]
    public void Strings_sort_by_code_point_exactly_as_numpy_sorts_unicode()
    {
        string[] labels =
        [
            "b", "a", "B", string.Empty, "ab", "\u00e9", "e\u0301", "Z", "\uff21", "\U0001F600", "\ud7ff", "\ue000",
            "\U00010000", "aa", "A", "\ud800", "\ud800a", "\U0010FFFF", "\uffff",
        ];

        var encoder = LabelEncoder<string>.Fit(labels);

        // NumPy's order, as code points: '', 41, 42, 5A, 61, 61+61, 61+62, 62, 65+301, E9, D7FF, D800, D800+61,
        // E000, FF21, FFFF, 10000, 1F600, 10FFFF. Upper case before lower case (no culture), supplementary code
        // points after U+FFFF (UTF-16 ordinal order would put them between U+D7FF and U+E000).
        encoder.Classes.Should().Equal(
            string.Empty, "A", "B", "Z", "a", "aa", "ab", "b", "e\u0301", "\u00e9", "\ud7ff", "\ud800", "\ud800a",
            "\ue000", "\uff21", "\uffff", "\U00010000", "\U0001F600", "\U0010FFFF");
        encoder.Codes[0].Should().Be(7, "'b' is the eighth class");
    }

    [Fact]
    public void Enum_labels_sort_by_value_not_by_name()
    {
        var encoder = LabelEncoder<Fruit>.Fit([Fruit.Date, Fruit.Apple, Fruit.Cherry, Fruit.Apple]);

        encoder.Classes.Should().Equal(Fruit.Apple, Fruit.Cherry, Fruit.Date);
        encoder.Codes.Should().Equal(2, 0, 1, 0);
        LabelEncoder<Reversed>.Fit([Reversed.A, Reversed.Z]).Classes.Should().Equal(Reversed.Z, Reversed.A);
    }

    [Fact]
    public void False_sorts_before_true()
    {
        var encoder = LabelEncoder<bool>.Fit([true, false, true]);

        encoder.Classes.Should().Equal(false, true);
        encoder.Codes.Should().Equal(1, 0, 1);
    }

    [Fact]
    public void Integral_double_labels_sort_numerically()
    {
        var encoder = LabelEncoder<double>.Fit([2.0, -1.0, 0.0, 1e10, -0.0, 3.0]);

        encoder.Classes.Should().Equal(-1.0, 0.0, 2.0, 3.0, 1e10);
        encoder.ClassCount.Should().Be(5, "0.0 and -0.0 are one class, as in np.unique");
        encoder.Codes.Should().Equal(2, 0, 1, 4, 1, 3);
    }

    [Fact]
    public void Float_decimal_and_half_labels_are_accepted_when_integral()
    {
        LabelEncoder<float>.Fit([1f, -3f]).Classes.Should().Equal(-3f, 1f);
        LabelEncoder<decimal>.Fit([1.0m, 2m]).Classes.Should().Equal(1m, 2m);
        LabelEncoder<Half>.Fit([(Half)2, (Half)1]).Classes.Should().Equal((Half)1, (Half)2);
    }

    [Theory]
    [InlineData(double.NaN, "y contains NaN at index 2.*")]
    [InlineData(0.5, "Unknown label type: 'continuous' (y[2] = 0.5)*")]
    [InlineData(double.PositiveInfinity, "Unknown label type: 'continuous' (y[2] = inf)*")]
    [InlineData(-2.5, "Unknown label type: 'continuous' (y[2] = -2.5)*")]
    public void NaN_infinite_and_fractional_double_labels_are_rejected(double bad, string message)
    {
        var act = () => LabelEncoder<double>.Fit([1.0, 0.0, bad]);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "y").WithMessage(message);
    }

    [Fact]
    public void NaN_and_fractional_labels_of_the_other_float_types_are_rejected()
    {
        ((Action)(() => LabelEncoder<float>.Fit([1f, float.NaN]))).Should().Throw<ArgumentException>().WithMessage("y contains NaN at index 1.*");
        ((Action)(() => LabelEncoder<float>.Fit([1.25f]))).Should().Throw<ArgumentException>().WithMessage("Unknown label type: 'continuous'*");
        ((Action)(() => LabelEncoder<Half>.Fit([Half.NaN]))).Should().Throw<ArgumentException>().WithMessage("y contains NaN at index 0.*");
        ((Action)(() => LabelEncoder<Half>.Fit([(Half)0.5]))).Should().Throw<ArgumentException>().WithMessage("Unknown label type: 'continuous'*");
        ((Action)(() => LabelEncoder<decimal>.Fit([0.1m]))).Should().Throw<ArgumentException>().WithMessage("Unknown label type: 'continuous'*");
    }

    [Fact]
    public void Null_and_unorderable_labels_are_rejected()
    {
        ((Action)(() => LabelEncoder<string>.Fit(null!))).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "y");
        ((Action)(() => LabelEncoder<string>.Fit(["a", null!]))).Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "y").WithMessage("y contains a null label at index 1.*");
        ((Action)(() => LabelEncoder<object>.Fit([1, 2]))).Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "y").WithMessage("Labels of type Object cannot be sorted*");
    }

    [Fact]
    public void Labels_implementing_only_the_non_generic_IComparable_are_accepted()
    {
        var encoder = LabelEncoder<OldStyle>.Fit([new OldStyle(3), new OldStyle(1), new OldStyle(3)]);

        encoder.Classes.Select(c => c.Value).Should().Equal(1, 3);
        encoder.Codes.Should().Equal(1, 0, 1);
    }

    [Fact]
    public void An_empty_y_has_no_classes()
    {
        var encoder = LabelEncoder<int>.Fit([]);

        encoder.ClassCount.Should().Be(0);
        encoder.Codes.Should().BeEmpty();
    }

    [Fact]
    public void Decode_inverts_the_codes()
    {
        int[] y = [5, 7, 5, 9, 7];
        var encoder = LabelEncoder<int>.Fit(y);

        encoder.Decode(encoder.Codes).Should().Equal(y);
        encoder.Decode(2).Should().Be(9);
        encoder.Decode(ReadOnlySpan<int>.Empty).Should().BeEmpty();
    }

    [Fact]
    public void TryGetCode_finds_labels_of_the_same_type_only()
    {
        var encoder = LabelEncoder<int>.Fit([5, 7]);

        encoder.TryGetCode(7, out var code).Should().BeTrue();
        code.Should().Be(1);
        encoder.TryGetCode(6, out _).Should().BeFalse();
        encoder.TryGetCode(7L, out var other).Should().BeFalse("a long key never matches int labels");
        other.Should().Be(-1);
        encoder.TryGetCode("7", out _).Should().BeFalse();
    }

    [Fact]
    public void Labels_and_Label_give_typed_views_and_refuse_another_type()
    {
        int[] y = [5, 7, 5];
        var encoder = LabelEncoder<int>.Fit(y);

        encoder.Labels<int>().Should().Equal(y);
        encoder.Label<int>(1).Should().Be(7);
        ((Action)(() => encoder.Labels<long>())).Should().Throw<ArgumentException>().Where(e => e.ParamName == "y")
            .WithMessage("'y' is keyed by labels of type Int64 but y holds labels of type Int32.*");
        ((Action)(() => encoder.Label<string>(0))).Should().Throw<ArgumentException>().Where(e => e.ParamName == "y");
    }

    [Fact]
    public void SortOrder_is_the_code_point_order_for_strings_and_the_default_order_otherwise()
    {
        LabelEncoder<string>.SortOrder.Should().BeSameAs(CodePointComparer.Instance);
        LabelEncoder<int>.SortOrder.Should().BeSameAs(Comparer<int>.Default);
    }

    private enum Reversed
    {
        Z = 1,
        A = 2,
    }

    private sealed class OldStyle(int value) : IComparable
    {
        public int Value { get; } = value;

        public int CompareTo(object? obj) => Value.CompareTo(((OldStyle)obj!).Value);

        public override bool Equals(object? obj) => obj is OldStyle other && other.Value == Value;

        public override int GetHashCode() => Value;
    }
}
