using Imbalance.Randomness;

namespace Imbalance.Tests;

/// <summary>Small deterministic data sets shared by tests.</summary>
public static class TestData
{
    /// <summary>
    /// Three Gaussian blobs in four dimensions with 60, 25 and 15 rows (labels 0, 1, 2), interleaved so rows of a
    /// class are not contiguous. Tie-free.
    /// </summary>
    public static (double[,] X, int[] Y) ThreeClasses(int seed = 7)
    {
        var rng = new RandomState(seed);
        var sizes = new[] { 60, 25, 15 };
        var n = sizes.Sum();
        var labels = new int[n];
        var fill = 0;
        for (var c = 0; c < sizes.Length; c++)
        {
            for (var i = 0; i < sizes[c]; i++)
            {
                labels[fill++] = c;
            }
        }

        rng.Shuffle(labels.AsSpan());
        var x = new double[n, 4];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                x[i, j] = rng.StandardNormal() + (labels[i] * 1.5) + j;
            }
        }

        return (x, labels);
    }

    /// <summary>Labels mapped to strings that sort like the ints.</summary>
    public static string[] AsStrings(int[] y) => y.Select(v => "class-" + (char)('a' + v)).ToArray();

    /// <summary>Labels mapped to an enum that sorts like the ints.</summary>
    public static Fruit[] AsEnum(int[] y) => y.Select(v => (Fruit)v).ToArray();

    /// <summary>A deep copy of a matrix.</summary>
    public static double[,] Copy(double[,] x) => (double[,])x.Clone();

    /// <summary>Parses a JSON matrix of repr strings.</summary>
    public static double[,] Matrix(System.Text.Json.JsonElement rows)
    {
        var n = rows.GetArrayLength();
        var d = n == 0 ? 0 : rows[0].GetArrayLength();
        var x = new double[n, d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                x[i, j] = Number(rows[i][j]);
            }
        }

        return x;
    }

    /// <summary>A JSON double written as a repr string (or a plain number).</summary>
    public static double Number(System.Text.Json.JsonElement e) =>
        e.ValueKind == System.Text.Json.JsonValueKind.String
            ? double.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : e.GetDouble();

    /// <summary>A JSON int array.</summary>
    public static int[] Ints(System.Text.Json.JsonElement e) => e.EnumerateArray().Select(v => v.GetInt32()).ToArray();
}

/// <summary>An enum label type for round-trip tests.</summary>
public enum Fruit
{
    Apple,
    Banana,
    Cherry,
    Date,
}
