using System.Globalization;
using Imbalance.Learning;

namespace Imbalance.Serialization;

/// <summary>What the ensemble kinds share: members (any savable classifier over class codes, written through
/// <see cref="ModelKinds"/>) and the out-of-bag results with their warnings.</summary>
internal static class EnsembleCodec
{
    public static void WriteMembers(ModelWriter writer, string name, IEnumerable<IClassificationModel<int>> members)
    {
        writer.Json.WriteStartArray(name);
        foreach (var member in members)
        {
            ModelKinds.WriteClassifier(writer, member);
        }

        writer.Json.WriteEndArray();
    }

    /// <summary>Reads the members, checking that their classes are codes of the ensemble's classes and that each
    /// expects the width the ensemble gives it (<paramref name="width"/> of the member's index).</summary>
    public static IClassificationModel<int>[] ReadMembers(ModelReader reader, string name, int classCount, Func<int, int> width)
    {
        var readers = reader.Objects(name);
        if (readers.Count == 0)
        {
            throw reader.Error(name, "an ensemble needs at least one member");
        }

        var members = new IClassificationModel<int>[readers.Count];
        for (var i = 0; i < members.Length; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]");
            members[i] = ModelKinds.ReadClassifier<int>(readers[i]);
            if (members[i].Classes.Any(c => c < 0 || c >= classCount))
            {
                throw reader.Error(at + ".classes", string.Create(CultureInfo.InvariantCulture, $"a member's classes must be class codes in [0, {classCount - 1}]"));
            }

            var expected = width(i);
            var actual = ModelKinds.FeatureCount(members[i]);
            if (actual != expected)
            {
                throw reader.Error(at, string.Create(CultureInfo.InvariantCulture, $"expects {actual} features but the ensemble gives it {expected}"));
            }
        }

        return members;
    }

    public static void WriteOob(ModelWriter writer, double? score, double[,]? oob, IReadOnlyList<string> warnings)
    {
        if (score is { } s)
        {
            writer.Double("oobScore", s);
        }

        if (oob is not null)
        {
            writer.MatrixWithNaN("oobDecisionFunction", oob);
        }

        writer.Strings("warnings", warnings);
    }

    public static (double? Score, double[,]? Oob, string[] Warnings) ReadOob(ModelReader reader, int classCount)
    {
        double? score = reader.Has("oobScore") ? reader.Double("oobScore", 0.0, 1.0) : null;
        double[,]? oob = null;
        if (reader.Has("oobDecisionFunction"))
        {
            oob = reader.Matrix("oobDecisionFunction", reader.Array("oobDecisionFunction").Count, classCount, allowNaN: true);
        }

        if ((score is null) != (oob is null))
        {
            throw reader.Error(score is null ? "oobDecisionFunction" : "oobScore", "the out-of-bag score and decision function are saved together");
        }

        return (score, oob, reader.Strings("warnings"));
    }
}
