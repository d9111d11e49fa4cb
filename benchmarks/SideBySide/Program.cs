using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Imbalance.Combine;
using Imbalance.OverSampling;
using Imbalance.Randomness;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

// The C# half of the side-by-side comparison (benchmarks/SideBySide/README.md):
//   generate DIR               writes the standard data sets (raw little-endian binary + a JSON header) once
//   run SAMPLER DATA REPEATS   times SAMPLER on DATA (a path without extension) REPEATS times in this fresh process and
//                              prints one JSON line: the first call (what a user's program pays, JIT included), every
//                              call (wall and CPU seconds of the process), and the peak resident set size (VmHWM).
return args switch
{
    ["generate", var dir] => Generate(dir, DataSets.Standard),
    ["generate", var dir, .. var names] => Generate(dir, DataSets.Named(names)),
    ["knn", var data, var k, var repeats] => Knn(data, int.Parse(k, CultureInfo.InvariantCulture), int.Parse(repeats, CultureInfo.InvariantCulture)),
    ["run", var sampler, var data, var repeats] => Run(sampler, data, int.Parse(repeats, CultureInfo.InvariantCulture)),
    ["kmeans", var data, var clusters, var repeats] => KMeansRun.Run(data, int.Parse(clusters, CultureInfo.InvariantCulture), int.Parse(repeats, CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: SideBySide generate DIR [SHAPE...] | SideBySide run SAMPLER DATA REPEATS | SideBySide knn DATA K REPEATS | SideBySide kmeans DATA K REPEATS");
    return 2;
}

static int Generate(string dir, Shape[] shapes)
{
    Directory.CreateDirectory(dir);
    foreach (var shape in shapes)
    {
        var prefix = Path.Combine(dir, shape.Name);
        if (File.Exists(prefix + ".json"))
        {
            continue;
        }

        var (x, y) = DataSets.Make(shape);
        File.WriteAllBytes(prefix + ".x.f64", MemoryMarshal.AsBytes(x.AsSpan()).ToArray());
        File.WriteAllBytes(prefix + ".y.i32", MemoryMarshal.AsBytes(y.AsSpan()).ToArray());
        var header = new { rows = shape.Rows, features = shape.Features, fractions = shape.Fractions, seed = shape.Seed };
        File.WriteAllText(prefix + ".json", JsonSerializer.Serialize(header));
        Console.WriteLine(prefix);
    }

    return 0;
}

// Times the neighbour search alone: fit NearestNeighbors (auto algorithm) on DATA and query every row's K nearest
// (queries = the fitted rows, as TomekLinks and the edited-nearest-neighbour family do).
static int Knn(string data, int k, int repeats)
{
    var (x, _) = Load(data);
    var times = new List<double>();
    var cpu = new List<double>();
    var fitTimes = new List<double>();
    var checksum = "";
    var algorithm = "";
    for (var r = 0; r < repeats; r++)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var index = new Imbalance.Neighbors.NearestNeighbors { NNeighbors = k }.Fit(x);
        fitTimes.Add(watch.Elapsed.TotalSeconds);
        var result = index.KNeighbors(x, k);
        watch.Stop();
        times.Add(watch.Elapsed.TotalSeconds);
        cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
        algorithm = index.Algorithm.ToString();
        var hash = 14695981039346656037UL;
        foreach (var value in MemoryMarshal.AsBytes(result.AllIndices))
        {
            hash = (hash ^ value) * 1099511628211UL;
        }

        foreach (var value in MemoryMarshal.AsBytes(result.AllDistances))
        {
            hash = (hash ^ value) * 1099511628211UL;
        }

        checksum = hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    Console.WriteLine(JsonSerializer.Serialize(new { side = "ours", knn = k, algorithm, times, cpu, fit_times = fitTimes, checksum, peak_rss_mb = PeakRssMb() }));
    return 0;
}

static (double[,] X, int[] Y) Load(string data)
{
    using var header = JsonDocument.Parse(File.ReadAllText(data + ".json"));
    var rows = header.RootElement.GetProperty("rows").GetInt32();
    var features = header.RootElement.GetProperty("features").GetInt32();
    // Read straight into the arrays (as imblearn_runner.py's np.fromfile does): a temporary byte[] copy of the data
    // would stay on the large-object heap until a full collection and count in the process's peak memory.
    var x = new double[rows, features];
    using (var file = File.OpenRead(data + ".x.f64"))
    {
        file.ReadExactly(MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref x[0, 0], x.Length)));
    }

    var y = new int[rows];
    using (var file = File.OpenRead(data + ".y.i32"))
    {
        file.ReadExactly(MemoryMarshal.AsBytes(y.AsSpan()));
    }

    return (x, y);
}

static int Run(string samplerName, string data, int repeats)
{
    var (x, y) = Load(data);
    var times = new List<double>();
    var cpu = new List<double>();
    var jitMethods = new List<long>();
    var jitMs = new List<double>();
    string? error = null;
    var outRows = 0;
    var checksum = "";
    for (var r = 0; r < repeats && error is null; r++)
    {
        var sampler = Samplers.Make(samplerName);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var cpuAfter = cpuBefore;
        var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTimeBefore = System.Runtime.JitInfo.GetCompilationTime();
        var watch = Stopwatch.StartNew();
        try
        {
            var result = sampler.FitResample(x, y);
            watch.Stop();
            cpuAfter = Process.GetCurrentProcess().TotalProcessorTime;
            outRows = result.Count;
            checksum = Checksum(result.X, result.Y);
        }
        catch (ArgumentException e)
        {
            watch.Stop();
            cpuAfter = Process.GetCurrentProcess().TotalProcessorTime;
            error = e.Message.Split('\n')[0];
        }

        times.Add(watch.Elapsed.TotalSeconds);
        cpu.Add((cpuAfter - cpuBefore).TotalSeconds);
        jitMethods.Add(System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore);
        jitMs.Add((System.Runtime.JitInfo.GetCompilationTime() - jitTimeBefore).TotalMilliseconds);
    }

    var allocatedMb = GC.GetTotalAllocatedBytes() / (1024.0 * 1024.0);
    int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    var line = JsonSerializer.Serialize(new { side = "ours", sampler = samplerName, times, cpu, rows_out = outRows, checksum, error, jit_methods = jitMethods, jit_ms = jitMs, peak_rss_mb = PeakRssMb(), allocated_mb = allocatedMb, gc_collections = collections });
    Console.WriteLine(line);
    return 0;
}

