using System.Collections.Concurrent;
using Imbalance.Datasets;
using Imbalance.Diagnostics;
using Imbalance.Learning;
using Imbalance.Metrics;
using Imbalance.ModelSelection;
using Imbalance.OverSampling;
using Imbalance.Pipelines;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.Diagnostics;

/// <summary>What scikit-learn warns about is returned as data; long calls report progress.</summary>
public class DiagnosticsTests
{
    private static (double[,] X, int[] Y) Data() =>
        DataGenerators.MakeClassification(nSamples: 300, nFeatures: 6, weights: [0.85], scale: 1000.0, randomState: 3);

    /// <summary>Collects reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class Recorder : IProgress<ProgressReport>
    {
        public ConcurrentQueue<ProgressReport> Reports { get; } = new();

        public void Report(ProgressReport value) => Reports.Enqueue(value);
    }

    [Fact]
    public void A_logistic_regression_stopped_at_MaxIter_says_so_in_NET_terms()
    {
        var (x, y) = Data();
        var stopped = new LogisticRegression { MaxIter = 2 }.Fit(x, y);
        stopped.Converged.Should().BeFalse();
        var warning = stopped.Warnings.Should().ContainSingle().Subject;
        warning.Kind.Should().Be(DiagnosticKind.Convergence);
        warning.Source.Should().Be("LogisticRegression");
        warning.Message.Should().Contain("MaxIter = 2").And.Contain("StandardScaler").And.NotContain("max_iter");

        var scaled = new StandardScaler().Fit(x).Transform(x);
        var converged = new LogisticRegression().Fit(scaled, y);
        converged.Converged.Should().BeTrue();
        converged.Warnings.Should().BeEmpty();
        ((IClassificationModel<int>)converged).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_pipeline_collects_its_steps_warnings_named_by_step()
    {
        var (x, y) = Data();
        var model = Pipeline.Make(new RandomOverSampler { RandomState = 0 }, new LogisticRegression { MaxIter = 2 }).Fit(x, y);
        model.Warnings.Should().ContainSingle().Which.Source.Should().Be("logisticregression/LogisticRegression");

        var nested = Pipeline.Create().Then("inner", Pipeline.Make(new StandardScaler(), new LogisticRegression())).Fit(x, y);
        nested.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Cross_validation_collects_each_folds_warnings_and_reports_each_fold()
    {
        var (x, y) = Data();
        var recorder = new Recorder();
        var scorer = Scoring.FromPredictions<int>("accuracy", (t, p) => ClassificationMetrics.AccuracyScore(t, p));
        var result = CrossValidation.CrossValidate(new LogisticRegression { MaxIter = 2 }, x, y, [scorer], null, 2, recorder);

        result.Warnings.Select(w => w.Source).Should().Equal(Enumerable.Range(1, 5).Select(f => $"fold {f}/LogisticRegression"));
        result.Warnings.Should().OnlyContain(w => w.Kind == DiagnosticKind.Convergence);
        recorder.Reports.Should().HaveCount(5).And.OnlyContain(r => r.Source == "CrossValidation" && r.Total == 5);
        recorder.Reports.Select(r => r.Completed).Should().BeEquivalentTo([1, 2, 3, 4, 5]);

        var quiet = CrossValidation.CrossValidate(new LogisticRegression(), new StandardScaler().Fit(x).Transform(x), y, [scorer]);
        quiet.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Zero_division_under_Warn_is_reported_for_the_ill_defined_classes_only()
    {
        int[] truth = [0, 0, 1, 1, 2];
        int[] predicted = [0, 0, 0, 1, 1];
        var matrix = ClassificationMetrics.ConfusionMatrix(truth, predicted);

        var precision = matrix.PrecisionPerClass();
        var warning = precision.Warnings.Should().ContainSingle().Subject;
        warning.Kind.Should().Be(DiagnosticKind.UndefinedMetric);
        warning.Message.Should().StartWith("Precision is ill-defined and being set to 0.0 in labels with no predicted samples: [2]")
            .And.Contain("zeroDivision").And.NotContain("zero_division");
        precision[2].Should().Be(0.0);

        matrix.RecallPerClass().Warnings.Should().BeEmpty("every class has true samples");
        matrix.PrecisionPerClass(ZeroDivision.Zero).Warnings.Should().BeEmpty("the caller chose the value");
        matrix.F1PerClass().Warnings.Should().ContainSingle();
        ImbalancedMetrics.ClassificationReportImbalanced(truth, predicted).Warnings.Should().HaveCount(2, "precision and F1 of class 2");
        ImbalancedMetrics.ClassificationReportImbalanced(truth, predicted, zeroDivision: ZeroDivision.One).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_sampler_that_returns_fewer_rows_than_asked_says_which_class()
    {
        var (x, y) = Data();
        var full = new RandomOverSampler { RandomState = 0 }.FitResample(x, y);
        full.Warnings.Should().BeEmpty();

        // ADASYN generates per-row counts rounded down, so it may fall short of the target; the warning must agree
        // with the counts either way.
        var adasyn = new Adasyn { RandomState = 0 }.FitResample(x, y);
        var asked = y.Count(c => c == 0);
        var got = adasyn.Y.Count(c => c == 1);
        if (got < asked)
        {
            adasyn.Warnings.Should().ContainSingle().Which.Message.Should().Be($"Class 1 has {got} samples after resampling; the sampling strategy asked for {asked}.");
        }
        else
        {
            adasyn.Warnings.Should().BeEmpty();
        }

        // Cleaning samplers ask for nothing: no warning even though they remove rows.
        new TomekLinks().FitResample(x, y).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Long_samplers_and_forests_report_progress()
    {
        var (x, y) = Data();
        var forest = new Recorder();
        new RandomForestClassifier { NEstimators = 7, RandomState = 0 }.Fit(x, y, null, forest);
        forest.Reports.Select(r => r.Completed).Should().BeEquivalentTo(Enumerable.Range(1, 7));
        forest.Reports.Should().OnlyContain(r => r.Source == "RandomForestClassifier" && r.Total == 7);

        var iht = new Recorder();
        var small = new RandomForestClassifier { NEstimators = 5, RandomState = 0 };
        new InstanceHardnessThreshold { Estimator = small, Cv = 3, RandomState = 0 }.FitResample(x, y, iht);
        iht.Reports.Should().HaveCount(3).And.OnlyContain(r => r.Source == "InstanceHardnessThreshold" && r.Total == 3);

        var centroids = new Recorder();
        new ClusterCentroids { RandomState = 0, Estimator = new KMeans { NInit = 1, RandomState = 0 } }.FitResample(x, y, centroids);
        centroids.Reports.Should().ContainSingle().Which.Should().Be(new ProgressReport("ClusterCentroids", 1, 1));

        var allKnn = new Recorder();
        new AllKnn().FitResample(x, y, allKnn);
        allKnn.Reports.Should().NotBeEmpty().And.OnlyContain(r => r.Source == "AllKnn" && r.Total == 3);
        allKnn.Reports.Last().Fraction.Should().BeGreaterThan(0.0);

        var renn = new Recorder();
        new RepeatedEditedNearestNeighbours().FitResample(x, y, renn);
        renn.Reports.Should().NotBeEmpty().And.OnlyContain(r => r.Source == "RepeatedEditedNearestNeighbours" && r.Total == 100);
    }

    [Fact]
    public void A_k_means_stopped_at_MaxIterations_is_reported_by_the_samplers_that_use_it()
    {
        var (x, y) = Data();
        var stopped = new KMeans { MaxIterations = 1, NInit = 1, RandomState = 0 };
        var centroids = new ClusterCentroids { Estimator = stopped, RandomState = 0 }.FitResample(x, y);
        var warning = centroids.Warnings.Should().ContainSingle().Subject;
        warning.Kind.Should().Be(DiagnosticKind.Convergence);
        warning.Source.Should().Be("KMeans");
        warning.Message.Should().Contain("MaxIterations = 1");

        var smote = new KMeansSmote { KMeansEstimator = new KMeans { NClusters = 4, MaxIterations = 1, NInit = 1, RandomState = 0 }, ClusterBalanceThreshold = 0.0, RandomState = 0 }
            .FitResample(x, y);
        smote.Warnings.Should().Contain(w => w.Kind == DiagnosticKind.Convergence && w.Source == "KMeans");

        new ClusterCentroids { RandomState = 0 }.FitResample(x, y).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_diagnostic_needs_a_source_and_a_message()
    {
        FluentActions.Invoking(() => new Diagnostic(DiagnosticKind.Convergence, "", "m")).Should().Throw<ArgumentException>().WithParameterName("source");
        FluentActions.Invoking(() => new Diagnostic(DiagnosticKind.Convergence, "s", null!)).Should().Throw<ArgumentNullException>().WithParameterName("message");
        new Diagnostic(DiagnosticKind.FewerSamples, "Adasyn", "short").ToString().Should().Be("Adasyn: short");
        new ProgressReport("x", 3, 4).Fraction.Should().Be(0.75);
    }
}
