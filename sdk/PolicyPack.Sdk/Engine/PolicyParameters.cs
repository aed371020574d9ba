using System.Text.Json;

namespace PolicyPack.Sdk.Engine;

/// <summary>A policy's validated parameters: schema defaults overlaid with configuration.</summary>
public sealed class PolicyParameters
{
    private readonly Dictionary<string, JsonElement> values;

    public PolicyParameters(IReadOnlyDictionary<string, JsonElement> values)
    {
        this.values = new Dictionary<string, JsonElement>(values, StringComparer.Ordinal);
    }

    public static PolicyParameters Empty { get; } = new(new Dictionary<string, JsonElement>());

    public IReadOnlyDictionary<string, JsonElement> Values => values;

    public bool Has(string name) => values.ContainsKey(name);

    public bool GetBool(string name, bool fallback) =>
        values.TryGetValue(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : fallback;

    public int GetInt(string name, int fallback) =>
        values.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : fallback;

    public string? GetString(string name) =>
        values.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public IReadOnlyList<string> GetStrings(string name) =>
        values.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
            : [];

    public IReadOnlyList<int> GetInts(string name) =>
        values.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out _)).Select(e => e.GetInt32()).ToArray()
            : [];

    /// <summary>The parameters as a JSON object (for Pulumi's Configure and for the catalogue).</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
