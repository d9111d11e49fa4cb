using BenchmarkDotNet.Attributes;
using Imbalance.Randomness;

namespace Imbalance.Benchmarks;

/// <summary>Throughput of the NumPy-compatible generator: one million draws per operation.</summary>
[MemoryDiagnoser]
public class RandomStateBenchmarks
{
    private const int Draws = 1_000_000;

    [Benchmark]
    public double[] RandomSample() => new RandomState(0).RandomSample(Draws);

    [Benchmark]
    public double[] StandardNormal() => new RandomState(0).StandardNormal(Draws);

    [Benchmark]
    public int[] RandIntSmallRange() => new RandomState(0).RandInt(0, 1000, Draws);

    [Benchmark]
    public int[] Permutation() => new RandomState(0).Permutation(Draws);
}
