using Imbalance.Ensemble;
using Imbalance.Learning;

namespace Imbalance.Serialization;

/// <summary><see cref="BalancedRandomForestClassifierModel{TLabel}"/>: its trees (through <see cref="TreeCodec"/>),
/// the sampler's kept rows per tree, its prediction parallelism and its out-of-bag results.</summary>
internal sealed class BalancedRandomForestKind : ClassifierKind
{
    public override string Name => "BalancedRandomForestClassifier";

    public override bool Owns<TLabel>(IClassificationModel<TLabel> model) => model is BalancedRandomForestClassifierModel<TLabel>;

    public override int FeatureCount<TLabel>(IClassificationModel<TLabel> model) => ((BalancedRandomForestClassifierModel<TLabel>)model).FeatureCount;

    public override void Write<TLabel>(IClassificationModel<TLabel> model, ModelWriter writer)
    {
        var m = (BalancedRandomForestClassifierModel<TLabel>)model;
        TreeCodec.WriteForest(writer, m.FeatureCount, m.MaxDegreeOfParallelism, m.Trees);
        writer.IntArrays("samplerIndices", m.SamplerIndices);
        EnsembleCodec.WriteOob(writer, m.OobScore, m.Oob, m.Warnings);
    }

    public override IClassificationModel<TLabel> Read<TLabel>(ModelReader reader, TLabel[] classes)
    {
        var (features, parallelism, trees) = TreeCodec.ReadForest(reader, classes.Length);

        var samplerIndices = reader.IntArrays("samplerIndices", trees.Length, 0, int.MaxValue);
        var (score, oob, warnings) = EnsembleCodec.ReadOob(reader, classes.Length);
        return BalancedRandomForestClassifierModel<TLabel>.Restore(trees, samplerIndices, classes, features, parallelism, score, oob, warnings);
    }
}
