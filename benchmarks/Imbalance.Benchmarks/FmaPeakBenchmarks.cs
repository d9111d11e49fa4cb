using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace Imbalance.Benchmarks;

/// <summary>
/// This machine's double-precision fused-multiply-add peak: independent Vector256 FMA chains (enough to cover the
/// latency) on every core. <c>flops = 2 * 4 lanes * chains * iterations * threads</c>; divide by the measured time.
/// The k-NN kernels' fraction of peak is their useful flops (2 n^2 d for an all-points Euclidean query) over this.
/// </summary>
public class FmaPeakBenchmarks
{
    /// <summary>FMA iterations per thread (each iteration issues 12 independent Vector256 FMAs).</summary>
    public const int Iterations = 50_000_000;

    /// <summary>Flops one <see cref="Peak"/> call performs on all cores.</summary>
    public static double Flops => 2.0 * 4 * 12 * (double)Iterations * Environment.ProcessorCount;

    [Benchmark]
    public double Peak()
    {
        var sums = new double[Environment.ProcessorCount];
        Parallel.For(0, Environment.ProcessorCount, t => sums[t] = Chains(Iterations, 1.0 + (t * 1e-9)));
        return sums.Sum();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Chains(int iterations, double seed)
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
        }

        var s = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;
        return Vector256.Sum(s);
    }
}
