using System.Runtime.InteropServices;
using System.Text.Json;

namespace PolicyPack.Sdk.Model;

/// <summary>Raised when a property tree holds something Pulumi never writes; the message names the property path.</summary>
public sealed class PropertyFormatException(string path, string problem) : FormatException($"property {path}: {problem}")
{
    public string PropertyPath { get; } = path;
}

/// <summary>Turns JSON property trees (preview digests, stack exports, analyzer Structs rendered as JSON) into <see cref="PropertyValue"/>s.</summary>
public static class PropertyDecoder
{
    /// <summary>Deep enough for any real resource and for adversarial files; the default of 64 rejects real nesting.</summary>
    public const int MaxDepth = 1024;

    public static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false };

    /// <summary>Decodes an object of properties (a resource's inputs or outputs) in Pulumi's JSON encoding; <paramref name="path"/> prefixes the property paths errors and unknowns name.</summary>
    public static IReadOnlyDictionary<string, PropertyValue> DecodeProperties(JsonElement element, string path = "") => DecodeProperties(element, path, names: null);

    /// <summary>Decodes an object of properties; <paramref name="names"/>, when given, keeps one string per distinct property
    /// name and short text across every call that shares it (see <see cref="Name"/>).</summary>
    internal static IReadOnlyDictionary<string, PropertyValue> DecodeProperties(JsonElement element, string path, Dictionary<string, string>? names)
    {
        if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return new Dictionary<string, PropertyValue>();
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PropertyFormatException(path.Length == 0 ? "(root)" : path, $"expected an object of properties, found {element.ValueKind}");
        }

        var value = Decode(element, new LazyPath(path), false, 0, names);
        return value.Kind == ValueKind.Object ? value.Fields : new Dictionary<string, PropertyValue>();
    }

    /// <summary>Decodes <paramref name="element"/> like <see cref="DecodeProperties(JsonElement, string, Dictionary{string, string})"/>, taking the decoded value of
    /// <paramref name="same"/> (already decoded as <paramref name="sameDecoded"/>) for every property whose JSON is identical there.</summary>
    /// <remarks>A stack export repeats most inputs verbatim in the outputs; decoding them once keeps one tree instead of two.
    /// Identical JSON decodes to an identical value, so only memory changes; objects with a signature key take the plain path.</remarks>
    internal static IReadOnlyDictionary<string, PropertyValue> DecodeProperties(JsonElement element, string path, JsonElement same, IReadOnlyDictionary<string, PropertyValue> sameDecoded, Dictionary<string, string>? names = null)
    {
        if (element.ValueKind != JsonValueKind.Object || same.ValueKind != JsonValueKind.Object
            || element.TryGetProperty(PulumiSignatures.Key, out _) || same.TryGetProperty(PulumiSignatures.Key, out _))
        {
            return DecodeProperties(element, path, names);
        }

        // The last of duplicate keys wins, as in the decoded dictionary. One map per thread, cleared per call: it lives only
        // for this call, and a new one per resource was a visible share of a scan's garbage.
        var sameElements = SameElements ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        sameElements.Clear();
        foreach (var property in same.EnumerateObject())
        {
            sameElements[property.Name] = property.Value;
        }

        var fields = new Dictionary<string, PropertyValue>(element.GetPropertyCount(), StringComparer.Ordinal);
        var root = new LazyPath(path);
        var allShared = true;
        foreach (var property in element.EnumerateObject())
        {
            var name = Name(property, names);
            if (sameElements.TryGetValue(name, out var twin) && sameDecoded.TryGetValue(name, out var decoded) && JsonElement.DeepEquals(twin, property.Value))
            {
                fields[name] = decoded;
                continue;
            }

            allShared = false;
            fields[name] = Decode(property.Value, root.Field(name, false), false, 1, names);
        }

        sameElements.Clear();
        return allShared && fields.Count == sameDecoded.Count ? sameDecoded : fields;
    }

    /// <summary>The scratch map of <see cref="DecodeProperties(JsonElement, string, JsonElement, IReadOnlyDictionary{string, PropertyValue}, Dictionary{string, string})"/>; the decoder never re-enters that method, so one per thread suffices.</summary>
    [ThreadStatic]
    private static Dictionary<string, JsonElement>? SameElements;

    public static PropertyValue Decode(JsonElement element, string path = "") => Decode(element, new LazyPath(path), false, 0);

    /// <summary>Decodes the JSON encoding of a secret's value (state files keep it as a string): everything in it is secret, and error paths stop at <paramref name="path"/>.</summary>
    public static PropertyValue DecodeSecretValue(JsonElement element, string path) => Decode(element, new LazyPath(path), true, 0);

    /// <summary>The path of field <paramref name="name"/> under <paramref name="path"/>; inside a secret, the secret's own path and "[secret]", since a key can be as secret as a value.</summary>
    public static string FieldPath(string path, string name, bool secret) => secret ? SecretPath(path) : Join(path, name);

    /// <summary>The path of item <paramref name="index"/> under <paramref name="path"/>; inside a secret, the secret's own path and "[secret]".</summary>
    public static string ItemPath(string path, int index, bool secret) =>
        secret ? SecretPath(path) : $"{path}[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";

    /// <summary>What a problem inside a secret quotes from the input: nothing when it is secret.</summary>
    public static string Quoted(string text, bool secret) => secret ? Shown.SecretText : $"\"{text}\"";

    private static string SecretPath(string path) =>
        path.EndsWith(Shown.SecretText, StringComparison.Ordinal) ? path : path.Length == 0 ? Shown.SecretText : $"{path}.{Shown.SecretText}";

    private static PropertyValue Decode(JsonElement element, LazyPath path, bool secret, int depth, Dictionary<string, string>? names = null)
    {
        if (depth > MaxDepth)
        {
            throw new PropertyFormatException(path, $"nested deeper than {MaxDepth} levels");
        }

        try
        {
            return DecodeElement(element, path, secret, depth, names);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to turn an escaped unpaired surrogate (`"\ud800"`) into a string, in a value or a key.
            // The innermost level catches it, so the path is that of the string or of the object holding the key, never the text.
            throw new PropertyFormatException(path.Length == 0 ? "(root)" : path, "text that is not valid Unicode (an unpaired surrogate)");
        }
    }

    private static PropertyValue DecodeElement(JsonElement element, LazyPath path, bool secret, int depth, Dictionary<string, string>? names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return secret ? PropertyValue.Null.AsSecret() : PropertyValue.Null;
            case JsonValueKind.True:
                return PropertyValue.FromBool(true, secret);
            case JsonValueKind.False:
                return PropertyValue.FromBool(false, secret);
            case JsonValueKind.Number:
                return PropertyValue.FromNumber(element.GetDouble(), secret);
            case JsonValueKind.String:
                return DecodeString(Text(element, names), secret);
            case JsonValueKind.Array:
            {
                var items = new List<PropertyValue>(element.GetArrayLength());
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    items.Add(Decode(item, path.Item(i, secret), secret, depth + 1, names));
                    i++;
                }

                return PropertyValue.FromArray(items, secret);
            }

            case JsonValueKind.Object:
                return DecodeObject(element, path, secret, depth, names);
            default:
                throw new PropertyFormatException(path, $"unexpected JSON {element.ValueKind}");
        }
    }

    /// <summary>A string as Pulumi means it: the preview's "[secret]", an unknown sentinel, or plain text (marked secret inside a secret).</summary>
    public static PropertyValue DecodeString(string text, bool secret)
    {
        if (text == PulumiSignatures.RedactedSecretText)
        {
            return PropertyValue.RedactedSecret();
        }

        var unknownType = PulumiSignatures.UnknownTypeOf(text);
        return unknownType is null ? PropertyValue.FromString(text, secret) : PropertyValue.Unknown(unknownType, secret);
    }

    private static PropertyValue DecodeObject(JsonElement element, LazyPath path, bool secret, int depth, Dictionary<string, string>? names)
    {
        if (element.TryGetProperty(PulumiSignatures.Key, out var sig))
        {
            if (sig.ValueKind != JsonValueKind.String)
            {
                throw new PropertyFormatException(path, "the signature key does not hold a string");
            }

            return DecodeSpecial(sig.GetString()!, element, path, secret, depth, names);
        }

        // Sized up front: a growing dictionary leaves its outgrown arrays behind for the GC on every object of the stack.
        var fields = new Dictionary<string, PropertyValue>(element.GetPropertyCount(), StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var name = Name(property, names);
            fields[name] = Decode(property.Value, path.Field(name, secret), secret, depth + 1, names);
        }

        return PropertyValue.FromObject(fields, secret);
    }

    private static PropertyValue DecodeSpecial(string signature, JsonElement element, LazyPath path, bool secret, int depth, Dictionary<string, string>? names)
    {
        switch (signature)
        {
            case PulumiSignatures.Secret:
                return DecodeSecret(element, path, depth, names);
            case PulumiSignatures.Asset:
                return PropertyValue.Asset(StringAttributes(element, path, secret, "hash", "text", "path", "uri"), secret);
            case PulumiSignatures.Archive:
            {
                var assets = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
                if (element.TryGetProperty("assets", out var assetsElement) && assetsElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var asset in assetsElement.EnumerateObject())
                    {
                        assets[asset.Name] = Decode(asset.Value, path.Field("assets", secret).Field(asset.Name, secret), secret, depth + 1, names);
                    }
                }

                return PropertyValue.Archive(StringAttributes(element, path, secret, "hash", "path", "uri"), assets, secret);
            }

            case PulumiSignatures.ResourceReference:
            {
                var attributes = StringAttributes(element, path, secret, "urn", "id", "packageVersion", "name", "type");
                if (!attributes.TryGetValue("urn", out var urn))
                {
                    throw new PropertyFormatException(path, "resource reference without a urn");
                }

                if (element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && PulumiSignatures.UnknownTypeOf(id.GetString()!) is not null)
                {
                    return PropertyValue.Unknown("string", secret);
                }

                attributes.TryGetValue("id", out var idText);
                return PropertyValue.ResourceReference(urn, idText, attributes, secret);
            }

            case PulumiSignatures.OutputValue:
            {
                var isSecret = secret || (element.TryGetProperty("secret", out var s) && s.ValueKind == JsonValueKind.True);
                return element.TryGetProperty("value", out var inner)
                    ? Decode(inner, path, isSecret, depth + 1, names)
                    : PropertyValue.Unknown("output", isSecret);
            }

            case PulumiSignatures.ByteString:
                return PropertyValue.FromString(element.TryGetProperty("value", out var bytes) && bytes.ValueKind == JsonValueKind.String ? bytes.GetString()! : string.Empty, secret);
            default:
                throw new PropertyFormatException(path, $"unrecognised Pulumi signature {Quoted(signature, secret)}");
        }
    }

    private static PropertyValue DecodeSecret(JsonElement element, LazyPath path, int depth, Dictionary<string, string>? names)
    {
        if (element.TryGetProperty("value", out var value))
        {
            return Decode(value, path, true, depth + 1, names);
        }

        if (element.TryGetProperty("plaintext", out var plaintext))
        {
            if (plaintext.ValueKind != JsonValueKind.String)
            {
                throw new PropertyFormatException(path, "secret plaintext is not a string");
            }

            try
            {
                // `stack export --show-secrets` stores the secret's JSON encoding as a string.
                using var inner = StrictJson.Parse(plaintext.GetString()!, DocumentOptions);
                return Decode(inner.RootElement, path, true, depth + 1, names);
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                // Never echo the plaintext: the reason alone names the problem.
                throw new PropertyFormatException(path, "secret plaintext is not valid JSON");
            }
        }

        if (element.TryGetProperty("ciphertext", out _))
        {
            return PropertyValue.RedactedSecret();
        }

        throw new PropertyFormatException(path, "secret without value, plaintext or ciphertext");
    }

    private static Dictionary<string, string> StringAttributes(JsonElement element, LazyPath path, bool secret, params string[] names)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!element.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (v.ValueKind != JsonValueKind.String)
            {
                throw new PropertyFormatException(path.Field(name, secret), $"expected a string, found {v.ValueKind}");
            }

            attributes[name] = v.GetString()!;
        }

        return attributes;
    }

    /// <summary>The longest text shared through a name table: enum-like values ("AES256", "us-east-1") repeat across resources, long ones (ARNs, ids, policies) rarely do.</summary>
    private const int SharedTextLength = 48;

    /// <summary>A property's name, taken from <paramref name="names"/> when it holds it already.</summary>
    /// <remarks>A large stack repeats a few hundred property names hundreds of thousands of times; one string each keeps the
    /// decoded model a fraction of its size. Plain ASCII names are looked up without allocating; escaped ones take the reader's path.</remarks>
    private static string Name(JsonProperty property, Dictionary<string, string>? names) =>
        names is null ? property.Name : Shared(JsonMarshal.GetRawUtf8PropertyName(property), names) ?? Intern(property.Name, names);

    /// <summary>A string value, shared through <paramref name="names"/> like a property name when it is short.</summary>
    private static string Text(JsonElement element, Dictionary<string, string>? names)
    {
        if (names is null)
        {
            return element.GetString()!;
        }

        // The raw value keeps its quotes.
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length - 2 > SharedTextLength)
        {
            return element.GetString()!;
        }

        return Shared(raw[1..^1], names) ?? Intern(element.GetString()!, names);
    }

    /// <summary>The shared string for unescaped ASCII <paramref name="utf8"/>, added when new; null when the text needs the reader's unescaping.</summary>
    private static string? Shared(ReadOnlySpan<byte> utf8, Dictionary<string, string> names)
    {
        if (utf8.Length > SharedTextLength || utf8.Contains((byte)'\\') || !System.Text.Ascii.IsValid(utf8))
        {
            return null;
        }

        Span<char> chars = stackalloc char[utf8.Length];
        System.Text.Ascii.ToUtf16(utf8, chars, out _);
        if (names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars, out var shared))
        {
            return shared;
        }

        var text = new string(chars);
        names[text] = text;
        return text;
    }

    private static string Intern(string text, Dictionary<string, string> names)
    {
        if (text.Length > SharedTextLength)
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

    /// <summary>A property path that is spelled out only when an error names it.</summary>
    /// <remarks>Every field and item of a stack has a path, and only a malformed one is ever shown: building each as a string
    /// up front was a large share of a scan's garbage. The text is exactly what <see cref="FieldPath"/> and
    /// <see cref="ItemPath"/> give.</remarks>
    private sealed class LazyPath
    {
        private readonly LazyPath? parent;
        private readonly string? name;
        private readonly int index;
        private readonly bool secret;
        private string? text;

        public LazyPath(string text) => this.text = text;

        private LazyPath(LazyPath parent, string? name, int index, bool secret)
        {
            this.parent = parent;
            this.name = name;
            this.index = index;
            this.secret = secret;
        }

        public int Length => ToString().Length;

        public static implicit operator string(LazyPath path) => path.ToString();

        public LazyPath Field(string field, bool inSecret) => new(this, field, 0, inSecret);

        public LazyPath Item(int item, bool inSecret) => new(this, null, item, inSecret);

        public override string ToString() =>
            text ??= name is not null ? FieldPath(parent!.ToString(), name, secret) : ItemPath(parent!.ToString(), index, secret);
    }

    /// <summary>The property path of <paramref name="name"/> under <paramref name="path"/> ("a.b"), as messages and unknowns name it.</summary>
    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
