using Imbalance.Calibration;
using Imbalance.Combine;
using Imbalance.Ensemble;
using Imbalance.Datasets;
using Imbalance.Learning;
using Imbalance.Metrics;
using Imbalance.ModelSelection;
using Imbalance.Neighbors;
using Imbalance.OverSampling;
using Imbalance.Pipelines;
using Imbalance.Sampling;
using Imbalance.UnderSampling;
using ScottPlot;

namespace Imbalance.Gallery;

/// <summary>One figure of the gallery: a file name, a caption, and a function that draws it.</summary>
/// <param name="FileName">The PNG's file name.</param>
/// <param name="Caption">One line saying what the figure shows.</param>
/// <param name="Build">Draws the figure (every panel) from data the gallery makes itself.</param>
public sealed record GalleryFigure(string FileName, string Caption, Func<Multiplot> Build)
{
    /// <summary>Draws the figure and writes it as a PNG of the given size.</summary>
    public void Save(string path, int width, int height) => Build().SavePng(path, width, height);
}

/// <summary>
/// The gallery, like imblearn's plotted examples: what each sampler does to 2-D data, how it moves a classifier's
/// decision regions, and how the strategies compare on precision-recall, ROC and threshold curves.
/// </summary>
public static class GalleryFigures
{
    private static readonly Color Majority = Color.FromHex("#9AA5B1");
    private static readonly Color Minority = Color.FromHex("#1F77B4");
    private static readonly Color Synthetic = Color.FromHex("#FF7F0E");
    private static readonly Color Removed = Color.FromHex("#D62728");

    /// <summary>Every figure, in the order the README lists them.</summary>
    public static IReadOnlyList<GalleryFigure> All { get; } =
    [
        new("over-sampling.png", "Each over-sampler's synthetic rows (orange) on 2-D data with a 10 % minority (blue).", OverSampling),
        new("under-sampling.png", "Each under-sampler's kept rows and the rows it removed (red crosses); ClusterCentroids' generated centroids as squares.", UnderSampling),
        new("decision-regions.png", "A 15-nearest-neighbour classifier's probability of the minority class after each over-sampler.", DecisionRegions),
        new("pr-roc-curves.png", "Precision-recall and ROC curves on held-out rows: no handling, class weights, SMOTE, random under-sampling, a balanced random forest, and the tuned threshold's operating point.", Curves),
        new("threshold-curve.png", "F1, G-mean and balanced accuracy of a logistic regression against its decision threshold.", ThresholdCurves),
        new("calibration.png", "Reliability curves on held-out rows: a logistic regression, the same after random under-sampling, and the under-sampled model after PriorCorrection and after CalibratedClassifierCV.", Calibration),
    ];

    // Two informative features, one cluster per class, 10 % minority: scikit-learn's make_classification with the
    // same arguments gives the same rows.
    private static (double[,] X, int[] Y) TwoDimensional() => DataGenerators.MakeClassification(
        nSamples: 300, nFeatures: 2, nInformative: 2, nRedundant: 0, nClustersPerClass: 1, weights: [0.9, 0.1],
        flipY: 0.0, classSep: 0.8, randomState: 3);

