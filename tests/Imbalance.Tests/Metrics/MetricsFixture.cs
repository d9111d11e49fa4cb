using System.Globalization;
using System.Text.Json;

namespace Imbalance.Tests.Metrics;

/// <summary>Reads tests/fixtures/sklearn_metrics.json (made by generate_metrics.py with scikit-learn 1.2.1 / imblearn 0.10.0).</summary>
internal static class MetricsFixture
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "sklearn_metrics.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    });

    public static JsonElement Document => Root.Value;

    public static JsonElement Case(string section, string name) =>
        Document.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static IEnumerable<object[]> Names(string section) =>
        Document.GetProperty(section).EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! });

    public static bool IsError(JsonElement e) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("error", out _);

    public static double Number(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => double.Parse(s!, CultureInfo.InvariantCulture),
        },
        _ => e.GetDouble(),
    };

    public static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(Number).ToArray();

    public static double[]? OptionalNumbers(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : Numbers(e);

    public static TLabel[] Labels<TLabel>(JsonElement e) =>
        e.EnumerateArray().Select(v => typeof(TLabel) == typeof(string) ? (TLabel)(object)v.GetString()! : (TLabel)(object)v.GetInt32()).ToArray();

    public static TLabel[]? OptionalLabels<TLabel>(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : Labels<TLabel>(e);

    public static TLabel Label<TLabel>(JsonElement e) =>
        typeof(TLabel) == typeof(string) ? (TLabel)(object)e.GetString()! : (TLabel)(object)e.GetInt32();

    /// <summary>Asserts equality to 1e-12 (relative above 1); NaN equals NaN.</summary>
    public static void Close(double actual, double expected, string because)
    {
        if (double.IsNaN(expected))
        {
            actual.Should().Be(double.NaN, because);
            return;
        }

        actual.Should().BeApproximately(expected, 1e-12 * Math.Max(1.0, Math.Abs(expected)), because);
    }

    public static void Close(IReadOnlyList<double> actual, JsonElement expected, string because)
    {
        var e = Numbers(expected);
        actual.Should().HaveCount(e.Length, because);
        for (var i = 0; i < e.Length; i++)
        {
            Close(actual[i], e[i], $"{because} [{i}]");
        }
    }

    /// <summary>Runs <paramref name="act"/>: when the library raised, ours must throw an argument/operation exception; else compare.</summary>
    public static void Check(JsonElement expected, Func<double> act, string because)
    {
        if (IsError(expected))
        {
            var thrown = FluentActions.Invoking(act).Should().Throw<Exception>(because).Which;
            thrown.Should().Match(x => x is ArgumentException || x is InvalidOperationException, because);
            return;
        }

        Close(act(), Number(expected), because);
    }

    public static void CheckList(JsonElement expected, Func<IReadOnlyList<double>> act, string because)
    {
        if (IsError(expected))
        {
            var thrown = FluentActions.Invoking(act).Should().Throw<Exception>(because).Which;
            thrown.Should().Match(x => x is ArgumentException || x is InvalidOperationException, because);
            return;
        }

        Close(act(), expected, because);
    }
}
