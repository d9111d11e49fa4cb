using System.Text;
using System.Text.Json.Nodes;
using Imbalance.Anomaly;
using Imbalance.Learning;
using Imbalance.Serialization;

namespace Imbalance.Tests.Serialization;

public class OutlierModelSerializerTests
{
    /// <summary>Every savable outlier-detector kind, fitted (add new kinds here).</summary>
    public static TheoryData<string> Detectors =>
    [
        "IsolationForest", "IsolationForestContamination", "IsolationForestMaxFeaturesBootstrap", "IsolationForestMaxSamples",
        "OneClassSvm", "OneClassSvmGamma",
    ];

    internal static IOutlierModel Fit(string name)
    {
        var (x, _) = TestData.ThreeClasses();
        return name switch
        {
            "IsolationForest" => new IsolationForest { NEstimators = 8, RandomState = 0 }.Fit(x),
            "IsolationForestContamination" => new IsolationForest { NEstimators = 6, Contamination = 0.1, RandomState = 1 }.Fit(x),
            "IsolationForestMaxFeaturesBootstrap" => new IsolationForest { NEstimators = 5, MaxFeatures = MaxFeatures.Count(2), Bootstrap = true, RandomState = 2 }.Fit(x),
            "IsolationForestMaxSamples" => new IsolationForest { NEstimators = 4, MaxSamples = MaxSamples.Count(17), RandomState = 3 }.Fit(x),
            "OneClassSvm" => new OneClassSvm().Fit(x),
            "OneClassSvmGamma" => new OneClassSvm { Nu = 0.3, Gamma = 0.25 }.Fit(x),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Every_detector_kind_scores_exactly_the_same_after_a_fresh_load(string name)
    {
        var (x, _) = TestData.ThreeClasses();
        var model = Fit(name);
        var bytes = Save(model);
        var loaded = Load(bytes);
        loaded.GetType().Should().Be(model.GetType());
        loaded.FeatureCount.Should().Be(model.FeatureCount);
        loaded.Predict(x).Should().Equal(model.Predict(x));
        Bits(loaded.ScoreSamples(x)).Should().Equal(Bits(model.ScoreSamples(x)));
        Bits(loaded.DecisionFunction(x)).Should().Equal(Bits(model.DecisionFunction(x)));
        Save(loaded).Should().Equal(bytes, "saving the loaded detector writes the same file");
    }

    [Fact]
    public void A_detector_file_is_not_a_classifier_file_and_back()
    {
        var detector = Save(Fit("OneClassSvm"));
        var asClassifier = () => ModelSerializer.FromBytes<int>(detector);
        asClassifier.Should().Throw<InvalidDataException>().WithMessage("$.contents: the file holds a outlierDetector, not a classifier; use LoadOutlierModel*");

        var (x, y) = ModelSerializerTests.Data("OutlierOneClassSvm");
        var classifier = ModelSerializer.ToBytes(ModelSerializerTests.Classifier("OutlierOneClassSvm").Fit(x, y));
        var asDetector = () => Load(classifier);
        asDetector.Should().Throw<InvalidDataException>().WithMessage("$.contents: the file holds a classifier, not a outlierDetector; use Load<TLabel>*");
    }

    [Fact]
    public void Truncated_detector_files_are_rejected_clearly()
    {
        var bytes = Save(Fit("IsolationForest"));
        foreach (var length in new[] { 0, 1, bytes.Length / 2, bytes.Length - 1 })
        {
            var act = () => Load(bytes[..length]);
            act.Should().Throw<InvalidDataException>().WithMessage("*not valid JSON*");
        }
    }

    [Theory]
    [InlineData("model.kind", "\"IsolationForestX\"", "$.model.kind: unknown outlier detector kind \"IsolationForestX\"; known kinds: IsolationForest, OneClassSvm*")]
    [InlineData("model.offset", "\"NaN\"", "$.model.offset: expected a number*")]
    [InlineData("model.maxSamples", "0", "$.model.maxSamples: expected an integer in [1, *")]
    [InlineData("model.trees", "[]", "$.model.trees: an isolation forest needs at least one tree*")]
    [InlineData("model.trees.0.columns", "[0, 0]", "$.model.trees[0].columns: expected one or more distinct columns*")]
    [InlineData("model.trees.0.columns", "[4]", "$.model.trees[0].columns[0]: expected an integer in [0, 3]*")]
    [InlineData("model.trees.0.feature.0", "7", "$.model.trees[0].feature[0]: expected an integer in [-2, 3]*")]
    [InlineData("model.trees.0.left.0", "0", "$.model.trees[0].left[0]: the nodes do not form a tree*")]
    [InlineData("model.trees.0.samples.0", "1", "$.model.trees[0].samples[0]: a node's rows must be the sum of its children's*")]
    [InlineData("model.trees.0.samples.1", "100000", "$.model.trees[0].samples[1]: expected an integer in [1, *")]
    [InlineData("model.trees.0.threshold", "[1]", "$.model.trees[0].threshold: expected * values, found 1*")]
    public void Tampered_isolation_forests_are_rejected_with_their_path(string path, string json, string message)
    {
        var act = () => Load(Tamper(Save(Fit("IsolationForest")), path, json));
        act.Should().Throw<InvalidDataException>().WithMessage(message);
    }

    [Theory]
    [InlineData("model.gamma", "0", "$.model.gamma: expected a finite number in [*")]
    [InlineData("model.support", "[]", "$.model.support: a one-class SVM needs at least one support vector*")]
    [InlineData("model.support.1", "0", "$.model.support[1]: support indices must be distinct and ascending*")]
    [InlineData("model.dualCoef.0", "0", "$.model.dualCoef[0]: a support vector's coefficient is not zero*")]
    [InlineData("model.vectors", "[1, 2, 3]", "$.model.vectors: expected * values, found 3*")]
    [InlineData("model.features", "-4", "$.model.features: expected an integer in [1, *")]
    public void Tampered_one_class_svms_are_rejected_with_their_path(string path, string json, string message)
    {
        var act = () => Load(Tamper(Save(Fit("OneClassSvm")), path, json));
        act.Should().Throw<InvalidDataException>().WithMessage(message);
    }

    [Theory]
    [InlineData("model.anomaly", "2", "$.model.anomaly: expected an integer in [0, 1]*")]
    [InlineData("model.scale", "0", "$.model.scale: expected a finite number in [*")]
    [InlineData("model.threshold", "true", "$.model.threshold: expected a number, found true*")]
    [InlineData("model.classes", "[0, 1, 2]", "$.model.classes: an outlier-detector classifier has exactly two classes*")]
    [InlineData("model.detector.kind", "\"Pipeline\"", "$.model.detector.kind: unknown outlier detector kind \"Pipeline\"*")]
    [InlineData("model.detector.trees.0.right.0", "-1", "$.model.detector.trees[0].left[0]: the nodes do not form a tree*")]
    public void Tampered_outlier_detector_classifiers_are_rejected_with_their_path(string path, string json, string message)
    {
        var (x, y) = ModelSerializerTests.Data("OutlierIsolationForest");
        var bytes = ModelSerializer.ToBytes(ModelSerializerTests.Classifier("OutlierIsolationForest").Fit(x, y));
        var act = () => ModelSerializer.FromBytes<int>(Tamper(bytes, path, json));
        act.Should().Throw<InvalidDataException>().WithMessage(message);
    }

    [Fact]
    public void A_custom_detector_says_what_is_supported()
    {
        var act = () => ModelSerializer.Save(new ConstantDetector(), new MemoryStream());
        act.Should().Throw<NotSupportedException>().WithMessage("*ConstantDetector*IsolationForest, OneClassSvm*");
    }

    private static byte[] Save(IOutlierModel model)
    {
        using var stream = new MemoryStream();
        ModelSerializer.Save(model, stream);
        return stream.ToArray();
    }

    private static IOutlierModel Load(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return ModelSerializer.LoadOutlierModel(stream);
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    /// <summary>Replaces the value at a dotted path (array items by index) with <paramref name="json"/>.</summary>
    private static byte[] Tamper(byte[] bytes, string path, string json)
    {
        var node = JsonNode.Parse(bytes)!;
        var parts = path.Split('.');
        var parent = node;
        foreach (var part in parts[..^1])
        {
            parent = int.TryParse(part, out var i) ? parent[i]! : parent[part]!;
        }

        var value = JsonNode.Parse(json);
        if (int.TryParse(parts[^1], out var index))
        {
            parent[index] = value;
        }
        else
        {
            parent[parts[^1]] = value;
        }

        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private sealed class ConstantDetector : IOutlierModel
    {
        public int FeatureCount => 1;

        public double[] ScoreSamples(double[,] x, CancellationToken cancellationToken = default) => new double[x.GetLength(0)];

        public double[] DecisionFunction(double[,] x, CancellationToken cancellationToken = default) => new double[x.GetLength(0)];

        public int[] Predict(double[,] x, CancellationToken cancellationToken = default) => new int[x.GetLength(0)];
    }
}
