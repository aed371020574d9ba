using System.Globalization;
using System.Text;
using PolicyPack.Sdk.Model;
using PolicyPack.Sdk.Hosting.Protocol;

namespace PolicyPack.Sdk.Hosting.Analyzer;

/// <summary>Says why Google.Protobuf refused a request, reading its raw bytes: which property is nested too deep or holds a string that is not UTF-8.</summary>
/// <remarks>
/// The parser only says that it failed, and its own messages can quote the offending bytes (a secret's). This walk knows the
/// shape of the analyzer's requests (resources whose properties are Structs), never recurses past the depth the parser
/// allows, and names a property by its path only — inside a secret, by the secret's own path and "[secret]".
/// </remarks>
internal static class RefusedRequest
{
    /// <summary>JSON levels of a property bag the parser reads: every level costs it three (Value, Struct, map entry).</summary>
    public const int MaxLevels = (AnalyzerMethods.RecursionLimit - 4) / 3;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The reason for the INVALID_ARGUMENT answer to a <typeparamref name="T"/> that could not be parsed.</summary>
    public static string Explain<T>(byte[] payload)
    {
        string? problem = null;
        try
        {
            problem = typeof(T) == typeof(AnalyzeRequest) ? Resource(payload, "the resource")
                : typeof(T) == typeof(AnalyzeStackRequest) ? Stack(payload)
                : null;
        }
        catch (FormatException)
        {
            // The bytes are not even well-formed protobuf; the generic reason below says so.
        }

        return $"the {typeof(T).Name} could not be read: {problem ?? "not a well-formed protobuf message of this type (nesting too deep or a string that is not UTF-8)"}";
    }

    private static string? Stack(byte[] payload)
    {
        var index = 0;
        foreach (var (number, bytes) in Fields(payload))
        {
            if (number != 1)
            {
                continue;
            }

            if (Resource(bytes, $"resource {index.ToString(CultureInfo.InvariantCulture)}") is { } problem)
            {
                return problem;
            }

            index++;
        }

        return null;
    }

    /// <summary>An AnalyzeRequest or AnalyzerResource: type 1, properties 2, urn 3, name 4, parent 7, dependencies 8.</summary>
    private static string? Resource(ReadOnlyMemory<byte> resource, string fallbackName)
    {
        var fields = Fields(resource).ToArray();
        var urn = fields.Where(f => f.Number == 3).Select(f => Utf8(f.Bytes.Span)).LastOrDefault();
        var name = urn is { Length: > 0 } ? $"resource {urn}" : fallbackName;
        foreach (var (number, bytes) in fields)
        {
            var field = number switch { 1 => "type", 3 => "urn", 4 => "name", 7 => "parent", 8 => "dependencies", _ => null };
            if (field is not null && Utf8(bytes.Span) is null)
            {
                return $"{name}: field {field} is not valid UTF-8";
            }

            if (number == 2 && Struct(bytes, string.Empty, false, 1) is { } problem)
            {
                return $"{name}: {problem}";
            }
        }

        return null;
    }

    private static string? Struct(ReadOnlyMemory<byte> value, string path, bool secret, int depth)
    {
        var entries = new List<(ReadOnlyMemory<byte>? Key, ReadOnlyMemory<byte>? Value)>();
        foreach (var (number, entry) in Fields(value))
        {
            if (number != 1)
            {
                continue;
            }

            ReadOnlyMemory<byte>? key = null;
            ReadOnlyMemory<byte>? item = null;
            foreach (var (part, bytes) in Fields(entry))
            {
                if (part == 1)
                {
                    key = bytes;
                }
                else if (part == 2)
                {
                    item = bytes;
                }
            }

            entries.Add((key, item));
        }

        // A secret is known by its signature entry, wherever the encoder put it among the others.
        var isSecret = secret || entries.Any(e => e.Key is { } k && Utf8(k.Span) == PulumiSignatures.Key && e.Value is { } v && StringOf(v) == PulumiSignatures.Secret);
        foreach (var (key, item) in entries)
        {
            var keyText = key is { } k ? Utf8(k.Span) : string.Empty;
            if (keyText is null)
            {
                return $"property {Where(isSecret ? PropertyDecoder.FieldPath(path, string.Empty, true) : path)} has a key that is not valid UTF-8";
            }

            if (item is { } v && Value(v, PropertyDecoder.FieldPath(path, keyText, isSecret), isSecret, depth + 1) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Value(ReadOnlyMemory<byte> value, string path, bool secret, int depth)
    {
        if (depth > MaxLevels)
        {
            return $"property {Shorten(path)} is nested deeper than {MaxLevels.ToString(CultureInfo.InvariantCulture)} levels";
        }

        foreach (var (number, bytes) in Fields(value))
        {
            switch (number)
            {
                case 3 when Utf8(bytes.Span) is null:
                    return $"property {Where(path)} holds a string that is not valid UTF-8";
                case 5 when Struct(bytes, path, secret, depth) is { } problem:
                    return problem;
                case 6:
                    var index = 0;
                    foreach (var (item, itemBytes) in Fields(bytes))
                    {
                        if (item == 1 && Value(itemBytes, PropertyDecoder.ItemPath(path, index++, secret), secret, depth + 1) is { } inList)
                        {
                            return inList;
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        return null;
    }

    /// <summary>The string a Value holds, or null.</summary>
    private static string? StringOf(ReadOnlyMemory<byte> value) =>
        Fields(value).Where(f => f.Number == 3).Select(f => Utf8(f.Bytes.Span)).LastOrDefault();

    private static string? Utf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string Where(string path) => path.Length == 0 ? "(root)" : path;

    /// <summary>A path hundreds of levels deep, cut to its start and end so the answer stays readable.</summary>
    private static string Shorten(string path)
    {
        var segments = path.Split('.');
        return segments.Length <= 12 ? path : $"{string.Join('.', segments.Take(8))}.….{string.Join('.', segments.TakeLast(3))}";
    }

    /// <summary>The length-delimited fields of a message (numbers and contents); other wire types are skipped.</summary>
    private static List<(int Number, ReadOnlyMemory<byte> Bytes)> Fields(ReadOnlyMemory<byte> message)
    {
        var fields = new List<(int Number, ReadOnlyMemory<byte> Bytes)>();
        var position = 0;
        while (position < message.Length)
        {
            var tag = Varint(message.Span, ref position);
            var number = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0:
                    Varint(message.Span, ref position);
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    var length = Varint(message.Span, ref position);
                    if (length > (ulong)(message.Length - position))
                    {
                        throw new FormatException("length past the end of the message");
                    }

                    fields.Add((number, message.Slice(position, (int)length)));
                    position += (int)length;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new FormatException("unsupported wire type");
            }
        }

        return fields;
    }

    private static ulong Varint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= bytes.Length)
            {
                throw new FormatException("truncated varint");
            }

            var b = bytes[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new FormatException("varint too long");
    }
}
