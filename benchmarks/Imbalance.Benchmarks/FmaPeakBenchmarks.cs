using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace Imbalance.Benchmarks;

/// <summary>
/// This machine's double-precision fused-multiply-add peak, at both vector widths the k-NN kernels use: 16
/// independent FMA chains per thread (more than latency x throughput, 4 cycles x 2 pipes, so no chain ever waits)
/// on every core. <c>flops = 2 * lanes * 16 chains * iterations * threads</c> (lanes = 8 for Vector512, 4 for
/// Vector256); divide by the measured time. The k-NN kernels' fraction of peak is their useful flops (2 n^2 d for an
/// all-points Euclidean query) over the Vector512 peak where it is accelerated.
/// </summary>
public class FmaPeakBenchmarks
{
    /// <summary>FMA iterations per thread (each iteration issues 16 independent FMAs).</summary>
    public const int Iterations = 50_000_000;

    /// <summary>Independent accumulator chains per thread.</summary>
    public const int Chains = 16;

    /// <summary>Flops one <see cref="Peak256"/> call performs on all cores.</summary>
    public static double Flops256 => 2.0 * 4 * Chains * (double)Iterations * Environment.ProcessorCount;

    /// <summary>Flops one <see cref="Peak512"/> call performs on all cores.</summary>
    public static double Flops512 => 2.0 * 8 * Chains * (double)Iterations * Environment.ProcessorCount;

    [Benchmark]
    public double Peak256() => OnEveryCore(static seed => Chains256(Iterations, seed));

    /// <summary>The Vector512 peak; where Vector512 is not accelerated, measures nothing useful (software fallback).</summary>
    [Benchmark]
    public double Peak512() => OnEveryCore(static seed => Chains512(Iterations, seed));

    private static double OnEveryCore(Func<double, double> chains)
    {
        var sums = new double[Environment.ProcessorCount];
        Parallel.For(0, Environment.ProcessorCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, t => sums[t] = chains(1.0 + (t * 1e-9)));
        return sums.Sum();
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Chains256(int iterations, double seed)
    {
        var m = Vector256.Create(0.999999999);
        var c = Vector256.Create(1e-9);
        var a0 = Vector256.Create(seed);
        var a1 = a0 + c;
        var a2 = a1 + c;
        var a3 = a2 + c;
        var a4 = a3 + c;
        var a5 = a4 + c;
        var a6 = a5 + c;
        var a7 = a6 + c;
        var a8 = a7 + c;
        var a9 = a8 + c;
        var a10 = a9 + c;
        var a11 = a10 + c;
        var a12 = a11 + c;
        var a13 = a12 + c;
        var a14 = a13 + c;
        var a15 = a14 + c;
        for (var i = 0; i < iterations; i++)
        {
            a0 = Vector256.FusedMultiplyAdd(a0, m, c);
            a1 = Vector256.FusedMultiplyAdd(a1, m, c);
            a2 = Vector256.FusedMultiplyAdd(a2, m, c);
            a3 = Vector256.FusedMultiplyAdd(a3, m, c);
            a4 = Vector256.FusedMultiplyAdd(a4, m, c);
            a5 = Vector256.FusedMultiplyAdd(a5, m, c);
            a6 = Vector256.FusedMultiplyAdd(a6, m, c);
            a7 = Vector256.FusedMultiplyAdd(a7, m, c);
            a8 = Vector256.FusedMultiplyAdd(a8, m, c);
            a9 = Vector256.FusedMultiplyAdd(a9, m, c);
            a10 = Vector256.FusedMultiplyAdd(a10, m, c);
            a11 = Vector256.FusedMultiplyAdd(a11, m, c);
            a12 = Vector256.FusedMultiplyAdd(a12, m, c);
            a13 = Vector256.FusedMultiplyAdd(a13, m, c);
            a14 = Vector256.FusedMultiplyAdd(a14, m, c);
            a15 = Vector256.FusedMultiplyAdd(a15, m, c);
        }

        var s = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12 + a13 + a14 + a15;
        return Vector256.Sum(s);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Chains512(int iterations, double seed)
    {
        var m = Vector512.Create(0.999999999);
        var c = Vector512.Create(1e-9);
        var a0 = Vector512.Create(seed);
        var a1 = a0 + c;
        var a2 = a1 + c;
        var a3 = a2 + c;
        var a4 = a3 + c;
        var a5 = a4 + c;
        var a6 = a5 + c;
        var a7 = a6 + c;
        var a8 = a7 + c;
        var a9 = a8 + c;
        var a10 = a9 + c;
        var a11 = a10 + c;
        var a12 = a11 + c;
        var a13 = a12 + c;
        var a14 = a13 + c;
        var a15 = a14 + c;
        for (var i = 0; i < iterations; i++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, m, c);
            a1 = Vector512.FusedMultiplyAdd(a1, m, c);
            a2 = Vector512.FusedMultiplyAdd(a2, m, c);
            a3 = Vector512.FusedMultiplyAdd(a3, m, c);
            a4 = Vector512.FusedMultiplyAdd(a4, m, c);
            a5 = Vector512.FusedMultiplyAdd(a5, m, c);
            a6 = Vector512.FusedMultiplyAdd(a6, m, c);
            a7 = Vector512.FusedMultiplyAdd(a7, m, c);
            a8 = Vector512.FusedMultiplyAdd(a8, m, c);
            a9 = Vector512.FusedMultiplyAdd(a9, m, c);
            a10 = Vector512.FusedMultiplyAdd(a10, m, c);
            a11 = Vector512.FusedMultiplyAdd(a11, m, c);
            a12 = Vector512.FusedMultiplyAdd(a12, m, c);
            a13 = Vector512.FusedMultiplyAdd(a13, m, c);
            a14 = Vector512.FusedMultiplyAdd(a14, m, c);
            a15 = Vector512.FusedMultiplyAdd(a15, m, c);
        }

        var s = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12 + a13 + a14 + a15;
        return Vector512.Sum(s);
    }
}
