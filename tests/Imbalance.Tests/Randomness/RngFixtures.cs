using System.Collections;
using System.Globalization;
using System.Text.Json;
using Imbalance.Randomness;

namespace Imbalance.Tests.Randomness;

/// <summary>
/// The NumPy fixtures of the Randomness tests (<c>rng_vectors.json</c> from the specification and
/// <c>rng_extra.json</c> from <c>generate_rng_extra.py</c>) and a bit-exact comparison of results with them.
/// </summary>
internal static class RngFixtures
{
    private static readonly Lazy<JsonElement> _vectors = new(() => Load("rng_vectors.json"));
    private static readonly Lazy<JsonElement> _extra = new(() => Load("rng_extra.json"));

    /// <summary>The root of <c>rng_vectors.json</c>.</summary>
    public static JsonElement Vectors => _vectors.Value;

    /// <summary>The root of <c>rng_extra.json</c>.</summary>
    public static JsonElement Extra => _extra.Value;

    /// <summary>Follows a path of object keys and array indices (as strings) from <paramref name="root"/>.</summary>
    public static JsonElement At(JsonElement root, params string[] path)
    {
        var e = root;
        foreach (var step in path)
        {
            e = e.ValueKind == JsonValueKind.Array ? e[int.Parse(step, CultureInfo.InvariantCulture)] : e.GetProperty(step);
        }

        return e;
    }

    /// <summary>The generator a fixture's <c>seed</c> describes: an integer, or <c>{"array": [...]}</c>.</summary>
    public static RandomState Generator(JsonElement seed) =>
        seed.ValueKind == JsonValueKind.Number
            ? new RandomState(seed.GetInt64())
            : new RandomState(seed.GetProperty("array").EnumerateArray().Select(v => v.GetUInt32()).ToArray());

    /// <summary>The raw bits of a double, for bit-for-bit comparisons.</summary>
    public static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    /// <summary>
    /// Asserts that <paramref name="actual"/> equals the fixture value <paramref name="expected"/> exactly: doubles
    /// bit for bit (the fixture holds Python repr strings or plain numbers, read with <see cref="TestData.Number"/>),
    /// integers exactly, strings ordinally, arrays element by element (a <c>double[,]</c> against nested rows),
    /// and <c>IDictionary&lt;string, object&gt;</c> against a JSON object with the same keys.
    /// </summary>
    public static void ShouldMatch(object actual, JsonElement expected, string context)
    {
        switch (actual)
        {
            case double d:
                {
                    var want = TestData.Number(expected);
                    Bits(d).Should().Be(
                        Bits(want), "{0}: expected {1} but got {2}", context, want.ToString("R", CultureInfo.InvariantCulture),
                        d.ToString("R", CultureInfo.InvariantCulture));
                    break;
                }

            case long or int or uint or ulong:
                expected.ValueKind.Should().Be(JsonValueKind.Number, context);
                if (actual is ulong u)
                {
                    u.Should().Be(expected.GetUInt64(), context);
                }
                else
                {
                    Convert.ToInt64(actual, CultureInfo.InvariantCulture).Should().Be(expected.GetInt64(), context);
                }

                break;

            case string s:
                s.Should().Be(expected.GetString(), context);
                break;

            case double[,] m:
                {
                    expected.GetArrayLength().Should().Be(m.GetLength(0), "{0}: rows", context);
                    for (var i = 0; i < m.GetLength(0); i++)
                    {
                        var row = new double[m.GetLength(1)];
                        for (var j = 0; j < row.Length; j++)
                        {
                            row[j] = m[i, j];
                        }

                        ShouldMatch(row, expected[i], $"{context}[{i}]");
                    }

                    break;
                }

            case IDictionary<string, object> map:
                expected.ValueKind.Should().Be(JsonValueKind.Object, context);
                expected.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(map.Keys, context);
                foreach (var (key, value) in map)
                {
                    ShouldMatch(value, expected.GetProperty(key), $"{context}.{key}");
                }

                break;

            case IEnumerable sequence:
                {
                    expected.ValueKind.Should().Be(JsonValueKind.Array, context);
                    var items = sequence.Cast<object>().ToList();
                    items.Count.Should().Be(expected.GetArrayLength(), "{0}: length", context);
                    for (var i = 0; i < items.Count; i++)
                    {
                        ShouldMatch(items[i], expected[i], $"{context}[{i}]");
                    }

                    break;
                }

            default:
                throw new ArgumentException($"{context}: cannot compare a {actual.GetType()}", nameof(actual));
        }
    }

    /// <summary>Asserts two doubles are the same bits.</summary>
    public static void ShouldBeBitwise(double actual, double expected, string context) =>
        Bits(actual).Should().Be(
            Bits(expected), "{0}: expected {1} but got {2}", context, expected.ToString("R", CultureInfo.InvariantCulture),
            actual.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Asserts two double sequences are the same bits, element by element.</summary>
    public static void ShouldBeBitwise(IReadOnlyList<double> actual, IReadOnlyList<double> expected, string context)
    {
        actual.Count.Should().Be(expected.Count, "{0}: length", context);
        for (var i = 0; i < actual.Count; i++)
        {
            ShouldBeBitwise(actual[i], expected[i], $"{context}[{i}]");
        }
    }

    private static JsonElement Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }
}
