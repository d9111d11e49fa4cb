using System.Text.Json;

namespace Imbalance.Tests.Anomaly;

/// <summary>tests/fixtures/sklearn_anomaly.json (scikit-learn 1.2.1 / imblearn 0.10.0, generate_losses_anomaly.py).</summary>
internal static class AnomalyFixture
{
    private static readonly Lazy<JsonElement> _root = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "sklearn_anomaly.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.Clone();
    });

    public static TheoryData<string> Names(string section)
    {
        var data = new TheoryData<string>();
        foreach (var c in _root.Value.GetProperty(section).EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    public static JsonElement Case(string section, string name) =>
        _root.Value.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static double[] Vector(this JsonElement e, string property) =>
        e.GetProperty(property).EnumerateArray().Select(TestData.Number).ToArray();

    public static double[,] Matrix(this JsonElement e, string property) => TestData.Matrix(e.GetProperty(property));

    public static int[] Ints(this JsonElement e, string property) => TestData.Ints(e.GetProperty(property));

    public static bool HasParam(this JsonElement e, string name, out JsonElement value) =>
        e.GetProperty("params").TryGetProperty(name, out value);
}
