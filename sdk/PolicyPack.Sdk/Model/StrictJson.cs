using System.Text;
using System.Text.Json;

namespace PolicyPack.Sdk.Model;

/// <summary>Parses JSON from scanned files, rejecting up front what <see cref="JsonDocument"/> accepts but cannot hand back as text.</summary>
/// <remarks>
/// `JsonDocument.Parse` lets an unpaired surrogate escape ("\ud800") through, and the first `GetString()` or property name on it
/// throws an <see cref="InvalidOperationException"/> far from the file; checking every escaped string here turns it into a
/// <see cref="JsonException"/> with the line and byte position, which every reader already reports as bad input.
/// </remarks>
internal static class StrictJson
{
    public static JsonDocument Parse(string content, JsonDocumentOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Parse(Encoding.UTF8.GetBytes(content), options);
    }

    /// <summary>Parses UTF-8 text without a byte order mark; the document reads from <paramref name="utf8"/>, which must outlive it.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, JsonDocumentOptions options)
    {
        CheckStrings(utf8.Span, options);
        return JsonDocument.Parse(utf8, options);
    }

    private static void CheckStrings(ReadOnlySpan<byte> utf8, JsonDocumentOptions options)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            MaxDepth = options.MaxDepth,
            CommentHandling = options.CommentHandling,
            AllowTrailingCommas = options.AllowTrailingCommas,
        });

        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped)
            {
                continue;
            }

            try
            {
                _ = reader.GetString();
            }
            catch (InvalidOperationException)
            {
                // The reader keeps no line count; the first bad string ends the parse, so counting once here is enough.
                var start = checked((int)reader.TokenStartIndex);
                var before = utf8[..start];
                var lineStart = before.LastIndexOf((byte)'\n') + 1;
                throw new JsonException(
                    $"a {(reader.TokenType == JsonTokenType.PropertyName ? "property name" : "string")} holds an unpaired UTF-16 surrogate escape",
                    path: null, lineNumber: before.Count((byte)'\n'), bytePositionInLine: start - lineStart);
            }
        }
    }
}
