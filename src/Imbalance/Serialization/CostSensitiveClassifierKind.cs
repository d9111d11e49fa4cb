using Imbalance.Learning;
using Imbalance.ModelSelection;

namespace Imbalance.Serialization;

/// <summary><see cref="CostSensitiveClassifierModel{TLabel}"/>: the nested model, the cost matrix and whether
/// prediction minimises the expected cost.</summary>
internal sealed class CostSensitiveClassifierKind : ClassifierKind
{
    public override string Name => "CostSensitiveClassifier";

    public override bool Owns<TLabel>(IClassificationModel<TLabel> model) => model is CostSensitiveClassifierModel<TLabel>;

    public override int FeatureCount<TLabel>(IClassificationModel<TLabel> model) => ModelKinds.FeatureCount(((CostSensitiveClassifierModel<TLabel>)model).Model);

    public override void Write<TLabel>(IClassificationModel<TLabel> model, ModelWriter writer)
    {
        var m = (CostSensitiveClassifierModel<TLabel>)model;
        writer.Classifier("model", m.Model);
        writer.Matrix("costMatrix", m.CostMatrix);
        writer.Bool("minimiseExpectedCost", m.MinimiseExpectedCost);
    }

    public override IClassificationModel<TLabel> Read<TLabel>(ModelReader reader, TLabel[] classes)
    {
        var model = ModelKinds.ReadClassifier<TLabel>(reader.Object("model"));
        if (!model.Classes.SequenceEqual(classes))
        {
            throw reader.Error("model.classes", "do not match the classifier's classes");
        }

        var costs = reader.Matrix("costMatrix", classes.Length, classes.Length);
        return new CostSensitiveClassifierModel<TLabel>(model, costs, reader.Bool("minimiseExpectedCost"));
    }
}
