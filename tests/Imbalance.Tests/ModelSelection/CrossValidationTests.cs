using System.Collections.Concurrent;
using Imbalance.Learning;
using Imbalance.ModelSelection;
using Imbalance.Neighbors;
using Imbalance.OverSampling;
using Imbalance.Pipelines;
using Imbalance.Sampling;

namespace Imbalance.Tests.ModelSelection;

public class CrossValidationTests
{
    /// <summary>Records every row count a sampler resamples and every row count a model predicts.</summary>
    private sealed class Spy
    {
        public ConcurrentBag<int> SamplerRows { get; } = [];

        public ConcurrentBag<double[,]> PredictedX { get; } = [];

        public ConcurrentBag<double[,]> FittedX { get; } = [];
    }

    private sealed class SpySampler(Spy spy, ISampler inner) : ISampler
    {
        public SamplingStrategy SamplingStrategy => inner.SamplingStrategy;

        public SamplingType SamplingType => inner.SamplingType;

        public ResampleResult<TLabel> FitResample<TLabel>(double[,] x, IReadOnlyList<TLabel> y, CancellationToken cancellationToken = default)
            where TLabel : notnull
        {
            spy.SamplerRows.Add(x.GetLength(0));
            return inner.FitResample(x, y, cancellationToken);
        }
    }

    private sealed class SpyClassifier(Spy spy) : IClassifier
    {
        public IClassificationModel<TLabel> Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
            where TLabel : notnull
        {
            spy.FittedX.Add(x);
            return new SpyModel<TLabel>(spy, new KNeighborsClassifier { NNeighbors = 1 }.Fit(x, y));
        }
    }

    private sealed class SpyModel<TLabel>(Spy spy, IClassificationModel<TLabel> inner) : IClassificationModel<TLabel>
        where TLabel : notnull
    {
        public IReadOnlyList<TLabel> Classes => inner.Classes;

        public TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default)
        {
            spy.PredictedX.Add(x);
            return inner.Predict(x, cancellationToken);
        }

        public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default)
        {
            spy.PredictedX.Add(x);
            return inner.PredictProba(x, cancellationToken);
        }
    }

    private static double Accuracy(IReadOnlyList<int> yTrue, int[] yPred) => yTrue.Zip(yPred).Count(p => p.First == p.Second) / (double)yTrue.Count;

    [Fact]
    public void No_synthetic_or_duplicated_row_reaches_a_test_fold()
    {
        var (x, y) = TestData.ThreeClasses();
        var spy = new Spy();
        var pipeline = Pipeline.Create().Then("ros", new SpySampler(spy, new RandomOverSampler { RandomState = 0 })).Then("clf", new SpyClassifier(spy));
        var folds = new StratifiedKFold { Shuffle = true, RandomState = 0 }.Split(y);

        var result = CrossValidation.CrossValidate(pipeline, x, y, [Scoring.FromPredictions<int>("accuracy", Accuracy)], folds, maxDegreeOfParallelism: 2);

        spy.SamplerRows.Order().Should().Equal(folds.Select(f => f.TrainIndices.Length).Order(), "the sampler sees each training fold once, and nothing else");
        spy.PredictedX.Should().HaveCount(5);
        var testSets = folds.Select(f => Rows(x, f.TestIndices)).ToList();
        foreach (var predicted in spy.PredictedX)
        {
            testSets.Should().ContainSingle(t => SameRows(t, predicted), "each prediction is made on exactly one untouched test fold");
        }

        // The classifier is fitted on the over-sampled training fold: three classes at the fold's majority count.
        var expectedFitted = folds.Select(f => 3 * f.TrainIndices.GroupBy(i => y[i]).Max(g => g.Count())).Order();
        spy.FittedX.Select(f => f.GetLength(0)).Order().Should().Equal(expectedFitted);

        result.TestScores["accuracy"].Should().HaveCount(5).And.OnlyContain(s => s >= 0 && s <= 1);
        result.FitTimes.Should().HaveCount(5);
    }

    [Fact]
    public void Out_of_fold_predictions_equal_fold_by_fold_fits()
    {
        var (x, y) = TestData.ThreeClasses();
        var clf = new KNeighborsClassifier { NNeighbors = 3 };
        var folds = new StratifiedKFold { NSplits = 4 }.Split(y);
        var predictions = CrossValidation.CrossValPredict(clf, x, y, folds);
        var proba = CrossValidation.CrossValPredictProba(clf, x, y, folds);
        foreach (var fold in folds)
        {
            var model = clf.Fit(Rows(x, fold.TrainIndices), fold.TrainIndices.Select(i => y[i]).ToArray());
            var expected = model.Predict(Rows(x, fold.TestIndices));
            var expectedProba = model.PredictProba(Rows(x, fold.TestIndices));
            for (var i = 0; i < fold.TestIndices.Length; i++)
            {
                predictions[fold.TestIndices[i]].Should().Be(expected[i]);
                proba[fold.TestIndices[i], 0].Should().Be(expectedProba[i, 0]);
            }
        }

        var scores = CrossValidation.CrossValScore(clf, x, y, Scoring.FromPredictions<int>("accuracy", Accuracy), folds);
        scores.Should().HaveCount(4);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        var (x, y) = TestData.ThreeClasses();
        var clf = new KNeighborsClassifier();
        var scorer = Scoring.FromPredictions<int>("a", Accuracy);
        FluentActions.Invoking(() => CrossValidation.CrossValidate(clf, x, y, [scorer, scorer])).Should().Throw<ArgumentException>().WithParameterName("scorers");
        FluentActions.Invoking(() => CrossValidation.CrossValPredict(clf, x, y, [new Fold([0, 1], [2])])).Should().Throw<ArgumentException>().WithParameterName("folds");
        FluentActions.Invoking(() => CrossValidation.CrossValScore(clf, x, y, scorer, [new Fold([0], [500])])).Should().Throw<ArgumentException>().WithParameterName("folds");
    }

    private static double[,] Rows(double[,] x, int[] indices)
    {
        var d = x.GetLength(1);
        var r = new double[indices.Length, d];
        for (var i = 0; i < indices.Length; i++)
        {
            for (var j = 0; j < d; j++)
            {
                r[i, j] = x[indices[i], j];
            }
        }

        return r;
    }

    private static bool SameRows(double[,] a, double[,] b) =>
        a.GetLength(0) == b.GetLength(0) && a.Cast<double>().SequenceEqual(b.Cast<double>());
}
