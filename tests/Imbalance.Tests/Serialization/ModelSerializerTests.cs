using System.Text;
using System.Text.Json.Nodes;
using Imbalance.Anomaly;
using Imbalance.Calibration;
using Imbalance.ModelSelection;
using Imbalance.Ensemble;
using Imbalance.Learning;
using Imbalance.Neighbors;
using Imbalance.OverSampling;
using Imbalance.Pipelines;
using Imbalance.Serialization;

namespace Imbalance.Tests.Serialization;

public class ModelSerializerTests
{
    public enum Fruit
    {
        Apple = 3,
        Banana = 1,
        Cherry = 2,
    }

    /// <summary>Every savable classifier kind, fitted (add new kinds here).</summary>
    public static TheoryData<string> Models =>
    [
        "LogisticRegression", "LogisticRegressionMulti", "DecisionTree", "RandomForest", "KNeighbors", "KNeighborsDistanceBrute",
        "KNeighborsMinkowski", "PipelineScalerSmoteLogistic", "PipelineNested", "PipelineNoTransformer",
        "LogisticRegressionFocal", "LogisticRegressionFocalMulti", "OutlierIsolationForest", "OutlierOneClassSvm",
        "PipelineScalerOutlierIsolationForest", "BalancedRandomForest", "BalancedRandomForestMulti", "BalancedBagging",
        "BalancedBaggingLogisticMulti", "EasyEnsemble", "RusBoost", "RusBoostSammeMulti", "AdaBoost", "AdaBoostSammeMulti",
        "PipelineScalerBalancedBagging", "FixedThreshold", "TunedThreshold", "CostSensitive", "CostSensitiveMulti",
        "CalibratedSigmoid", "CalibratedIsotonicMulti", "CalibratedPipelineNoEnsemble", "PriorCorrectionPipeline", "PriorCorrectionPlain",
    ];

