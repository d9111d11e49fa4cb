using BenchmarkDotNet.Attributes;
using Imbalance.Neighbors;

namespace Imbalance.Benchmarks;

/// <summary>
/// The k-NN engine's common case: every fitted row queried against the fitted set with k = 6 (imblearn's
/// "k + 1 neighbours, drop the first column" for k = 5), float64, with the algorithm <c>Auto</c> picks. Fit time is
/// included, as it is in imblearn's samplers.
/// </summary>
[MemoryDiagnoser]
public class NeighborsBenchmarks
{
    private double[,] _x = null!;

    [Params("20000x20", "10000x200", "100000x30", "200000x3")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shape.Split('x');
        (_x, _) = BenchmarkData.Binary(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), 0.05);
    }

    [Benchmark]
    public int SelfQueryK6()
    {
        var index = new NearestNeighbors { NNeighbors = 6 }.Fit(_x);
        return index.KNeighbors(_x).AllIndices[^1];
    }
}
