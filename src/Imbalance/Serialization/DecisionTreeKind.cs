using Imbalance.Learning;

namespace Imbalance.Serialization;

/// <summary><see cref="DecisionTreeClassifierModel{TLabel}"/>: its nodes.</summary>
internal sealed class DecisionTreeKind : ClassifierKind
{
    public override string Name => "DecisionTreeClassifier";

    public override bool Owns<TLabel>(IClassificationModel<TLabel> model) => model is DecisionTreeClassifierModel<TLabel>;

    public override int FeatureCount<TLabel>(IClassificationModel<TLabel> model) => ((DecisionTreeClassifierModel<TLabel>)model).FeatureCount;

    public override void Write<TLabel>(IClassificationModel<TLabel> model, ModelWriter writer)
    {
        var m = (DecisionTreeClassifierModel<TLabel>)model;
        writer.Int("features", m.FeatureCount);
        writer.Json.WritePropertyName("tree");
        TreeCodec.Write(writer, m.Tree);
    }

    public override IClassificationModel<TLabel> Read<TLabel>(ModelReader reader, TLabel[] classes)
    {
        var features = reader.Int("features", 1, int.MaxValue);
        return new DecisionTreeClassifierModel<TLabel>(TreeCodec.Read(reader.Object("tree"), classes.Length, features), classes, features);
    }
}
