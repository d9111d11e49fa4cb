using System.Globalization;

namespace Imbalance.Serialization;

/// <summary>Writes and reads a label-to-count map as <c>{"labels": [...], "counts": [...]}</c>, in the map's order.</summary>
internal static class ClassCountsCodec
{
    public static void Write<TLabel>(ModelWriter writer, string name, IReadOnlyDictionary<TLabel, int> counts)
        where TLabel : notnull
    {
        writer.Json.WriteStartObject(name);
        writer.Json.WriteStartArray("labels");
        foreach (var label in counts.Keys)
        {
            LabelCodec.Write(writer.Json, label);
        }

        writer.Json.WriteEndArray();
        writer.Ints("counts", counts.Values.ToArray());
        writer.Json.WriteEndObject();
    }

    public static Dictionary<TLabel, int> Read<TLabel>(ModelReader parent, string name)
        where TLabel : notnull
    {
        var reader = parent.Object(name);
        var labels = reader.Array("labels");
        var counts = reader.Ints("counts", labels.Count, 0, int.MaxValue);
        var map = new Dictionary<TLabel, int>();
        for (var i = 0; i < counts.Length; i++)
        {
            var member = string.Create(CultureInfo.InvariantCulture, $"labels[{i}]");
            if (!map.TryAdd(LabelCodec.Read<TLabel>(labels[i], reader, member), counts[i]))
            {
                throw reader.Error(member, "labels must be distinct");
            }
        }

        return map;
    }
}
