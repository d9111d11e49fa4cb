using Imbalance.Datasets;
using Imbalance.Sampling;

namespace Imbalance.Tests.Datasets;

public class BundledDatasetsTests
{
    [Fact]
    public void Breast_cancer_matches_scikit_learn()
    {
        var data = BundledDatasets.LoadBreastCancer();
        data.X.GetLength(0).Should().Be(569);
        data.X.GetLength(1).Should().Be(30);
        data.X[0, 0].Should().Be(17.99);
        data.X[0, 29].Should().Be(0.1189);
        data.FeatureNames[0].Should().Be("mean radius");
        data.FeatureNames[29].Should().Be("worst fractal dimension");
        data.TargetNames.Should().Equal("malignant", "benign");
        data.Y.ClassCounts().Should().Equal(new Dictionary<int, int> { [0] = 212, [1] = 357 });
        data.TargetNamesOfRows()[0].Should().Be("malignant");
    }

    [Fact]
    public void Wine_iris_and_digits_match_scikit_learn()
    {
        var wine = BundledDatasets.LoadWine();
        wine.X.GetLength(1).Should().Be(13);
        wine.Y.ClassCounts().Values.Should().Equal(59, 71, 48);
        wine.X[0, 12].Should().Be(1065);
        wine.TargetNames.Should().Equal("class_0", "class_1", "class_2");

        var (x, y) = BundledDatasets.LoadIris();
        x.GetLength(0).Should().Be(150);
        x[0, 0].Should().Be(5.1);
        y.ClassCounts().Values.Should().Equal(50, 50, 50);
        BundledDatasets.LoadIris().FeatureNames[3].Should().Be("petal width (cm)");

        var digits = BundledDatasets.LoadDigits();
        digits.X.GetLength(0).Should().Be(1797);
        digits.X.GetLength(1).Should().Be(64);
        digits.X[0, 2].Should().Be(5);
        digits.X[0, 3].Should().Be(13);
        digits.Y.Take(5).Should().Equal(0, 1, 2, 3, 4);
        digits.FeatureNames[9].Should().Be("pixel_1_1");
        digits.TargetNames.Should().HaveCount(10);
    }

    [Fact]
    public void Each_load_is_a_new_copy_and_the_licence_travels_with_the_data()
    {
        var a = BundledDatasets.LoadIris();
        a.X[0, 0] = 99;
        BundledDatasets.LoadIris().X[0, 0].Should().Be(5.1);
        BundledDatasets.Notice.Should().Contain("BSD-3-Clause").And.Contain("scikit-learn");
    }
}