    private static Multiplot OverSampling()
    {
        var (x, y) = TwoDimensional();
        (string Title, ISampler Sampler)[] samplers =
        [
            ("RandomOverSampler (Shrinkage = 0.5)", new RandomOverSampler { Shrinkage = 0.5, RandomState = 0 }),
            ("Smote", new Smote { RandomState = 0 }),
            ("BorderlineSmote", new BorderlineSmote { RandomState = 0 }),
            ("Adasyn", new Adasyn { RandomState = 0 }),
            ("SvmSmote", new SvmSmote { RandomState = 0 }),
            ("KMeansSmote", new KMeansSmote { RandomState = 0, ClusterBalanceThreshold = 0.0 }),
        ];
        var figure = Grid(2, 3);
        for (var p = 0; p < samplers.Length; p++)
        {
            var plot = figure.GetPlot(p);
            var result = samplers[p].Sampler.FitResample(x, y);
            var n = y.Length;
            AddPoints(plot, x, Enumerable.Range(0, n).Where(i => y[i] == 0), Majority, MarkerShape.FilledCircle, "majority");
            AddPoints(plot, x, Enumerable.Range(0, n).Where(i => y[i] == 1), Minority, MarkerShape.FilledCircle, "minority");
            // Over-samplers keep the original rows first and append the new ones (imblearn's row order).
            AddPoints(plot, result.X, Enumerable.Range(n, result.Count - n), Synthetic, MarkerShape.Cross, "synthetic");
            plot.Title(samplers[p].Title, size: 13);
        }

        figure.GetPlot(0).ShowLegend(Alignment.UpperLeft);
        return figure;
    }

    private static Multiplot UnderSampling()
    {
        var (x, y) = TwoDimensional();
        (string Title, ISampler Sampler)[] samplers =
        [
            ("RandomUnderSampler", new RandomUnderSampler { RandomState = 0 }),
            ("NearMiss-1", new NearMiss { Version = 1 }),
            ("NearMiss-2", new NearMiss { Version = 2 }),
            ("NearMiss-3", new NearMiss { Version = 3 }),
            ("ClusterCentroids", new ClusterCentroids { RandomState = 0 }),
            ("TomekLinks", new TomekLinks()),
            ("EditedNearestNeighbours", new EditedNearestNeighbours()),
            ("RepeatedEditedNearestNeighbours", new RepeatedEditedNearestNeighbours()),
            ("AllKnn", new AllKnn()),
            ("CondensedNearestNeighbour", new CondensedNearestNeighbour { RandomState = 0 }),
            ("OneSidedSelection", new OneSidedSelection { RandomState = 0 }),
            ("NeighbourhoodCleaningRule", new NeighbourhoodCleaningRule()),
            ("InstanceHardnessThreshold", new InstanceHardnessThreshold { RandomState = 0 }),
            ("SmoteEnn (over, then clean)", new SmoteEnn { RandomState = 0 }),
            ("SmoteTomek (over, then clean)", new SmoteTomek { RandomState = 0 }),
        ];
        var figure = Grid(3, 5);
        for (var p = 0; p < samplers.Length; p++)
        {
            var plot = figure.GetPlot(p);
            var result = samplers[p].Sampler.FitResample(x, y);
            if (result.SampleIndices is { } kept)
            {
                // Selecting samplers name the input rows they kept; everything else was removed.
                var keptSet = kept.ToHashSet();
                var n = y.Length;
                AddPoints(plot, x, Enumerable.Range(0, n).Where(i => keptSet.Contains(i) && y[i] == 0), Majority, MarkerShape.FilledCircle, "kept majority");
                AddPoints(plot, x, Enumerable.Range(0, n).Where(i => keptSet.Contains(i) && y[i] == 1), Minority, MarkerShape.FilledCircle, "kept minority");
                AddPoints(plot, x, Enumerable.Range(0, n).Where(i => !keptSet.Contains(i)), Removed, MarkerShape.Eks, "removed");
            }
            else
            {
                // ClusterCentroids (soft voting) and the SMOTE combinations generate rows: draw what they return.
                AddPoints(plot, x, Enumerable.Range(0, y.Length), Color.FromHex("#E5E8EB"), MarkerShape.FilledCircle, "original");
                AddPoints(plot, result.X, Enumerable.Range(0, result.Count).Where(i => result.Y[i] == 0), Majority, MarkerShape.FilledSquare, "majority");
                AddPoints(plot, result.X, Enumerable.Range(0, result.Count).Where(i => result.Y[i] == 1), Minority, MarkerShape.FilledCircle, "minority");
            }

            plot.Title(samplers[p].Title, size: 12);
        }

        figure.GetPlot(0).ShowLegend(Alignment.UpperLeft);
        return figure;
    }

