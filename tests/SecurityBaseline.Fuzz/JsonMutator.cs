using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyPack.Sdk.Model;
using SecurityBaseline.Testing;
using static SecurityBaseline.Testing.JsonPositions;

namespace SecurityBaseline.Fuzz;

/// <summary>Structure-aware mutations of a JSON document: drop, duplicate and retype members, nest deeply, grow strings,
/// put unicode edge cases, secret canaries, unknown sentinels and other special values at random positions.</summary>
public static class JsonMutator
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 100_000 };

    /// <summary>Strings that break naive code: lone surrogates, NUL, BOM, bidi overrides, joined emoji, combining marks, line separators.</summary>
    public static IReadOnlyList<string> UnicodeEdges { get; } =
    [
        "\ud800", "a\udc00b", "\u0000", "\ufeffbom", "\u202egnp.exe", "👩‍👩‍👧‍👦🏳️‍🌈", "e\u0301\u0301\u0301", "\u2028\u2029", "\r\n\t\b\f",
        "<script>alert(1)</script>", "]]><!--", "|`*_[x](y)", "::error::x", "%0A%25", "\u00a0", "𝕏", "İı", "\"'\\",
    ];

    private static readonly string[] Sentinels =
    [
        PulumiSignatures.UnknownBool, PulumiSignatures.UnknownNumber, PulumiSignatures.UnknownString, PulumiSignatures.UnknownArray,
        PulumiSignatures.UnknownAsset, PulumiSignatures.UnknownArchive, PulumiSignatures.UnknownObject,
    ];

    private enum Operation
    {
        Drop, Duplicate, Retype, DeepNest, HugeString, Unicode, SecretCanary, SecretCanaryContainer, Unknown, SpecialValue, WrapInArray,
    }

    /// <summary>Applies up to <paramref name="count"/> mutations to <paramref name="root"/>; returns what was done, for the report.</summary>
    public static List<string> Mutate(JsonNode root, Choices choices, int count, bool allowSecrets = true)
    {
        var log = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var positions = Positions(root).ToList();
            if (positions.Count == 0)
            {
                break;
            }

            var position = choices.Pick(positions);
            var operation = (Operation)choices.Next(Enum.GetValues<Operation>().Length);
            if (!allowSecrets && operation is Operation.SecretCanary or Operation.SecretCanaryContainer)
            {
                operation = Operation.Unicode;
            }

            log.Add($"{operation} at {Describe(position)}");
            Apply(position, operation, choices);
        }

        return log;
    }

    public static string Serialize(JsonNode node) => node.ToJsonString(Compact);

    /// <summary>The parsed node, or null when an earlier mutation left text that is no JSON (an emptied event line, say): nothing to mutate structurally then.</summary>
    public static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 100_000 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Apply(Position position, Operation operation, Choices choices)
    {
        var current = position.Node;
        switch (operation)
        {
            case Operation.Drop:
                if (position.Parent is JsonObject o)
                {
                    o.Remove(position.Key!);
                }
                else if (position.Parent is JsonArray a)
                {
                    a.RemoveAt(position.Index);
                }

                break;
            case Operation.Duplicate:
                if (position.Parent is JsonObject parent)
                {
                    var copyKey = choices.Pick(["copy", position.Key + "2", position.Key!.ToUpperInvariant(), position.Key + "\u0000", ""]);
                    if (!parent.ContainsKey(copyKey))
                    {
                        parent[copyKey] = current?.DeepClone();
                    }
                }
                else if (position.Parent is JsonArray array)
                {
                    var times = choices.Pick([1, 2, 50]);
                    for (var i = 0; i < times; i++)
                    {
                        array.Add(current?.DeepClone());
                    }
                }

                break;
            case Operation.Retype:
                Replace(position, choices.Pick<Func<JsonNode?>>(
                [
                    () => null, () => 0, () => -1, () => 1e308, () => 3.5, () => long.MaxValue, () => true, () => false, () => "",
                    () => "0", () => "true", () => new JsonArray(), () => new JsonObject(), () => new JsonArray(1, "x", null),
                    () => new JsonObject { ["value"] = current?.DeepClone() },
                ])());
                break;
            case Operation.DeepNest:
                var depth = choices.Pick([20, 200, 1000, 1100, 5000]);
                JsonNode nested = current?.DeepClone() ?? JsonValue.Create("leaf");
                for (var i = 0; i < depth; i++)
                {
                    nested = i % 2 == 0 ? new JsonArray(nested) : new JsonObject { ["n"] = nested };
                }

                Replace(position, nested);
                break;
            case Operation.HugeString:
                var length = choices.Pick([4096, 100_000, 400_000]);
                Replace(position, new string(choices.Pick(['a', '\u00e9', ' ', '"', '\\', '*']), length));
                break;
            case Operation.Unicode:
                var text = choices.Pick(UnicodeEdges);
                Replace(position, current is JsonValue v && v.TryGetValue<string>(out var s) ? s + text : text);
                break;
            case Operation.SecretCanary:
                Replace(position, Canary.Secret(choices.Pick<Func<JsonNode?>>(
                [
                    () => Canary.Text, () => Canary.Text + "\n" + Canary.Text, () => new JsonObject { [Canary.Key] = Canary.Text },
                    () => new JsonArray(Canary.Text, 22), () => "tcp " + Canary.Text, () => new JsonObject { [Canary.Key] = new JsonArray(Canary.Text) },
                ])()));
                break;
            case Operation.SecretCanaryContainer:
                var copy = current?.DeepClone();
                if (copy is JsonObject members)
                {
                    members[Canary.Key] = Canary.Text;
                }
                else if (copy is JsonArray elements)
                {
                    elements.Add(Canary.Text);
                }
                else
                {
                    copy = new JsonObject { [Canary.Key] = copy };
                }

                Replace(position, Canary.Secret(copy));
                break;
            case Operation.Unknown:
                Replace(position, choices.Pick(Sentinels));
                break;
            case Operation.SpecialValue:
                Replace(position, choices.Pick<Func<JsonNode>>(
                [
                    () => new JsonObject { [PulumiSignatures.Key] = PulumiSignatures.Asset, ["text"] = "x" },
                    () => new JsonObject { [PulumiSignatures.Key] = PulumiSignatures.Archive, ["assets"] = new JsonObject() },
                    () => new JsonObject { [PulumiSignatures.Key] = PulumiSignatures.ResourceReference, ["urn"] = "urn:pulumi:a::b::c:d:E::f" },
                    () => new JsonObject { [PulumiSignatures.Key] = PulumiSignatures.OutputValue, ["known"] = false },
                    () => new JsonObject { [PulumiSignatures.Key] = PulumiSignatures.ByteString, ["value"] = "AA==" },
                    () => new JsonObject { [PulumiSignatures.Key] = "not-a-signature" },
                    () => new JsonObject { [PulumiSignatures.Key] = 42 },
                    () => new JsonObject { [PulumiSignatures.Key] = PulumiSignatures.Secret },
                    () => PulumiSignatures.RedactedSecretText,
                ])());
                break;
            case Operation.WrapInArray:
                Replace(position, new JsonArray(current?.DeepClone()));
                break;
        }
    }

    /// <summary>Byte-level damage for inputs that carry no secret: truncation, a raw lone-surrogate escape, a flipped byte.</summary>
    public static string DamageText(string text, Choices choices)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var at = choices.Next(text.Length);
        return choices.Next(5) switch
        {
            0 => text[..at],
            1 => text.Insert(at, "\\ud800"),
            2 => string.Concat(text.AsSpan(0, at), ((char)(text[at] ^ (1 << choices.Next(7)))).ToString(), text.AsSpan(at + 1)),
            3 => text.Insert(at, "\u0000"),
            _ => text.Insert(at, new StringBuilder().Append('[', 2000).ToString()),
        };
    }
}
