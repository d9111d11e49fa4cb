using System.Text.Json;
using Imbalance.Neighbors;
using Imbalance.Randomness;

namespace Imbalance.Tests.Neighbors;

/// <summary>Reads tests/fixtures/sklearn_knn.json (made by generate_knn.py with scikit-learn 1.2.1).</summary>
internal static class KnnFixture
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "sklearn_knn.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.Clone();
    });

    public static JsonElement Neighbors => Root.Value.GetProperty("neighbors");

    public static JsonElement Classifier => Root.Value.GetProperty("classifier");

    /// <summary>X = RandomState(seed).standard_normal(n*d) as n x d, then m x d query rows from the same stream.</summary>
    public static (double[,] X, double[,] Q) Data(int seed, int n, int d, int m)
    {
        var rng = new RandomState(seed);
        var x = new double[n, d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                x[i, j] = rng.StandardNormal();
            }
        }

        var q = new double[m, d];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < d; j++)
            {
                q[i, j] = rng.StandardNormal();
            }
        }

        return (x, q);
    }

    public static DistanceMetric Metric(string name) => name switch
    {
        "euclidean" => DistanceMetric.Euclidean,
        "manhattan" => DistanceMetric.Manhattan,
        "chebyshev" => DistanceMetric.Chebyshev,
        "minkowski3" => DistanceMetric.Minkowski(3),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown metric"),
    };

    /// <summary>The first <paramref name="rows"/> rows of a matrix.</summary>
    public static double[,] Head(double[,] x, int rows)
    {
        var d = x.GetLength(1);
        var h = new double[rows, d];
        Array.Copy(x, h, rows * d);
        return h;
    }
}
