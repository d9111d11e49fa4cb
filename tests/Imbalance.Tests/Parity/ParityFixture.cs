using System.Globalization;
using System.Text.Json;
using Imbalance.Sampling;

namespace Imbalance.Tests.Parity;

/// <summary>
/// Reads the fixtures made by the real imblearn 0.10.0 (tests/fixtures/generate.py and the lead's
/// sampler_vectors.json) and turns their encodings into Imbalance values.
/// </summary>
internal static class ParityFixture
{
    private static readonly Lazy<JsonElement> _randomSamplers = new(() => Load("imblearn_random_samplers.json"));
    private static readonly Lazy<JsonElement> _samplerVectors = new(() => Load("sampler_vectors.json"));

    /// <summary>The root of imblearn_random_samplers.json.</summary>
    public static JsonElement RandomSamplers => _randomSamplers.Value;

    /// <summary>The root of sampler_vectors.json.</summary>
    public static JsonElement SamplerVectors => _samplerVectors.Value;

    /// <summary>The cases of one section, in file order.</summary>
    public static IReadOnlyList<JsonElement> Cases(JsonElement root, string section) =>
        root.GetProperty(section).EnumerateArray().ToArray();

    /// <summary>The case named <paramref name="name"/> of a section (exactly one must exist).</summary>
    public static JsonElement Case(JsonElement root, string section, string name) =>
        Cases(root, section).Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>The case names of a section, as theory data (one test case each).</summary>
    public static TheoryData<string> Names(JsonElement root, string section)
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases(root, section))
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    /// <summary>Whether a case has a property.</summary>
    public static bool Has(JsonElement e, string property) => e.TryGetProperty(property, out _);

    /// <summary>An optional string property.</summary>
    public static string? OptionalString(this JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Parses a Python <c>repr(float)</c> string (including nan, inf, -inf).</summary>
    public static double PythonFloat(string text) => text switch
    {
        "nan" => double.NaN,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>A JSON double: a repr string or a plain number.</summary>
    public static double Float(JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? PythonFloat(e.GetString()!) : e.GetDouble();

    /// <summary>A JSON matrix of repr strings.</summary>
    public static double[,] Matrix(JsonElement rows)
    {
        var n = rows.GetArrayLength();
        var d = n == 0 ? 0 : rows[0].GetArrayLength();
        var x = new double[n, d];
        for (var i = 0; i < n; i++)
        {
            rows[i].GetArrayLength().Should().Be(d, "the fixture matrix is rectangular");
            for (var j = 0; j < d; j++)
            {
                x[i, j] = Float(rows[i][j]);
            }
        }

        return x;
    }

    /// <summary>Whether a JSON label array holds strings (otherwise ints).</summary>
    public static bool HasStringLabels(JsonElement labels) =>
        labels.EnumerateArray().First().ValueKind == JsonValueKind.String;

    /// <summary>A JSON label as <typeparamref name="TLabel"/> (int or string).</summary>
    public static TLabel Label<TLabel>(JsonElement e)
    {
        if (typeof(TLabel) == typeof(int))
        {
            return (TLabel)(object)e.GetInt32();
        }

        if (typeof(TLabel) == typeof(string))
        {
            return (TLabel)(object)e.GetString()!;
        }

        throw new NotSupportedException(typeof(TLabel).Name);
    }

    /// <summary>A JSON label array.</summary>
    public static TLabel[] Labels<TLabel>(JsonElement e) => e.EnumerateArray().Select(Label<TLabel>).ToArray();

    /// <summary>A JSON int array.</summary>
    public static int[] Ints(JsonElement e) => e.EnumerateArray().Select(v => v.GetInt32()).ToArray();

    /// <summary>Python's repr of an int or string label, as imblearn's messages print it.</summary>
    public static string Repr(object label) => label is string s ? "'" + s + "'" : Convert.ToString(label, CultureInfo.InvariantCulture)!;

    /// <summary>
    /// A list of <c>[label, count]</c> pairs (imblearn's OrderedDict, in its order). Tuples, not key-value pairs:
    /// FluentAssertions compares key-value sequences as dictionaries, ignoring their order.
    /// </summary>
    public static (TLabel Label, int Count)[] Pairs<TLabel>(JsonElement e) =>
        e.EnumerateArray().Select(p => (Label<TLabel>(p[0]), p[1].GetInt32())).ToArray();

    /// <summary>A resolved strategy as ordered tuples, to compare with <see cref="Pairs{TLabel}"/>.</summary>
    public static (TLabel Label, int Count)[] Ordered<TLabel>(IReadOnlyDictionary<TLabel, int> strategy) =>
        strategy.Select(kv => (kv.Key, kv.Value)).ToArray();

    /// <summary>imblearn's sampling_type string.</summary>
    public static SamplingType SamplingTypeOf(string samplingType) => samplingType switch
    {
        "over-sampling" => SamplingType.OverSampling,
        "under-sampling" => SamplingType.UnderSampling,
        "clean-sampling" => SamplingType.CleanSampling,
        _ => throw new ArgumentOutOfRangeException(nameof(samplingType), samplingType, null),
    };

    /// <summary>
    /// The <see cref="SamplingStrategy"/> for a fixture strategy spec (see generate.py "Encodings"); null for
    /// <c>{"kind": "none"}</c>. Creating it may throw, as imblearn may when it meets the same value.
    /// </summary>
    public static SamplingStrategy? Strategy<TLabel>(JsonElement spec)
        where TLabel : notnull
    {
        var kind = spec.GetProperty("kind").GetString();
        return kind switch
        {
            "auto" => SamplingStrategy.Auto,
            "minority" => SamplingStrategy.Minority,
            "majority" => SamplingStrategy.Majority,
            "not minority" => SamplingStrategy.NotMinority,
            "not majority" => SamplingStrategy.NotMajority,
            "all" => SamplingStrategy.All,
            "ratio" => SamplingStrategy.Ratio(Float(spec.GetProperty("value"))),
            "counts" => SamplingStrategy.Counts(CountsDictionary<TLabel>(spec)),
            "classes" => SamplingStrategy.Classes(Labels<TLabel>(spec.GetProperty("value"))),
            "custom" => SamplingStrategy.Custom(CustomStrategies.Get<TLabel>(spec.GetProperty("value").GetString()!)),
            "none" => null,
            _ => throw new InvalidOperationException($"Unknown strategy kind '{kind}' in the fixture."),
        };
    }

    /// <summary>A counts spec as a dictionary in the fixture's (insertion) order.</summary>
    public static OrderedDictionary<TLabel, int> CountsDictionary<TLabel>(JsonElement spec)
        where TLabel : notnull
    {
        var counts = new OrderedDictionary<TLabel, int>();
        foreach (var (label, count) in Pairs<TLabel>(spec.GetProperty("value")))
        {
            counts.Add(label, count);
        }

        return counts;
    }

    /// <summary>The bit patterns of a matrix, row-major, for bit-exact comparison.</summary>
    public static long[] Bits(double[,] x) => x.Cast<double>().Select(BitConverter.DoubleToInt64Bits).ToArray();

    /// <summary>
    /// The X and y of a sampler_vectors.json case. The names "X20" / "Y20" stand for imblearn's test_smote.py data,
    /// which imblearn_random_samplers.json keeps as dataset "X20_Y20".
    /// </summary>
    public static (double[,] X, int[] Y) SamplerVectorInput(JsonElement c) =>
        (Matrix(Inline(c.GetProperty("X"), "X20", "X")), Ints(Inline(c.GetProperty("y"), "Y20", "y")));

    /// <summary>
    /// Asserts that a result equals a sampler_vectors.json case: sampling_strategy_, X bit for bit, y and
    /// sample_indices_.
    /// </summary>
    public static void ShouldMatchSamplerVector(ResampleResult<int> result, JsonElement c)
    {
        var expectedStrategy = c.GetProperty("sampling_strategy_").EnumerateObject()
            .Select(p => (int.Parse(p.Name, CultureInfo.InvariantCulture), p.Value.GetInt32())).ToArray();
        Ordered(result.ResolvedStrategy).Should().Equal(expectedStrategy);
        Bits(result.X).Should().Equal(Bits(Matrix(c.GetProperty("X_resampled"))));
        result.Y.Should().Equal(Ints(c.GetProperty("y_resampled")));
        result.SampleIndices.Should().Equal(Ints(c.GetProperty("sample_indices_")));
    }

    private static JsonElement Inline(JsonElement e, string reference, string field)
    {
        if (e.ValueKind != JsonValueKind.String)
        {
            return e;
        }

        e.GetString().Should().Be(reference);
        return RandomSamplers.GetProperty("datasets").GetProperty("X20_Y20").GetProperty(field);
    }

    private static JsonElement Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.Clone();
    }
}
