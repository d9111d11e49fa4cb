using Imbalance.Sampling;

namespace Imbalance.Tests.Sampling;

public class LabelSetTests
{
    [Theory]
    [InlineData(null, "None")]
    [InlineData("a", "'a'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData('c', "'c'")]
    [InlineData(true, "True")]
    [InlineData(false, "False")]
    [InlineData(7, "7")]
    [InlineData(-7L, "-7")]
    [InlineData(5.0, "5.0")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(2.5f, "2.5")]
    [InlineData(Fruit.Cherry, "Cherry")]
    public void Labels_are_formatted_as_python_prints_them(object? label, string expected) =>
        LabelSet.FormatLabel(label).Should().Be(expected);

    [Fact]
    public void Other_label_types_format_invariantly()
    {
        LabelSet.FormatLabel(1.5m).Should().Be("1.5");
        LabelSet.FormatLabel((Half)3).Should().Be("3.0");
        LabelSet.FormatLabel(new Uri("http://x/")).Should().Be("http://x/");
    }

    [Fact]
    public void Format_uses_the_decoded_label()
    {
        LabelSet strings = LabelEncoder<string>.Fit(["b", "a"]);
        LabelSet doubles = LabelEncoder<double>.Fit([3.0, -1.0]);

        strings.Format(0).Should().Be("'a'");
        strings.Format(1).Should().Be("'b'");
        doubles.Format(0).Should().Be("-1.0");
    }

    [Fact]
    public void RequireKeyType_accepts_the_label_type_and_names_the_parameter_otherwise()
    {
        LabelSet labels = LabelEncoder<Fruit>.Fit([Fruit.Apple, Fruit.Date]);

        labels.Invoking(l => l.RequireKeyType<Fruit>("SamplingStrategy")).Should().NotThrow();
        labels.Invoking(l => l.RequireKeyType<int>("Shrinkage")).Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "Shrinkage")
            .WithMessage("'Shrinkage' is keyed by labels of type Int32 but y holds labels of type Fruit.*");
    }
}
