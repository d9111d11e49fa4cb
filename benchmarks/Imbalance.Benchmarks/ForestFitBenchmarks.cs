using BenchmarkDotNet.Attributes;
using Imbalance.Learning;
using Imbalance.ModelSelection;

namespace Imbalance.Benchmarks;

/// <summary>
/// The random forest's tree growing on the shapes where InstanceHardnessThreshold spends its time (issue #18): a
/// 20-tree fit and a 20-tree five-fold cross_val_predict (the path InstanceHardnessThreshold takes: folds share one
/// presorted copy of the rows, trees predict while they grow) on 20k x 20 (sorted-list mode: few features) and
/// 10k x 200 (sorting on ranks: many features per draw). The memory diagnoser shows the allocations per call.
/// </summary>
[MemoryDiagnoser]
public class ForestFitBenchmarks
{
    private double[,] _x = null!;
    private int[] _y = null!;

    /// <summary>Rows x features of the data.</summary>
    [Params("20000x20", "10000x200")]
    public string Shape { get; set; } = "20000x20";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shape.Split('x');
        (_x, _y) = EnsembleData.Make(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), 0.1);
    }

    /// <summary>Fits a 20-tree forest (bootstrap, sqrt features) on all rows.</summary>
    [Benchmark]
    public int Fit20() => new RandomForestClassifier { NEstimators = 20, RandomState = 0 }.Fit(_x, _y).TreeCount;

    /// <summary>Five-fold out-of-fold probabilities of a 20-tree forest.</summary>
    [Benchmark]
    public double CrossValPredict20() =>
        CrossValidation.CrossValPredictProba(new RandomForestClassifier { NEstimators = 20, RandomState = 0 }, _x, _y, new StratifiedKFold { NSplits = 5, Shuffle = true, RandomState = 0 }.Split(_y))[0, 1];
}
