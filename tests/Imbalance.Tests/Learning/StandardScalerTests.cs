using System.Text.Json;
using Imbalance.Learning;

namespace Imbalance.Tests.Learning;

public class StandardScalerTests
{
    [Fact]
    public void Matches_scikit_learn_including_a_constant_feature()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sklearn_model_selection.json")));
        var c = doc.RootElement.GetProperty("standard_scaler");
        var x = TestData.Matrix(c.GetProperty("x"));
        var copy = TestData.Copy(x);
        var model = new StandardScaler().Fit(x);
        double[] Values(string name) => c.GetProperty(name).EnumerateArray().Select(TestData.Number).ToArray();
        model.Mean.Should().Equal(Values("mean"), (a, b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Abs(b)));
        model.Variance.Should().Equal(Values("var"), (a, b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1e-12, Math.Abs(b)));
        model.Scale.Should().Equal(Values("scale"), (a, b) => Math.Abs(a - b) <= 1e-12 * Math.Abs(b));
        model.Scale[3].Should().Be(1.0, "a constant feature keeps scale 1");
        var z = model.Transform(x);
        var expected = TestData.Matrix(c.GetProperty("transform"));
        for (var i = 0; i < z.GetLength(0); i++)
        {
            for (var j = 0; j < z.GetLength(1); j++)
            {
                z[i, j].Should().BeApproximately(expected[i, j], 1e-10);
            }
        }

        x.Should().BeEquivalentTo(copy);
    }

    [Fact]
    public void Options_and_errors()
    {
        var x = new double[,] { { 1, 10 }, { 3, 30 } };
        var noMean = new StandardScaler { WithMean = false }.Fit(x);
        noMean.Mean.Should().Equal(0.0, 0.0);
        noMean.Transform(x).Should().BeEquivalentTo(new double[,] { { 1, 1 }, { 3, 3 } });
        new StandardScaler { WithStd = false }.Fit(x).Transform(x).Should().BeEquivalentTo(new double[,] { { -1, -10 }, { 1, 10 } });
        new StandardScaler().Fit(x).Invoking(m => m.Transform(new double[1, 3])).Should().Throw<ArgumentException>()
            .WithMessage("X has 3 features, but StandardScaler is expecting 2 features as input.*");
        new StandardScaler().Invoking(s => s.Fit(new double[,] { { double.NaN } })).Should().Throw<ArgumentException>().WithParameterName("x");
    }
}
