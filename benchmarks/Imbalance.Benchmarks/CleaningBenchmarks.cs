using BenchmarkDotNet.Attributes;
using Imbalance.UnderSampling;

namespace Imbalance.Benchmarks;

/// <summary>
/// The prototype-selection under-samplers with imblearn's defaults on the shapes of issue #5 (rows x features,
/// minority fraction): 20,000 x 20 (5%), 10,000 x 200 (5%), 100,000 x 30 (2%) and 200,000 x 3 (1%);
/// CondensedNearestNeighbour always on the 1,000 x 10 (5%), whatever the shape parameter. imblearn 0.10
/// timings for the same shapes are in benchmarks/README.md.
/// </summary>
[MemoryDiagnoser]
public class CleaningBenchmarks
{
    private double[,] _x = null!;
    private int[] _y = null!;
    private double[,] _smallX = null!;
    private int[] _smallY = null!;

    /// <summary>The shapes to run: all four, or those listed (separated by ';') in IMBALANCE_BENCH_SHAPES.</summary>
    public static IEnumerable<string> Shapes =>
        Environment.GetEnvironmentVariable("IMBALANCE_BENCH_SHAPES")?.Split(';', StringSplitOptions.RemoveEmptyEntries)
        ?? ["20000x20@0.05", "10000x200@0.05", "100000x30@0.02", "200000x3@0.01"];

    [ParamsSource(nameof(Shapes))]
    public string Shape { get; set; } = "20000x20@0.05";

    [GlobalSetup]
    public void Setup()
    {
        var (rows, features, fraction) = Parse(Shape);
        (_x, _y) = BenchmarkData.Binary(rows, features, fraction);
        (_smallX, _smallY) = BenchmarkData.Binary(1_000, 10, 0.05);
    }

    [Benchmark]
    public int TomekLinks() => new TomekLinks().FitResample(_x, _y).Count;

    [Benchmark]
    public int EditedNearestNeighbours() => new EditedNearestNeighbours().FitResample(_x, _y).Count;

    [Benchmark]
    public int RepeatedEditedNearestNeighbours() => new RepeatedEditedNearestNeighbours().FitResample(_x, _y).Count;

    [Benchmark]
    public int AllKnn() => new AllKnn().FitResample(_x, _y).Count;

    [Benchmark]
    public int NearMiss1() => new NearMiss { Version = 1 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int NearMiss2() => new NearMiss { Version = 2 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int NearMiss3() => new NearMiss { Version = 3 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int OneSidedSelection() => new OneSidedSelection { RandomState = 0 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int NeighbourhoodCleaningRule() => new NeighbourhoodCleaningRule().FitResample(_x, _y).Count;

    [Benchmark]
    public int CondensedNearestNeighbour1000x10() => new CondensedNearestNeighbour { RandomState = 0 }.FitResample(_smallX, _smallY).Count;

    internal static (int Rows, int Features, double Fraction) Parse(string shape)
    {
        var at = shape.Split('@');
        var dims = at[0].Split('x');
        return (int.Parse(dims[0], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(dims[1], System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(at[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
