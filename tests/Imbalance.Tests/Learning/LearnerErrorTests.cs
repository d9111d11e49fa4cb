using Imbalance.Learning;

namespace Imbalance.Tests.Learning;

/// <summary>Bad configuration and bad input fail early, naming the parameter.</summary>
public class LearnerErrorTests
{
    [Fact]
    public void Invalid_settings_are_rejected_by_their_property()
    {
        FluentActions.Invoking(() => new LogisticRegression { C = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("C");
        FluentActions.Invoking(() => new LogisticRegression { C = double.PositiveInfinity }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("C");
        FluentActions.Invoking(() => new LogisticRegression { MaxIter = -1 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxIter");
        FluentActions.Invoking(() => new LogisticRegression { Tol = -1e-3 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Tol");
        FluentActions.Invoking(() => new LogisticRegression { ClassWeight = ClassWeight.BalancedSubsample }).Should().Throw<ArgumentException>().WithParameterName("ClassWeight");
        FluentActions.Invoking(() => new DecisionTreeClassifier { MaxDepth = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxDepth");
        FluentActions.Invoking(() => new DecisionTreeClassifier { MinSamplesSplit = 1 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MinSamplesSplit");
        FluentActions.Invoking(() => new DecisionTreeClassifier { MinSamplesLeaf = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MinSamplesLeaf");
        FluentActions.Invoking(() => new DecisionTreeClassifier { RandomState = -1 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("RandomState");
        FluentActions.Invoking(() => new DecisionTreeClassifier { Criterion = (SplitCriterion)7 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Criterion");
        FluentActions.Invoking(() => new DecisionTreeClassifier { ClassWeight = ClassWeight.BalancedSubsample }).Should().Throw<ArgumentException>().WithParameterName("ClassWeight");
        FluentActions.Invoking(() => new RandomForestClassifier { NEstimators = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("NEstimators");
        FluentActions.Invoking(() => new RandomForestClassifier { MaxDegreeOfParallelism = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxDegreeOfParallelism");
        FluentActions.Invoking(() => new RandomForestClassifier { MaxDepth = -2 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxDepth");
        FluentActions.Invoking(() => new RandomForestClassifier { RandomState = -5 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("RandomState");
        FluentActions.Invoking(() => MaxFeatures.Count(0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("count");
        FluentActions.Invoking(() => MaxFeatures.Fraction(0.0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("fraction");
        FluentActions.Invoking(() => MaxFeatures.Fraction(1.5)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("fraction");
        FluentActions.Invoking(() => ClassWeight.Explicit(new Dictionary<int, double> { [0] = -1 })).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("weights");
        FluentActions.Invoking(() => ClassWeight.Explicit(new Dictionary<int, double> { [0] = double.NaN })).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("weights");
    }

    public static TheoryData<string> Learners => new() { "logreg", "tree", "forest" };

    private static IClassifier Make(string name, ClassWeight? weight = null, MaxFeatures? maxFeatures = null) => name switch
    {
        "logreg" => new LogisticRegression { ClassWeight = weight },
        "tree" => new DecisionTreeClassifier { ClassWeight = weight, MaxFeatures = maxFeatures, RandomState = 0 },
        _ => new RandomForestClassifier { NEstimators = 3, ClassWeight = weight, MaxFeatures = maxFeatures ?? MaxFeatures.Sqrt, RandomState = 0 },
    };

    [Theory]
    [MemberData(nameof(Learners))]
    public void Bad_data_is_rejected_naming_the_argument(string name)
    {
        var (x, y) = TestData.ThreeClasses();
        var learner = Make(name);
        learner.Invoking(l => l.Fit(null!, y)).Should().Throw<ArgumentNullException>().WithParameterName("x");
        learner.Invoking(l => l.Fit<int>(x, null!)).Should().Throw<ArgumentNullException>().WithParameterName("y");
        learner.Invoking(l => l.Fit(x, y.Take(10).ToArray())).Should().Throw<ArgumentException>().WithParameterName("y")
            .WithMessage("Found input variables with inconsistent numbers of samples: [100, 10]*");
        var nan = TestData.Copy(x);
        nan[3, 1] = double.NaN;
        learner.Invoking(l => l.Fit(nan, y)).Should().Throw<ArgumentException>().WithParameterName("x");
        learner.Invoking(l => l.Fit(new double[0, 4], Array.Empty<int>())).Should().Throw<ArgumentException>().WithParameterName("x");
        learner.Invoking(l => l.Fit(x, y, new double[5])).Should().Throw<ArgumentException>().WithParameterName("sampleWeight")
            .WithMessage("sampleWeight.shape == (5,), expected (100,)!*");
        learner.Invoking(l => l.Fit(x, y, Enumerable.Repeat(-1.0, 100).ToArray())).Should().Throw<ArgumentException>().WithParameterName("sampleWeight");
        learner.Invoking(l => l.Fit(x, y, new double[100])).Should().Throw<ArgumentException>().WithParameterName("sampleWeight");
        learner.Invoking(l => l.Fit(x, y.Select(v => v + 0.5).ToArray())).Should().Throw<ArgumentException>().WithParameterName("y");

        var model = learner.Fit(x, y);
        model.Invoking(m => m.Predict(new double[2, 3])).Should().Throw<ArgumentException>().WithParameterName("x")
            .WithMessage("X has 3 features, but * is expecting 4 features as input.*");
        model.Invoking(m => m.PredictProba(new double[,] { { 1, 2, double.PositiveInfinity, 4 } })).Should().Throw<ArgumentException>().WithParameterName("x");
    }

    [Theory]
    [MemberData(nameof(Learners))]
    public void Explicit_class_weights_must_match_the_labels(string name)
    {
        var (x, y) = TestData.ThreeClasses();
        Make(name, ClassWeight.Explicit(new Dictionary<string, double> { ["a"] = 2 })).Invoking(l => l.Fit(x, y))
            .Should().Throw<ArgumentException>().WithParameterName("ClassWeight").WithMessage("*type String*type Int32*");
        Make(name, ClassWeight.Explicit(new Dictionary<int, double> { [0] = 2, [7] = 1 })).Invoking(l => l.Fit(x, y))
            .Should().Throw<ArgumentException>().WithParameterName("ClassWeight").WithMessage("The classes, [1, 2], are not in ClassWeight*");

        // Classes left out weigh 1, as in scikit-learn.
        var partial = Make(name, ClassWeight.Explicit(new Dictionary<int, double> { [2] = 3 })).Fit(x, y).PredictProba(x);
        var full = Make(name, ClassWeight.Explicit(new Dictionary<int, double> { [0] = 1, [1] = 1, [2] = 3 })).Fit(x, y).PredictProba(x);
        partial.Should().BeEquivalentTo(full, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Too_many_features_and_a_single_class_are_rejected()
    {
        var (x, y) = TestData.ThreeClasses();
        Make("tree", maxFeatures: MaxFeatures.Count(5)).Invoking(l => l.Fit(x, y)).Should().Throw<ArgumentException>()
            .WithParameterName("MaxFeatures").WithMessage("MaxFeatures must be in (0, n_features]*");
        Make("forest", maxFeatures: MaxFeatures.Count(9)).Invoking(l => l.Fit(x, y)).Should().Throw<ArgumentException>().WithParameterName("MaxFeatures");
        new LogisticRegression().Invoking(l => l.Fit(x, new int[100])).Should().Throw<ArgumentException>().WithParameterName("y")
            .WithMessage("This solver needs samples of at least 2 classes in the data, but the data contains only one class: 0*");
        var huge = TestData.Copy(x);
        huge[0, 0] = 1e300;
        new DecisionTreeClassifier().Invoking(l => l.Fit(huge, y)).Should().Throw<ArgumentException>().WithParameterName("x")
            .WithMessage("*too large for dtype('float32')*");
    }

    [Fact]
    public void A_single_class_tree_and_forest_predict_it_with_probability_one()
    {
        var (x, _) = TestData.ThreeClasses();
        var y = Enumerable.Repeat("only", 100).ToArray();
        var tree = new DecisionTreeClassifier().Fit(x, y);
        tree.NodeCount.Should().Be(1);
        tree.Predict(x).Should().OnlyContain(v => v == "only");
        new RandomForestClassifier { NEstimators = 3, RandomState = 0 }.Fit(x, y).PredictProba(x).Cast<double>().Should().OnlyContain(p => p == 1.0);
    }
}
