using Imbalance.Learning;

namespace Imbalance.Serialization;

/// <summary><see cref="StandardScalerModel"/>: mean, scale and variance per feature.</summary>
internal sealed class StandardScalerKind : TransformerKind
{
    public override string Name => "StandardScaler";

    public override bool Owns(IFeatureTransformerModel model) => model is StandardScalerModel;

    public override (int Input, int Output) Widths(IFeatureTransformerModel model) => (((StandardScalerModel)model).Mean.Count, ((StandardScalerModel)model).Mean.Count);

    public override void Write(IFeatureTransformerModel model, ModelWriter writer)
    {
        var m = (StandardScalerModel)model;
        writer.Doubles("mean", m.Mean.ToArray());
        writer.Doubles("scale", m.Scale.ToArray());
        writer.Doubles("variance", m.Variance.ToArray());
    }

    public override IFeatureTransformerModel Read(ModelReader reader)
    {
        var mean = reader.Doubles("mean", -1);
        if (mean.Length == 0)
        {
            throw reader.Error("mean", "expected at least one feature");
        }

        var scale = reader.Doubles("scale", mean.Length, double.Epsilon);
        var variance = reader.Doubles("variance", mean.Length, 0.0);
        return new StandardScalerModel(mean, scale, variance);
    }
}
