using Imbalance.Neighbors;

namespace Imbalance.Tests.Neighbors;

/// <summary>KNeighborsClassifier against scikit-learn 1.2.1 (uniform and distance weights).</summary>
public class KNeighborsClassifierTests
{
    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < KnnFixture.Classifier.GetArrayLength(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Predictions_match_scikit_learn(int caseIndex)
    {
        var c = KnnFixture.Classifier[caseIndex];
        int Int(string name) => c.GetProperty(name).GetInt32();
        var (x, q) = KnnFixture.Data(Int("seed"), Int("n"), Int("d"), Int("m"));
        var y = TestData.Ints(c.GetProperty("y"));
        var queries = new double[Int("m") + 10, Int("d")];
        Array.Copy(q, queries, q.Length);
        Array.Copy(x, 0, queries, q.Length, 10 * Int("d"));
        var weights = c.GetProperty("weights").GetString() == "distance" ? NeighborWeights.Distance : NeighborWeights.Uniform;
        var model = new KNeighborsClassifier { NNeighbors = Int("k"), Weights = weights }.Fit(x, y);

        model.Predict(queries).Should().Equal(TestData.Ints(c.GetProperty("predict")));
        var proba = model.PredictProba(queries);
        var expected = c.GetProperty("predict_proba");
        for (var i = 0; i < proba.GetLength(0); i++)
        {
            for (var j = 0; j < proba.GetLength(1); j++)
            {
                proba[i, j].Should().BeApproximately(TestData.Number(expected[i][j]), 1e-15, $"row {i} class {j}");
            }
        }
    }

    [Fact]
    public void Labels_of_any_type_and_vote_ties_go_to_the_first_class()
    {
        var x = new double[,] { { 0 }, { 1 }, { 10 }, { 11 } };
        var model = new KNeighborsClassifier { NNeighbors = 2 }.Fit(x, ["pear", "pear", "apple", "apple"]);
        model.Classes.Should().Equal("apple", "pear");
        // 5.5 is between one row of each class only with k = 2 when distances tie: neighbours 1 (d=4.5) and 10 (d=4.5).
        model.Predict(new double[,] { { 0.2 }, { 10.4 }, { 5.5 } }).Should().Equal("pear", "apple", "apple");
        model.PredictProba(new double[,] { { 5.5 } }).Should().BeEquivalentTo(new[,] { { 0.5, 0.5 } });
    }

    [Fact]
    public void Distance_weights_let_exact_matches_decide()
    {
        var x = new double[,] { { 0 }, { 1 }, { 1.1 } };
        var model = new KNeighborsClassifier { NNeighbors = 3, Weights = NeighborWeights.Distance }.Fit(x, [0, 1, 1]);
        model.PredictProba(new double[,] { { 0 } }).Should().BeEquivalentTo(new[,] { { 1.0, 0.0 } });
        model.Predict(new double[,] { { 0 } }).Should().Equal(0);
    }

    [Fact]
    public void Errors_name_the_problem()
    {
        var x = new double[,] { { 0, 1 }, { 1, 0 } };
        // scikit-learn accepts more neighbours than rows at fit and fails at predict; Imbalance fails at Fit.
        new KNeighborsClassifier { NNeighbors = 3 }.Invoking(k => k.Fit(x, [0, 1])).Should().Throw<ArgumentException>()
            .WithParameterName("x").WithMessage("NNeighbors = 3 is larger than the 2 training rows*");
        new KNeighborsClassifier { NNeighbors = 2 }.Fit(x, [0, 1]).Invoking(m => m.Predict(new double[,] { { 1, 2, 3 } }))
            .Should().Throw<ArgumentException>().WithParameterName("x");
        new KNeighborsClassifier().Invoking(k => k.Fit(x, [0])).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => new KNeighborsClassifier { NNeighbors = 0 }).Should().Throw<ArgumentOutOfRangeException>();
    }
}
