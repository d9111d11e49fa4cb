using Imbalance.Learning;
using Imbalance.Neighbors;
using Imbalance.OverSampling;
using Imbalance.Pipelines;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.Pipelines;

/// <summary>The pipeline guarantee: samplers run once per fit and never while predicting.</summary>
public class PipelineTests
{
    /// <summary>A sampler that counts its calls and records the rows it saw (wrapping a real sampler).</summary>
    private sealed class CountingSampler(ISampler inner) : ISampler
    {
        private int _calls;

        public int Calls => _calls;

        public List<int> RowsSeen { get; } = [];

        public SamplingStrategy SamplingStrategy => inner.SamplingStrategy;

        public SamplingType SamplingType => inner.SamplingType;

        public ResampleResult<TLabel> FitResample<TLabel>(double[,] x, IReadOnlyList<TLabel> y, CancellationToken cancellationToken = default)
            where TLabel : notnull
        {
            Interlocked.Increment(ref _calls);
            lock (RowsSeen)
            {
                RowsSeen.Add(x.GetLength(0));
            }

            return inner.FitResample(x, y, cancellationToken);
        }
    }

    /// <summary>A classifier that records the rows it was fitted on and predicts by 1-NN.</summary>
    private sealed class RecordingClassifier : IClassifier
    {
        public double[,]? FittedX { get; private set; }

        public IReadOnlyList<double>? FittedWeights { get; private set; }

        public IClassificationModel<TLabel> Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
            where TLabel : notnull
        {
            FittedX = x;
            FittedWeights = sampleWeight;
            return new KNeighborsClassifier { NNeighbors = 1 }.Fit(x, y);
        }
    }

    private static (double[,] X, int[] Y) Data() => TestData.ThreeClasses();

    [Fact]
    public void Samplers_run_once_per_fit_and_never_at_predict()
    {
        var (x, y) = Data();
        var counter = new CountingSampler(new RandomOverSampler { RandomState = 0 });
        var clf = new RecordingClassifier();
        var pipeline = Pipeline.Create().Then("scale", new StandardScaler()).Then("ros", counter).Then("clf", clf);

        var model = pipeline.Fit(x, y);
        counter.Calls.Should().Be(1);
        clf.FittedX!.GetLength(0).Should().Be(180, "60 + 25 + 15 rows over-sampled to 60 per class");

        model.Predict(x);
        model.PredictProba(x);
        counter.Calls.Should().Be(1, "predicting never resamples");
        model.Transformers.Should().ContainSingle().Which.Should().BeOfType<StandardScalerModel>();
        model.Classes.Should().Equal(0, 1, 2);
    }

    [Fact]
    public void Predictions_equal_the_manual_chain()
    {
        var (x, y) = Data();
        var model = Pipeline.Make(new StandardScaler(), new RandomUnderSampler { RandomState = 3 }, new KNeighborsClassifier()).Fit(x, y);

        var scaler = new StandardScaler().Fit(x);
        var (xr, yr) = new RandomUnderSampler { RandomState = 3 }.FitResample(scaler.Transform(x), y);
        var manual = new KNeighborsClassifier().Fit(xr, yr);
        model.Predict(x).Should().Equal(manual.Predict(scaler.Transform(x)));
        model.PredictProba(x).Should().BeEquivalentTo(manual.PredictProba(scaler.Transform(x)));
    }

    [Fact]
    public void Pipelines_nest_and_flatten_their_transformers()
    {
        var (x, y) = Data();
        var counter = new CountingSampler(new RandomOverSampler { RandomState = 0 });
        var inner = Pipeline.Create().Then("scale", new StandardScaler()).Then("ros", counter);
        var outer = Pipeline.Create().Then("prep", inner).Then("scale2", new StandardScaler()).Then("knn", new KNeighborsClassifier());
        var model = outer.Fit(x, y);
        counter.Calls.Should().Be(1);
        model.Transformers.Should().HaveCount(2);
        model.Predict(x);
        counter.Calls.Should().Be(1);

        // A nested pipeline with a final classifier acts as the final step.
        var wrapped = Pipeline.Create().Then("scale", new StandardScaler()).Then("model", outer).Fit(x, y);
        wrapped.Predict(x).Should().HaveCount(100);
    }

    [Fact]
    public void Sample_weights_follow_selected_rows()
    {
        var (x, y) = Data();
        var weights = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();
        var clf = new RecordingClassifier();
        var rus = new RandomUnderSampler { RandomState = 1 };
        Pipeline.Create().Then("rus", rus).Then("clf", clf).Fit(x, y, weights);
        var indices = rus.FitResample(x, y).SampleIndices!;
        clf.FittedWeights.Should().Equal(indices.Select(i => (double)i));
    }

    [Fact]
    public void Names_kinds_and_order_are_validated()
    {
        var pipeline = Pipeline.Create().Then("scale", new StandardScaler());
        pipeline.Invoking(p => p.Then("scale", new StandardScaler())).Should().Throw<ArgumentException>().WithMessage("Names provided are not unique*");
        pipeline.Invoking(p => p.Then("a__b", new StandardScaler())).Should().Throw<ArgumentException>().WithParameterName("name");
        var withClf = pipeline.Then("knn", new KNeighborsClassifier());
        withClf.Invoking(p => p.Then("more", new StandardScaler())).Should().Throw<ArgumentException>().WithMessage("All intermediate steps*");
        pipeline.Invoking(p => p.Fit(new double[,] { { 1 }, { 2 } }, new[] { 0, 1 })).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => Pipeline.Make(new StandardScaler(), "not a step")).Should().Throw<ArgumentException>().WithParameterName("steps");
        Pipeline.Make(new StandardScaler(), new StandardScaler(), new KNeighborsClassifier()).StepNames
            .Should().Equal("standardscaler-1", "standardscaler-2", "kneighborsclassifier");
        pipeline.StepNames.Should().Equal("scale");
    }
}
