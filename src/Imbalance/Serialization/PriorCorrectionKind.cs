using Imbalance.Calibration;
using Imbalance.Learning;

namespace Imbalance.Serialization;

/// <summary><see cref="PriorCorrectionModel{TLabel}"/>: the nested model and the class counts before and after
/// resampling (absent when the correction is the identity).</summary>
internal sealed class PriorCorrectionKind : ClassifierKind
{
    public override string Name => "PriorCorrection";

    public override bool Owns<TLabel>(IClassificationModel<TLabel> model) => model is PriorCorrectionModel<TLabel>;

    public override int FeatureCount<TLabel>(IClassificationModel<TLabel> model) => ModelKinds.FeatureCount(((PriorCorrectionModel<TLabel>)model).Model);

    public override void Write<TLabel>(IClassificationModel<TLabel> model, ModelWriter writer)
    {
        var m = (PriorCorrectionModel<TLabel>)model;
        writer.Classifier("model", m.Model);
        ClassCountsCodec.Write(writer, "originalCounts", m.OriginalCounts);
        ClassCountsCodec.Write(writer, "resampledCounts", m.ResampledCounts);
        writer.Bool("corrects", m.Corrects);
    }

    public override IClassificationModel<TLabel> Read<TLabel>(ModelReader reader, TLabel[] classes)
    {
        var model = ModelKinds.ReadClassifier<TLabel>(reader.Object("model"));
        if (!model.Classes.SequenceEqual(classes))
        {
            throw reader.Error("model.classes", "do not match the classifier's classes");
        }

        var original = ClassCountsCodec.Read<TLabel>(reader, "originalCounts");
        var resampled = ClassCountsCodec.Read<TLabel>(reader, "resampledCounts");
        if (!reader.Bool("corrects"))
        {
            // The identity correction: the model was built with at most one of the two maps.
            return original.Count == 0
                ? new PriorCorrectionModel<TLabel>(model, null, resampled.Count == 0 ? null : resampled)
                : new PriorCorrectionModel<TLabel>(model, original, null);
        }

        if (classes.Any(c => !original.TryGetValue(c, out var before) || before <= 0 || !resampled.TryGetValue(c, out var after) || after <= 0))
        {
            throw reader.Error("resampledCounts", "every class needs a positive count before and after resampling");
        }

        return new PriorCorrectionModel<TLabel>(model, original, resampled);
    }
}
