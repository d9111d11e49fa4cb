using Imbalance.OverSampling;
using Imbalance.UnderSampling;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Imbalance.MLNet.Tests;

public class ResamplingEstimatorTests
{
    private static LightGbmBinaryTrainer LightGbm(MLContext ml, string label = "Label", string features = "Features") =>
        ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = label,
            FeatureColumnName = features,
            NumberOfLeaves = 8,
            NumberOfIterations = 30,
            MinimumExampleCountPerLeaf = 5,
            NumberOfThreads = 1,
            Seed = 1,
        });

    [Fact]
    public void Fit_resamples_the_training_rows_and_returns_the_trainers_transformer()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(TestData.Binary());
        var sampler = new RecordingSampler(new Smote { RandomState = 42 });

        var model = LightGbm(ml).WithResampling(sampler).Fit(data);

        sampler.Calls.Should().Equal((200, 2 * 175));
        model.GetType().GetGenericTypeDefinition().Should().Be(typeof(BinaryPredictionTransformer<>), "the trainer's own transformer is returned");
        var scored = model.Transform(data);
        scored.GetRowCount().Should().Be(200, "a prediction transformer maps rows one to one and does not resample");
        TestData.Column<float>(scored, "Score").Should().HaveCount(200);
        sampler.Calls.Should().HaveCount(1, "scoring must not resample");
    }

    [Fact]
    public void A_fitted_pipeline_with_resampling_and_class_weights_saves_and_loads_and_scores_the_same()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(TestData.Binary());
        var pipeline = ml.Transforms.AddClassWeights()
            .Append(ml.BinaryClassification.Trainers.FastTree(exampleWeightColumnName: "Weight", numberOfTrees: 5, minimumExampleCountPerLeaf: 5)
                .WithResampling(new RandomUnderSampler { RandomState = 0 }));
        var model = pipeline.Fit(data);
        using var stream = new MemoryStream();

        ml.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        var loaded = ml.Model.Load(stream, out _);

        TestData.Column<float>(loaded.Transform(data), "Score").Should().Equal(TestData.Column<float>(model.Transform(data), "Score"));
    }

    [Fact]
    public void Column_names_default_to_the_trainers_own()
    {
        var ml = new MLContext(seed: 1);
        var wrapped = LightGbm(ml, label: "Target", features: "X").WithResampling(new RandomUnderSampler());

        wrapped.LabelColumnName.Should().Be("Target");
        wrapped.FeatureColumnName.Should().Be("X");
        wrapped.ExampleWeightColumnName.Should().BeNull();
        var weighted = ml.BinaryClassification.Trainers.FastTree(exampleWeightColumnName: "Weight").WithResampling(new RandomUnderSampler());
        weighted.ExampleWeightColumnName.Should().Be("Weight");
        weighted.LabelColumnName.Should().Be("Label");
    }

    [Fact]
    public void GetOutputSchema_delegates_to_the_trainer_without_reading_data()
    {
        var ml = new MLContext(seed: 1);
        var sampler = new RecordingSampler(new Smote());
        var pipeline = ml.Transforms.Concatenate("Features", "Features")
            .Append(LightGbm(ml).WithResampling(sampler));
        var schema = TestData.Shape(ml.Data.LoadFromEnumerable(TestData.Binary(20)).Schema);

        var output = pipeline.GetOutputSchema(schema);

        output.Select(c => c.Name).Should().Contain(["Score", "Probability", "PredictedLabel"]);
        sampler.Calls.Should().BeEmpty();
    }

    [Fact]
    public void A_multiclass_model_on_resampled_key_labels_learns_the_right_classes()
    {
        // Key labels are stored raw (1-based); a rebuild that shifted them would rotate every class.
        var ml = new MLContext(seed: 1);
        var rows = TestData.ThreeClasses();
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Class")
            .Append(ml.Transforms.Concatenate("Features", "A", "B"))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy().WithResampling(new Smote { RandomState = 0 }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedClass", "PredictedLabel"));

        var scored = pipeline.Fit(data).Transform(data);

        var predicted = TestData.Column<ReadOnlyMemory<char>>(scored, "PredictedClass").Select(v => v.ToString()).ToArray();
        var accuracy = predicted.Zip(rows, (p, r) => p == r.Class).Count(ok => ok) / (double)rows.Length;
        accuracy.Should().BeGreaterThan(0.95);
    }

    [Fact]
    public void Resampled_key_labels_keep_their_raw_values_type_and_key_values()
    {
        var ml = new MLContext(seed: 1);
        var rows = TestData.ThreeClasses();
        var data = ml.Transforms.Conversion.MapValueToKey("Label", "Class")
            .Append(ml.Transforms.Concatenate("Features", "A", "B"))
            .Fit(ml.Data.LoadFromEnumerable(rows)).Transform(ml.Data.LoadFromEnumerable(rows));

        var resampled = ml.Data.Resample(data, new RandomOverSampler { RandomState = 3 });

        resampled.Schema["Label"].Type.Should().Be(data.Schema["Label"].Type);
        var keyValues = default(VBuffer<ReadOnlyMemory<char>>);
        resampled.Schema["Label"].GetKeyValues(ref keyValues);
        var names = keyValues.DenseValues().Select(v => v.ToString()).ToArray();
        var keys = TestData.Column<uint>(resampled, "Label");
        var classText = TestData.Column<ReadOnlyMemory<char>>(resampled, "Class").Select(v => v.ToString()).ToArray();
        keys.Select(k => names[k - 1]).Should().Equal(classText, "each row's key must still name the class of that row");
        classText.GroupBy(c => c).Select(g => g.Count()).Should().AllBeEquivalentTo(80);
    }

    [Fact]
    public void Slot_names_survive_resampling()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Transforms.Concatenate("Features", "A", "B").Fit(ml.Data.LoadFromEnumerable(TestData.ThreeClasses()))
            .Transform(ml.Data.LoadFromEnumerable(TestData.ThreeClasses()));
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        data.Schema["Features"].GetSlotNames(ref slotNames);

        var resampled = ml.Data.Resample(data, new Smote { RandomState = 1 }, labelColumnName: "Class");

        var after = default(VBuffer<ReadOnlyMemory<char>>);
        resampled.Schema["Features"].GetSlotNames(ref after);
        after.DenseValues().Select(v => v.ToString()).Should().Equal("A", "B");
        slotNames.DenseValues().Select(v => v.ToString()).Should().Equal("A", "B");
    }

    [Fact]
    public void Selection_samplers_reproduce_float_features_exactly_and_synthetic_rows_are_rounded_from_the_core_result()
    {
        var ml = new MLContext(seed: 1);
        var rows = TestData.Binary();
        var data = ml.Data.LoadFromEnumerable(rows);
        var x = TestData.Matrix(rows.Select(r => r.Features));
        var y = rows.Select(r => r.Label).ToArray();

        var selected = ml.Data.Resample(data, new RandomOverSampler { RandomState = 5 });
        var core = new RandomOverSampler { RandomState = 5 }.FitResample(x, y);
        var selectedFeatures = TestData.Features(selected);
        selectedFeatures.Should().HaveCount(core.Count);
        for (var i = 0; i < core.Count; i++)
        {
            selectedFeatures[i].Should().Equal(rows[core.SampleIndices![i]].Features, "row {0} is a copy of an original row", i);
        }

        TestData.Column<int>(selected, "Id").Should().Equal(core.SampleIndices);

        var synthetic = TestData.Features(ml.Data.Resample(data, new Smote { RandomState = 5 }));
        var smote = new Smote { RandomState = 5 }.FitResample(x, y);
        for (var i = 0; i < smote.Count; i++)
        {
            synthetic[i].Should().Equal(Enumerable.Range(0, 3).Select(j => (float)smote.X[i, j]));
        }

        synthetic.Take(200).Should().BeEquivalentTo(rows.Select(r => r.Features), o => o.WithStrictOrdering(), "SMOTE keeps the original rows first, exactly");
    }

    [Fact]
    public void A_weight_column_follows_the_rows_a_selection_sampler_keeps()
    {
        var ml = new MLContext(seed: 1);
        var rows = TestData.Binary();
        var data = ml.Data.LoadFromEnumerable(rows);

        var resampled = ml.Data.Resample(data, new RandomUnderSampler { RandomState = 2 }, exampleWeightColumnName: "Weight");

        var ids = TestData.Column<int>(resampled, "Id");
        ids.Should().HaveCount(50);
        TestData.Column<float>(resampled, "Weight").Should().Equal(ids.Select(i => rows[i].Weight));
    }

    [Fact]
    public void A_weight_column_with_a_synthesising_sampler_is_a_clear_error()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(TestData.Binary());
        var wrapped = ml.BinaryClassification.Trainers.FastTree(exampleWeightColumnName: "Weight").WithResampling(new Smote());

        var act = () => wrapped.Fit(data);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "sampler" && e.Message.Contains("Weight") && e.Message.Contains("synthesises"));
    }

    [Fact]
    public void Missing_feature_values_are_rejected_with_advice()
    {
        var ml = new MLContext(seed: 1);
        var rows = TestData.Binary();
        rows[17].Features[1] = float.NaN;
        var data = ml.Data.LoadFromEnumerable(rows);

        var act = () => LightGbm(ml).WithResampling(new Smote()).Fit(data);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "input" && e.Message.Contains("row 17") && e.Message.Contains("ReplaceMissingValues"));
    }

    [Fact]
    public void Variable_size_feature_vectors_are_rejected()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 20).Select(i => new VariableRow { Label = i % 2 == 0, Features = [i, 1] }));

        var act = () => ml.Data.Resample(data, new RandomUnderSampler());

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "data" && e.Message.Contains("variable-size"));
    }

    [Fact]
    public void Missing_labels_and_missing_columns_are_rejected()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 20).Select(i => new FloatLabelRow { Label = i == 3 ? float.NaN : i % 2, Features = [i, 1] }));

        FluentActions.Invoking(() => ml.Data.Resample(data, new RandomUnderSampler()))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "data" && e.Message.Contains("missing value at row 3"));
        FluentActions.Invoking(() => ml.Data.Resample(data, new RandomUnderSampler(), labelColumnName: "Nope"))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "data" && e.Message.Contains("'Nope'"));
    }

    [Fact]
    public void Key_labels_loaded_from_clr_values_round_trip_through_resampling()
    {
        // ML.NET loads a CLR uint key 0-based (0 becomes raw key 1) but reads raw keys back 1-based: rebuilding the
        // resampled view from CLR values would shift every class by one. The raw values must pass through untouched.
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 30).Select(i => new KeyRow { Label = i < 20 ? 0u : i < 26 ? 1u : 2u, Features = [i, i % 2] }).ToArray();
        var data = ml.Data.LoadFromEnumerable(rows);
        TestData.Column<uint>(data, "Label").Distinct().Should().Equal([1u, 2u, 3u], "ML.NET stores CLR key 0 as raw key 1");
        var sourceBack = TestData.Rows<KeyRow>(ml, data);

        var resampled = ml.Data.Resample(data, new RandomUnderSampler { RandomState = 0 });

        TestData.Column<uint>(resampled, "Label").GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count())
            .Should().Equal(new Dictionary<uint, int> { [1] = 4, [2] = 4, [3] = 4 });
        TestData.Rows<KeyRow>(ml, resampled).Should().OnlyContain(r => sourceBack[(int)r.Features[0]].Label == r.Label);
    }

    [Fact]
    public void Null_and_empty_arguments_are_rejected_before_any_work()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(TestData.Binary(20));

        FluentActions.Invoking(() => LightGbm(ml).WithResampling(new Smote(), labelColumnName: "")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("labelColumnName");
        FluentActions.Invoking(() => LightGbm(ml).WithResampling(null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("sampler");
        FluentActions.Invoking(() => ml.Data.Resample(data, new Smote(), featureColumnName: null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("featureColumnName");
        FluentActions.Invoking(() => ml.Data.Resample(null!, new Smote())).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("data");
        FluentActions.Invoking(() => ml.Data.RandomUnderSample(data, new RandomUnderSampler(), "")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("labelColumnName");
    }

    public sealed class FloatLabelRow
    {
        public float Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }

    public sealed class VariableRow
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
