using System.Text.Json;
using Imbalance.Learning;

namespace Imbalance.Tests.Learning;

/// <summary>One case of tests/fixtures/sklearn_learners.json (scikit-learn 1.2.1, generate_learners.py).</summary>
public sealed class LearnerCase
{
    private readonly JsonElement _e;

    internal LearnerCase(JsonElement e) => _e = e;

    public string Name => _e.GetProperty("name").GetString()!;

    public JsonElement Params => _e.GetProperty("params");

    public double[,] X => TestData.Matrix(_e.GetProperty("x"));

    public int[] Y => TestData.Ints(_e.GetProperty("y"));

    public double[]? SampleWeight =>
        _e.GetProperty("sample_weight").ValueKind == JsonValueKind.Null ? null : Vector("sample_weight");

    public double[,] XTest => TestData.Matrix(_e.GetProperty("x_test"));

    public JsonElement this[string name] => _e.GetProperty(name);

    public double[] Vector(string name) => _e.GetProperty(name).EnumerateArray().Select(TestData.Number).ToArray();

    public double[,] Matrix(string name) => TestData.Matrix(_e.GetProperty(name));

    public int[] Ints(string name) => TestData.Ints(_e.GetProperty(name));

    public bool Has(string param) => Params.TryGetProperty(param, out var v) && v.ValueKind != JsonValueKind.Null;

    /// <summary>Whether the case's features were rounded (tied values).</summary>
    public bool Ties => _e.TryGetProperty("ties", out var t) && t.ValueKind == JsonValueKind.True;

    public double Double(string param) => Params.GetProperty(param).GetDouble();

    public int Int(string param) => Params.GetProperty(param).GetInt32();

    public string String(string param) => Params.GetProperty(param).GetString()!;

    /// <summary>The case's class_weight as a <see cref="ClassWeight"/> for int labels.</summary>
    public ClassWeight? ClassWeight
    {
        get
        {
            if (!Has("class_weight"))
            {
                return null;
            }

            var cw = Params.GetProperty("class_weight");
            if (cw.ValueKind == JsonValueKind.String)
            {
                return cw.GetString() switch
                {
                    "balanced" => Imbalance.Learning.ClassWeight.Balanced,
                    "balanced_subsample" => Imbalance.Learning.ClassWeight.BalancedSubsample,
                    var s => throw new InvalidOperationException(s),
                };
            }

            return Imbalance.Learning.ClassWeight.Explicit(
                cw.EnumerateObject().ToDictionary(p => int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture), p => p.Value.GetDouble()));
        }
    }

    public MaxFeatures? MaxFeatures(MaxFeatures? absent)
    {
        if (!Params.TryGetProperty("max_features", out var v))
        {
            return absent;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String when v.GetString() == "sqrt" => Imbalance.Learning.MaxFeatures.Sqrt,
            JsonValueKind.String when v.GetString() == "log2" => Imbalance.Learning.MaxFeatures.Log2,
            JsonValueKind.Number when v.TryGetInt32(out var i) && !v.GetRawText().Contains('.', StringComparison.Ordinal) => Imbalance.Learning.MaxFeatures.Count(i),
            JsonValueKind.Number => Imbalance.Learning.MaxFeatures.Fraction(v.GetDouble()),
            _ => throw new InvalidOperationException(v.GetRawText()),
        };
    }

    public override string ToString() => Name;
}

/// <summary>Loads the learners fixture once.</summary>
public static class LearnerFixture
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sklearn_learners.json"))));

    public static IReadOnlyList<LearnerCase> Cases(string section) =>
        Doc.Value.RootElement.GetProperty(section).EnumerateArray().Select(e => new LearnerCase(e)).ToArray();

    public static LearnerCase Case(string section, string name) => Cases(section).Single(c => c.Name == name);

    /// <summary>
    /// The names of a section's cases where exact parity is expected (<paramref name="exact"/>) or not. Exact: no tied
    /// feature values, or ties with integer weights only (sums then do not depend on the order of tied rows).
    /// </summary>
    public static TheoryData<string> Names(string section, bool exact = true)
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases(section))
        {
            var integerWeights = !c.Has("class_weight") && c.SampleWeight is null;
            if ((!c.Ties || integerWeights) == exact)
            {
                data.Add(c.Name);
            }
        }

        return data;
    }

    /// <summary>The share of equal labels.</summary>
    public static double Agreement(int[] a, int[] b) => a.Zip(b).Count(p => p.First == p.Second) / (double)a.Length;
}