// FNV-1a over the output's bits, to compare versions of the library on the same data.
static string Checksum(double[,] x, int[] y)
{
    var hash = 14695981039346656037UL;
    foreach (var value in MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref x[0, 0], x.Length)))
    {
        hash = (hash ^ value) * 1099511628211UL;
    }

    foreach (var value in MemoryMarshal.AsBytes(y.AsSpan()))
    {
        hash = (hash ^ value) * 1099511628211UL;
    }

    return hash.ToString("x16", CultureInfo.InvariantCulture);
}

static double PeakRssMb()
{
    foreach (var line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
        {
            var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return kb / 1024.0;
        }
    }

    return double.NaN;
}

/// <summary>The standard shapes of issue #18: Gaussian features, class c shifted by c x Shift in every feature.</summary>
internal sealed record Shape(string Name, int Rows, int Features, double[] Fractions, double Shift, int Seed);

internal static class DataSets
{
    private static readonly double[] Binary = [0.95, 0.05];

    public static readonly Shape[] Standard =
    [
        new("1k_x_10", 1_000, 10, Binary, 1.0, 0),
        new("20k_x_20", 20_000, 20, Binary, 1.0, 1),
        new("10k_x_200", 10_000, 200, Binary, 1.0, 2),
        new("30k_x_16_4class", 30_000, 16, [0.70, 0.20, 0.07, 0.03], 0.75, 3),
        new("100k_x_30", 100_000, 30, Binary, 1.0, 4),
        new("200k_x_3", 200_000, 3, Binary, 1.0, 5),
    ];

    /// <summary>Shapes generated only when named (<c>generate DIR NAME...</c>): too big for the default comparison.</summary>
    public static readonly Shape[] Extra =
    [
        new("1m_x_10", 1_000_000, 10, [0.98, 0.02], 1.0, 6),
        new("20k_x_10", 20_000, 10, Binary, 1.0, 7),
    ];

    /// <summary>The standard or extra shapes with the given names.</summary>
    public static Shape[] Named(string[] names) =>
        [.. names.Select(name => Standard.Concat(Extra).FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"unknown shape {name}", nameof(names)))];

    /// <summary>Labels by class fraction (rounded down, the rest to class 0), shuffled with NumPy's legacy
    /// <c>RandomState(seed).shuffle</c>, then every value a standard normal plus the class shift, row by row.</summary>
    public static (double[] X, int[] Y) Make(Shape shape)
    {
        var rng = new RandomState(shape.Seed);
        var y = new int[shape.Rows];
        var at = 0;
        for (var c = shape.Fractions.Length - 1; c >= 1; c--)
        {
            var count = (int)(shape.Rows * shape.Fractions[c]);
            y.AsSpan(at, count).Fill(c);
            at += count;
        }

        rng.Shuffle(y.AsSpan());
        var x = new double[shape.Rows * shape.Features];
        for (var i = 0; i < shape.Rows; i++)
        {
            for (var j = 0; j < shape.Features; j++)
            {
                x[(i * shape.Features) + j] = rng.StandardNormal() + (y[i] * shape.Shift);
            }
        }

        return (x, y);
    }
}

/// <summary>imblearn's class names (and NearMiss-v) to our samplers with imblearn's defaults and seed 0.</summary>
internal static class Samplers
{
    public static Sampler Make(string name) => name switch
    {
        "RandomOverSampler" => new RandomOverSampler { RandomState = 0 },
        "RandomUnderSampler" => new RandomUnderSampler { RandomState = 0 },
        "SMOTE" => new Smote { RandomState = 0 },
        "BorderlineSMOTE" => new BorderlineSmote { RandomState = 0 },
        "ADASYN" => new Adasyn { RandomState = 0 },
        "SVMSMOTE" => new SvmSmote { RandomState = 0 },
        "KMeansSMOTE" => new KMeansSmote { RandomState = 0 },
        "TomekLinks" => new TomekLinks(),
        "EditedNearestNeighbours" => new EditedNearestNeighbours(),
        "RepeatedEditedNearestNeighbours" => new RepeatedEditedNearestNeighbours(),
        "AllKNN" => new AllKnn(),
        "CondensedNearestNeighbour" => new CondensedNearestNeighbour { RandomState = 0 },
        "OneSidedSelection" => new OneSidedSelection { RandomState = 0 },
        "NeighbourhoodCleaningRule" => new NeighbourhoodCleaningRule(),
        "NearMiss-1" => new NearMiss { Version = 1 },
        "NearMiss-2" => new NearMiss { Version = 2 },
        "NearMiss-3" => new NearMiss { Version = 3 },
        "ClusterCentroids" => new ClusterCentroids { RandomState = 0 },
        "InstanceHardnessThreshold" => new InstanceHardnessThreshold { RandomState = 0 },
        "SMOTEENN" => new SmoteEnn { RandomState = 0 },
        "SMOTETomek" => new SmoteTomek { RandomState = 0 },
        _ => throw new ArgumentException($"unknown sampler {name}", nameof(name)),
    };
}
