using System.Text.Json;
using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Inputs;

/// <summary>Reads streamed engine events (`PULUMI_ENABLE_STREAMING_JSON_PREVIEW=true` or `--event-log`): one JSON object per line.</summary>
internal static class EngineEventReader
{
    /// <summary>True when the first non-blank line is a whole JSON object with an event `sequence`.</summary>
    public static bool LooksLikeEvents(string content)
    {
        var reader = new StringReader(content);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            try
            {
                using var document = StrictJson.Parse(line, PropertyDecoder.DocumentOptions);
                return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("sequence", out _);
            }
            catch (JsonException)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>False only when <see cref="LooksLikeEvents(string)"/> is certainly false for this UTF-8 text; reads the first line without allocating.</summary>
    /// <remarks>A one-line stack export is its own first line: parsing it into a document just to find no `sequence` would hold the
    /// whole file again, so this walks the top-level keys with a reader and leaves the exact check to the (small) event line.</remarks>
    public static bool MayBeEvents(ReadOnlySpan<byte> utf8)
    {
        while (!utf8.IsEmpty)
        {
            var end = utf8.IndexOfAny((byte)'\r', (byte)'\n');
            var line = end < 0 ? utf8 : utf8[..end];
            utf8 = end < 0 ? [] : utf8[(end + 1)..];
            var first = line.IndexOfAnyExcept(" \t\v\f"u8);
            if (first < 0)
            {
                continue;
            }

            // Bytes that may be Unicode whitespace (or not): leave the decision to the exact check.
            if (line[first] >= 0x80 || line[first] is >= 0x1C and <= 0x1F)
            {
                return true;
            }

            return HasTopLevelSequence(line);
        }

        return false;
    }

    private static bool HasTopLevelSequence(ReadOnlySpan<byte> line)
    {
        // A key that reads "sequence" is either those very bytes or spelled with a \u escape (no other escape gives a letter);
        // with neither in the line the answer is no, without tokenising what may be a whole compact stack export.
        if (line.IndexOf("sequence"u8) < 0 && line.IndexOf("\\u"u8) < 0)
        {
            return false;
        }

        var options = PropertyDecoder.DocumentOptions;
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = options.MaxDepth, CommentHandling = options.CommentHandling, AllowTrailingCommas = options.AllowTrailingCommas });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("sequence"u8))
                {
                    return true;
                }

                reader.Skip();
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // An unpaired surrogate escape in a key: the exact check decides.
            return true;
        }
    }

    public static StackInput Read(string content, string source)
    {
        var inputs = new Dictionary<string, PulumiResource>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, PulumiResource>(StringComparer.Ordinal);
        var order = new List<string>();
        var policyEvents = new List<JsonElement>();
        var reader = new StringReader(content);
        string? line;
        var lineNumber = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = StrictJson.Parse(line, PropertyDecoder.DocumentOptions);
            }
            catch (JsonException e)
            {
                throw new InputFormatException($"{source}:{lineNumber}:{(e.BytePositionInLine ?? 0) + 1}: invalid JSON event ({StackInputReader.Reason(e)})");
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new InputFormatException($"{source}:{lineNumber}: an engine event must be a JSON object");
                }

                if (root.TryGetProperty("policyEvent", out var policyEvent))
                {
                    policyEvents.Add(policyEvent.Clone());
                }

                if (root.TryGetProperty("resourcePreEvent", out var pre) &&
                    Member(pre, "metadata", $"{source}:{lineNumber}", "resourcePreEvent") is { } metadata &&
                    metadata.TryGetProperty("new", out var state) && state.ValueKind == JsonValueKind.Object)
                {
                    if (state.TryGetProperty("delete", out var delete) && delete.ValueKind == JsonValueKind.True)
                    {
                        continue;
                    }

                    var (input, output) = StackInputReader.ReadState(state, $"{source}:{lineNumber}", "resourcePreEvent.metadata.new");
                    if (!inputs.ContainsKey(input.Urn))
                    {
                        order.Add(input.Urn);
                    }

                    inputs[input.Urn] = input;
                    outputs[input.Urn] = output;
                }
            }
        }

        return new StackInput(source, InputKind.EngineEvents, order.Select(u => inputs[u]).ToArray(), order.Select(u => outputs[u]).ToArray())
        {
            PolicyEvents = policyEvents,
        };
    }

    /// <summary>The member of an event object, or null when absent; an event part that is not an object is a malformed file, not a crash.</summary>
    private static JsonElement? Member(JsonElement element, string name, string location, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InputFormatException($"{location}: {path} must be an object, found {element.ValueKind}");
        }

        if (!element.TryGetProperty(name, out var member))
        {
            return null;
        }

        return member.ValueKind == JsonValueKind.Object
            ? member
            : throw new InputFormatException($"{location}: {path}.{name} must be an object, found {member.ValueKind}");
    }
}
