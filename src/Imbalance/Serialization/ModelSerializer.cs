using System.Text.Json;
using Imbalance.Anomaly;
using Imbalance.Learning;

namespace Imbalance.Serialization;

/// <summary>
/// Saves fitted models to a stream and loads them back, so a service predicts without retraining (scikit-learn's
/// <c>pickle</c> / <c>joblib.dump</c>, ML.NET's <c>mlContext.Model.Save</c>). The format is JSON with a format name and
/// version; a loaded model predicts exactly what the saved one did (every number is written so it reads back bit for
/// bit).
/// </summary>
/// <remarks>
/// <para>Savable: <see cref="Pipelines.PipelineModel{TLabel}"/> (nested pipelines included),
/// <see cref="LogisticRegressionModel{TLabel}"/>, <see cref="DecisionTreeClassifierModel{TLabel}"/>,
/// <see cref="RandomForestClassifierModel{TLabel}"/>, <see cref="Neighbors.KNeighborsClassifierModel{TLabel}"/>,
/// <see cref="OutlierDetectorClassifierModel{TLabel}"/>, the ensembles (<see cref="Ensemble.BalancedRandomForestClassifierModel{TLabel}"/>,
/// <see cref="Ensemble.BalancedBaggingClassifierModel{TLabel}"/> - also EasyEnsemble's -, <see cref="AdaBoostClassifierModel{TLabel}"/> -
/// also RUSBoost's -, their members nested), the decision tools (<see cref="ModelSelection.FixedThresholdClassifierModel{TLabel}"/>,
/// <see cref="ModelSelection.TunedThresholdClassifierModel{TLabel}"/>, <see cref="ModelSelection.CostSensitiveClassifierModel{TLabel}"/>,
/// <see cref="Calibration.CalibratedClassifierModel{TLabel}"/>, <see cref="Calibration.PriorCorrectionModel{TLabel}"/>),
/// <see cref="StandardScalerModel"/> and the outlier detectors <see cref="IsolationForestModel"/> and
/// <see cref="OneClassSvmModel"/>. A <see cref="ModelSelection.SearchModel{TLabel, TParam}"/> is not savable (its
/// results are typed by the caller's parameters): save its <c>BestModel</c>, which predicts the same. Labels: <c>int</c>, <c>long</c>, <c>string</c>, <c>bool</c>, <c>double</c> and enums
/// (written by member name, so renumbering an enum does not change a saved model; renaming a member does).
/// Other label types, and models of other types, throw <see cref="NotSupportedException"/> when saved.</para>
/// <para>Loading is safe on untrusted input in the sense that it never instantiates a type named by the file: the
/// model kind is looked up in a closed list, the label type is the caller's <c>TLabel</c>, and every value is checked
/// (shapes, ranges, finite numbers, tree structure, widths from one pipeline step to the next). Anything wrong -
/// truncated JSON, another format or version, an unknown kind, a tampered value - raises a
/// <see cref="InvalidDataException"/> naming the value's path.</para>
/// </remarks>
public static class ModelSerializer
{
    /// <summary>The format name written in every file (<c>"format"</c>).</summary>
    public const string FormatName = "Imbalance.Model";

