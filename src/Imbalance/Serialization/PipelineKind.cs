using System.Globalization;
using Imbalance.Diagnostics;
using Imbalance.Learning;
using Imbalance.Pipelines;

namespace Imbalance.Serialization;

/// <summary><see cref="PipelineModel{TLabel}"/>: its fitted transformers in order and its final model (nested
/// pipelines included), with the widths checked from one step to the next, and the class counts before and after its
/// samplers (what <see cref="Calibration.PriorCorrection"/> reads) and the warnings its steps reported.</summary>
internal sealed class PipelineKind : ClassifierKind
{
    public override string Name => "Pipeline";

    public override bool Owns<TLabel>(IClassificationModel<TLabel> model) => model is PipelineModel<TLabel>;

    public override int FeatureCount<TLabel>(IClassificationModel<TLabel> model)
    {
        var m = (PipelineModel<TLabel>)model;
        return m.Transformers.Count > 0 ? ModelKinds.KindOf(m.Transformers[0]).Widths(m.Transformers[0]).Input : ModelKinds.FeatureCount(m.FinalModel);
    }

    public override void Write<TLabel>(IClassificationModel<TLabel> model, ModelWriter writer)
    {
        var m = (PipelineModel<TLabel>)model;
        writer.Json.WriteStartArray("transformers");
        foreach (var t in m.Transformers)
        {
            writer.Transformer(t);
        }

        writer.Json.WriteEndArray();
        writer.Classifier("final", m.FinalModel);
        ClassCountsCodec.Write(writer, "classCountsBeforeResampling", m.ClassCountsBeforeResampling);
        ClassCountsCodec.Write(writer, "classCountsAfterResampling", m.ClassCountsAfterResampling);
        writer.Json.WriteStartArray("warnings");
        foreach (var warning in m.Warnings)
        {
            writer.Json.WriteStartObject();
            writer.String("kind", warning.Kind.ToString());
            writer.String("source", warning.Source);
            writer.String("message", warning.Message);
            writer.Json.WriteEndObject();
        }

        writer.Json.WriteEndArray();
    }

    public override IClassificationModel<TLabel> Read<TLabel>(ModelReader reader, TLabel[] classes)
    {
        var transformers = reader.Objects("transformers").Select(ModelKinds.ReadTransformer).ToArray();
        var final = ModelKinds.ReadClassifier<TLabel>(reader.Object("final"));
        if (!final.Classes.SequenceEqual(classes))
        {
            throw reader.Error("final.classes", "do not match the pipeline's classes");
        }

        int? width = null;
        for (var i = 0; i < transformers.Length; i++)
        {
            var (input, output) = ModelKinds.KindOf(transformers[i]).Widths(transformers[i]);
            CheckWidth(reader, string.Create(CultureInfo.InvariantCulture, $"transformers[{i}]"), width, input);
            width = output;
        }

        CheckWidth(reader, "final", width, ModelKinds.FeatureCount(final));
        var before = ClassCountsCodec.Read<TLabel>(reader, "classCountsBeforeResampling");
        var after = ClassCountsCodec.Read<TLabel>(reader, "classCountsAfterResampling");
        var warnings = reader.Objects("warnings").Select(ReadWarning).ToArray();
        return new PipelineModel<TLabel>(transformers, final, before, after, warnings);
    }

    private static Diagnostic ReadWarning(ModelReader reader)
    {
        var kind = reader.Enum<DiagnosticKind>("kind");
        var source = reader.String("source");
        var message = reader.String("message");
        if (source.Length == 0 || message.Length == 0)
        {
            throw reader.Error(source.Length == 0 ? "source" : "message", "must not be empty");
        }

        return new Diagnostic(kind, source, message);
    }

    private static void CheckWidth(ModelReader reader, string member, int? previous, int input)
    {
        if (previous is { } p && p != input)
        {
            throw reader.Error(member, string.Create(CultureInfo.InvariantCulture, $"expects {input} features but the previous step produces {p}"));
        }
    }
}
