using Imbalance.Ensemble;
using Imbalance.Learning;

namespace Imbalance.Tests.Ensemble;

/// <summary>Parity with imblearn 0.10.0 / scikit-learn 1.2.1 on tests/fixtures/imblearn_ensemble.json.</summary>
public class EnsembleParityTests
{
    public static TheoryData<string> ForestCases => EnsembleFixture.Names("balanced_random_forest");

    public static TheoryData<string> BaggingCases => EnsembleFixture.Names("balanced_bagging");

    public static TheoryData<string> EasyCases => EnsembleFixture.Names("easy_ensemble");

    public static TheoryData<string> RusBoostCases => EnsembleFixture.Names("rusboost");

    public static TheoryData<string> AdaBoostCases => EnsembleFixture.Names("adaboost");

    public static TheoryData<string> ImportanceCases => EnsembleFixture.Names("importances");

    internal static BalancedRandomForestClassifier Forest(EnsembleCase c, int? threads = null) => new()
    {
        NEstimators = c.Int("n_estimators", 100),
        RandomState = c.Int("random_state", 0),
        MaxDepth = c.Has("max_depth") ? c.Int("max_depth", 0) : null,
        MaxFeatures = c.Params.TryGetProperty("max_features", out _) && !c.Has("max_features") ? null : MaxFeatures.Sqrt,
        Criterion = c.String("criterion") == "entropy" ? SplitCriterion.Entropy : SplitCriterion.Gini,
        SamplingStrategy = c.Strategy,
        Replacement = c.Bool("replacement", false),
        Bootstrap = c.Bool("bootstrap", true),
        ClassWeight = c.String("class_weight") == "balanced_subsample" ? ClassWeight.BalancedSubsample : null,
        OobScore = c.Bool("oob_score", false),
        MaxDegreeOfParallelism = threads,
    };

    internal static BalancedBaggingClassifier Bagging(EnsembleCase c, int? threads = null) => new()
    {
        NEstimators = c.Int("n_estimators", 10),
        RandomState = c.Int("random_state", 0),
        MaxSamples = c.Double("max_samples", 1.0),
        MaxFeatures = c.Double("max_features", 1.0),
        Bootstrap = c.Bool("bootstrap", true),
        BootstrapFeatures = c.Bool("bootstrap_features", false),
        Replacement = c.Bool("replacement", false),
        SamplingStrategy = c.Strategy,
        OobScore = c.Bool("oob_score", false),
        MaxDegreeOfParallelism = threads,
    };

    internal static EasyEnsembleClassifier Easy(EnsembleCase c, int? threads = null)
    {
        AdaBoostClassifier? learner = null;
        if (c.Has("estimator"))
        {
            var e = c.Params.GetProperty("estimator");
            learner = new AdaBoostClassifier
            {
                Algorithm = e.GetProperty("algorithm").GetString() == "SAMME" ? AdaBoostAlgorithm.Samme : AdaBoostAlgorithm.SammeR,
                NEstimators = e.GetProperty("n_estimators").GetInt32(),
            };
        }

        return new EasyEnsembleClassifier
        {
            NEstimators = c.Int("n_estimators", 10),
            RandomState = c.Int("random_state", 0),
            Replacement = c.Bool("replacement", false),
            SamplingStrategy = c.Strategy,
            Estimator = learner,
            MaxDegreeOfParallelism = threads,
        };
    }

    internal static IClassifier Boost(EnsembleCase c, bool rus)
    {
        IClassifier? learner = c.Has("estimator_max_depth") ? new DecisionTreeClassifier { MaxDepth = c.Int("estimator_max_depth", 1) } : null;
        return rus
            ? new RusBoostClassifier
            {
                Estimator = learner,
                NEstimators = c.Int("n_estimators", 50),
                LearningRate = c.Double("learning_rate", 1.0),
                Algorithm = c.Algorithm,
                RandomState = c.Int("random_state", 0),
                SamplingStrategy = c.Strategy,
                Replacement = c.Bool("replacement", false),
            }
            : new AdaBoostClassifier
            {
                Estimator = learner,
                NEstimators = c.Int("n_estimators", 50),
                LearningRate = c.Double("learning_rate", 1.0),
                Algorithm = c.Algorithm,
                RandomState = c.Int("random_state", 0),
            };
    }

