using System.Text.Json;
using Imbalance.Learning;
using Imbalance.Sampling;

namespace Imbalance.Tests.Ensemble;

/// <summary>One case of tests/fixtures/imblearn_ensemble.json (imblearn 0.10.0 / scikit-learn 1.2.1, generate_ensemble.py).</summary>
public sealed class EnsembleCase
{
    private readonly JsonElement _e;

    internal EnsembleCase(JsonElement e) => _e = e;

    public string Name => _e.GetProperty("name").GetString()!;

    public JsonElement Params => _e.GetProperty("params");

    public bool StringLabels => _e.GetProperty("labels").GetString() == "string";

    public double[,] X => TestData.Matrix(_e.GetProperty("x"));

    public double[,] XTest => TestData.Matrix(_e.GetProperty("x_test"));

    public double[]? SampleWeight =>
        _e.GetProperty("sample_weight").ValueKind == JsonValueKind.Null ? null : Vector("sample_weight");

    public JsonElement this[string name] => _e.GetProperty(name);

    public string[] Labels(string name) => _e.GetProperty(name).EnumerateArray()
        .Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    public int[] IntLabels(string name) => TestData.Ints(_e.GetProperty(name));

    public double[] Vector(string name) => Vector(_e.GetProperty(name));

    public double[,] Matrix(string name) => TestData.Matrix(_e.GetProperty(name));

    public int[][] IntLists(string name) => _e.GetProperty(name).EnumerateArray().Select(TestData.Ints).ToArray();

    public bool Has(string param) => Params.TryGetProperty(param, out var v) && v.ValueKind != JsonValueKind.Null;

    public int Int(string param, int fallback) => Has(param) ? Params.GetProperty(param).GetInt32() : fallback;

    public double Double(string param, double fallback) => Has(param) ? Params.GetProperty(param).GetDouble() : fallback;

    public bool Bool(string param, bool fallback) => Has(param) ? Params.GetProperty(param).GetBoolean() : fallback;

    public string? String(string param) => Has(param) ? Params.GetProperty(param).GetString() : null;

    public SamplingStrategy Strategy => String("sampling_strategy") switch
    {
        null or "auto" => SamplingStrategy.Auto,
        "all" => SamplingStrategy.All,
        "not minority" => SamplingStrategy.NotMinority,
        "majority" => SamplingStrategy.Majority,
        var s => throw new NotSupportedException(s),
    };

    public AdaBoostAlgorithm Algorithm => String("algorithm") == "SAMME" ? AdaBoostAlgorithm.Samme : AdaBoostAlgorithm.SammeR;

    public static double[] Vector(JsonElement e) => e.EnumerateArray().Select(TestData.Number).ToArray();
}

internal static class EnsembleFixture
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "imblearn_ensemble.json"))));

    public static TheoryData<string> Names(string section)
    {
        var data = new TheoryData<string>();
        foreach (var c in Doc.Value.RootElement.GetProperty(section).EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    public static EnsembleCase Case(string section, string name) =>
        new(Doc.Value.RootElement.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name));

    /// <summary>Fits with the case's labels (ints, or strings) and returns the model with predictions as strings.</summary>
    public static (object Model, double[,] Proba, string[] Predict) Run(EnsembleCase c, IClassifier classifier)
    {
        if (c.StringLabels)
        {
            var model = classifier.Fit(c.X, c.Labels("y"), c.SampleWeight);
            return (model, model.PredictProba(c.XTest), model.Predict(c.XTest));
        }

        var intModel = classifier.Fit(c.X, c.IntLabels("y"), c.SampleWeight);
        return (intModel, intModel.PredictProba(c.XTest),
            intModel.Predict(c.XTest).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }

    public static void Exact(double[,] actual, double[,] expected)
    {
        actual.GetLength(0).Should().Be(expected.GetLength(0));
        actual.GetLength(1).Should().Be(expected.GetLength(1));
        for (var i = 0; i < expected.GetLength(0); i++)
        {
            for (var j = 0; j < expected.GetLength(1); j++)
            {
                actual[i, j].Should().Be(expected[i, j], $"row {i} column {j} is bit-exact");
            }
        }
    }

    public static void Close(double[,] actual, double[,] expected, double tolerance)
    {
        actual.GetLength(0).Should().Be(expected.GetLength(0));
        actual.GetLength(1).Should().Be(expected.GetLength(1));
        for (var i = 0; i < expected.GetLength(0); i++)
        {
            for (var j = 0; j < expected.GetLength(1); j++)
            {
                actual[i, j].Should().BeApproximately(expected[i, j], tolerance, $"row {i} column {j}");
            }
        }
    }

    public static void Close(IReadOnlyList<double> actual, double[] expected, double relative)
    {
        actual.Count.Should().Be(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            actual[i].Should().BeApproximately(expected[i], relative * Math.Max(1.0, Math.Abs(expected[i])), $"entry {i}");
        }
    }
}
