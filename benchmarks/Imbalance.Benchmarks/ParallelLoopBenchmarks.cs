using BenchmarkDotNet.Attributes;
using Imbalance.Sampling;

namespace Imbalance.Benchmarks;

/// <summary>
/// The library's fork-join loop (<c>ParallelLoop</c>, issue #18: every parallel loop of the library goes through it)
/// against the <c>Parallel.For</c> it replaced, on the loop shapes the library runs: a few coarse blocks (a k-NN
/// search of a small data set, a forest of a few trees) and many small ones, each block summing a slice of an array.
/// Both compute the same sums; the difference is the fork-join overhead per call in the steady state (the first-call
/// cost, which motivated the change, is measured by the SideBySide runner in fresh processes).
/// </summary>
[MemoryDiagnoser]
public class ParallelLoopBenchmarks
{
    private double[] _values = null!;
    private double[] _sums = null!;

    [Params(2, 64, 4096)]
    public int Blocks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _values = new double[1 << 18];
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] = i % 17;
        }

        _sums = new double[Blocks];
    }

    [Benchmark(Baseline = true)]
    public double TplParallelFor()
    {
        Parallel.For(0, Blocks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, SumBlock);
        return _sums[0];
    }

    [Benchmark]
    public double LibraryParallelLoop()
    {
        ParallelLoop.For(0, Blocks, Environment.ProcessorCount, SumBlock, CancellationToken.None);
        return _sums[0];
    }

    private void SumBlock(int block)
    {
        var length = _values.Length / Blocks;
        var sum = 0.0;
        foreach (var value in _values.AsSpan(block * length, length))
        {
            sum += value;
        }

        _sums[block] = sum;
    }
}
