using Imbalance.Learning;

namespace Imbalance.Tests.Learning;

/// <summary>Properties every learner keeps, whatever scikit-learn does: probabilities, determinism, weights, labels.</summary>
public class LearnerInvariantTests
{
    public static TheoryData<string> Learners => new() { "logreg", "tree", "forest" };

    private static IClassifier Make(string name, int seed = 3, int? threads = null) => name switch
    {
        "logreg" => new LogisticRegression(),
        "tree" => new DecisionTreeClassifier { RandomState = seed, MaxFeatures = MaxFeatures.Sqrt },
        _ => new RandomForestClassifier { NEstimators = 15, RandomState = seed, MaxDegreeOfParallelism = threads },
    };

    private static (double[,] X, int[] Y) Binary()
    {
        var (x, y) = TestData.ThreeClasses();
        return (x, y.Select(v => v == 0 ? 0 : 1).ToArray());
    }

    [Theory]
    [MemberData(nameof(Learners))]
    public void Probabilities_are_rows_summing_to_one_and_predict_is_their_argmax(string name)
    {
        foreach (var (x, y) in new[] { TestData.ThreeClasses(), Binary() })
        {
            var model = Make(name).Fit(x, y);
            var proba = model.PredictProba(x);
            var predicted = model.Predict(x);
            proba.GetLength(1).Should().Be(model.Classes.Count);
            for (var i = 0; i < x.GetLength(0); i++)
            {
                var row = Enumerable.Range(0, proba.GetLength(1)).Select(c => proba[i, c]).ToArray();
                row.Should().OnlyContain(p => p >= 0 && p <= 1);
                row.Sum().Should().BeApproximately(1.0, 1e-12);
                model.Classes[Array.IndexOf(row, row.Max())].Should().Be(predicted[i]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Learners))]
    public void Inputs_are_not_changed_and_the_same_seed_gives_the_same_model(string name)
    {
        var (x, y) = TestData.ThreeClasses();
        var weights = Enumerable.Range(0, y.Length).Select(i => 0.5 + (i % 3)).ToArray();
        var (xCopy, yCopy, wCopy) = (TestData.Copy(x), (int[])y.Clone(), (double[])weights.Clone());
        var first = Make(name).Fit(x, y, weights).PredictProba(x);
        var second = Make(name).Fit(x, y, weights).PredictProba(x);
        second.Should().BeEquivalentTo(first, o => o.WithStrictOrdering());
        x.Should().BeEquivalentTo(xCopy);
        y.Should().Equal(yCopy);
        weights.Should().Equal(wCopy);
    }

    [Theory]
    [MemberData(nameof(Learners))]
    public void String_and_enum_labels_give_the_same_predictions_as_ints(string name)
    {
        var (x, y) = TestData.ThreeClasses();
        var ints = Make(name).Fit(x, y);
        var strings = Make(name).Fit(x, TestData.AsStrings(y));
        var fruits = Make(name).Fit(x, TestData.AsEnum(y));
        strings.Classes.Should().Equal("class-a", "class-b", "class-c");
        fruits.Classes.Should().Equal(Fruit.Apple, Fruit.Banana, Fruit.Cherry);
        strings.Predict(x).Should().Equal(TestData.AsStrings(ints.Predict(x)));
        fruits.Predict(x).Should().Equal(TestData.AsEnum(ints.Predict(x)));
        strings.PredictProba(x).Should().BeEquivalentTo(ints.PredictProba(x), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Forest_output_does_not_depend_on_the_thread_count_and_differs_between_seeds()
    {
        var (x, y) = TestData.ThreeClasses();
        var one = Make("forest", 11, threads: 1).Fit(x, y);
        var four = Make("forest", 11, threads: 4).Fit(x, y);
        var all = Make("forest", 11).Fit(x, y);
        var reference = one.PredictProba(x);
        four.PredictProba(x).Should().BeEquivalentTo(reference, o => o.WithStrictOrdering());
        all.PredictProba(x).Should().BeEquivalentTo(reference, o => o.WithStrictOrdering());
        ((RandomForestClassifierModel<int>)all).TreeNodeCounts.Should().Equal(((RandomForestClassifierModel<int>)one).TreeNodeCounts);
        Make("forest", 12).Fit(x, y).PredictProba(x).Should().NotBeEquivalentTo(reference);
    }

    [Fact]
    public void Models_are_safe_to_share_between_threads()
    {
        var (x, y) = TestData.ThreeClasses();
        var model = new RandomForestClassifier { NEstimators = 10, RandomState = 1, MaxDegreeOfParallelism = 2 }.Fit(x, y);
        var expected = model.PredictProba(x);
        var results = new double[8][,];
        Parallel.For(0, results.Length, i => results[i] = model.PredictProba(x));
        results.Should().AllSatisfy(r => r.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering()));
    }

    [Fact]
    public void Full_depth_tree_fits_tie_free_training_data_exactly()
    {
        var (x, y) = TestData.ThreeClasses();
        var model = new DecisionTreeClassifier { RandomState = 0 }.Fit(x, y);
        model.Predict(x).Should().Equal(y);
        model.LeafCount.Should().Be((model.NodeCount + 1) / 2);
        var proba = model.PredictProba(x);
        for (var i = 0; i < y.Length; i++)
        {
            proba[i, y[i]].Should().Be(1.0);
        }
    }

    [Fact]
    public void Tree_zero_weight_rows_are_the_same_as_removed_rows()
    {
        var (x, y) = TestData.ThreeClasses();
        var keep = Enumerable.Range(0, y.Length).Where(i => i % 4 != 0).ToArray();
        var weights = Enumerable.Range(0, y.Length).Select(i => i % 4 == 0 ? 0.0 : 1.0 + (i % 3)).ToArray();
        var xKept = new double[keep.Length, x.GetLength(1)];
        for (var r = 0; r < keep.Length; r++)
        {
            for (var j = 0; j < x.GetLength(1); j++)
            {
                xKept[r, j] = x[keep[r], j];
            }
        }

        var tree = new DecisionTreeClassifier { RandomState = 5, MinSamplesLeaf = 2 };
        var withZeros = tree.Fit(x, y, weights);
        var removed = tree.Fit(xKept, keep.Select(i => y[i]).ToArray(), keep.Select(i => weights[i]).ToArray());
        withZeros.NodeCount.Should().Be(removed.NodeCount);
        withZeros.PredictProba(x).Should().BeEquivalentTo(removed.PredictProba(x), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Logistic_regression_weight_two_is_a_duplicated_row()
    {
        var (x, y) = TestData.ThreeClasses();
        var n = y.Length;
        var d = x.GetLength(1);
        var doubled = new double[n + 10, d];
        var yDoubled = new int[n + 10];
        var weights = new double[n];
        for (var i = 0; i < n + 10; i++)
        {
            var src = i < n ? i : i - n;
            for (var j = 0; j < d; j++)
            {
                doubled[i, j] = x[src, j];
            }

            yDoubled[i] = y[src];
        }

        for (var i = 0; i < n; i++)
        {
            weights[i] = i < 10 ? 2.0 : 1.0;
        }

        var lr = new LogisticRegression { Tol = 1e-9, MaxIter = 500 };
        var weighted = lr.Fit(x, y, weights).PredictProba(x);
        var duplicated = lr.Fit(doubled, yDoubled).PredictProba(x);
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                weighted[i, c].Should().BeApproximately(duplicated[i, c], 1e-7);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Learners))]
    public void Balanced_class_weight_is_n_over_classes_times_count(string name)
    {
        var (x, y) = TestData.ThreeClasses(); // 60, 25 and 15 rows
        var expected = new Dictionary<int, double> { [0] = 100.0 / (3 * 60.0), [1] = 100.0 / (3 * 25.0), [2] = 100.0 / (3 * 15.0) };
        IClassificationModel<int> Fit(ClassWeight weight) => name switch
        {
            "logreg" => new LogisticRegression { ClassWeight = weight }.Fit(x, y),
            "tree" => new DecisionTreeClassifier { ClassWeight = weight, RandomState = 2, MaxDepth = 4 }.Fit(x, y),
            _ => new RandomForestClassifier { ClassWeight = weight, RandomState = 2, NEstimators = 8, MaxDepth = 4 }.Fit(x, y),
        };

        var balanced = Fit(ClassWeight.Balanced).PredictProba(x);
        Fit(ClassWeight.Explicit(expected)).PredictProba(x).Should().BeEquivalentTo(balanced, o => o.WithStrictOrdering());
        var rowWeights = y.Select(v => expected[v]).ToArray();
        var viaSampleWeight = Make(name) switch
        {
            LogisticRegression lr => lr.Fit(x, y, rowWeights),
            DecisionTreeClassifier => new DecisionTreeClassifier { RandomState = 2, MaxDepth = 4 }.Fit(x, y, rowWeights),
            _ => (IClassificationModel<int>)new RandomForestClassifier { RandomState = 2, NEstimators = 8, MaxDepth = 4 }.Fit(x, y, rowWeights),
        };
        viaSampleWeight.PredictProba(x).Should().BeEquivalentTo(balanced, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Balanced_subsample_without_bootstrap_is_balanced()
    {
        var (x, y) = TestData.ThreeClasses();
        var forest = new RandomForestClassifier { NEstimators = 5, RandomState = 9, Bootstrap = false, ClassWeight = ClassWeight.BalancedSubsample };
        var subsample = forest.Fit(x, y).PredictProba(x);
        new RandomForestClassifier { NEstimators = 5, RandomState = 9, Bootstrap = false, ClassWeight = ClassWeight.Balanced }
            .Fit(x, y).PredictProba(x).Should().BeEquivalentTo(subsample, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Logistic_regression_reports_iterations_and_non_convergence()
    {
        var (x, y) = TestData.ThreeClasses();
        var capped = new LogisticRegression { MaxIter = 2 }.Fit(x, y);
        capped.Converged.Should().BeFalse();
        capped.Iterations.Should().Be(2);
        var full = new LogisticRegression().Fit(x, y);
        full.Converged.Should().BeTrue();
        full.Iterations.Should().BeInRange(1, 100);
        full.Coef.GetLength(0).Should().Be(3);
        full.Intercept.Sum().Should().BeApproximately(0.0, 1e-9, "multinomial intercepts start at zero and keep a zero sum");
        var binary = new LogisticRegression { FitIntercept = false }.Fit(Binary().X, Binary().Y);
        binary.Coef.GetLength(0).Should().Be(1);
        binary.Intercept.Should().Equal(0.0);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        var (x, y) = TestData.ThreeClasses();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var act = () => new RandomForestClassifier { NEstimators = 5 }.Fit(x, y, cancellationToken: cts.Token);
        act.Should().Throw<OperationCanceledException>();
        var tree = () => new DecisionTreeClassifier().Fit(x, y, cancellationToken: cts.Token);
        tree.Should().Throw<OperationCanceledException>();
        var lr = () => new LogisticRegression().Fit(x, y, cancellationToken: cts.Token);
        lr.Should().Throw<OperationCanceledException>();
    }
}
