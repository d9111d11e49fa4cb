using Imbalance.Sampling;

namespace Imbalance.Tests.Sampling;

/// <summary>Expected strings were printed by Python 3.11 <c>repr</c> and NumPy 1.24.2 scalar <c>repr</c>.</summary>
public class PythonReprTests
{
    [Theory]
    [InlineData(5.0, "5.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    public void Double_labels_print_as_python_repr(double value, string expected) =>
        LabelSet.FormatLabel(value).Should().Be(expected);

    [Theory]
    [InlineData(0.1f, "0.1")]
    [InlineData(1e16f, "1e+16")]
    [InlineData(3.0f, "3.0")]
    [InlineData(1e-5f, "1e-05")]
    [InlineData(16777216.0f, "16777216.0")]
    [InlineData(float.NaN, "nan")]
    [InlineData(float.NegativeInfinity, "-inf")]
    public void Singles_print_as_numpy_float32_repr(float value, string expected) =>
        PythonRepr.Float(value).Should().Be(expected);

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(65504.0, "65500.0")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(2.0, "2.0")]
    public void Halves_print_as_numpy_float16_repr(double value, string expected) =>
        PythonRepr.Float((Half)value).Should().Be(expected);

    [Theory]
    [InlineData("a", "'a'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("a\"b", "'a\"b'")]
    [InlineData("both'\"", "'both\\'\"'")]
    [InlineData("x\\y", "'x\\\\y'")]
    [InlineData("tab\there", "'tab\\there'")]
    [InlineData("nl\nx", "'nl\\nx'")]
    [InlineData("cr\rx", "'cr\\rx'")]
    [InlineData("\u0000\u007f", "'\\x00\\x7f'")]
    [InlineData("\u00a0\u00e9", "'\\xa0\u00e9'")]
    [InlineData("\u200b", "'\\u200b'")]
    [InlineData("\u2028", "'\\u2028'")]
    [InlineData("\ue000", "'\\ue000'")]
    [InlineData("\U0001F600", "'\U0001F600'")]
    [InlineData("\u03a9mega", "'\u03a9mega'")]
    [InlineData("", "''")]
    [InlineData(" ", "' '")]
    public void Strings_print_as_python_repr(string value, string expected) =>
        PythonRepr.String(value).Should().Be(expected);

    [Fact]
    public void A_lone_surrogate_is_escaped()
    {
        // repr('\ud800') == "'\\ud800'"; kept out of [InlineData], whose serialisation loses lone surrogates.
        PythonRepr.String("\ud800").Should().Be("'\\ud800'");
        PythonRepr.String("a\udfffb").Should().Be("'a\\udfffb'");
    }

    [Fact]
    public void Non_printable_supplementary_characters_use_the_long_escape()
    {
        // U+F0000 is a private-use code point: repr('\U000f0000') == "'\\U000f0000'".
        PythonRepr.String("\U000F0000").Should().Be("'\\U000f0000'");
    }
}
