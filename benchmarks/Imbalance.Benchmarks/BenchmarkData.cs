using Imbalance.Randomness;

namespace Imbalance.Benchmarks;

/// <summary>Seeded data for benchmarks: Gaussian features, a binary target with the given minority fraction.</summary>
internal static class BenchmarkData
{
    public static (double[,] X, int[] Y) Binary(int rows, int features, double minorityFraction, int seed = 0)
    {
        var rng = new RandomState(seed);
        var x = new double[rows, features];
        var y = new int[rows];
        var minority = (int)(rows * minorityFraction);
        for (var i = 0; i < rows; i++)
        {
            y[i] = i < minority ? 1 : 0;
        }

        rng.Shuffle(y.AsSpan());
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < features; j++)
            {
                x[i, j] = rng.StandardNormal() + y[i];
            }
        }

        return (x, y);
    }
}
