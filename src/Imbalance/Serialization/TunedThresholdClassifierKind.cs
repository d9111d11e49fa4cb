using Imbalance.Learning;
using Imbalance.ModelSelection;

namespace Imbalance.Serialization;

/// <summary><see cref="TunedThresholdClassifierModel{TLabel}"/>: what <see cref="FixedThresholdClassifierKind"/>
/// writes (the nested model, the best threshold, the positive label) plus the best score, the threshold grid with its
/// mean scores and the scorer's name.</summary>
internal sealed class TunedThresholdClassifierKind : ClassifierKind
{
    public override string Name => "TunedThresholdClassifier";

    public override bool Owns<TLabel>(IClassificationModel<TLabel> model) => model is TunedThresholdClassifierModel<TLabel>;

    public override int FeatureCount<TLabel>(IClassificationModel<TLabel> model) => ModelKinds.FeatureCount(((TunedThresholdClassifierModel<TLabel>)model).Model);

    public override void Write<TLabel>(IClassificationModel<TLabel> model, ModelWriter writer)
    {
        var m = (TunedThresholdClassifierModel<TLabel>)model;
        FixedThresholdClassifierKind.WriteThresholded(writer, m.Model, m.BestThreshold, m.PositiveLabel);
        writer.DoubleOrNaN("bestScore", m.BestScore);
        writer.Doubles("thresholds", [.. m.Thresholds]);
        writer.DoublesOrNaN("scores", [.. m.Scores]);
        writer.String("scorer", m.ScorerName);
    }

    public override IClassificationModel<TLabel> Read<TLabel>(ModelReader reader, TLabel[] classes)
    {
        var (model, threshold, positive) = FixedThresholdClassifierKind.ReadThresholded(reader, classes);
        var bestScore = reader.DoubleOrNaN("bestScore");
        var thresholds = reader.Doubles("thresholds", -1);
        var scores = reader.DoublesOrNaN("scores", thresholds.Length);
        return new TunedThresholdClassifierModel<TLabel>(model, threshold, positive, bestScore, thresholds, scores, reader.String("scorer"));
    }
}
