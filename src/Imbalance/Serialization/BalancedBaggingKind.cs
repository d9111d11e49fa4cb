using Imbalance.Ensemble;
using Imbalance.Learning;

namespace Imbalance.Serialization;

/// <summary><see cref="BalancedBaggingClassifierModel{TLabel}"/> (also what <c>EasyEnsembleClassifier</c> fits): its
/// members (any savable classifier over class codes, e.g. trees or AdaBoost), their columns, bootstrap rows and
/// sampler rows, and its out-of-bag results.</summary>
internal sealed class BalancedBaggingKind : ClassifierKind
{
    public override string Name => "BalancedBaggingClassifier";

    public override bool Owns<TLabel>(IClassificationModel<TLabel> model) => model is BalancedBaggingClassifierModel<TLabel>;

    public override int FeatureCount<TLabel>(IClassificationModel<TLabel> model) => ((BalancedBaggingClassifierModel<TLabel>)model).FeatureCount;

    public override void Write<TLabel>(IClassificationModel<TLabel> model, ModelWriter writer)
    {
        var m = (BalancedBaggingClassifierModel<TLabel>)model;
        writer.Int("features", m.FeatureCount);
        writer.Bool("featureIndexing", m.FeatureIndexing);
        writer.OptionalInt("maxDegreeOfParallelism", m.MaxDegreeOfParallelism);
        EnsembleCodec.WriteMembers(writer, "estimators", m.Members);
        writer.IntArrays("estimatorsFeatures", m.MemberFeatures);
        writer.IntArrays("estimatorsSamples", m.MemberSamples);
        writer.IntArrays("samplerIndices", m.MemberSamplerIndices);
        EnsembleCodec.WriteOob(writer, m.OobScore, m.Oob, m.Warnings);
    }

    public override IClassificationModel<TLabel> Read<TLabel>(ModelReader reader, TLabel[] classes)
    {
        var features = reader.Int("features", 1, int.MaxValue);
        var featureIndexing = reader.Bool("featureIndexing");
        var parallelism = reader.OptionalInt("maxDegreeOfParallelism", 1, int.MaxValue);
        var count = reader.Array("estimators").Count;
        var columns = reader.IntArrays("estimatorsFeatures", count, 0, features - 1);
        if (columns.Any(c => c.Length == 0))
        {
            throw reader.Error("estimatorsFeatures", "every member needs at least one column");
        }

        var members = EnsembleCodec.ReadMembers(reader, "estimators", classes.Length, e => featureIndexing ? columns[e].Length : features);
        var samples = reader.IntArrays("estimatorsSamples", count, 0, int.MaxValue);
        var samplerIndices = reader.IntArrays("samplerIndices", count, 0, int.MaxValue, allowNull: true);
        var (score, oob, warnings) = EnsembleCodec.ReadOob(reader, classes.Length);
        return BalancedBaggingClassifierModel<TLabel>.Restore(
            members, columns, samples, samplerIndices, classes, features, featureIndexing, parallelism, score, oob, warnings);
    }
}
