using Imbalance.Sampling;
using Imbalance.Tests.ModelSelection;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.Sampling;

public class OneHotTargetTests
{
    private static int[,] IntMatrix(System.Text.Json.JsonElement rows)
    {
        var n = rows.GetArrayLength();
        var k = rows[0].GetArrayLength();
        var m = new int[n, k];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < k; j++)
            {
                m[i, j] = rows[i][j].GetInt32();
            }
        }

        return m;
    }

    [Fact]
    public void One_hot_target_resamples_as_imblearn()
    {
        var c = DecisionsFixture.Get("one_hot");
        var (xRes, yRes) = new RandomUnderSampler { RandomState = 0 }.FitResampleOneHot(TestData.Matrix(c.GetProperty("x")), IntMatrix(c.GetProperty("y_onehot")));
        xRes.Should().BeEquivalentTo(TestData.Matrix(c.GetProperty("x_res")), o => o.WithStrictOrdering());
        yRes.Should().BeEquivalentTo(IntMatrix(c.GetProperty("y_res_onehot")), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Conversion_round_trips_and_rejects_multilabel_rows()
    {
        int[,] y = { { 0, 1, 0 }, { 1, 0, 0 }, { 0, 0, 1 } };
        OneHotTarget.ToLabels(y).Should().Equal(1, 0, 2);
        OneHotTarget.FromLabels([1, 0, 2], 3).Should().BeEquivalentTo(y);
        var multilabel = () => OneHotTarget.ToLabels(new[,] { { 1, 1 }, { 0, 1 } });
        multilabel.Should().Throw<ArgumentException>().WithParameterName("y").WithMessage("*Multilabel*");
        var outside = () => OneHotTarget.FromLabels([3], 3);
        outside.Should().Throw<ArgumentOutOfRangeException>();
    }
}
