using System.Globalization;
using CsCheck;

namespace Imbalance.Tests.Contracts;

/// <summary>
/// Runs a CsCheck property over a fixed, reproducible sequence of cases (case <c>i</c> of stream <c>s</c> is always
/// the same input), and on the first failure hands its seed to CsCheck, which shrinks it to the smallest failing
/// input it can find and reports that input with a seed to replay it.
/// </summary>
/// <remarks>
/// CsCheck's own <c>Sample</c> draws fresh random seeds on every run; the normal test run must be repeatable, so the
/// cases are enumerated here and CsCheck is used for generation and shrinking. <c>IMBALANCE_PROPERTY_ITERATIONS</c>
/// sets the number of cases per property for a long run (e.g. 5000); <c>IMBALANCE_PROPERTY_OFFSET</c> starts the
/// sequence further on, to explore cases the normal run never sees.
/// </remarks>
public static class PropertyRunner
{
    private const int ShrinkIterations = 2000;

    /// <summary>Cases per property: <c>IMBALANCE_PROPERTY_ITERATIONS</c> when set, else <paramref name="normal"/>.</summary>
    public static int Iterations(int normal) =>
        int.TryParse(Environment.GetEnvironmentVariable("IMBALANCE_PROPERTY_ITERATIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : normal;

    private static ulong Offset =>
        ulong.TryParse(Environment.GetEnvironmentVariable("IMBALANCE_PROPERTY_OFFSET"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>Checks <paramref name="property"/> on <paramref name="iterations"/> cases of stream <paramref name="stream"/>.</summary>
    /// <returns>The number of cases run.</returns>
    public static int Run<T>(Gen<T> gen, Action<T> property, string stream, int iterations, Func<T, string> print)
    {
        var streamId = (uint)StableHash(stream);
        for (var i = 0UL; i < (ulong)iterations; i++)
        {
            var pcg = new PCG(streamId, ((Offset + i) * 0x9E3779B97F4A7C15UL) + 1);
            var seed = pcg.ToString();
            var input = gen.Generate(pcg, null, out _);
            try
            {
                property(input);
            }
            catch (Exception first)
            {
                // CsCheck replays the failing seed first, then searches for smaller failing inputs and throws a
                // CsCheckException naming the smallest one and its seed.
                gen.Sample(property, seed: seed, iter: ShrinkIterations, threads: 1, print: print);
                throw new Xunit.Sdk.XunitException($"Case {i} (seed {seed}) failed but did not fail again when replayed: {print(input)}\n{first}");
            }
        }

        return iterations;
    }

    private static int StableHash(string text)
    {
        var h = 17;
        foreach (var c in text)
        {
            h = unchecked((h * 31) + c);
        }

        return h;
    }
}
