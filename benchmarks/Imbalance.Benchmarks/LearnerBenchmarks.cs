using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Imbalance.Learning;

namespace Imbalance.Benchmarks;

/// <summary>
/// The learners InstanceHardnessThreshold and the ensembles stand on (issue #18): decision tree, random forest
/// (100 trees) and logistic regression fits on the standard shapes, plus the forest's predict_proba, its streamed
/// cross_val_predict and InstanceHardnessThreshold.
/// benchmarks/learner_runner.py times the same fits in scikit-learn 1.2.1 (forest with n_jobs=2); the table is in
/// benchmarks/README.md.
/// </summary>
[MemoryDiagnoser]
public class LearnerBenchmarks
{
    private double[,] _x = null!;
    private int[] _y = null!;
    private RandomForestClassifierModel<int> _forest = null!;

    [Params(2_000, 20_000)]
    public int Rows { get; set; } = 20_000;

    [GlobalSetup]
    public void Setup()
    {
        (_x, _y) = EnsembleData.Make(Rows, 20, 0.05);
        _forest = new RandomForestClassifier { NEstimators = 20, RandomState = 0 }.Fit(_x, _y);
    }

    [Benchmark]
    public int DecisionTree() => new DecisionTreeClassifier { RandomState = 0 }.Fit(_x, _y).NodeCount;

    [Benchmark]
    public int DecisionTreeBalanced() => new DecisionTreeClassifier { RandomState = 0, ClassWeight = ClassWeight.Balanced }.Fit(_x, _y).NodeCount;

    [Benchmark]
    public int RandomForest20() => new RandomForestClassifier { NEstimators = 20, RandomState = 0 }.Fit(_x, _y).TreeCount;

    [Benchmark]
    public double ForestPredictProba20() => _forest.PredictProba(_x)[0, 1];

    /// <summary>Five-fold out-of-fold probabilities of a 20-tree forest: the streamed path InstanceHardnessThreshold
    /// takes (trees grown with the test rows routed through them, no forest kept).</summary>
    [Benchmark]
    public double ForestCrossValPredict20() =>
        Imbalance.ModelSelection.CrossValidation.CrossValPredictProba(new RandomForestClassifier { NEstimators = 20, RandomState = 0 }, _x, _y)[0, 1];

    /// <summary>InstanceHardnessThreshold with its default forest (100 trees, cv=5).</summary>
    [Benchmark]
    public int InstanceHardnessThreshold() => new Imbalance.UnderSampling.InstanceHardnessThreshold { RandomState = 0 }.FitResample(_x, _y).Count;

    [Benchmark]
    public int LogisticRegression() => new LogisticRegression().Fit(_x, _y).Iterations;
}

/// <summary>
/// Times one learner fit on one SideBySide data set in this process, like the SideBySide runner times samplers:
/// <c>dotnet Imbalance.Benchmarks.dll learner-time NAME DATA REPEATS</c> prints one JSON line with the wall and process
/// CPU seconds of every fit and a checksum of the fitted model's predict_proba on the training rows (taken outside
/// the clock), so two builds can be compared bit for bit.
/// </summary>
public static class LearnerTiming
{
    public static void Time(string[] args)
    {
        var (name, data, repeats) = (args[0], args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        using var header = JsonDocument.Parse(File.ReadAllText(data + ".json"));
        var rows = header.RootElement.GetProperty("rows").GetInt32();
        var features = header.RootElement.GetProperty("features").GetInt32();
        var x = new double[rows, features];
        File.ReadAllBytes(data + ".x.f64").CopyTo(MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref x[0, 0], x.Length)));
        var y = MemoryMarshal.Cast<byte, int>(File.ReadAllBytes(data + ".y.i32")).ToArray();
        var times = new List<double>();
        var cpu = new List<double>();
        var checksum = "";
        for (var r = 0; r < repeats; r++)
        {
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var model = Fit(name, x, y, out var forestModel);
            watch.Stop();
            var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
            if (name == "forest-predict" && forestModel is not null)
            {
                cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                watch.Restart();
                forestModel.PredictProba(x);
                watch.Stop();
                cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
            }

            times.Add(watch.Elapsed.TotalSeconds);
            cpu.Add((cpu1 - cpu0).TotalSeconds);
            checksum = Checksum(model.PredictProba(x), Details(model));
        }

        Console.WriteLine(JsonSerializer.Serialize(new { side = "ours", learner = name, times, cpu, checksum }));
    }

    private static IClassificationModel<int> Fit(string name, double[,] x, int[] y, out RandomForestClassifierModel<int>? forest)
    {
        forest = null;
        switch (name)
        {
            case "tree":
                return new DecisionTreeClassifier { RandomState = 0 }.Fit(x, y);
            case "tree-balanced":
                return new DecisionTreeClassifier { RandomState = 0, ClassWeight = ClassWeight.Balanced }.Fit(x, y);
            case "forest":
            case "forest-predict":
                forest = new RandomForestClassifier { NEstimators = 100, RandomState = 0, MaxDegreeOfParallelism = 2 }.Fit(x, y);
                return forest;
            case "forest-balanced":
                return new RandomForestClassifier { NEstimators = 100, RandomState = 0, MaxDegreeOfParallelism = 2, ClassWeight = ClassWeight.Balanced }.Fit(x, y);
            case "logreg":
                return new LogisticRegression().Fit(x, y);
            case "logreg-balanced":
                return new LogisticRegression { ClassWeight = ClassWeight.Balanced }.Fit(x, y);
            default:
                throw new ArgumentException("unknown learner " + name, nameof(name));
        }
    }

    // What the probabilities on the training rows do not show (a fully grown tree's leaves are pure): the importances
    // (weighted impurities of every split) and node counts, or the coefficients.
    private static double[] Details(IClassificationModel<int> model) => model switch
    {
        DecisionTreeClassifierModel<int> t => [.. t.FeatureImportances, t.NodeCount],
        RandomForestClassifierModel<int> f => [.. f.FeatureImportances, .. f.TreeNodeCounts.Select(c => (double)c)],
        LogisticRegressionModel<int> l => [.. l.Coef.Cast<double>(), .. l.Intercept, l.Iterations],
        _ => [],
    };

    // FNV-1a over the bits of the probabilities and the details.
    private static string Checksum(double[,] proba, double[] details)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref proba[0, 0], proba.Length)))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        foreach (var b in MemoryMarshal.AsBytes(details.AsSpan()))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}
