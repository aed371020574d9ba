using System.Text.Json.Nodes;
using PolicyPack.Sdk.Model;

// Linked into both the Fuzz project (scan door) and the Analyzer tests (gRPC door), so both sweeps plant the canary at the
// same positions in the same way.
namespace SecurityBaseline.Testing;

/// <summary>A string that only ever enters the pack wrapped as a Pulumi secret, so seeing it in any output is a leak.</summary>
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

    /// <summary>Whether <paramref name="output"/> contains the canary.</summary>
    public static bool LeaksIn(string output) => output.Contains("CANARY-5ec7e7", StringComparison.Ordinal);

    /// <summary>The secret that replaces <paramref name="node"/>: the canary itself (leaf mode), or the node wrapped as a secret
    /// with a canary member or element added (container mode; scalars become a secret map with a canary key and value), so
    /// secret strings, secret map keys and secret lists are all exercised.</summary>
    public static JsonObject Plant(JsonNode? node, bool container)
    {
        if (!container || node is JsonValue or null)
        {
            return Secret(container ? new JsonObject { [Key] = Text } : Text);
        }

        var copy = node.DeepClone();
        if (copy is JsonObject members)
        {
            members[Key] = Text;
        }
        else if (copy is JsonArray elements)
        {
            elements.Add(Text);
        }

        return Secret(copy);
    }
}

/// <summary>The member and element positions of a JSON document, in a stable order, for planting values by index.</summary>
public static class JsonPositions
{
    /// <summary>One place in a document: a member of an object or an element of an array (the root has no parent).</summary>
    public sealed record Position(JsonNode? Parent, string? Key, int Index, JsonNode? Node);

    /// <summary>Every member and element below <paramref name="root"/>, except inside secret envelopes already planted.</summary>
    public static IEnumerable<Position> Positions(JsonNode root)
    {
        var stack = new Stack<(JsonNode Node, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (Canary.IsSecret(node) || depth > 200)
            {
                continue;
            }

            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, child) in o.ToArray())
                    {
                        yield return new Position(o, key, -1, child);
                        if (child is not null)
                        {
                            stack.Push((child, depth + 1));
                        }
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        yield return new Position(a, null, i, a[i]);
                        if (a[i] is { } child)
                        {
                            stack.Push((child, depth + 1));
                        }
                    }

                    break;
            }
        }
    }

    public static string Describe(Position position) =>
        position.Key is not null ? $"{position.Parent?.GetPath()}.{position.Key}" : $"{position.Parent?.GetPath()}[{position.Index}]";

    /// <summary>Replaces the node at <paramref name="position"/>.</summary>
    public static void Replace(Position position, JsonNode? value)
    {
        switch (position.Parent)
        {
            case JsonObject o:
                o[position.Key!] = value;
                break;
            case JsonArray a:
                a[position.Index] = value;
                break;
        }
    }
}
