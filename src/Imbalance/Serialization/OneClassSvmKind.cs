using System.Globalization;
using Imbalance.Anomaly;

namespace Imbalance.Serialization;

/// <summary><see cref="OneClassSvmModel"/>: gamma, rho, the support indices, their dual coefficients and the support
/// vectors themselves.</summary>
internal sealed class OneClassSvmKind : OutlierKind
{
    public override string Name => "OneClassSvm";

    public override bool Owns(IOutlierModel model) => model is OneClassSvmModel;

    public override void Write(IOutlierModel model, ModelWriter writer)
    {
        var m = (OneClassSvmModel)model;
        writer.Int("features", m.FeatureCount);
        writer.Double("gamma", m.Gamma);
        writer.Double("rho", m.Offset);
        writer.Ints("support", [.. m.Support]);
        writer.Doubles("dualCoef", [.. m.DualCoefficients]);
        writer.Doubles("vectors", m.Vectors);
    }

    public override IOutlierModel Read(ModelReader reader)
    {
        var features = reader.Int("features", 1, int.MaxValue);
        var gamma = reader.Double("gamma", double.Epsilon);
        var rho = reader.Double("rho");
        var support = reader.Ints("support", -1, 0, int.MaxValue);
        if (support.Length == 0)
        {
            throw reader.Error("support", "a one-class SVM needs at least one support vector");
        }

        for (var s = 1; s < support.Length; s++)
        {
            if (support[s] <= support[s - 1])
            {
                throw reader.Error(string.Create(CultureInfo.InvariantCulture, $"support[{s}]"), "support indices must be distinct and ascending");
            }
        }

        var coefficients = reader.Doubles("dualCoef", support.Length);
        for (var s = 0; s < coefficients.Length; s++)
        {
            if (coefficients[s] == 0.0)
            {
                throw reader.Error(string.Create(CultureInfo.InvariantCulture, $"dualCoef[{s}]"), "a support vector's coefficient is not zero");
            }
        }

        var vectors = reader.Doubles("vectors", checked(support.Length * features));
        return new OneClassSvmModel(support, vectors, coefficients, features, gamma, rho);
    }
}
