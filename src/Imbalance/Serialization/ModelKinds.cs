using Imbalance.Anomaly;
using Imbalance.Learning;

namespace Imbalance.Serialization;

/// <summary>
/// The closed list of model kinds a file may name. Loading looks the file's <c>"kind"</c> up here and nowhere else:
/// no type name is ever taken from a file.
/// </summary>
/// <remarks>
/// <para><b>Adding a model kind</b> (e.g. a balanced ensemble, AdaBoost, a calibrated or threshold classifier, an
/// isolation forest): (1) give the model <c>internal</c> access to the state it needs to be rebuilt; (2) write a small
/// <c>internal sealed class XxxKind : ClassifierKind</c> (or <see cref="TransformerKind"/>) in this folder whose
/// <c>Write</c> writes that state with <see cref="ModelWriter"/> and whose <c>Read</c> reads it back with the checked
/// accessors of <see cref="ModelReader"/> (shapes, ranges, finite numbers) and calls the model's internal constructor;
/// nested models go through <see cref="ModelWriter.Classifier{TLabel}"/> / <see cref="ReadClassifier{TLabel}"/>;
/// (3) add one entry to <see cref="Classifiers"/>, <see cref="Transformers"/> or <see cref="Detectors"/> (outlier
/// detectors derive from <see cref="OutlierKind"/>), named like the model type without its <c>Model</c> suffix
/// (<c>BalancedRandomForestClassifierModel</c> -&gt; <c>"BalancedRandomForestClassifier"</c>); (4) add the model to
/// the round-trip test's list of fitted models (<c>ModelSerializerTests.Models</c>, or
/// <c>OutlierModelSerializerTests.Detectors</c>). A test (<c>ModelKindsTests</c>) fails while a public fitted model
/// has no kind, and another (<c>SavedModelCoverageTests</c>) while one has no round-trip test. Kind names are part of the file format:
/// never rename one; change a kind's members only together with <see cref="ModelSerializer.FormatVersion"/>.</para>
/// </remarks>
internal static class ModelKinds
{
    /// <summary>Every classifier kind, one entry each.</summary>
    public static readonly IReadOnlyList<ClassifierKind> Classifiers =
    [
        new PipelineKind(),
        new LogisticRegressionKind(),
        new DecisionTreeKind(),
        new RandomForestKind(),
        new KNeighborsKind(),
        new OutlierDetectorClassifierKind(),
        new BalancedRandomForestKind(),
        new BalancedBaggingKind(),
        new AdaBoostKind(),
        new FixedThresholdClassifierKind(),
        new TunedThresholdClassifierKind(),
        new CostSensitiveClassifierKind(),
        new CalibratedClassifierKind(),
        new PriorCorrectionKind(),
    ];

    /// <summary>Every transformer kind, one entry each.</summary>
    public static readonly IReadOnlyList<TransformerKind> Transformers =
    [
        new StandardScalerKind(),
    ];

    /// <summary>Every outlier-detector kind, one entry each.</summary>
    public static readonly IReadOnlyList<OutlierKind> Detectors =
    [
        new IsolationForestKind(),
        new OneClassSvmKind(),
    ];

    /// <summary>Nesting deeper than this is rejected (a pipeline inside a pipeline inside ...).</summary>
    private const int MaxDepth = 16;

    public static ClassifierKind KindOf<TLabel>(IClassificationModel<TLabel> model)
        where TLabel : notnull =>
        Classifiers.FirstOrDefault(k => k.Owns(model)) ?? throw new NotSupportedException(
            $"Models of type {model.GetType().Name} cannot be saved; savable classifiers: {string.Join(", ", Classifiers.Select(k => k.Name))}.");

    public static TransformerKind KindOf(IFeatureTransformerModel model) =>
        Transformers.FirstOrDefault(k => k.Owns(model)) ?? throw new NotSupportedException(
            $"Transformers of type {model.GetType().Name} cannot be saved; savable transformers: {string.Join(", ", Transformers.Select(k => k.Name))}.");

    public static OutlierKind KindOf(IOutlierModel model) =>
        Detectors.FirstOrDefault(k => k.Owns(model)) ?? throw new NotSupportedException(
            $"Outlier detectors of type {model.GetType().Name} cannot be saved; savable detectors: {string.Join(", ", Detectors.Select(k => k.Name))}.");

    public static void WriteClassifier<TLabel>(ModelWriter writer, IClassificationModel<TLabel> model)
        where TLabel : notnull
    {
        var kind = KindOf(model);
        writer.Json.WriteStartObject();
        writer.String("kind", kind.Name);
        writer.Json.WriteStartArray("classes");
        foreach (var label in model.Classes)
        {
            LabelCodec.Write(writer.Json, label);
        }

        writer.Json.WriteEndArray();
        kind.Write(model, writer);
        writer.Json.WriteEndObject();
    }

    public static void WriteTransformer(ModelWriter writer, IFeatureTransformerModel model)
    {
        var kind = KindOf(model);
        writer.Json.WriteStartObject();
        writer.String("kind", kind.Name);
        kind.Write(model, writer);
        writer.Json.WriteEndObject();
    }

    public static void WriteDetector(ModelWriter writer, IOutlierModel model)
    {
        var kind = KindOf(model);
        writer.Json.WriteStartObject();
        writer.String("kind", kind.Name);
        kind.Write(model, writer);
        writer.Json.WriteEndObject();
    }

    public static IClassificationModel<TLabel> ReadClassifier<TLabel>(ModelReader reader)
        where TLabel : notnull
    {
        CheckDepth(reader);
        var name = reader.String("kind");
        var kind = Classifiers.FirstOrDefault(k => k.Name == name) ?? throw reader.Error(
            "kind", $"unknown classifier kind \"{name}\"; known kinds: {string.Join(", ", Classifiers.Select(k => k.Name))}");
        return kind.Read(reader, LabelCodec.ReadClasses<TLabel>(reader));
    }

    public static IFeatureTransformerModel ReadTransformer(ModelReader reader)
    {
        CheckDepth(reader);
        var name = reader.String("kind");
        var kind = Transformers.FirstOrDefault(k => k.Name == name) ?? throw reader.Error(
            "kind", $"unknown transformer kind \"{name}\"; known kinds: {string.Join(", ", Transformers.Select(k => k.Name))}");
        return kind.Read(reader);
    }

    public static IOutlierModel ReadDetector(ModelReader reader)
    {
        CheckDepth(reader);
        var name = reader.String("kind");
        var kind = Detectors.FirstOrDefault(k => k.Name == name) ?? throw reader.Error(
            "kind", $"unknown outlier detector kind \"{name}\"; known kinds: {string.Join(", ", Detectors.Select(k => k.Name))}");
        return kind.Read(reader);
    }

    /// <summary>The input width of any savable classifier.</summary>
    public static int FeatureCount<TLabel>(IClassificationModel<TLabel> model)
        where TLabel : notnull => KindOf(model).FeatureCount(model);

    private static void CheckDepth(ModelReader reader)
    {
        if (reader.Path.Count(c => c == '.') > MaxDepth)
        {
            throw new InvalidDataException($"{reader.Path}: models are nested too deeply.");
        }
    }
}
