using Imbalance.Learning;
using Imbalance.ModelSelection;

namespace Imbalance.Serialization;

/// <summary><see cref="FixedThresholdClassifierModel{TLabel}"/>: the nested model, the threshold and the positive
/// label. Also the codec <see cref="TunedThresholdClassifierKind"/> reuses.</summary>
internal sealed class FixedThresholdClassifierKind : ClassifierKind
{
    public override string Name => "FixedThresholdClassifier";

    public override bool Owns<TLabel>(IClassificationModel<TLabel> model) => model is FixedThresholdClassifierModel<TLabel>;

    public override int FeatureCount<TLabel>(IClassificationModel<TLabel> model) => ModelKinds.FeatureCount(((FixedThresholdClassifierModel<TLabel>)model).Model);

    public override void Write<TLabel>(IClassificationModel<TLabel> model, ModelWriter writer)
    {
        var m = (FixedThresholdClassifierModel<TLabel>)model;
        WriteThresholded(writer, m.Model, m.Threshold, m.PositiveLabel);
    }

    public override IClassificationModel<TLabel> Read<TLabel>(ModelReader reader, TLabel[] classes)
    {
        var (model, threshold, positive) = ReadThresholded(reader, classes);
        return new FixedThresholdClassifierModel<TLabel>(model, threshold, positive);
    }

    public static void WriteThresholded<TLabel>(ModelWriter writer, IClassificationModel<TLabel> model, double threshold, TLabel positive)
        where TLabel : notnull
    {
        writer.Classifier("model", model);
        writer.Double("threshold", threshold);
        writer.Json.WritePropertyName("positiveLabel");
        LabelCodec.Write(writer.Json, positive);
    }

    public static (IClassificationModel<TLabel> Model, double Threshold, TLabel Positive) ReadThresholded<TLabel>(ModelReader reader, TLabel[] classes)
        where TLabel : notnull
    {
        if (classes.Length != 2)
        {
            throw reader.Error("classes", "a threshold classifier has exactly two classes");
        }

        var model = ModelKinds.ReadClassifier<TLabel>(reader.Object("model"));
        if (!model.Classes.SequenceEqual(classes))
        {
            throw reader.Error("model.classes", "do not match the classifier's classes");
        }

        var threshold = reader.Double("threshold");
        var positive = LabelCodec.Read<TLabel>(reader.Any("positiveLabel"), reader, "positiveLabel");
        if (!classes.Contains(positive))
        {
            throw reader.Error("positiveLabel", "is not one of the classes");
        }

        return (model, threshold, positive);
    }
}
