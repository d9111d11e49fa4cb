using Imbalance.Sampling;
using Imbalance.UnderSampling;
using Microsoft.ML;

namespace Imbalance.MLNet.Tests;

public class StreamingUnderSamplerTests
{
    public sealed class TextRow
    {
        public string Label { get; set; } = "";

        public int Id { get; set; }
    }

    private static string[] Labels(int n) => [.. Enumerable.Range(0, n).Select(i => (i * 7919 % 13) switch { 0 => "rare", < 4 => "mid", _ => "common" })];

    public static TheoryData<int?, bool, string> Cases() => new()
    {
        { 0, false, "auto" },
        { 42, false, "auto" },
        { 42, true, "auto" },
        { 7, false, "ratio" },
        { 7, true, "counts" },
        { 3, false, "notminority" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Keeps_the_rows_the_in_memory_sampler_keeps(int? seed, bool replacement, string strategy)
    {
        var ml = new MLContext(seed: 1);
        var labels = Labels(500);
        var data = ml.Data.LoadFromEnumerable(labels.Select((l, i) => new TextRow { Label = l, Id = i }));
        var binary = strategy == "ratio";
        var y = binary ? [.. labels.Select(l => l == "rare" ? "rare" : "other")] : labels;
        if (binary)
        {
            data = ml.Data.LoadFromEnumerable(y.Select((l, i) => new TextRow { Label = l, Id = i }));
        }

        var sampler = new RandomUnderSampler
        {
            RandomState = seed,
            Replacement = replacement,
            SamplingStrategy = strategy switch
            {
                "ratio" => SamplingStrategy.Ratio(0.5),
                "counts" => SamplingStrategy.Counts(new Dictionary<string, int> { ["common"] = 60, ["mid"] = 50 }),
                "notminority" => SamplingStrategy.NotMinority,
                _ => SamplingStrategy.Auto,
            },
        };

        var streamed = ml.Data.RandomUnderSample(data, sampler);
        var inMemory = sampler.FitResample(new double[y.Length, 1], y);

        TestData.Column<int>(streamed, "Id").Should().Equal(inMemory.SampleIndices!.Order(), "the same rows, in the source order");
        streamed.GetRowCount().Should().Be(inMemory.Count);
        TestData.Column<ReadOnlyMemory<char>>(streamed, "Label").Select(v => v.ToString()).Should().Equal(inMemory.SampleIndices!.Order().Select(i => y[i]));
    }

    [Fact]
    public void Reads_only_the_label_column_until_the_result_is_read()
    {
        var ml = new MLContext(seed: 1);
        var labels = Labels(300);
        var source = new CountingView(ml.Data.LoadFromEnumerable(labels.Select((l, i) => new TextRow { Label = l, Id = i })));

        var streamed = ml.Data.RandomUnderSample(source, new RandomUnderSampler { RandomState = 1 });

        source.Cursors.Should().Equal(["Label", "Label"], "two passes over the label column: count, then select");
        _ = TestData.Column<int>(streamed, "Id");
        source.Cursors.Should().HaveCount(3);
    }

    [Fact]
    public void Bool_and_key_labels_work_and_bad_input_is_rejected()
    {
        var ml = new MLContext(seed: 1);
        var rows = TestData.Binary(100, every: 4);
        var data = ml.Data.LoadFromEnumerable(rows);
        var inMemory = new RandomUnderSampler { RandomState = 9 }.FitResample(new double[100, 1], rows.Select(r => r.Label).ToArray());
        TestData.Column<int>(ml.Data.RandomUnderSample(data, new RandomUnderSampler { RandomState = 9 }), "Id").Should().Equal(inMemory.SampleIndices!.Order());

        var keyed = ml.Transforms.Conversion.MapValueToKey("Key", "Label").Fit(data).Transform(data);
        TestData.Column<int>(ml.Data.RandomUnderSample(keyed, new RandomUnderSampler { RandomState = 9 }, "Key"), "Id").Should().Equal(inMemory.SampleIndices!.Order());

        FluentActions.Invoking(() => ml.Data.RandomUnderSample(data, new RandomUnderSampler(), "Features"))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("labelColumnName");
        var single = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 5).Select(i => new TextRow { Label = "a", Id = i }));
        FluentActions.Invoking(() => ml.Data.RandomUnderSample(single, new RandomUnderSampler()))
            .Should().Throw<ArgumentException>().Which.Message.Should().Contain("more than 1 class");
    }

    private sealed class CountingView(IDataView inner) : IDataView
    {
        public List<string> Cursors { get; } = [];

        public bool CanShuffle => false;

        public DataViewSchema Schema => inner.Schema;

        public long? GetRowCount() => inner.GetRowCount();

        public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
        {
            var columns = columnsNeeded.ToArray();
            Cursors.Add(string.Join(",", columns.Select(c => c.Name)));
            return inner.GetRowCursor(columns, rand);
        }

        public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
            [GetRowCursor(columnsNeeded, rand)];
    }
}
