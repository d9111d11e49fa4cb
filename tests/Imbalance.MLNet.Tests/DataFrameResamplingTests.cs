using Imbalance.OverSampling;
using Imbalance.UnderSampling;
using Microsoft.Data.Analysis;

namespace Imbalance.MLNet.Tests;

public class DataFrameResamplingTests
{
    private static DataFrame Frame(int n = 60)
    {
        var rng = new Random(11);
        var label = Enumerable.Range(0, n).Select(i => i % 5 == 0 ? "fraud" : "ok").ToArray();
        return new DataFrame(
            new StringDataFrameColumn("Kind", label),
            new DoubleDataFrameColumn("Amount", Enumerable.Range(0, n).Select(i => Math.Round(TestData.Gaussian(rng) * 100, 3) + (label[i] == "fraud" ? 150 : 0))),
            new SingleDataFrameColumn("Ratio", Enumerable.Range(0, n).Select(_ => (float)rng.NextDouble())),
            new Int32DataFrameColumn("Count", Enumerable.Range(0, n).Select(i => (i * 37) % 11)),
            new Int64DataFrameColumn("Id", Enumerable.Range(0, n).Select(i => (long)i)));
    }

    private static double[,] X(DataFrame frame, params string[] columns)
    {
        var x = new double[frame.Rows.Count, columns.Length];
        for (var i = 0; i < frame.Rows.Count; i++)
        {
            for (var j = 0; j < columns.Length; j++)
            {
                x[i, j] = Convert.ToDouble(frame[columns[j]][i], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return x;
    }

    [Fact]
    public void A_selection_sampler_keeps_every_column_and_type_and_selects_the_core_rows()
    {
        var frame = Frame();
        var labels = Enumerable.Range(0, 60).Select(i => (string)frame["Kind"][i]).ToArray();

        var resampled = new RandomUnderSampler { RandomState = 4 }.FitResample(frame, "Kind", ["Amount", "Ratio", "Count"]);

        var core = new RandomUnderSampler { RandomState = 4 }.FitResample(X(frame, "Amount", "Ratio", "Count"), labels);
        resampled.Columns.Select(c => (c.Name, c.DataType)).Should().Equal(frame.Columns.Select(c => (c.Name, c.DataType)));
        Enumerable.Range(0, (int)resampled.Rows.Count).Select(i => (long)resampled["Id"][i]!).Should().Equal(core.SampleIndices!.Select(i => (long)i));
        for (var i = 0; i < core.Count; i++)
        {
            var source = core.SampleIndices![i];
            foreach (var column in new[] { "Kind", "Amount", "Ratio", "Count" })
            {
                resampled[column][i].Should().Be(frame[column][source]);
            }
        }
    }

    [Fact]
    public void A_synthesising_sampler_casts_values_back_to_each_column_type_like_imblearn()
    {
        var frame = Frame();
        frame.Columns.Remove("Id");
        var labels = Enumerable.Range(0, 60).Select(i => (string)frame["Kind"][i]).ToArray();

        var resampled = new Smote { RandomState = 2 }.FitResample(frame, "Kind");

        var core = new Smote { RandomState = 2 }.FitResample(X(frame, "Amount", "Ratio", "Count"), labels);
        resampled.Rows.Count.Should().Be(core.Count);
        for (var i = 0; i < core.Count; i++)
        {
            resampled["Kind"][i].Should().Be(core.Y[i]);
            resampled["Amount"][i].Should().Be(core.X[i, 0]);
            resampled["Ratio"][i].Should().Be((float)core.X[i, 1]);
            resampled["Count"][i].Should().Be((int)core.X[i, 2], "NumPy's astype(int) truncates");
        }
    }

    [Fact]
    public void Bad_frames_are_rejected_clearly()
    {
        var frame = Frame();
        FluentActions.Invoking(() => new Smote().FitResample(frame, "Kind", ["Amount", "Ratio"]))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "data" && e.Message.Contains("'Count'") && e.Message.Contains("'Id'"));
        FluentActions.Invoking(() => new Smote().FitResample(frame, "Nope"))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("labelColumnName");
        FluentActions.Invoking(() => new Smote().FitResample(frame, "Amount", ["Kind"]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("featureColumnNames");
        frame["Amount"][3] = null;
        FluentActions.Invoking(() => new RandomUnderSampler().FitResample(frame, "Kind"))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "data" && e.Message.Contains("row 3"));
    }
}