    private static Multiplot DecisionRegions()
    {
        var (x, y) = TwoDimensional();
        (string Title, ISampler? Sampler)[] samplers =
        [
            ("No resampling", null),
            ("Smote", new Smote { RandomState = 0 }),
            ("BorderlineSmote", new BorderlineSmote { RandomState = 0 }),
            ("Adasyn", new Adasyn { RandomState = 0 }),
            ("SvmSmote", new SvmSmote { RandomState = 0 }),
            ("RandomUnderSampler", new RandomUnderSampler { RandomState = 0 }),
        ];
        var (xMin, xMax, yMin, yMax) = Bounds(x);
        const int cells = 90;
        var grid = new double[cells * cells, 2];
        for (var r = 0; r < cells; r++)
        {
            for (var c = 0; c < cells; c++)
            {
                grid[(r * cells) + c, 0] = xMin + ((c + 0.5) * (xMax - xMin) / cells);
                grid[(r * cells) + c, 1] = yMax - ((r + 0.5) * (yMax - yMin) / cells);
            }
        }

        var figure = Grid(2, 3);
        for (var p = 0; p < samplers.Length; p++)
        {
            var plot = figure.GetPlot(p);
            var classifier = new KNeighborsClassifier { NNeighbors = 15 };
            // The pipeline resamples the training rows inside Fit; predicting the grid never resamples.
            IClassificationModel<int> model = samplers[p].Sampler is { } sampler ? Pipeline.Make(sampler, classifier).Fit(x, y) : classifier.Fit(x, y);
            var proba = model.PredictProba(grid);
            var minority = model.Classes.ToList().IndexOf(1);
            var intensities = new double[cells, cells];
            for (var i = 0; i < cells * cells; i++)
            {
                intensities[i / cells, i % cells] = proba[i, minority];
            }

            var heatmap = plot.Add.Heatmap(intensities);
            heatmap.Extent = new CoordinateRect(xMin, xMax, yMin, yMax);
            heatmap.Colormap = new ScottPlot.Colormaps.Balance();
            heatmap.ManualRange = new ScottPlot.Range(0, 1);
            heatmap.Opacity = 0.55;
            AddPoints(plot, x, Enumerable.Range(0, y.Length).Where(i => y[i] == 0), Color.FromHex("#404040"), MarkerShape.FilledCircle, "majority", 3);
            AddPoints(plot, x, Enumerable.Range(0, y.Length).Where(i => y[i] == 1), Color.FromHex("#FFFFFF"), MarkerShape.FilledCircle, "minority", 4);
            plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
            plot.Title(samplers[p].Title, size: 13);
        }

        return figure;
    }

    // A larger problem for the curves: 4,000 x 10 with a 5 % minority, three quarters to train, a quarter held out.
    private static (TrainTestSplit<int> Split, (string Name, double[] Scores)[] Strategies) CurveData()
    {
        var (x, y) = DataGenerators.MakeClassification(
            nSamples: 4_000, nFeatures: 10, nInformative: 4, weights: [0.95, 0.05], flipY: 0.02, classSep: 0.8, randomState: 7);
        var split = DataSplit.TrainTestSplit(x, y, testSize: 0.25, randomState: 0, stratify: true);
        (string Name, IClassifier Model)[] strategies =
        [
            ("No handling", Pipeline.Make(new StandardScaler(), new LogisticRegression())),
            ("Class weights", Pipeline.Make(new StandardScaler(), new LogisticRegression { ClassWeight = ClassWeight.Balanced })),
            ("SMOTE", Pipeline.Make(new StandardScaler(), new Smote { RandomState = 0 }, new LogisticRegression())),
            ("Random under-sampling", Pipeline.Make(new StandardScaler(), new RandomUnderSampler { RandomState = 0 }, new LogisticRegression())),
            ("Balanced random forest", new BalancedRandomForestClassifier { NEstimators = 100, RandomState = 0 }),
        ];
        return (split, strategies.Select(s => (s.Name, PositiveScores(s.Model.Fit(split.XTrain, split.YTrain), split.XTest))).ToArray());
    }

