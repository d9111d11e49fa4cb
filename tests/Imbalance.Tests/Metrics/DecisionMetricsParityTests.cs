using System.Text.Json;
using Imbalance.Metrics;
using Imbalance.Tests.ModelSelection;

namespace Imbalance.Tests.Metrics;

/// <summary>confusion_matrix(normalize), jaccard_score and multiclass average precision against scikit-learn 1.2.1.</summary>
public class DecisionMetricsParityTests
{
    private static JsonElement Metrics => DecisionsFixture.Get("metrics");

    public static TheoryData<int> ConfusionCases() => DecisionsFixture.Indices(Metrics.GetProperty("confusion"));

    public static TheoryData<int> JaccardCases() => DecisionsFixture.Indices(Metrics.GetProperty("jaccard"));

    public static TheoryData<int> AveragePrecisionCases() => DecisionsFixture.Indices(Metrics.GetProperty("average_precision"));

    [Fact]
    public void Fixture_has_every_case()
    {
        Metrics.GetProperty("confusion").GetArrayLength().Should().Be(24);
        Metrics.GetProperty("jaccard").GetArrayLength().Should().Be(36);
        Metrics.GetProperty("average_precision").GetArrayLength().Should().Be(24);
    }

    [Theory]
    [MemberData(nameof(ConfusionCases))]
    public void Normalized_confusion_matrix_matches_scikit_learn(int index)
    {
        var c = Metrics.GetProperty("confusion")[index];
        var normalize = c.GetProperty("normalize").ValueKind == JsonValueKind.Null
            ? ConfusionNormalization.None
            : Enum.Parse<ConfusionNormalization>(c.GetProperty("normalize").GetString()!, ignoreCase: true);
        var matrix = ClassificationMetrics.ConfusionMatrix(TestData.Ints(c.GetProperty("y_true")), TestData.Ints(c.GetProperty("y_pred")), sampleWeight: DecisionsFixture.OptionalVector(c.GetProperty("sample_weight")))
            .ToArray(normalize);
        DecisionsFixture.MaxAbsDifference(matrix, TestData.Matrix(c.GetProperty("matrix"))).Should().BeLessThan(1e-12);
    }

    [Theory]
    [MemberData(nameof(JaccardCases))]
    public void Jaccard_matches_scikit_learn(int index)
    {
        var c = Metrics.GetProperty("jaccard")[index];
        var yTrue = TestData.Ints(c.GetProperty("y_true"));
        var yPred = TestData.Ints(c.GetProperty("y_pred"));
        var weights = DecisionsFixture.OptionalVector(c.GetProperty("sample_weight"));
        var averageName = c.GetProperty("average");
        if (c.TryGetProperty("error", out _))
        {
            var act = () => ClassificationMetrics.JaccardScore(yTrue, yPred, posLabel: c.GetProperty("pos_label").GetInt32(), sampleWeight: weights);
            act.Should().Throw<ArgumentException>();
            return;
        }

        var expected = DecisionsFixture.Vector(c.GetProperty("value"));
        if (averageName.ValueKind == JsonValueKind.Null)
        {
            ClassificationMetrics.JaccardScorePerClass(yTrue, yPred, sampleWeight: weights).ToArray().Should().BeEquivalentTo(expected, o => o.Using<double>(x => x.Subject.Should().BeApproximately(x.Expectation, 1e-12)).WhenTypeIs<double>());
            return;
        }

        var average = Enum.Parse<Average>(averageName.GetString()!, ignoreCase: true);
        ClassificationMetrics.JaccardScore(yTrue, yPred, posLabel: c.GetProperty("pos_label").GetInt32(), average: average, sampleWeight: weights)
            .Should().BeApproximately(expected[0], 1e-12);
    }

    [Theory]
    [MemberData(nameof(AveragePrecisionCases))]
    public void Multiclass_average_precision_matches_scikit_learn(int index)
    {
        var c = Metrics.GetProperty("average_precision")[index];
        var average = Enum.Parse<Average>(c.GetProperty("average").GetString()!, ignoreCase: true);
        ScoreMetrics.AveragePrecisionScore(
                TestData.Ints(c.GetProperty("y_true")), TestData.Matrix(c.GetProperty("y_score")), average, DecisionsFixture.OptionalVector(c.GetProperty("sample_weight")))
            .Should().BeApproximately(TestData.Number(c.GetProperty("value")), 1e-12);
    }

    [Fact]
    public void Average_precision_over_a_matrix_rejects_binary_and_a_wrong_width()
    {
        int[] y = [0, 1, 2, 1];
        var scores = new double[4, 2];
        var wrongWidth = () => ScoreMetrics.AveragePrecisionScore(y, scores);
        wrongWidth.Should().Throw<ArgumentException>().WithParameterName("yScore");
        var binaryAverage = () => ScoreMetrics.AveragePrecisionScore(y, new double[4, 3], Average.Binary);
        binaryAverage.Should().Throw<ArgumentException>().WithParameterName("average");
    }

    [Fact]
    public void Confusion_normalization_rejects_an_undefined_value()
    {
        var act = () => ClassificationMetrics.ConfusionMatrix([0, 1], [1, 1]).ToArray((ConfusionNormalization)9);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("normalize");
    }
}
