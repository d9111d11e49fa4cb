using System.Globalization;
using Imbalance.Learning;

namespace Imbalance.Serialization;

/// <summary>Writes and reads one CART tree (shared by the decision tree and the forest kinds), checking that the
/// nodes form a tree: children after their parent, one parent per node, features in range, counts finite.</summary>
internal static class TreeCodec
{
    /// <summary>Writes a forest's common part (both forest kinds): feature count, prediction parallelism, trees.</summary>
    public static void WriteForest(ModelWriter writer, int features, int? maxDegreeOfParallelism, IReadOnlyList<CartTree> trees)
    {
        writer.Int("features", features);
        writer.OptionalInt("maxDegreeOfParallelism", maxDegreeOfParallelism);
        writer.Json.WriteStartArray("trees");
        foreach (var tree in trees)
        {
            Write(writer, tree);
        }

        writer.Json.WriteEndArray();
    }

    /// <summary>Reads what <see cref="WriteForest"/> wrote, rejecting a forest without trees.</summary>
    public static (int Features, int? MaxDegreeOfParallelism, CartTree[] Trees) ReadForest(ModelReader reader, int classCount)
    {
        var features = reader.Int("features", 1, int.MaxValue);
        var parallelism = reader.OptionalInt("maxDegreeOfParallelism", 1, int.MaxValue);
        var trees = reader.Objects("trees").Select(t => Read(t, classCount, features)).ToArray();
        if (trees.Length == 0)
        {
            throw reader.Error("trees", "a forest needs at least one tree");
        }

        return (features, parallelism, trees);
    }

    public static void Write(ModelWriter writer, CartTree tree)
    {
        var (feature, threshold, left, right, value) = tree.Nodes;
        writer.Json.WriteStartObject();
        writer.Int("depth", tree.Depth);
        writer.Ints("feature", feature);
        writer.Doubles("threshold", threshold);
        writer.Ints("left", left);
        writer.Ints("right", right);
        writer.Doubles("value", value);
        writer.Json.WriteEndObject();
    }

    public static CartTree Read(ModelReader reader, int classCount, int features)
    {
        var feature = reader.Ints("feature", -1, -2, features - 1);
        var n = feature.Length;
        if (n == 0)
        {
            throw reader.Error("feature", "a tree needs at least one node");
        }

        var threshold = reader.Doubles("threshold", n);
        var left = reader.Ints("left", n, -1, n - 1);
        var right = reader.Ints("right", n, -1, n - 1);
        var value = reader.Doubles("value", checked(n * classCount), 0.0);
        var depth = CheckStructure(reader, feature, threshold, left, right);
        if (reader.Int("depth", 0, n) != depth)
        {
            throw reader.Error("depth", string.Create(CultureInfo.InvariantCulture, $"does not match the nodes (depth {depth})"));
        }

        return new CartTree(classCount, feature, threshold, left, right, value, depth);
    }

    /// <summary>Checks that node arrays (scikit-learn's layout: leaves have children -1, feature -2 and threshold -2)
    /// form one tree rooted at node 0 with every child after its parent; returns its depth. Shared by every tree
    /// codec.</summary>
    public static int CheckStructure(ModelReader reader, int[] feature, double[] threshold, int[] left, int[] right)
    {
        var n = feature.Length;
        var parents = new int[n];
        var depthOf = new int[n];
        var depth = 0;
        for (var node = 0; node < n; node++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"[{node}]");
            var isLeaf = left[node] < 0;
            if (isLeaf != (right[node] < 0) || (isLeaf ? feature[node] != -2 || threshold[node] != -2.0 : feature[node] < 0) || (!isLeaf && (left[node] <= node || right[node] <= node || left[node] == right[node])))
            {
                throw reader.Error("left" + at, "the nodes do not form a tree (children must follow their parent, leaves have no feature)");
            }

            if (!isLeaf)
            {
                parents[left[node]]++;
                parents[right[node]]++;
                depthOf[left[node]] = depthOf[right[node]] = depthOf[node] + 1;
            }

            depth = Math.Max(depth, depthOf[node]);
        }

        for (var node = 1; node < n; node++)
        {
            if (parents[node] != 1)
            {
                throw reader.Error(string.Create(CultureInfo.InvariantCulture, $"left[{node}]"), "the nodes do not form a tree (every node but the root needs exactly one parent)");
            }
        }

        return depth;
    }
}
