using Imbalance.Anomaly;
using Imbalance.Learning;

namespace Imbalance.Serialization;

/// <summary><see cref="OutlierDetectorClassifierModel{TLabel}"/>: the anomaly class, the nested detector (any
/// detector kind), the threshold, the probability spread and the validation score.</summary>
internal sealed class OutlierDetectorClassifierKind : ClassifierKind
{
    public override string Name => "OutlierDetectorClassifier";

    public override bool Owns<TLabel>(IClassificationModel<TLabel> model) => model is OutlierDetectorClassifierModel<TLabel>;

    public override int FeatureCount<TLabel>(IClassificationModel<TLabel> model) => ((OutlierDetectorClassifierModel<TLabel>)model).Detector.FeatureCount;

    public override void Write<TLabel>(IClassificationModel<TLabel> model, ModelWriter writer)
    {
        var m = (OutlierDetectorClassifierModel<TLabel>)model;
        writer.Int("anomaly", m.AnomalyIndex);
        writer.Json.WritePropertyName("detector");
        writer.Detector(m.Detector);
        writer.Double("threshold", m.Threshold);
        writer.Double("scale", m.Scale);
        writer.DoubleOrNaN("validationScore", m.ValidationScore);
    }

    public override IClassificationModel<TLabel> Read<TLabel>(ModelReader reader, TLabel[] classes)
    {
        if (classes.Length != 2)
        {
            throw reader.Error("classes", "an outlier-detector classifier has exactly two classes");
        }

        var anomaly = reader.Int("anomaly", 0, 1);
        var detector = ModelKinds.ReadDetector(reader.Object("detector"));
        var threshold = reader.Double("threshold");
        var scale = reader.Double("scale", double.Epsilon);
        var validationScore = reader.DoubleOrNaN("validationScore");
        return new OutlierDetectorClassifierModel<TLabel>(classes, anomaly, detector, threshold, scale, validationScore);
    }
}
