using Imbalance.Learning;

namespace Imbalance.Serialization;

/// <summary><see cref="AdaBoostClassifierModel{TLabel}"/> (also what <c>RUSBoostClassifier</c> fits): the algorithm,
/// its members (any savable classifier over class codes), their weights and errors, the sampler's rows per member
/// and the fit's warnings.</summary>
internal sealed class AdaBoostKind : ClassifierKind
{
    public override string Name => "AdaBoostClassifier";

    public override bool Owns<TLabel>(IClassificationModel<TLabel> model) => model is AdaBoostClassifierModel<TLabel>;

    public override int FeatureCount<TLabel>(IClassificationModel<TLabel> model) => ((AdaBoostClassifierModel<TLabel>)model).FeatureCount;

    public override void Write<TLabel>(IClassificationModel<TLabel> model, ModelWriter writer)
    {
        var e = ((AdaBoostClassifierModel<TLabel>)model).Ensemble;
        writer.Int("features", e.Features);
        writer.String("algorithm", e.SammeR ? "SAMME.R" : "SAMME");
        EnsembleCodec.WriteMembers(writer, "estimators", e.Estimators);
        writer.Doubles("estimatorWeights", e.Weights);
        writer.Doubles("estimatorErrors", e.Errors);
        if (e.SampleIndices is { } indices)
        {
            writer.IntArrays("samplerIndices", indices);
        }

        writer.Strings("warnings", e.Warnings);
    }

    public override IClassificationModel<TLabel> Read<TLabel>(ModelReader reader, TLabel[] classes)
    {
        if (classes.Length < 2)
        {
            throw reader.Error("classes", "AdaBoost needs at least two classes");
        }

        var features = reader.Int("features", 1, int.MaxValue);
        var sammeR = reader.String("algorithm") switch
        {
            "SAMME.R" => true,
            "SAMME" => false,
            var other => throw reader.Error("algorithm", $"unknown algorithm \"{other}\"; expected SAMME or SAMME.R"),
        };
        var members = EnsembleCodec.ReadMembers(reader, "estimators", classes.Length, _ => features);
        // One weight and error per boosting round (NEstimators of them, as scikit-learn's estimator_weights_), even
        // when boosting stopped early with fewer members.
        var weights = reader.Doubles("estimatorWeights", -1);
        if (weights.Length < members.Length)
        {
            throw reader.Error("estimatorWeights", $"expected at least one weight per member ({members.Length}), found {weights.Length}");
        }

        var errors = reader.Doubles("estimatorErrors", weights.Length);
        var indices = reader.Has("samplerIndices") ? reader.IntArrays("samplerIndices", members.Length, 0, int.MaxValue) : null;
        var warnings = reader.Strings("warnings");
        return new AdaBoostClassifierModel<TLabel>(new BoostedEnsemble(members, weights, errors, classes.Length, features, sammeR, indices, warnings), classes);
    }
}
