using Imbalance.Learning;

namespace Imbalance.Serialization;

/// <summary><see cref="RandomForestClassifierModel{TLabel}"/>: its trees in order and its prediction parallelism.</summary>
internal sealed class RandomForestKind : ClassifierKind
{
    public override string Name => "RandomForestClassifier";

    public override bool Owns<TLabel>(IClassificationModel<TLabel> model) => model is RandomForestClassifierModel<TLabel>;

    public override int FeatureCount<TLabel>(IClassificationModel<TLabel> model) => ((RandomForestClassifierModel<TLabel>)model).FeatureCount;

    public override void Write<TLabel>(IClassificationModel<TLabel> model, ModelWriter writer)
    {
        var m = (RandomForestClassifierModel<TLabel>)model;
        TreeCodec.WriteForest(writer, m.FeatureCount, m.MaxDegreeOfParallelism, m.Trees);
    }

    public override IClassificationModel<TLabel> Read<TLabel>(ModelReader reader, TLabel[] classes)
    {
        var (features, parallelism, trees) = TreeCodec.ReadForest(reader, classes.Length);
        return new RandomForestClassifierModel<TLabel>(trees, classes, features, parallelism);
    }
}
