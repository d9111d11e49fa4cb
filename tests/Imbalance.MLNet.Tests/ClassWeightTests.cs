using Microsoft.ML;

namespace Imbalance.MLNet.Tests;

public class ClassWeightTests
{
    [Fact]
    public void Balanced_weights_are_n_over_classes_times_count_for_bool_labels()
    {
        var ml = new MLContext(seed: 1);
        var rows = TestData.Binary(200, every: 8);
        var data = ml.Data.LoadFromEnumerable(rows);

        var weighted = ml.Transforms.AddClassWeights(outputColumnName: "ClassWeight").Fit(data).Transform(data);

        var expected = rows.Select(r => r.Label ? 200f / (2 * 25) : 200f / (2 * 175));
        TestData.Column<float>(weighted, "ClassWeight").Should().Equal(expected);
    }

    [Fact]
    public void Key_and_text_labels_get_their_class_weight_and_the_schema_is_known_before_fitting()
    {
        var ml = new MLContext(seed: 1);
        var rows = TestData.ThreeClasses();
        var data = ml.Data.LoadFromEnumerable(rows);
        var keyed = ml.Transforms.Conversion.MapValueToKey("Key", "Class").Fit(data).Transform(data);
        var counts = rows.GroupBy(r => r.Class).ToDictionary(g => g.Key, g => g.Count());
        var expected = rows.Select(r => (float)(110.0 / (3 * counts[r.Class]))).ToArray();

        var shape = ml.Transforms.AddClassWeights("Key").GetOutputSchema(TestData.Shape(keyed.Schema));
        shape.Single(c => c.Name == "Weight").ItemType.RawType.Should().Be<float>();
        TestData.Column<float>(ml.Transforms.AddClassWeights("Key").Fit(keyed).Transform(keyed), "Weight").Should().Equal(expected);
        TestData.Column<float>(ml.Transforms.AddClassWeights("Class").Fit(data).Transform(data), "Weight").Should().Equal(expected);
    }

    [Fact]
    public void A_custom_weighting_receives_the_class_counts_and_a_trainer_uses_the_column()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(TestData.Binary(200, every: 8));
        IReadOnlyList<int>? seen = null;
        var weighting = ClassWeighting.FromCounts(counts =>
        {
            seen = counts;
            return [.. counts.Select(c => (1 - 0.99) / (1 - Math.Pow(0.99, c)))];
        });

        var pipeline = ml.Transforms.AddClassWeights(weighting: weighting)
            .Append(ml.BinaryClassification.Trainers.FastTree(exampleWeightColumnName: "Weight", numberOfTrees: 5, minimumExampleCountPerLeaf: 5));
        var model = pipeline.Fit(data);

        seen.Should().Equal(25, 175);
        TestData.Column<float>(model.Transform(data), "Score").Should().HaveCount(200);
        var badWeighting = ClassWeighting.FromCounts(counts => [1.0]);
        FluentActions.Invoking(() => ml.Transforms.AddClassWeights(weighting: badWeighting).Fit(data)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void WeightOfPositiveExamples_is_negatives_over_positives()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(TestData.Binary(200, every: 8));

        ml.BinaryClassification.WeightOfPositiveExamples(data).Should().Be(175.0 / 25.0);
        FluentActions.Invoking(() => ml.BinaryClassification.WeightOfPositiveExamples(data, "Weight"))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("labelColumnName");
        var onlyNegatives = ml.Data.LoadFromEnumerable(TestData.Binary(7, every: 100).Skip(1));
        FluentActions.Invoking(() => ml.BinaryClassification.WeightOfPositiveExamples(onlyNegatives))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("data");
    }
}