    /// <summary>The format version this library writes and reads (<c>"version"</c>).</summary>
    public const int FormatVersion = 1;

    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 128 };

    /// <summary>Saves a fitted classifier or pipeline.</summary>
    /// <typeparam name="TLabel">The label type: <c>int</c>, <c>long</c>, <c>string</c>, <c>bool</c>, <c>double</c> or an enum.</typeparam>
    /// <param name="model">The fitted model.</param>
    /// <param name="stream">A writable stream; it is left open.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">The model or its label type cannot be saved (see remarks).</exception>
    public static void Save<TLabel>(IClassificationModel<TLabel> model, Stream stream)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        var labelKind = LabelCodec.KindOf<TLabel>();
        ModelKinds.KindOf(model);
        Write(stream, "classifier", labelKind, w => w.Classifier("model", model));
    }

    /// <summary>Saves a fitted transformer (e.g. a <see cref="StandardScalerModel"/>).</summary>
    /// <param name="model">The fitted transformer.</param>
    /// <param name="stream">A writable stream; it is left open.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">The transformer cannot be saved.</exception>
    public static void Save(IFeatureTransformerModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        ModelKinds.KindOf(model);
        Write(stream, "transformer", null, w =>
        {
            w.Json.WritePropertyName("model");
            w.Transformer(model);
        });
    }

    /// <summary>Saves a fitted outlier detector (<see cref="IsolationForestModel"/> or <see cref="OneClassSvmModel"/>),
    /// as scikit-learn pickles a fitted <c>IsolationForest</c> or <c>OneClassSVM</c>; load it with
    /// <see cref="LoadOutlierModel"/>.</summary>
    /// <param name="model">The fitted detector.</param>
    /// <param name="stream">A writable stream; it is left open.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">The detector cannot be saved.</exception>
    public static void Save(IOutlierModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        ModelKinds.KindOf(model);
        Write(stream, "outlierDetector", null, w =>
        {
            w.Json.WritePropertyName("model");
            w.Detector(model);
        });
    }

    /// <summary>Saves a fitted classifier or pipeline to a byte array (see <see cref="Save{TLabel}(IClassificationModel{TLabel}, Stream)"/>).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="model">The fitted model.</param>
    /// <returns>The UTF-8 JSON bytes.</returns>
    public static byte[] ToBytes<TLabel>(IClassificationModel<TLabel> model)
        where TLabel : notnull
    {
        using var stream = new MemoryStream();
        Save(model, stream);
        return stream.ToArray();
    }

    /// <summary>Loads a classifier or pipeline saved by <see cref="Save{TLabel}(IClassificationModel{TLabel}, Stream)"/>.
    /// Cast the result to the saved type (e.g. <see cref="Pipelines.PipelineModel{TLabel}"/>) to reach its members.</summary>
    /// <typeparam name="TLabel">The label type the model was saved with.</typeparam>
    /// <param name="stream">A readable stream positioned at the start of the file; it is left open.</param>
    /// <returns>The model, predicting exactly as the saved one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid model file of this format version, holds a
    /// transformer rather than a classifier, holds labels of another type, or a value is invalid.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="TLabel"/> is not a savable label type.</exception>
    public static IClassificationModel<TLabel> Load<TLabel>(Stream stream)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(stream);
        var labelKind = LabelCodec.KindOf<TLabel>();
        using var document = Parse(stream);
        var root = Header(document, "classifier");
        var fileLabels = root.String("labels");
        if (fileLabels != labelKind)
        {
            throw root.Error("labels", $"the file holds {fileLabels} labels but {typeof(TLabel).Name} ({labelKind}) was asked for");
        }

        return ModelKinds.ReadClassifier<TLabel>(root.Object("model"));
    }

    /// <summary>Loads a classifier or pipeline from bytes made by <see cref="ToBytes{TLabel}"/>.</summary>
    /// <typeparam name="TLabel">The label type the model was saved with.</typeparam>
    /// <param name="bytes">The UTF-8 JSON bytes.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidDataException">See <see cref="Load{TLabel}(Stream)"/>.</exception>
    public static IClassificationModel<TLabel> FromBytes<TLabel>(byte[] bytes)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var stream = new MemoryStream(bytes, writable: false);
        return Load<TLabel>(stream);
    }

    /// <summary>Loads a transformer saved by <see cref="Save(IFeatureTransformerModel, Stream)"/>.</summary>
    /// <param name="stream">A readable stream positioned at the start of the file; it is left open.</param>
    /// <returns>The transformer.</returns>
    /// <exception cref="InvalidDataException">The file is not a valid transformer file of this format version.</exception>
    public static IFeatureTransformerModel LoadTransformer(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var document = Parse(stream);
        return ModelKinds.ReadTransformer(Header(document, "transformer").Object("model"));
    }

    /// <summary>Loads an outlier detector saved by <see cref="Save(IOutlierModel, Stream)"/>. Cast the result to the
    /// saved type (e.g. <see cref="IsolationForestModel"/>) to reach its members.</summary>
    /// <param name="stream">A readable stream positioned at the start of the file; it is left open.</param>
    /// <returns>The detector, scoring exactly as the saved one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid outlier-detector file of this format version.</exception>
    public static IOutlierModel LoadOutlierModel(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var document = Parse(stream);
        return ModelKinds.ReadDetector(Header(document, "outlierDetector").Object("model"));
    }

    private static void Write(Stream stream, string contents, string? labelKind, Action<ModelWriter> body)
    {
        using var json = new Utf8JsonWriter(stream);
        var writer = new ModelWriter(json);
        json.WriteStartObject();
        writer.String("format", FormatName);
        writer.Int("version", FormatVersion);
        writer.String("contents", contents);
        if (labelKind is not null)
        {
            writer.String("labels", labelKind);
        }

        body(writer);
        json.WriteEndObject();
    }

    private static JsonDocument Parse(Stream stream)
    {
        try
        {
            return JsonDocument.Parse(stream, ReadOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The model file is not valid JSON (truncated or corrupted): {e.Message}", e);
        }
    }

    private static ModelReader Header(JsonDocument document, string contents)
    {
        var root = new ModelReader(document.RootElement, "$");
        if (!root.Has("format") || root.String("format") != FormatName)
        {
            throw root.Error("format", $"not an Imbalance model file (expected \"{FormatName}\")");
        }

        var version = root.Int("version", 0, int.MaxValue);
        if (version != FormatVersion)
        {
            throw root.Error("version", $"format version {version} is not supported; this library reads version {FormatVersion}");
        }

        var actual = root.String("contents");
        return actual == contents
            ? root
            : throw root.Error("contents", $"the file holds a {actual}, not a {contents}; use {LoaderOf(actual)}");
    }

    private static string LoaderOf(string contents) => contents switch
    {
        "classifier" => "Load<TLabel>",
        "transformer" => "LoadTransformer",
        "outlierDetector" => "LoadOutlierModel",
        _ => "a loader for that contents (none known)",
    };
}
