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
        writer.Int("features", m.FeatureCount);
        writer.OptionalInt("maxDegreeOfParallelism", m.MaxDegreeOfParallelism);
        writer.Json.WriteStartArray("trees");
        foreach (var tree in m.Trees)
        {
            TreeCodec.Write(writer, tree);
        }

        writer.Json.WriteEndArray();
    }

    public override IClassificationModel<TLabel> Read<TLabel>(ModelReader reader, TLabel[] classes)
    {
        var features = reader.Int("features", 1, int.MaxValue);
        var parallelism = reader.OptionalInt("maxDegreeOfParallelism", 1, int.MaxValue);
        var trees = reader.Objects("trees").Select(t => TreeCodec.Read(t, classes.Length, features)).ToArray();
        if (trees.Length == 0)
        {
            throw reader.Error("trees", "a forest needs at least one tree");
        }

        return new RandomForestClassifierModel<TLabel>(trees, classes, features, parallelism);
    }
}