    private static Multiplot Curves()
    {
        var (split, strategies) = CurveData();
        var figure = Grid(1, 2);
        var (pr, roc) = (figure.GetPlot(0), figure.GetPlot(1));
        foreach (var (name, scores) in strategies)
        {
            var prCurve = ScoreMetrics.PrecisionRecallCurve(split.YTest, scores);
            var ap = ScoreMetrics.AveragePrecisionScore(split.YTest, scores);
            var line = pr.Add.ScatterLine(prCurve.Recall.ToArray(), prCurve.Precision.ToArray());
            line.LegendText = $"{name} (AP {ap:F3})";
            line.ConnectStyle = ConnectStyle.StepVertical;

            var rocCurve = ScoreMetrics.RocCurve(split.YTest, scores);
            var auc = ScoreMetrics.RocAucScore(split.YTest, scores);
            roc.Add.ScatterLine(rocCurve.FalsePositiveRates.ToArray(), rocCurve.TruePositiveRates.ToArray()).LegendText = $"{name} (AUC {auc:F3})";
        }

        // The tuned threshold does not change the ranking (its curve is the no-handling one): it picks a point on it.
        var tuned = new TunedThresholdClassifierCV { Estimator = Pipeline.Make(new StandardScaler(), new LogisticRegression()), Scoring = Scoring.Get("f1") }
            .Fit(split.XTrain, split.YTrain);
        var decided = tuned.Predict(split.XTest);
        var point = (Recall: ClassificationMetrics.RecallScore(split.YTest, decided, posLabel: 1), Precision: ClassificationMetrics.PrecisionScore(split.YTest, decided, posLabel: 1));
        pr.Add.Marker(point.Recall, point.Precision, MarkerShape.FilledDiamond, 12, Color.FromHex("#000000")).LegendText =
            $"Tuned threshold {tuned.BestThreshold:F2} (F1 on inner folds)";
        pr.Title("Precision-recall (held-out rows)", size: 13);
        pr.XLabel("Recall");
        pr.YLabel("Precision");
        pr.ShowLegend(Alignment.UpperRight);
        roc.Title("ROC (held-out rows)", size: 13);
        roc.XLabel("False positive rate");
        roc.YLabel("True positive rate");
        roc.ShowLegend(Alignment.LowerRight);
        return figure;
    }

    private static Multiplot ThresholdCurves()
    {
        var (split, strategies) = CurveData();
        var scores = strategies[0].Scores; // no handling: the threshold is where its weakness lies
        var figure = Grid(1, 1);
        var plot = figure.GetPlot(0);
        (string Name, ThresholdObjective Objective)[] objectives =
        [
            ("F1", ThresholdObjective.FBeta),
            ("G-mean", ThresholdObjective.GeometricMean),
            ("Balanced accuracy", ThresholdObjective.BalancedAccuracy),
        ];
        foreach (var (name, objective) in objectives)
        {
            var curve = ThresholdMoving.TuneThreshold(split.YTest, scores, objective);
            // The first threshold is +infinity (predict nothing positive); plot the finite ones.
            var line = plot.Add.ScatterLine(curve.Thresholds.Skip(1).ToArray(), curve.Values.Skip(1).ToArray());
            line.LegendText = $"{name} (best {curve.BestValue:F3} at {curve.BestThreshold:F3})";
            plot.Add.Marker(curve.BestThreshold, curve.BestValue, MarkerShape.FilledCircle, 8, line.Color);
        }

        plot.Add.VerticalLine(0.5, 1, Color.FromHex("#777777"), LinePattern.Dashed).LegendText = "default threshold 0.5";
        plot.Title("Metrics of a logistic regression (no resampling) against its threshold", size: 13);
        plot.XLabel("Threshold on the predicted minority probability");
        plot.YLabel("Score on held-out rows");
        plot.Axes.SetLimitsX(0, 1);
        plot.ShowLegend(Alignment.UpperRight);
        return figure;
    }

