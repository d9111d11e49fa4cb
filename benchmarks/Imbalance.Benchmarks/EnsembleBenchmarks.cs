using BenchmarkDotNet.Attributes;
using Imbalance.Ensemble;

namespace Imbalance.Benchmarks;

/// <summary>
/// The balanced ensembles with imblearn's defaults (fit, then predict_proba on the training rows) on the standard
/// shapes. benchmarks/ensemble_compare.py times the same calls against imblearn 0.10 on identical data
/// (<see cref="EnsembleData"/>); the table is in benchmarks/README.md.
/// </summary>
[MemoryDiagnoser]
public class EnsembleBenchmarks
{
    private double[,] _x = null!;
    private int[] _y = null!;

    [Params("20000x20@5%", "20000x20@2%", "100000x30@5%", "100000x30@2%")]
    public string Shape { get; set; } = "20000x20@5%";

    [GlobalSetup]
    public void Setup() => (_x, _y) = EnsembleTiming.Data(Shape);

    [Benchmark]
    public double BalancedRandomForest() => EnsembleTiming.Run("brf", _x, _y);

    [Benchmark]
    public double BalancedBagging() => EnsembleTiming.Run("bagging", _x, _y);

    [Benchmark]
    public double EasyEnsemble() => EnsembleTiming.Run("easy", _x, _y);

    [Benchmark]
    public double RusBoost() => EnsembleTiming.Run("rusboost", _x, _y);
}

/// <summary>
/// Wall-clock timing of one ensemble for benchmarks/ensemble_compare.py (which interleaves it with imblearn):
/// <c>dotnet Imbalance.Benchmarks.dll ensemble-time NAME SHAPE REPEATS</c> prints the median seconds of fit +
/// predict_proba.
/// </summary>
public static class EnsembleTiming
{
    public static (double[,] X, int[] Y) Data(string shape)
    {
        var (size, minority) = (shape.Split('@')[0], shape.Split('@')[1]);
        var parts = size.Split('x');
        return EnsembleData.Make(int.Parse(parts[0]), int.Parse(parts[1]), double.Parse(minority.TrimEnd('%')) / 100.0);
    }

    public static double Run(string name, double[,] x, int[] y) => Make(name).Fit(x, y).PredictProba(x)[0, 1];

    private static Imbalance.Learning.IClassifier Make(string name) => name switch
        {
        "brf" => new BalancedRandomForestClassifier { RandomState = 0 },
        "bagging" => new BalancedBaggingClassifier { RandomState = 0 },
        "easy" => new EasyEnsembleClassifier { RandomState = 0 },
        "rusboost" => new RusBoostClassifier { RandomState = 0 },
        _ => throw new ArgumentException("unknown ensemble " + name, nameof(name)),
        };

    public static void Time(string[] args)
    {
        var (x, y) = Data(args[1]);
        if (args[0] == "data")
        {
            // A fingerprint to compare with make_classification's: first row's first values and the minority count.
            Console.WriteLine($"{x[0, 0]:R} {x[0, 1]:R} {x[0, 2]:R} {y.Sum()}");
            return;
        }

        var repeats = int.Parse(args[2]);
        if (args.Length > 3 && args[3] == "split")
        {
            // Fit and predict separately, in wall and process CPU seconds (for profiling by hand).
            for (var r = 0; r < repeats; r++)
            {
                var proc = System.Diagnostics.Process.GetCurrentProcess();
                var cpu0 = proc.TotalProcessorTime;
                var w = System.Diagnostics.Stopwatch.StartNew();
                var model = Make(args[0]).Fit(x, y);
                var fit = w.Elapsed.TotalSeconds;
                proc.Refresh();
                var cpuFit = (proc.TotalProcessorTime - cpu0).TotalSeconds;
                model.PredictProba(x);
                proc.Refresh();
                Console.WriteLine($"fit {fit:F3} s (cpu {cpuFit:F3}), predict {w.Elapsed.TotalSeconds - fit:F3} s (cpu total {(proc.TotalProcessorTime - cpu0).TotalSeconds:F3})");
            }

            return;
        }

        var times = new double[repeats];
        for (var r = 0; r < repeats; r++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Run(args[0], x, y);
            times[r] = watch.Elapsed.TotalSeconds;
        }

        Array.Sort(times);
        Console.WriteLine(times[repeats / 2].ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    }
}