    [Theory]
    [MemberData(nameof(ForestCases))]
    public void Balanced_random_forest_is_bit_exact(string name)
    {
        var c = EnsembleFixture.Case("balanced_random_forest", name);
        var (model, proba, predict) = EnsembleFixture.Run(c, Forest(c));
        EnsembleFixture.Exact(proba, c.Matrix("proba"));
        predict.Should().Equal(c.Labels("predict"));
        dynamic forest = model;
        var indices = ((IReadOnlyList<IReadOnlyList<int>>)forest.SamplerIndices).Select(s => s.ToArray()).ToArray();
        indices.Should().BeEquivalentTo(c.IntLists("sampler_indices"), o => o.WithStrictOrdering());
        ((IReadOnlyList<int>)forest.TreeNodeCounts).Should().Equal(c.IntLabels("node_counts"));
        EnsembleFixture.Close((IReadOnlyList<double>)forest.FeatureImportances, c.Vector("feature_importances"), 1e-12);
        SameOob(c, (double?)forest.OobScore, (double[,]?)forest.OobDecisionFunction);
    }

    [Theory]
    [MemberData(nameof(BaggingCases))]
    public void Balanced_bagging_is_bit_exact(string name)
    {
        var c = EnsembleFixture.Case("balanced_bagging", name);
        var (model, proba, predict) = EnsembleFixture.Run(c, Bagging(c));
        EnsembleFixture.Exact(proba, c.Matrix("proba"));
        predict.Should().Equal(c.Labels("predict"));
        dynamic bagging = model;
        Lists((object)bagging.EstimatorsSamples).Should().BeEquivalentTo(c.IntLists("estimators_samples"), o => o.WithStrictOrdering());
        Lists((object)bagging.EstimatorsFeatures).Should().BeEquivalentTo(c.IntLists("estimators_features"), o => o.WithStrictOrdering());
        Lists((object)bagging.SamplerIndices).Should().BeEquivalentTo(c.IntLists("sampler_indices"), o => o.WithStrictOrdering());
        var members = (IReadOnlyList<IClassificationModel<int>>)bagging.Estimators;
        members.Select(m => ((DecisionTreeClassifierModel<int>)m).NodeCount).Should().Equal(c.IntLabels("node_counts"));
        SameOob(c, (double?)bagging.OobScore, (double[,]?)bagging.OobDecisionFunction);
    }

    private static void SameOob(EnsembleCase c, double? score, double[,]? decision)
    {
        if (!c.Bool("oob_score", false))
        {
            score.Should().BeNull();
            decision.Should().BeNull();
            return;
        }

        score.Should().Be(TestData.Number(c["oob_score"]));
        EnsembleFixture.Exact(decision!, c.Matrix("oob_decision_function"));
    }

    [Theory]
    [MemberData(nameof(EasyCases))]
    public void Easy_ensemble_has_imblearns_members(string name)
    {
        var c = EnsembleFixture.Case("easy_ensemble", name);
        var (model, proba, predict) = EnsembleFixture.Run(c, Easy(c));
        dynamic easy = model;
        Lists((object)easy.SamplerIndices).Should().BeEquivalentTo(c.IntLists("sampler_indices"), o => o.WithStrictOrdering());
        var members = ((IReadOnlyList<IClassificationModel<int>>)easy.Estimators).Cast<AdaBoostClassifierModel<int>>().ToArray();
        var expected = c["members"].EnumerateArray().ToArray();
        members.Length.Should().Be(expected.Length);
        for (var m = 0; m < members.Length; m++)
        {
            SameBoosting(members[m], expected[m]);
        }

        EnsembleFixture.Close(proba, c.Matrix("proba"), 1e-12);
        predict.Should().Equal(c.Labels("predict"));
        EnsembleFixture.Close((double[,])easy.DecisionFunction(c.XTest), c.Matrix("decision"), 1e-12);
    }

