using System.Globalization;
using Imbalance.Anomaly;

namespace Imbalance.Serialization;

/// <summary><see cref="IsolationForestModel"/>: the width, <c>max_samples_</c>, the offset and, per tree, the original
/// columns it uses and its nodes (split feature, float32-valued threshold, children, rows per node).</summary>
internal sealed class IsolationForestKind : OutlierKind
{
    public override string Name => "IsolationForest";

    public override bool Owns(IOutlierModel model) => model is IsolationForestModel;

    public override void Write(IOutlierModel model, ModelWriter writer)
    {
        var m = (IsolationForestModel)model;
        writer.Int("features", m.FeatureCount);
        writer.Int("maxSamples", m.MaxSamplesUsed);
        writer.Double("offset", m.Offset);
        writer.Json.WriteStartArray("trees");
        for (var t = 0; t < m.TreeCount; t++)
        {
            var tree = m.Tree(t);
            writer.Json.WriteStartObject();
            writer.Ints("columns", m.TreeFeatures(t));
            writer.Ints("feature", tree.Feature);
            writer.Doubles("threshold", tree.Threshold);
            writer.Ints("left", tree.Left);
            writer.Ints("right", tree.Right);
            writer.Ints("samples", tree.NodeSamples);
            writer.Json.WriteEndObject();
        }

        writer.Json.WriteEndArray();
    }

    public override IOutlierModel Read(ModelReader reader)
    {
        var features = reader.Int("features", 1, int.MaxValue);
        var maxSamples = reader.Int("maxSamples", 1, int.MaxValue);
        var offset = reader.Double("offset");
        var readers = reader.Objects("trees");
        if (readers.Count == 0)
        {
            throw reader.Error("trees", "an isolation forest needs at least one tree");
        }

        var trees = new IsolationTree[readers.Count];
        var columns = new int[readers.Count][];
        for (var t = 0; t < trees.Length; t++)
        {
            (trees[t], columns[t]) = ReadTree(readers[t], features, maxSamples);
        }

        return new IsolationForestModel(trees, columns, features, maxSamples, offset);
    }

    private static (IsolationTree Tree, int[] Columns) ReadTree(ModelReader reader, int features, int maxSamples)
    {
        var columns = reader.Ints("columns", -1, 0, features - 1);
        if (columns.Length == 0 || columns.Distinct().Count() != columns.Length)
        {
            throw reader.Error("columns", "expected one or more distinct columns");
        }

        var feature = reader.Ints("feature", -1, -2, columns.Length - 1);
        var n = feature.Length;
        if (n == 0)
        {
            throw reader.Error("feature", "a tree needs at least one node");
        }

        var threshold = reader.Doubles("threshold", n);
        var left = reader.Ints("left", n, -1, n - 1);
        var right = reader.Ints("right", n, -1, n - 1);
        var samples = reader.Ints("samples", n, 1, maxSamples);
        TreeCodec.CheckStructure(reader, feature, threshold, left, right);
        for (var node = 0; node < n; node++)
        {
            if (left[node] >= 0 && samples[node] != (long)samples[left[node]] + samples[right[node]])
            {
                throw reader.Error(
                    string.Create(CultureInfo.InvariantCulture, $"samples[{node}]"),
                    "a node's rows must be the sum of its children's");
            }
        }

        return (IsolationTree.FromNodes(feature, threshold, left, right, samples), columns);
    }
}
