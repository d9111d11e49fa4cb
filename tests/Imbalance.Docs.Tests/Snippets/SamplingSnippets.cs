using Imbalance.Combine;
using Imbalance.Datasets;
using Imbalance.OverSampling;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Docs.Tests.Snippets;

public class SamplingSnippets
{
    private static readonly (double[,] X, int[] Y) Data = DataGenerators.MakeClassification(
        nSamples: 1_000, nFeatures: 5, nClasses: 3, nInformative: 3, weights: [0.8, 0.15, 0.05], randomState: 1);

    [Fact]
    public void Strategies()
    {
        var (x, y) = Data;
        #region strategies
        // Over-sampling: the number of rows each class should end with.
        var equal = new Smote { RandomState = 0 };                                               // 'auto': all but the majority up to its size
        var half = new Smote { SamplingStrategy = SamplingStrategy.Counts(new Dictionary<int, int> { [1] = 400, [2] = 400 }) };
        var onlyRarest = new RandomOverSampler { SamplingStrategy = SamplingStrategy.Minority };
        // Under-sampling: the number of rows each class keeps.
        var cut = new RandomUnderSampler { SamplingStrategy = SamplingStrategy.Counts(new Dictionary<int, int> { [0] = 300 }) };
        // Cleaning: which classes may lose rows.
        var clean = new TomekLinks { SamplingStrategy = SamplingStrategy.Classes([0]) };

        var result = half.FitResample(x, y);
        Console.WriteLine(string.Join(", ", result.ClassCounts()));              // [0, 798], [1, 400], [2, 400]
        Console.WriteLine(string.Join(", ", result.ResolvedStrategy));           // rows added: [1, 249], [2, 349]
        #endregion

        equal.FitResample(x, y).ClassCounts().Values.Should().OnlyContain(c => c == y.Count(v => v == 0));
        result.ClassCounts().Should().Equal(new Dictionary<int, int> { [0] = 798, [1] = 400, [2] = 400 });
        result.ResolvedStrategy.Should().Equal(new Dictionary<int, int> { [1] = 249, [2] = 349 });
        onlyRarest.FitResample(x, y).ClassCounts().Should().Equal(new Dictionary<int, int> { [0] = 798, [1] = 151, [2] = 798 });
        cut.FitResample(x, y).ClassCounts()[0].Should().Be(300);
        clean.FitResample(x, y).ClassCounts()[1].Should().Be(151, "only class 0 may lose rows");
    }

    [Fact]
    public void Smote_nc()
    {
        #region smote-nc
        // Column 0 is numeric; column 1 holds category codes (0, 1, 2). SMOTE-NC interpolates column 0 and gives
        // column 1 the most frequent category among the neighbours, so a synthetic row never gets code 1.5.
        double[,] x = { { 1.0, 0 }, { 1.2, 1 }, { 0.9, 0 }, { 5.0, 2 }, { 5.5, 2 }, { 4.8, 1 }, { 5.2, 2 }, { 6.0, 2 } };
        string[] y = ["rare", "rare", "rare", "common", "common", "common", "common", "common"];
        var smoteNc = new SmoteNc { CategoricalFeatures = CategoricalFeatures.Indices(1), KNeighbors = 2, RandomState = 0 };
        var (xRes, yRes) = smoteNc.FitResample(x, y);
        #endregion

        yRes.Count(v => v == "rare").Should().Be(5);
        for (var i = 8; i < xRes.GetLength(0); i++)
        {
            xRes[i, 1].Should().BeOneOf(0.0, 1.0, 2.0);
            xRes[i, 0].Should().BeInRange(0.9, 1.2);
        }
    }

    [Fact]
    public void Provenance()
    {
        var (x, y) = Data;
        #region provenance
        var result = new BorderlineSmote { Kind = BorderlineSmoteKind.Borderline1, RandomState = 0 }.FitResample(x, y);
        var origin = result.Provenance!;              // for each synthetic row: base row, neighbour row, step
        var (b, nb, step) = (origin.BaseIndices[0], origin.NeighborIndices[0], origin.Steps[0]);
        Console.WriteLine($"row {origin.FirstRow} = x[{b}] + {step:F3} * (x[{nb}] - x[{b}])");
        #endregion

        origin.Count.Should().Be(result.Count - x.GetLength(0));
        origin.FirstRow.Should().Be(x.GetLength(0));
        for (var j = 0; j < x.GetLength(1); j++)
        {
            result.X[origin.FirstRow, j].Should().BeApproximately(x[b, j] + (step * (x[nb, j] - x[b, j])), 1e-12);
        }
    }

    [Fact]
    public void Cleaning_and_selection()
    {
        var (x, y) = Data;
        #region cleaning
        var enn = new EditedNearestNeighbours { NNeighbors = 3 }.FitResample(x, y);
        var removed = Enumerable.Range(0, y.Length).Except(enn.SampleIndices!).ToArray();   // imblearn's sample_indices_
        Console.WriteLine($"ENN removed {removed.Length} rows, all from classes it was allowed to clean");
        #endregion

        removed.Should().NotBeEmpty();
        enn.ClassCounts()[2].Should().Be(y.Count(v => v == 2), "the 'auto' cleaning strategy leaves the minority alone");
    }

    [Fact]
    public void Combined()
    {
        var (x, y) = Data;
        #region combined
        var smoteEnn = new SmoteEnn { Smote = new Smote { KNeighbors = 3 }, RandomState = 0 };
        var (xRes, yRes) = smoteEnn.FitResample(x, y);        // SMOTE first, then ENN cleans the over-sampled set
        #endregion

        xRes.GetLength(0).Should().Be(yRes.Length).And.BeLessThan(2_400);
    }
}
