using Imbalance.Sampling;

namespace Imbalance.Tests.Sampling;

public class CodePointComparerTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("a", "a", 0)]
    [InlineData("", "a", -1)]
    [InlineData("a", "ab", -1)]
    [InlineData("ab", "a", 1)]
    [InlineData("B", "a", -1)]
    [InlineData("\uFF21", "\U0001F600", -1)] // U+FF21 < U+1F600 although 0xFF21 > 0xD83D
    [InlineData("\U0001F600", "\uE000", 1)]
    [InlineData("\U00010000", "\uFFFF", 1)]
    [InlineData("\U0001F600", "\U0001F601", -1)]
    [InlineData("x\U0001F600", "x\uFF21", 1)]
    public void Compares_by_code_point(string a, string b, int sign)
    {
        Math.Sign(CodePointComparer.Instance.Compare(a, b)).Should().Be(sign);
        Math.Sign(CodePointComparer.Instance.Compare(b, a)).Should().Be(-sign);
    }

    [Fact]
    public void A_lone_surrogate_is_its_own_code_point_as_in_a_python_str()
    {
        // Kept out of [InlineData]: test-case serialisation replaces lone surrogates with U+FFFD.
        CodePointComparer.Instance.Compare("\ud800", "\ue000").Should().BeNegative();
        CodePointComparer.Instance.Compare("\ud800", "\U00010000").Should().BeNegative();
        CodePointComparer.Instance.Compare("\udc00", "\ud800").Should().BePositive();
        CodePointComparer.Instance.Compare("\ud800a", "\ud800b").Should().BeNegative();
        CodePointComparer.Instance.Compare("\ud800\ud800", "\ud800").Should().BePositive();
        CodePointComparer.Instance.Compare("\ud800\udc00", "\U00010000").Should().Be(0, "a well-formed pair is the code point it encodes");
    }

    [Fact]
    public void Null_sorts_first()
    {
        CodePointComparer.Instance.Compare(null, "a").Should().BeNegative();
        CodePointComparer.Instance.Compare("a", null).Should().BePositive();
        CodePointComparer.Instance.Compare(null, null).Should().Be(0);
    }

    [Fact]
    public void Agrees_with_ordinal_order_inside_the_basic_plane_below_surrogates()
    {
        var rng = new Imbalance.Randomness.RandomState(3);
        for (var trial = 0; trial < 2000; trial++)
        {
            var a = RandomText(rng);
            var b = RandomText(rng);
            Math.Sign(CodePointComparer.Instance.Compare(a, b)).Should().Be(Math.Sign(string.CompareOrdinal(a, b)), $"'{a}' vs '{b}'");
        }
    }

    private static string RandomText(Imbalance.Randomness.RandomState rng)
    {
        // Short strings over a tiny alphabet plus the occasional BMP character, so shared prefixes are common.
        var length = rng.RandInt(0, 4);
        var text = new char[length];
        for (var i = 0; i < length; i++)
        {
            text[i] = rng.RandInt(0, 4) == 0 ? (char)rng.RandInt(0x20, 0xD800) : "ab"[rng.RandInt(0, 2)];
        }

        return new string(text);
    }
}
