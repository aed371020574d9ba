using System.Text.Json.Nodes;
using SecurityBaseline.Model;

namespace SecurityBaseline.Fuzz;

/// <summary>A string that only ever enters the scan wrapped as a Pulumi secret, so seeing it in any output is a leak.</summary>
public static class Canary
{
    /// <summary>Unique enough that no report text, policy id or example can contain it by chance.</summary>
    public const string Text = "CANARY-5ec7e7-q9Zx";

    /// <summary>A canary-bearing key, for secret maps whose keys are themselves secret.</summary>
    public const string Key = "CANARY-5ec7e7-q9Zx-key";

    /// <summary>The Pulumi secret envelope around <paramref name="value"/> (sdk/go/common/resource/sig).</summary>
    public static JsonObject Secret(JsonNode? value) => new()
    {
        [PulumiSignatures.Key] = PulumiSignatures.Secret,
        ["value"] = value,
    };

    /// <summary>Whether <paramref name="node"/> is a secret envelope (its content must stay as inserted).</summary>
    public static bool IsSecret(JsonNode? node) =>
        node is JsonObject o && o.TryGetPropertyValue(PulumiSignatures.Key, out var sig) && sig is JsonValue v
        && v.TryGetValue<string>(out var s) && s == PulumiSignatures.Secret;

    /// <summary>Whether any of <paramref name="outputs"/> contains the canary.</summary>
    public static bool LeaksIn(string output) => output.Contains("CANARY-5ec7e7", StringComparison.Ordinal);
}