    private static Multiplot Calibration()
    {
        var (x, y) = DataGenerators.MakeClassification(
            nSamples: 20_000, nFeatures: 10, nInformative: 4, weights: [0.9, 0.1], flipY: 0.02, classSep: 0.8, randomState: 11);
        var split = DataSplit.TrainTestSplit(x, y, testSize: 0.5, randomState: 0, stratify: true);
        var underSampled = Pipeline.Make(new StandardScaler(), new RandomUnderSampler { RandomState = 0 }, new LogisticRegression());
        (string Name, IClassifier Model)[] models =
        [
            ("Logistic regression", Pipeline.Make(new StandardScaler(), new LogisticRegression())),
            ("After random under-sampling", underSampled),
            ("  + PriorCorrection", new PriorCorrection { Estimator = underSampled }),
            ("  + CalibratedClassifierCV (sigmoid)", new CalibratedClassifierCV { Estimator = underSampled, Method = CalibrationMethod.Sigmoid }),
        ];
        var figure = Grid(1, 1);
        var plot = figure.GetPlot(0);
        plot.Add.Line(0, 0, 1, 1).LinePattern = LinePattern.Dashed;
        foreach (var (name, model) in models)
        {
            var scores = PositiveScores(model.Fit(split.XTrain, split.YTrain), split.XTest);
            var brier = ClassificationMetrics.BrierScoreLoss(split.YTest, scores, posLabel: 1);
            // Ten equal-width bins of predicted probability: mean prediction against the share of positives.
            var bins = Enumerable.Range(0, scores.Length).GroupBy(i => Math.Min(9, (int)(scores[i] * 10))).Where(g => g.Count() >= 20).OrderBy(g => g.Key).ToArray();
            var line = plot.Add.ScatterLine(bins.Select(g => g.Average(i => scores[i])).ToArray(), bins.Select(g => g.Average(i => (double)split.YTest[i])).ToArray());
            line.MarkerSize = 6;
            line.LegendText = $"{name.Trim()} (Brier {brier:F4})";
        }

        plot.Title("Reliability on held-out rows: under-sampling bends the probabilities, correction repairs them", size: 13);
        plot.XLabel("Mean predicted probability of the minority class (bins of 0.1)");
        plot.YLabel("Share of minority rows");
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(Alignment.UpperLeft);
        return figure;
    }

    private static double[] PositiveScores(IClassificationModel<int> model, double[,] x)
    {
        var proba = model.PredictProba(x);
        var column = model.Classes.ToList().IndexOf(1);
        return Enumerable.Range(0, proba.GetLength(0)).Select(i => proba[i, column]).ToArray();
    }

    private static Multiplot Grid(int rows, int columns)
    {
        var figure = new Multiplot();
        figure.AddPlots(rows * columns);
        figure.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        return figure;
    }

    private static void AddPoints(Plot plot, double[,] x, IEnumerable<int> rows, Color color, MarkerShape shape, string legend, float size = 5)
    {
        var selected = rows.ToArray();
        var markers = plot.Add.Markers(selected.Select(i => x[i, 0]).ToArray(), selected.Select(i => x[i, 1]).ToArray(), shape, size, color);
        markers.LegendText = legend;
    }

    private static (double XMin, double XMax, double YMin, double YMax) Bounds(double[,] x)
    {
        var n = x.GetLength(0);
        var xs = Enumerable.Range(0, n).Select(i => x[i, 0]).ToArray();
        var ys = Enumerable.Range(0, n).Select(i => x[i, 1]).ToArray();
        return (xs.Min() - 0.5, xs.Max() + 0.5, ys.Min() - 0.5, ys.Max() + 0.5);
    }
}
