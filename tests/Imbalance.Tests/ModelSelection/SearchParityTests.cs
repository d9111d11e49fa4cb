using System.Text.Json;
using Imbalance.Learning;
using Imbalance.ModelSelection;
using Imbalance.OverSampling;
using Imbalance.Pipelines;
using Imbalance.Randomness;

namespace Imbalance.Tests.ModelSelection;

/// <summary>GridSearchCV / RandomizedSearchCV over SMOTE + decision tree pipelines against scikit-learn 1.2.1.</summary>
public class SearchParityTests
{
    private static readonly string[] ScorerNames =
        ["f1", "balanced_accuracy", "roc_auc", "average_precision", "neg_log_loss", "neg_brier_score", "recall", "precision", "matthews_corrcoef"];

    private static JsonElement Search => DecisionsFixture.Get("search");

    public static TheoryData<int> SearchCases() => DecisionsFixture.Indices(Search.GetProperty("cases"));

    public static TheoryData<int> DrawCases() => DecisionsFixture.Indices(Search.GetProperty("sampler_draws"));

    // scikit-learn's ParameterGrid order: parameter names sorted, so (max_depth, k_neighbors), k varying fastest.
    private static IReadOnlyList<(int? MaxDepth, int K)> Grid => ParameterGrid.Product(new int?[] { 2, 3, null }, new[] { 3, 5 });

    private static Pipeline Factory((int? MaxDepth, int K) p) =>
        Pipeline.Make(new Smote { KNeighbors = p.K, RandomState = 0 }, new DecisionTreeClassifier { MaxDepth = p.MaxDepth, RandomState = 0 });

    [Theory]
    [MemberData(nameof(SearchCases))]
    public void Search_matches_scikit_learn(int index)
    {
        var c = Search.GetProperty("cases")[index];
        var x = TestData.Matrix(Search.GetProperty("x"));
        var y = TestData.Ints(Search.GetProperty("y"));
        var name = c.GetProperty("name").GetString()!;
        var scorers = ScorerNames.Select(n => Scoring.Get(n)).ToArray();
        var refit = c.GetProperty("refit").GetString();
        SearchModel<int, (int? MaxDepth, int K)> model = name.StartsWith("grid", StringComparison.Ordinal)
            ? new GridSearchCV<(int? MaxDepth, int K)> { Candidates = Grid, Factory = Factory, Scoring = scorers, Refit = refit, MaxDegreeOfParallelism = 2 }.Fit(x, y)
            : new RandomizedSearchCV<(int? MaxDepth, int K)>
            {
                Candidates = Grid, Factory = Factory, Scoring = scorers, Refit = refit,
                NIter = name == "random" ? 4 : 5, RandomState = name == "random" ? 0 : 7,
            }.Fit(x, y);

        var expectedParams = c.GetProperty("params").EnumerateArray()
            .Select(p => (p[0].ValueKind == JsonValueKind.Null ? (int?)null : p[0].GetInt32(), p[1].GetInt32())).ToArray();
        model.Results.Candidates.Should().Equal(expectedParams);
        model.BestIndex.Should().Be(c.GetProperty("best_index").GetInt32());
        foreach (var scorer in ScorerNames)
        {
            var e = c.GetProperty("scorers").GetProperty(scorer);
            model.Results.MeanTestScore(scorer).Should().Equal(DecisionsFixture.Vector(e.GetProperty("mean")), (a, b) => Math.Abs(a - b) <= 1e-12, scorer);
            model.Results.StdTestScore(scorer).Should().Equal(DecisionsFixture.Vector(e.GetProperty("std")), (a, b) => Math.Abs(a - b) <= 1e-12, scorer);
            model.Results.RankTestScore(scorer).Should().Equal(TestData.Ints(e.GetProperty("rank")), scorer);
            for (var k = 0; k < expectedParams.Length; k++)
            {
                model.Results.SplitTestScores(scorer, k).Should().Equal(DecisionsFixture.Vector(e.GetProperty("split")[k]), (a, b) => Math.Abs(a - b) <= 1e-12, scorer);
            }
        }

        var first20 = Imbalance.Sampling.MatrixRows.Take(x, Enumerable.Range(0, 20).ToArray());
        DecisionsFixture.MaxAbsDifference(model.PredictProba(first20), TestData.Matrix(c.GetProperty("best_predict_proba"))).Should().BeLessThan(1e-12);
    }

    [Theory]
    [MemberData(nameof(DrawCases))]
    public void Randomized_draws_follow_parameter_sampler(int index)
    {
        var c = Search.GetProperty("sampler_draws")[index];
        var search = new RandomizedSearchCV<int>
        {
            Candidates = Enumerable.Range(0, c.GetProperty("size").GetInt32()).ToArray(),
            Factory = _ => new LogisticRegression(),
            NIter = c.GetProperty("n_iter").GetInt32(),
            RandomState = c.GetProperty("seed").GetInt32(),
        };
        search.SampledCandidates().Should().Equal(TestData.Ints(c.GetProperty("indices")));
        new RandomState(0).Should().NotBeNull();
    }
}
