using System.Globalization;
using Imbalance.Calibration;
using Imbalance.Learning;

namespace Imbalance.Serialization;

/// <summary><see cref="CalibratedClassifierModel{TLabel}"/>: the method and, per fold, the nested model (any savable
/// classifier, pipelines included) with its calibrators (sigmoid coefficients or isotonic knots) and the class of
/// each calibrated column.</summary>
internal sealed class CalibratedClassifierKind : ClassifierKind
{
    public override string Name => "CalibratedClassifier";

    public override bool Owns<TLabel>(IClassificationModel<TLabel> model) => model is CalibratedClassifierModel<TLabel>;

    public override int FeatureCount<TLabel>(IClassificationModel<TLabel> model) => ModelKinds.FeatureCount(((CalibratedClassifierModel<TLabel>)model).Pairs[0].Model);

    public override void Write<TLabel>(IClassificationModel<TLabel> model, ModelWriter writer)
    {
        var m = (CalibratedClassifierModel<TLabel>)model;
        writer.String("method", m.Method.ToString());
        writer.Json.WriteStartArray("pairs");
        foreach (var pair in m.Pairs)
        {
            writer.Json.WriteStartObject();
            writer.Classifier("model", pair.Model);
            writer.Ints("classOfColumn", [.. pair.ClassOfColumn]);
            writer.Json.WriteStartArray("calibrators");
            foreach (var calibrator in pair.Calibrators)
            {
                writer.Json.WriteStartObject();
                switch (calibrator)
                {
                    case SigmoidCalibration sigmoid:
                        writer.Double("a", sigmoid.A);
                        writer.Double("b", sigmoid.B);
                        break;
                    case IsotonicCalibration isotonic:
                        writer.Doubles("x", isotonic.Knots.X);
                        writer.Doubles("y", isotonic.Knots.Y);
                        break;
                    default:
                        throw new NotSupportedException($"Calibrators of type {calibrator.GetType().Name} cannot be saved.");
                }

                writer.Json.WriteEndObject();
            }

            writer.Json.WriteEndArray();
            writer.Json.WriteEndObject();
        }

        writer.Json.WriteEndArray();
    }

    public override IClassificationModel<TLabel> Read<TLabel>(ModelReader reader, TLabel[] classes)
    {
        var method = reader.Enum<CalibrationMethod>("method");
        var readers = reader.Objects("pairs");
        if (readers.Count == 0)
        {
            throw reader.Error("pairs", "a calibrated classifier needs at least one calibrated model");
        }

        var pairs = new CalibratedPair<TLabel>[readers.Count];
        int? width = null;
        for (var p = 0; p < pairs.Length; p++)
        {
            var pr = readers[p];
            var model = ModelKinds.ReadClassifier<TLabel>(pr.Object("model"));
            if (model.Classes.Any(c => Array.IndexOf(classes, c) < 0))
            {
                throw pr.Error("model.classes", "hold a class the calibrated classifier does not have");
            }

            var w = ModelKinds.FeatureCount(model);
            if (width is { } first && first != w)
            {
                throw pr.Error("model", string.Create(CultureInfo.InvariantCulture, $"expects {w} features but the first model expects {first}"));
            }

            width = w;
            var columns = pr.Ints("classOfColumn", -1, 0, classes.Length - 1);
            var expected = model.Classes.Count == 2 ? 1 : model.Classes.Count;
            if (columns.Length != expected)
            {
                throw pr.Error("classOfColumn", string.Create(CultureInfo.InvariantCulture, $"expected {expected} values, found {columns.Length}"));
            }

            var calibrators = pr.Objects("calibrators");
            if (calibrators.Count != columns.Length)
            {
                throw pr.Error("calibrators", string.Create(CultureInfo.InvariantCulture, $"expected {columns.Length} values, found {calibrators.Count}"));
            }

            pairs[p] = new CalibratedPair<TLabel>(model, calibrators.Select(c => ReadCalibrator(c, method)).ToArray(), columns);
        }

        return new CalibratedClassifierModel<TLabel>(classes, pairs, method);
    }

    private static Calibrator ReadCalibrator(ModelReader reader, CalibrationMethod method)
    {
        if (method == CalibrationMethod.Sigmoid)
        {
            return SigmoidCalibration.FromCoefficients(reader.Double("a"), reader.Double("b"));
        }

        var x = reader.Doubles("x", -1);
        var y = reader.Doubles("y", x.Length, 0.0, 1.0);
        if (x.Length == 0)
        {
            throw reader.Error("x", "an isotonic calibrator needs at least one knot");
        }

        for (var i = 1; i < x.Length; i++)
        {
            if (x[i] < x[i - 1] || y[i] < y[i - 1])
            {
                throw reader.Error(string.Create(CultureInfo.InvariantCulture, $"x[{i}]"), "isotonic knots must be non-decreasing in x and y");
            }
        }

        return IsotonicCalibration.FromKnots(x, y);
    }
}
