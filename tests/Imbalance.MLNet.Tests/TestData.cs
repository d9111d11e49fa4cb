using Imbalance.Sampling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalance.MLNet.Tests;

public sealed class BinaryRow
{
    public bool Label { get; set; }

    [VectorType(3)]
    public float[] Features { get; set; } = [];

    public float Weight { get; set; }

    public int Id { get; set; }
}

public sealed class ClassRow
{
    public string Class { get; set; } = "";

    public float A { get; set; }

    public float B { get; set; }
}

public sealed class KeyRow
{
    [KeyType(3)]
    public uint Label { get; set; }

    [VectorType(2)]
    public float[] Features { get; set; } = [];
}

/// <summary>Deterministic small data sets for the ML.NET adapter tests.</summary>
public static class TestData
{
    /// <summary>Binary rows: every <paramref name="every"/>-th row positive, positives shifted by <paramref name="shift"/>; features not exactly representable in a few decimals.</summary>
    public static BinaryRow[] Binary(int n = 200, int every = 8, double shift = 1.5, int seed = 1)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(i =>
        {
            var positive = i % every == 0;
            float Next() => (float)(Gaussian(rng) + (positive ? shift : 0.0));
            return new BinaryRow { Label = positive, Features = [Next(), Next(), Next()], Weight = 1f + (i % 5 / 10f), Id = i };
        })];
    }

    /// <summary>Three well separated classes "x" (many), "y", "z" (few) in two features.</summary>
    public static ClassRow[] ThreeClasses(int seed = 3)
    {
        var rng = new Random(seed);
        var rows = new List<ClassRow>();
        void Add(string c, int count, float cx, float cy)
        {
            for (var i = 0; i < count; i++)
            {
                rows.Add(new ClassRow { Class = c, A = cx + ((float)Gaussian(rng) * 0.3f), B = cy + ((float)Gaussian(rng) * 0.3f) });
            }
        }

        Add("x", 80, 0, 0);
        Add("y", 20, 4, 0);
        Add("z", 10, 0, 4);
        return [.. rows.OrderBy(_ => rng.Next())];
    }

    /// <summary>ML.NET's internal SchemaShape.Create, the way CrossValidate and AutoML obtain a shape.</summary>
    public static SchemaShape Shape(DataViewSchema schema)
    {
        var create = typeof(SchemaShape).GetMethod("Create", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic, [typeof(DataViewSchema)])!;
        return (SchemaShape)create.Invoke(null, [schema])!;
    }

    public static double Gaussian(Random rng) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());

    public static T[] Rows<T>(MLContext ml, IDataView view)
        where T : class, new() => [.. ml.Data.CreateEnumerable<T>(view, reuseRowObject: false)];

    public static float[][] Features(IDataView view, string column = "Features")
    {
        var col = view.Schema[column];
        using var cursor = view.GetRowCursor([col]);
        var getter = cursor.GetGetter<VBuffer<float>>(col);
        var rows = new List<float[]>();
        var value = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            getter(ref value);
            rows.Add(value.DenseValues().ToArray());
        }

        return [.. rows];
    }

    public static T[] Column<T>(IDataView view, string column)
    {
        var col = view.Schema[column];
        using var cursor = view.GetRowCursor([col]);
        var getter = cursor.GetGetter<T>(col);
        var rows = new List<T>();
        T value = default!;
        while (cursor.MoveNext())
        {
            getter(ref value);
            rows.Add(value);
        }

        return [.. rows];
    }

    public static double[,] Matrix(IEnumerable<float[]> rows)
    {
        var list = rows.ToList();
        var x = new double[list.Count, list[0].Length];
        for (var i = 0; i < list.Count; i++)
        {
            for (var j = 0; j < list[i].Length; j++)
            {
                x[i, j] = list[i][j];
            }
        }

        return x;
    }
}

/// <summary>A sampler that records what it was given and returned, delegating to another sampler.</summary>
public sealed class RecordingSampler(ISampler inner) : ISampler
{
    private readonly List<(int In, int Out)> _calls = [];

    public IReadOnlyList<(int In, int Out)> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public SamplingStrategy SamplingStrategy => inner.SamplingStrategy;

    public SamplingType SamplingType => inner.SamplingType;

    public ResampleResult<TLabel> FitResample<TLabel>(double[,] x, IReadOnlyList<TLabel> y, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        var result = inner.FitResample(x, y, cancellationToken);
        lock (_calls)
        {
            _calls.Add((y.Count, result.Count));
        }

        return result;
    }
}
