using System.Text.Json;

namespace Imbalance.Tests.ModelSelection;

/// <summary>tests/fixtures/sklearn_decisions.json (scikit-learn 1.2.1 / imblearn 0.10.0, generate_decisions.py).</summary>
internal static class DecisionsFixture
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sklearn_decisions.json")));
        return doc.RootElement.Clone();
    });

    public static JsonElement Get(string name) => Root.Value.GetProperty(name);

    public static TheoryData<int> Indices(JsonElement array)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < array.GetArrayLength(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    public static double[] Vector(JsonElement e) => e.EnumerateArray().Select(TestData.Number).ToArray();

    public static double[]? OptionalVector(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : Vector(e);

    public static double MaxAbsDifference(double[,] a, double[,] b)
    {
        a.GetLength(0).Should().Be(b.GetLength(0));
        a.GetLength(1).Should().Be(b.GetLength(1));
        var max = 0.0;
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                max = Math.Max(max, Math.Abs(a[i, j] - b[i, j]));
            }
        }

        return max;
    }
}