    internal static IClassifier Classifier(string name) => name switch
    {
        "LogisticRegression" or "LogisticRegressionMulti" => new LogisticRegression(),
        "DecisionTree" => new DecisionTreeClassifier { RandomState = 0 },
        "RandomForest" => new RandomForestClassifier { NEstimators = 7, RandomState = 0, MaxDegreeOfParallelism = 2 },
        "KNeighbors" => new KNeighborsClassifier { NNeighbors = 3 },
        "KNeighborsDistanceBrute" => new KNeighborsClassifier { NNeighbors = 4, Weights = NeighborWeights.Distance, Algorithm = NeighborsAlgorithm.Brute },
        "KNeighborsMinkowski" => new KNeighborsClassifier { Metric = DistanceMetric.Minkowski(3), LeafSize = 2 },
        "PipelineScalerSmoteLogistic" => Pipeline.Make(new StandardScaler(), new Smote { RandomState = 0 }, new LogisticRegression()),
        "PipelineNested" => Pipeline.Create().Then("pre", Pipeline.Make(new StandardScaler(), new StandardScaler()))
            .Then("model", Pipeline.Make(new StandardScaler(), new RandomForestClassifier { NEstimators = 3, RandomState = 1 })),
        "PipelineNoTransformer" => Pipeline.Make(new Smote { RandomState = 2 }, new DecisionTreeClassifier { RandomState = 0 }),
        "LogisticRegressionFocal" or "LogisticRegressionFocalMulti" => new LogisticRegression { FocalLoss = new FocalLoss { Gamma = 2.0 } },
        "OutlierIsolationForest" => new OutlierDetectorClassifier { Detector = new IsolationForest { NEstimators = 9, RandomState = 3 }, RandomState = 0 },
        "OutlierOneClassSvm" => new OutlierDetectorClassifier { Detector = new OneClassSvm { Nu = 0.2 }, RandomState = 1 },
        "PipelineScalerOutlierIsolationForest" => Pipeline.Make(
            new StandardScaler(),
            new OutlierDetectorClassifier { Detector = new IsolationForest { NEstimators = 5, MaxFeatures = MaxFeatures.Fraction(0.5), Bootstrap = true, RandomState = 4 }, RandomState = 2 }),
        "BalancedRandomForest" or "BalancedRandomForestMulti" => new BalancedRandomForestClassifier { NEstimators = 6, OobScore = true, RandomState = 0, MaxDegreeOfParallelism = 2 },
        "BalancedBagging" => new BalancedBaggingClassifier { NEstimators = 4, MaxFeatures = 0.75, BootstrapFeatures = true, OobScore = true, RandomState = 0 },
        "BalancedBaggingLogisticMulti" => new BalancedBaggingClassifier { Estimator = new LogisticRegression(), NEstimators = 3, RandomState = 1 },
        "EasyEnsemble" => new EasyEnsembleClassifier { NEstimators = 3, RandomState = 0 },
        "RusBoost" => new RusBoostClassifier { NEstimators = 5, RandomState = 0 },
        "RusBoostSammeMulti" => new RusBoostClassifier { NEstimators = 4, Algorithm = AdaBoostAlgorithm.Samme, RandomState = 2 },
        "AdaBoost" => new AdaBoostClassifier { NEstimators = 6, RandomState = 0 },
        "AdaBoostSammeMulti" => new AdaBoostClassifier { NEstimators = 5, Algorithm = AdaBoostAlgorithm.Samme, RandomState = 3 },
        "PipelineScalerBalancedBagging" => Pipeline.Make(new StandardScaler(), new BalancedBaggingClassifier { Estimator = new KNeighborsClassifier(), NEstimators = 3, RandomState = 4 }),
        "FixedThreshold" => new FixedThresholdClassifier { Estimator = new LogisticRegression(), Threshold = 0.3 },
        "TunedThreshold" => new TunedThresholdClassifierCV { Estimator = new DecisionTreeClassifier { RandomState = 0 }, Thresholds = 20, RandomState = 0 },
        "CostSensitive" => new CostSensitiveClassifier { Estimator = new LogisticRegression(), CostMatrix = new double[,] { { 0, 1 }, { 5, 0 } } },
        "CostSensitiveMulti" => new CostSensitiveClassifier { Estimator = new RandomForestClassifier { NEstimators = 4, RandomState = 0 }, CostMatrix = new double[,] { { 0, 1, 2 }, { 3, 0, 1 }, { 9, 2, 0 } } },
        "CalibratedSigmoid" => new CalibratedClassifierCV { Estimator = new DecisionTreeClassifier { RandomState = 0 } },
        "CalibratedIsotonicMulti" => new CalibratedClassifierCV { Estimator = new LogisticRegression(), Method = CalibrationMethod.Isotonic },
        "CalibratedPipelineNoEnsemble" => new CalibratedClassifierCV { Estimator = Pipeline.Make(new StandardScaler(), new Smote { RandomState = 0 }, new LogisticRegression()), Ensemble = false },
        "PriorCorrectionPipeline" => new PriorCorrection { Estimator = Pipeline.Make(new Smote { RandomState = 0 }, new LogisticRegression()) },
        "PriorCorrectionPlain" => new PriorCorrection { Estimator = new LogisticRegression() },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    internal static (double[,] X, int[] Y) Data(string name)
    {
        var (x, y) = TestData.ThreeClasses();
        return name.Contains("Multi", StringComparison.Ordinal) || name.StartsWith("KNeighbors", StringComparison.Ordinal) || name == "DecisionTree"
            ? (x, y)
            : (x, y.Select(v => v == 2 ? 1 : 0).ToArray());
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_kind_predicts_exactly_the_same_after_a_fresh_load_from_bytes(string name)
    {
        var (x, y) = Data(name);
        AssertRoundTrip(Classifier(name).Fit(x, y), x);
    }

    [Fact]
    public void Every_label_type_round_trips()
    {
        var (x, y) = TestData.ThreeClasses();
        var classifier = Pipeline.Make(new StandardScaler(), new LogisticRegression());
        AssertRoundTrip(classifier.Fit(x, y.Select(v => (long)v * 10_000_000_000L).ToArray()), x);
        AssertRoundTrip(classifier.Fit(x, y.Select(v => new[] { "zebra", "Ant", "émeu" }[v]).ToArray()), x);
        AssertRoundTrip(classifier.Fit(x, y.Select(v => v == 1).ToArray()), x);
        AssertRoundTrip(classifier.Fit(x, y.Select(v => (v * 2.0) - 3.0).ToArray()), x);
        AssertRoundTrip(new DecisionTreeClassifier().Fit(x, y.Select(v => (Fruit)(v + 1)).ToArray()), x);
    }

    [Fact]
    public void Enum_labels_are_written_by_name()
    {
        var (x, y) = TestData.ThreeClasses();
        var json = Encoding.UTF8.GetString(ModelSerializer.ToBytes(new LogisticRegression().Fit(x, y.Select(v => (Fruit)(v + 1)).ToArray())));
        json.Should().Contain("\"classes\":[\"Banana\",\"Cherry\",\"Apple\"]").And.Contain("\"labels\":\"enum\"");
    }

    [Fact]
    public void A_scaler_saves_and_loads_on_its_own()
    {
        var (x, _) = TestData.ThreeClasses();
        var scaler = new StandardScaler().Fit(x);
        using var stream = new MemoryStream();
        ModelSerializer.Save(scaler, stream);
        stream.Position = 0;
        var loaded = ModelSerializer.LoadTransformer(stream);
        loaded.Should().BeOfType<StandardScalerModel>();
        loaded.Transform(x).Should().BeEquivalentTo(scaler.Transform(x), o => o.WithStrictOrdering());

        stream.Position = 0;
        var asClassifier = () => ModelSerializer.Load<int>(stream);
        asClassifier.Should().Throw<InvalidDataException>().WithMessage("*contents*transformer*LoadTransformer*");
    }

    [Fact]
    public void Truncated_files_are_rejected_clearly()
    {
        var bytes = Saved();
        foreach (var length in new[] { 0, 1, bytes.Length / 3, bytes.Length - 1 })
        {
            var act = () => ModelSerializer.FromBytes<int>(bytes[..length]);
            act.Should().Throw<InvalidDataException>().WithMessage("*not valid JSON*");
        }
    }

    [Theory]
    [InlineData("format", "\"SomethingElse\"", "$.format: not an Imbalance model file*")]
    [InlineData("version", "2", "$.version: format version 2 is not supported*")]
    [InlineData("labels", "\"string\"", "$.labels: the file holds string labels but Int32 (int32) was asked for*")]
    [InlineData("model.kind", "\"System.IO.FileInfo\"", "$.model.kind: unknown classifier kind \"System.IO.FileInfo\"; known kinds: Pipeline, *")]
    [InlineData("model.classes", "[1, 0]", "$.model.classes[1]: classes must be distinct and in sorted order*")]
    [InlineData("model.classes", "[0, \"1\"]", "$.model.classes[1]: expected a int32 label, found \"1\"*")]
    [InlineData("model.final.coef", "[[1, 2]]", "$.model.final.coef[0]: expected 4 values, found 2*")]
    [InlineData("model.final.intercept", "[1e999]", "*$.model.final.intercept*")]
    [InlineData("model.final.intercept", "[\"NaN\"]", "$.model.final.intercept[0]: expected a finite number*")]
    [InlineData("model.transformers", "[{\"kind\": \"StandardScaler\", \"mean\": [0], \"scale\": [1], \"variance\": [1]}]", "$.model.final: expects 4 features but the previous step produces 1*")]
    [InlineData("model.transformers", "[{\"kind\": \"StandardScaler\", \"mean\": [0,0,0,0], \"scale\": [1,0,1,1], \"variance\": [1,1,1,1]}]", "$.model.transformers[0].scale[1]: expected a finite number*")]
    [InlineData("model.final.iterations", "-1", "$.model.final.iterations: expected an integer in [0, *")]
    [InlineData("model.final", "null", "$.model.final: expected an object, found null*")]
    public void Tampered_values_are_rejected_with_their_path(string path, string json, string message)
    {
        var act = () => ModelSerializer.FromBytes<int>(Tamper(Saved(), path, json));
        act.Should().Throw<InvalidDataException>().WithMessage(message);
    }

    [Theory]
    [InlineData("model.tree.left", "tree")]
    [InlineData("model.tree.feature", "[")]
    [InlineData("model.tree.depth", "depth")]
    [InlineData("model.tree.value", "value")]
    public void Tampered_trees_are_rejected(string path, string expected)
    {
        var (x, y) = TestData.ThreeClasses();
        var bytes = ModelSerializer.ToBytes(new DecisionTreeClassifier { RandomState = 0 }.Fit(x, y));
        var node = JsonNode.Parse(bytes)!;
        var tree = node["model"]!["tree"]!;
        JsonNode replacement = path.Split('.')[^1] switch
        {
            "left" => Replace(tree["left"]!.AsArray(), 0, 0),            // a node its own child: a cycle
            "feature" => Replace(tree["feature"]!.AsArray(), 0, 99),     // feature out of range
            "depth" => JsonValue.Create(99),
            _ => Replace(tree["value"]!.AsArray(), 0, -1),               // a negative class count
        };
        tree[path.Split('.')[^1]] = replacement;
        var act = () => ModelSerializer.FromBytes<int>(Encoding.UTF8.GetBytes(node.ToJsonString()));
        act.Should().Throw<InvalidDataException>().WithMessage($"*{expected}*");
    }

    [Fact]
    public void Unsupported_models_and_label_types_say_what_is_supported()
    {
        var (x, y) = TestData.ThreeClasses();
        var chars = () => ModelSerializer.ToBytes(new LogisticRegression().Fit(x, y.Select(v => (char)('a' + v)).ToArray()));
        chars.Should().Throw<NotSupportedException>().WithMessage("*Char*int, long, string, bool, double and enums*");
        var custom = () => ModelSerializer.ToBytes(new ConstantModel());
        custom.Should().Throw<NotSupportedException>().WithMessage("*ConstantModel*Pipeline, LogisticRegression*");
        var undefinedEnum = () => ModelSerializer.ToBytes(new LogisticRegression().Fit(x, y.Select(v => (Fruit)(v + 7)).ToArray()));
        undefinedEnum.Should().Throw<NotSupportedException>().WithMessage("*named member*");
    }

    internal static void AssertRoundTrip<TLabel>(IClassificationModel<TLabel> model, double[,] x)
        where TLabel : notnull
    {
        var bytes = ModelSerializer.ToBytes(model);
        var loaded = ModelSerializer.FromBytes<TLabel>(bytes);
        loaded.GetType().Should().Be(model.GetType());
        loaded.Classes.Should().Equal(model.Classes);
        loaded.Predict(x).Should().Equal(model.Predict(x));
        var expected = model.PredictProba(x);
        var actual = loaded.PredictProba(x);
        actual.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        for (var i = 0; i < expected.GetLength(0); i++)
        {
            for (var c = 0; c < expected.GetLength(1); c++)
            {
                BitConverter.DoubleToInt64Bits(actual[i, c]).Should().Be(BitConverter.DoubleToInt64Bits(expected[i, c]));
            }
        }

        if (model.GetType().GetMethod("DecisionFunction") is { } decision)
        {
            // Ensembles, AdaBoost and logistic regression also expose a decision function: it must match bit for bit.
            // (A bagging ensemble of trees has none and throws InvalidOperationException: the loaded one must too.)
            object?[] args = decision.GetParameters().Length == 1 ? [x] : [x, CancellationToken.None];
            var expectedDecision = Decision(decision, model, args);
            var actualDecision = Decision(decision, loaded, args);
            (actualDecision is null).Should().Be(expectedDecision is null);
            actualDecision?.Cast<double>().Select(BitConverter.DoubleToInt64Bits).Should().Equal(expectedDecision!.Cast<double>().Select(BitConverter.DoubleToInt64Bits));
        }

        ModelSerializer.ToBytes(loaded).Should().Equal(bytes, "saving the loaded model writes the same file");
    }

    private static double[,]? Decision(System.Reflection.MethodInfo decision, object model, object?[] args)
    {
        try
        {
            return (double[,])decision.Invoke(model, args)!;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is InvalidOperationException)
        {
            return null;
        }
    }

    private static byte[] Saved()
    {
        var (x, y) = TestData.ThreeClasses();
        var binary = y.Select(v => v == 2 ? 1 : 0).ToArray();
        return ModelSerializer.ToBytes(Pipeline.Make(new StandardScaler(), new LogisticRegression()).Fit(x, binary));
    }

    private static byte[] Tamper(byte[] bytes, string path, string json)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (json.Contains("1e999", StringComparison.Ordinal))
        {
            // JsonNode cannot hold an out-of-range number; splice it into the text.
            var node0 = JsonNode.Parse(bytes)!;
            node0["model"]!["final"]!["intercept"] = JsonNode.Parse("[12345.5]");
            return Encoding.UTF8.GetBytes(node0.ToJsonString().Replace("12345.5", "1e999", StringComparison.Ordinal));
        }

        var node = JsonNode.Parse(text)!;
        var parts = path.Split('.');
        var parent = node;
        foreach (var part in parts[..^1])
        {
            parent = parent[part]!;
        }

        parent[parts[^1]] = JsonNode.Parse(json);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private static JsonArray Replace(JsonArray array, int index, double value)
    {
        var copy = JsonNode.Parse(array.ToJsonString())!.AsArray();
        copy[index] = value;
        return copy;
    }

    private sealed class ConstantModel : IClassificationModel<int>
    {
        public IReadOnlyList<int> Classes => [0];

        public int[] Predict(double[,] x, CancellationToken cancellationToken = default) => new int[x.GetLength(0)];

        public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default) => new double[x.GetLength(0), 1];
    }
}