    [Theory]
    [MemberData(nameof(RusBoostCases))]
    public void RusBoost_has_imblearns_rounds(string name) => Boosting("rusboost", name, rus: true);

    [Theory]
    [MemberData(nameof(AdaBoostCases))]
    public void AdaBoost_has_scikit_learns_rounds(string name) => Boosting("adaboost", name, rus: false);

    [Theory]
    [MemberData(nameof(ImportanceCases))]
    public void Tree_and_forest_feature_importances_match_scikit_learn(string name)
    {
        var c = EnsembleFixture.Case("importances", name);
        var y = c.IntLabels("y");
        var seed = c.Int("random_state", 0);
        var tree = new DecisionTreeClassifier { RandomState = seed, MaxDepth = c.Int("tree_max_depth", 4) }.Fit(c.X, y);
        EnsembleFixture.Close(tree.FeatureImportances, c.Vector("tree"), 1e-15);
        var forest = new RandomForestClassifier { RandomState = seed, NEstimators = c.Int("forest_n_estimators", 10) }.Fit(c.X, y);
        EnsembleFixture.Close(forest.FeatureImportances, c.Vector("forest"), 1e-15);
    }

    private static void Boosting(string section, string name, bool rus)
    {
        var c = EnsembleFixture.Case(section, name);
        var (model, proba, predict) = EnsembleFixture.Run(c, Boost(c, rus));
        dynamic boosted = model;
        SameBoosting(boosted, RootStructure(c));
        if (rus)
        {
            Lists((object)boosted.SamplerIndices).Should().BeEquivalentTo(c.IntLists("sampler_indices"), o => o.WithStrictOrdering());
        }

        EnsembleFixture.Close(proba, c.Matrix("proba"), 1e-12);
        predict.Should().Equal(c.Labels("predict"));
        EnsembleFixture.Close((double[,])boosted.DecisionFunction(c.XTest), c.Matrix("decision"), 1e-12);
        EnsembleFixture.Close((IReadOnlyList<double>)boosted.FeatureImportances, c.Vector("feature_importances"), 1e-12);
    }

    private static System.Text.Json.JsonElement RootStructure(EnsembleCase c)
    {
        var o = new Dictionary<string, System.Text.Json.JsonElement>
        {
            ["weights"] = c["weights"],
            ["errors"] = c["errors"],
            ["count"] = c["count"],
            ["stumps"] = c["stumps"],
        };
        return System.Text.Json.JsonSerializer.SerializeToElement(o);
    }

    private static void SameBoosting<TLabel>(AdaBoostClassifierModel<TLabel> model, System.Text.Json.JsonElement expected)
        where TLabel : notnull
    {
        model.Estimators.Count.Should().Be(expected.GetProperty("count").GetInt32(), "same number of learners");
        EnsembleFixture.Close(model.EstimatorWeights, EnsembleCase.Vector(expected.GetProperty("weights")), 1e-12);
        EnsembleFixture.Close(model.EstimatorErrors, EnsembleCase.Vector(expected.GetProperty("errors")), 1e-12);
        var stumps = expected.GetProperty("stumps").EnumerateArray().ToArray();
        for (var e = 0; e < stumps.Length; e++)
        {
            var tree = ((DecisionTreeClassifierModel<int>)model.Estimators[e]).Tree;
            tree.NodeCount.Should().Be(stumps[e].GetProperty("node_count").GetInt32(), $"learner {e} node count");
            tree.FeatureOf(0).Should().Be(stumps[e].GetProperty("feature").GetInt32(), $"learner {e} root feature");
            tree.ThresholdOf(0).Should().Be(TestData.Number(stumps[e].GetProperty("threshold")), $"learner {e} root threshold");
        }
    }

    private static int[][] Lists(object lists) =>
        ((IEnumerable<IReadOnlyList<int>?>)lists).Select(l => l!.ToArray()).ToArray();
}
