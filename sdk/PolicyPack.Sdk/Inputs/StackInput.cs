using System.Text.Json;
using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Inputs;

/// <summary>A file the scanner cannot read; the message names the file and, for JSON errors, the line and position.</summary>
public sealed class InputFormatException(string message) : Exception(message);

/// <summary>The kind of file a stack came from.</summary>
public enum InputKind
{
    StackExport,
    PreviewDigest,
    EngineEvents,
}

/// <summary>Resources read from one file: inputs for resource policies, outputs for stack policies.</summary>
public sealed record StackInput(string Source, InputKind Kind, IReadOnlyList<PulumiResource> Inputs, IReadOnlyList<PulumiResource> Outputs)
{
    /// <summary>Policy events that the Pulumi CLI's own analyzer run recorded (engine event streams only).</summary>
    public IReadOnlyList<JsonElement> PolicyEvents { get; init; } = [];
}

/// <summary>Reads `pulumi stack export` files, `pulumi preview --json` digests and engine event streams.</summary>
public static class StackInputReader
{
    /// <summary>Reads <paramref name="content"/>; <paramref name="source"/> names the file in errors.</summary>
    public static StackInput Read(string content, string source)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            throw new InputFormatException($"{source}: the file is empty; expected `pulumi stack export` or `pulumi preview --json` output");
        }

        if (EngineEventReader.LooksLikeEvents(content))
        {
            return EngineEventReader.Read(content, source);
        }

        using var document = Parse(content, source);
        return ReadDocument(document, source);
    }

    /// <summary>Reads UTF-8 <paramref name="utf8"/> (no byte order mark) without first turning it into a string, which would hold the file twice over.</summary>
    /// <remarks>Anything the byte path cannot treat exactly as <see cref="Read(string, string)"/> would (invalid UTF-8, non-ASCII
    /// whitespace, an event stream) is decoded and read as text, so both paths give the same results and the same errors.</remarks>
    public static StackInput Read(ReadOnlyMemory<byte> utf8, string source)
    {
        var span = utf8.Span;
        if (!System.Text.Unicode.Utf8.IsValid(span) || !HasAsciiContent(span) || EngineEventReader.MayBeEvents(span))
        {
            return Read(System.Text.Encoding.UTF8.GetString(span), source);
        }

        JsonDocument document;
        try
        {
            document = StrictJson.Parse(utf8, PropertyDecoder.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new InputFormatException($"{source}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: invalid JSON ({Reason(e)})");
        }

        // Disposed as soon as the resources are decoded: the decoded values never point back into the document.
        using (document)
        {
            return ReadDocument(document, source);
        }
    }

    /// <summary>True when something other than ASCII whitespace comes before any non-ASCII byte, so the text is not blank by <see cref="string.IsNullOrWhiteSpace"/>.</summary>
    private static bool HasAsciiContent(ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
        {
            if (b >= 0x80)
            {
                return false;
            }

            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C) && !(b is >= 0x1C and <= 0x1F))
            {
                return true;
            }
        }

        return false;
    }

    private static StackInput ReadDocument(JsonDocument document, string source)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InputFormatException($"{source}: expected a JSON object, found {root.ValueKind}");
        }

        if (root.TryGetProperty("deployment", out _))
        {
            return ReadExport(root, source);
        }

        if (root.TryGetProperty("steps", out _))
        {
            return ReadPreview(root, source);
        }

        throw new InputFormatException($"{source}: neither a stack export (no \"deployment\") nor a preview digest (no \"steps\")");
    }

    internal static JsonDocument Parse(string content, string source)
    {
        try
        {
            return StrictJson.Parse(content, PropertyDecoder.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new InputFormatException($"{source}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: invalid JSON ({Reason(e)})");
        }
    }

    /// <summary>The reader's complaint without its trailing location, which we print our own way.</summary>
    internal static string Reason(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd('.', ' ');
    }

    private static StackInput ReadExport(JsonElement root, string source)
    {
        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number is not (3 or 4))
        {
            throw new InputFormatException($"{source}: unsupported stack export: \"version\" must be 3 or 4");
        }

        var deployment = root.GetProperty("deployment");
        if (deployment.ValueKind != JsonValueKind.Object)
        {
            throw new InputFormatException($"{source}: \"deployment\" must be an object");
        }

        var inputs = new List<PulumiResource>();
        var outputs = new List<PulumiResource>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (deployment.TryGetProperty("resources", out var resources) && resources.ValueKind != JsonValueKind.Null)
        {
            if (resources.ValueKind != JsonValueKind.Array)
            {
                throw new InputFormatException($"{source}: deployment.resources must be an array");
            }

            var i = 0;
            foreach (var state in resources.EnumerateArray())
            {
                var path = $"deployment.resources[{i++}]";
                if (state.ValueKind == JsonValueKind.Object && state.TryGetProperty("delete", out var delete) && delete.ValueKind == JsonValueKind.True)
                {
                    continue;
                }

                var (input, output) = ReadState(state, source, path, names);
                inputs.Add(input);
                outputs.Add(output);
            }
        }

        return new StackInput(source, InputKind.StackExport, inputs, outputs);
    }

    private static StackInput ReadPreview(JsonElement root, string source)
    {
        var steps = root.GetProperty("steps");
        if (steps.ValueKind == JsonValueKind.Null)
        {
            return new StackInput(source, InputKind.PreviewDigest, [], []);
        }

        if (steps.ValueKind != JsonValueKind.Array)
        {
            throw new InputFormatException($"{source}: \"steps\" must be an array");
        }

        var inputs = new List<PulumiResource>();
        var outputs = new List<PulumiResource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var step in steps.EnumerateArray())
        {
            var path = $"steps[{i++}]";
            if (step.ValueKind != JsonValueKind.Object)
            {
                throw new InputFormatException($"{source}: {path} must be an object");
            }

            // Deletes carry no new state; a replacement shows its logical step once.
            if (!step.TryGetProperty("newState", out var state) || state.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var (input, output) = ReadState(state, source, $"{path}.newState", names);
            if (!seen.Add(input.Urn))
            {
                continue;
            }

            inputs.Add(input);
            outputs.Add(output);
        }

        return new StackInput(source, InputKind.PreviewDigest, inputs, outputs);
    }

    /// <summary>One `apitype.ResourceV3` as two views: its inputs, and its outputs (inputs where a preview has no outputs yet).</summary>
    /// <remarks><paramref name="names"/>, when given, keeps one string per distinct URN and type across a file: every resource
    /// repeats its parent's, its provider's and its dependencies' URNs, which would otherwise be held once per mention; the
    /// decoder shares property names and short values through it the same way.</remarks>
    internal static (PulumiResource Inputs, PulumiResource Outputs) ReadState(JsonElement state, string source, string path, Dictionary<string, string>? names = null)
    {
        string? Shared(string? text)
        {
            if (text is null || names is null)
            {
                return text;
            }

            if (names.TryGetValue(text, out var shared))
            {
                return shared;
            }

            names[text] = text;
            return text;
        }

        if (state.ValueKind != JsonValueKind.Object)
        {
            throw new InputFormatException($"{source}: {path} must be an object");
        }

        var urn = Shared(RequiredString(state, "urn", source, path))!;
        var type = Shared(RequiredString(state, "type", source, path))!;
        IReadOnlyDictionary<string, PropertyValue> inputs;
        IReadOnlyDictionary<string, PropertyValue> outputs;
        try
        {
            var inputElement = state.TryGetProperty("inputs", out var i) ? i : default;
            inputs = PropertyDecoder.DecodeProperties(inputElement, $"{path}.inputs", names);
            outputs = PropertyDecoder.DecodeProperties(state.TryGetProperty("outputs", out var o) ? o : default, $"{path}.outputs", inputElement, inputs, names);
        }
        catch (PropertyFormatException e)
        {
            throw new InputFormatException($"{source}: {e.Message}");
        }

        var resource = new PulumiResource
        {
            Urn = urn,
            Type = type,
            Name = PulumiResource.NameFromUrn(urn),
            Properties = inputs,
            Id = OptionalString(state, "id"),
            Parent = Shared(OptionalString(state, "parent")),
            Provider = Shared(OptionalString(state, "provider")),
            Dependencies = Strings(state, "dependencies", Shared),
            PropertyDependencies = PropertyDependencies(state, Shared),
            SourcePosition = OptionalString(state, "sourcePosition"),
            Origin = source,
        };
        return (resource, resource with { Properties = Merge(inputs, outputs) });
    }

    /// <summary>Outputs over inputs; one of the two as it is when the other adds nothing, so most resources keep no third map.</summary>
    private static IReadOnlyDictionary<string, PropertyValue> Merge(IReadOnlyDictionary<string, PropertyValue> inputs, IReadOnlyDictionary<string, PropertyValue> outputs)
    {
        if (outputs.Count == 0)
        {
            return inputs;
        }

        if (inputs.Keys.All(outputs.ContainsKey))
        {
            return outputs;
        }

        var merged = new Dictionary<string, PropertyValue>(inputs, StringComparer.Ordinal);
        foreach (var (key, value) in outputs)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static string RequiredString(JsonElement element, string name, string source, string path) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InputFormatException($"{source}: {path}.{name} is missing or not a string");

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static string[] Strings(JsonElement element, string name, Func<string?, string?> shared) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? StringItems(value, shared) : [];

    /// <summary>The string items of <paramref name="array"/>, shared; a loop, since every resource has a few such lists.</summary>
    private static string[] StringItems(JsonElement array, Func<string?, string?> shared)
    {
        var length = array.GetArrayLength();
        if (length == 0)
        {
            return [];
        }

        var items = new string[length];
        var count = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                items[count++] = shared(item.GetString())!;
            }
        }

        return count == length ? items : items[..count];
    }

    /// <summary>Shared by every resource without property dependencies, so those hold no map of their own.</summary>
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoPropertyDependencies = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> PropertyDependencies(JsonElement element, Func<string?, string?> shared)
    {
        if (!element.TryGetProperty("propertyDependencies", out var map) || map.ValueKind != JsonValueKind.Object || map.GetPropertyCount() == 0)
        {
            return NoPropertyDependencies;
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            result[property.Name] = property.Value.ValueKind == JsonValueKind.Array ? StringItems(property.Value, shared) : [];
        }

        return result;
    }
}
