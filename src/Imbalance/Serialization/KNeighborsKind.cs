using Imbalance.Learning;
using Imbalance.Neighbors;

namespace Imbalance.Serialization;

/// <summary><see cref="KNeighborsClassifierModel{TLabel}"/>: the configuration, the training rows and their class
/// codes; the search structure is rebuilt on load (deterministically, so neighbours are the same).</summary>
internal sealed class KNeighborsKind : ClassifierKind
{
    public override string Name => "KNeighborsClassifier";

    public override bool Owns<TLabel>(IClassificationModel<TLabel> model) => model is KNeighborsClassifierModel<TLabel>;

    public override int FeatureCount<TLabel>(IClassificationModel<TLabel> model) => ((KNeighborsClassifierModel<TLabel>)model).Voter.Features;

    public override void Write<TLabel>(IClassificationModel<TLabel> model, ModelWriter writer)
    {
        var (index, codes, k, weights) = ((KNeighborsClassifierModel<TLabel>)model).Voter.State;
        writer.Int("nNeighbors", k);
        writer.String("weights", weights.ToString());
        writer.String("algorithm", index.Algorithm.ToString());
        writer.String("metric", index.Metric.Name);
        if (index.Metric.Name == "minkowski")
        {
            writer.Double("p", index.Metric.P);
        }

        writer.Int("leafSize", index.LeafSize);
        writer.OptionalInt("maxDegreeOfParallelism", index.ConfiguredParallelism);
        writer.Int("features", index.Features);
        writer.Ints("codes", codes);
        writer.Doubles("x", index.Rows.AsSpan(0, index.Count * index.Features));
    }

    public override IClassificationModel<TLabel> Read<TLabel>(ModelReader reader, TLabel[] classes)
    {
        var k = reader.Int("nNeighbors", 1, int.MaxValue);
        var weights = reader.Enum<NeighborWeights>("weights");
        var algorithm = reader.Enum<NeighborsAlgorithm>("algorithm");
        if (algorithm == NeighborsAlgorithm.Auto)
        {
            throw reader.Error("algorithm", "expected the resolved algorithm (Brute or KdTree)");
        }

        var metric = reader.String("metric") switch
        {
            "euclidean" => DistanceMetric.Euclidean,
            "manhattan" => DistanceMetric.Manhattan,
            "chebyshev" => DistanceMetric.Chebyshev,
            "minkowski" => DistanceMetric.Minkowski(reader.Double("p", 1.0)),
            var other => throw reader.Error("metric", $"unknown metric \"{other}\""),
        };
        var leafSize = reader.Int("leafSize", 1, int.MaxValue);
        var parallelism = reader.OptionalInt("maxDegreeOfParallelism", 1, int.MaxValue);
        var features = reader.Int("features", 1, int.MaxValue);
        var codes = reader.Ints("codes", -1, 0, classes.Length - 1);
        if (codes.Length == 0)
        {
            throw reader.Error("codes", "a k-NN model needs at least one training row");
        }

        var x = reader.Doubles("x", checked(codes.Length * features));
        var classifier = new KNeighborsClassifier
        {
            NNeighbors = k,
            Weights = weights,
            Algorithm = algorithm,
            Metric = metric,
            LeafSize = leafSize,
            MaxDegreeOfParallelism = parallelism,
        };
        return new KNeighborsClassifierModel<TLabel>(classifier.FitCodes(x, codes.Length, features, codes, classes.Length), classes);
    }
}
