using Imbalance.Pipelines;
using Imbalance.Sampling;

namespace Imbalance.Tests.Sampling;

public class FunctionSamplerTests
{
    [Fact]
    public void Without_a_function_it_returns_copies_unchanged()
    {
        var (x, y) = TestData.ThreeClasses();
        var result = new FunctionSampler().FitResample(x, y);
        result.X.Should().BeEquivalentTo(x);
        result.X.Should().NotBeSameAs(x);
        result.Y.Should().Equal(y);
        result.SampleIndices.Should().BeNull();
        result.ResolvedStrategy.Should().BeEmpty();
        new FunctionSampler().SamplingType.Should().Be(SamplingType.Bypass);
    }

    [Fact]
    public void Calls_the_function_with_the_data_and_returns_its_output()
    {
        var (x, y) = TestData.ThreeClasses();
        var labels = TestData.AsStrings(y);
        var calls = 0;
        var dropFirstClass = FunctionSampler.Create<string>((xs, ys) =>
        {
            calls++;
            var keep = Enumerable.Range(0, ys.Count).Where(i => ys[i] != "class-a").ToArray();
            var xr = new double[keep.Length, xs.GetLength(1)];
            for (var i = 0; i < keep.Length; i++)
            {
                for (var j = 0; j < xs.GetLength(1); j++)
                {
                    xr[i, j] = xs[keep[i], j];
                }
            }

            return (xr, keep.Select(i => ys[i]).ToArray());
        });

        var result = dropFirstClass.FitResample(x, labels);
        calls.Should().Be(1);
        result.Y.Should().NotContain("class-a").And.HaveCount(40);

        // In a pipeline it runs at fit time only.
        var model = Pipeline.Create().Then("drop", dropFirstClass).Then("knn", new Imbalance.Neighbors.KNeighborsClassifier()).Fit(x, labels);
        calls.Should().Be(2);
        model.Classes.Should().Equal("class-b", "class-c");
        model.Predict(x);
        calls.Should().Be(2);
    }

    [Fact]
    public void Validates_input_output_and_label_type()
    {
        var (x, y) = TestData.ThreeClasses();
        var sampler = FunctionSampler.Create<int>((xs, ys) => (new double[3, 4], new int[2]));
        sampler.Invoking(s => s.FitResample(x, y)).Should().Throw<InvalidOperationException>().WithMessage("The function returned 3 rows but 2 labels.");
        sampler.Invoking(s => s.FitResample(x, TestData.AsStrings(y))).Should().Throw<ArgumentException>().WithParameterName("y");
        new FunctionSampler().Invoking(s => s.FitResample(new double[,] { { double.NaN } }, new[] { 1 })).Should().Throw<ArgumentException>().WithParameterName("x");
        new FunctionSampler().Invoking(s => s.FitResample(new double[,] { { 1 }, { 2 } }, new[] { 1, 1 })).Should().Throw<ArgumentException>().WithParameterName("y");
        var wide = FunctionSampler.Create<int>((xs, ys) => (new double[1, 9], [0]));
        wide.Invoking(s => s.FitResample(x, y)).Should().Throw<InvalidOperationException>().WithMessage("*9 features*");
        var unchecked_ = FunctionSampler.Create<int>((xs, ys) => (new double[3, 4], new int[2]), validate: false);
        unchecked_.FitResample(new double[,] { { double.NaN } }, new[] { 1 }).Count.Should().Be(2, "without validation nothing is checked");
    }
}
