using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Hosting.Analyzer;

/// <summary>Turns the engine's <see cref="Struct"/> property bags into <see cref="PropertyValue"/>s with the semantics of <see cref="PropertyDecoder"/>.</summary>
/// <remarks>
/// Secrets arrive as `{sig: secret, value: …}` with the plaintext and stay marked; the seven unknown sentinels become unknowns;
/// assets, archives and resource references are recognised by their signature; any other signature is a format error,
/// which the service turns into a fail-closed diagnostic.
/// </remarks>
internal static class StructDecoder
{
    /// <summary>The prefix of engine-internal keys (`__defaults`, …) that policies never see but remediations must keep.</summary>
    public const string InternalKeyPrefix = "__";

    /// <summary>Decodes a resource's property bag; a null Struct is an empty bag.</summary>
    public static IReadOnlyDictionary<string, PropertyValue> DecodeProperties(Struct? properties, bool skipInternalKeys = true)
    {
        var fields = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
        if (properties is null)
        {
            return fields;
        }

        foreach (var (name, value) in properties.Fields)
        {
            if (skipInternalKeys && name.StartsWith(InternalKeyPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            fields[name] = Decode(value, name, false, 1);
        }

        return fields;
    }

    public static PropertyValue Decode(Value value, string path = "") => Decode(value, path, false, 0);

    private static PropertyValue Decode(Value? value, string path, bool secret, int depth)
    {
        if (depth > PropertyDecoder.MaxDepth)
        {
            throw new PropertyFormatException(path, $"nested deeper than {PropertyDecoder.MaxDepth} levels");
        }

        if (value is null)
        {
            throw new PropertyFormatException(Where(path), "missing value");
        }

        switch (value.KindCase)
        {
            case Value.KindOneofCase.NullValue:
                return secret ? PropertyValue.Null.AsSecret() : PropertyValue.Null;
            case Value.KindOneofCase.BoolValue:
                return PropertyValue.FromBool(value.BoolValue, secret);
            case Value.KindOneofCase.NumberValue:
                return PropertyValue.FromNumber(value.NumberValue, secret);
            case Value.KindOneofCase.StringValue:
                // `pulumi policy analyze --file` puts "[secret]" where it could not decrypt; like the file decoder, that is an unknown secret.
                return PropertyDecoder.DecodeString(value.StringValue, secret);
            case Value.KindOneofCase.ListValue:
            {
                var values = value.ListValue.Values;
                var items = new List<PropertyValue>(values.Count);
                for (var i = 0; i < values.Count; i++)
                {
                    items.Add(Decode(values[i], PropertyDecoder.ItemPath(path, i, secret), secret, depth + 1));
                }

                return PropertyValue.FromArray(items, secret);
            }

            case Value.KindOneofCase.StructValue:
                return DecodeObject(value.StructValue, path, secret, depth);
            default:
                // An unset oneof is nothing Pulumi writes; guessing null could hide a property a policy must see.
                throw new PropertyFormatException(Where(path), "value with no kind");
        }
    }

    private static PropertyValue DecodeObject(Struct value, string path, bool secret, int depth)
    {
        if (value.Fields.TryGetValue(PulumiSignatures.Key, out var sig))
        {
            if (sig.KindCase != Value.KindOneofCase.StringValue)
            {
                throw new PropertyFormatException(Where(path), "the signature key does not hold a string");
            }

            return DecodeSpecial(sig.StringValue, value, path, secret, depth);
        }

        var fields = new Dictionary<string, PropertyValue>(value.Fields.Count, StringComparer.Ordinal);
        foreach (var (name, field) in value.Fields)
        {
            fields[name] = Decode(field, PropertyDecoder.FieldPath(path, name, secret), secret, depth + 1);
        }

        return PropertyValue.FromObject(fields, secret);
    }

    private static PropertyValue DecodeSpecial(string signature, Struct value, string path, bool secret, int depth)
    {
        switch (signature)
        {
            case PulumiSignatures.Secret:
                return DecodeSecret(value, path, depth);
            case PulumiSignatures.Asset:
                return PropertyValue.Asset(StringAttributes(value, path, secret, "hash", "text", "path", "uri"), secret);
            case PulumiSignatures.Archive:
            {
                var assets = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
                if (value.Fields.TryGetValue("assets", out var assetsValue) && assetsValue.KindCase == Value.KindOneofCase.StructValue)
                {
                    var assetsPath = PropertyDecoder.FieldPath(path, "assets", secret);
                    foreach (var (name, asset) in assetsValue.StructValue.Fields)
                    {
                        assets[name] = Decode(asset, PropertyDecoder.FieldPath(assetsPath, name, secret), secret, depth + 1);
                    }
                }

                return PropertyValue.Archive(StringAttributes(value, path, secret, "hash", "path", "uri"), assets, secret);
            }

            case PulumiSignatures.ResourceReference:
            {
                var attributes = StringAttributes(value, path, secret, "urn", "id", "packageVersion", "name", "type");
                if (!attributes.TryGetValue("urn", out var urn))
                {
                    throw new PropertyFormatException(Where(path), "resource reference without a urn");
                }

                if (attributes.TryGetValue("id", out var id) && PulumiSignatures.UnknownTypeOf(id) is not null)
                {
                    return PropertyValue.Unknown("string", secret);
                }

                return PropertyValue.ResourceReference(urn, id, attributes, secret);
            }

            case PulumiSignatures.OutputValue:
            {
                var isSecret = secret || (value.Fields.TryGetValue("secret", out var s) && s.KindCase == Value.KindOneofCase.BoolValue && s.BoolValue);
                return value.Fields.TryGetValue("value", out var inner)
                    ? Decode(inner, path, isSecret, depth + 1)
                    : PropertyValue.Unknown("output", isSecret);
            }

            case PulumiSignatures.ByteString:
                return PropertyValue.FromString(
                    value.Fields.TryGetValue("value", out var bytes) && bytes.KindCase == Value.KindOneofCase.StringValue ? bytes.StringValue : string.Empty,
                    secret);
            default:
                throw new PropertyFormatException(Where(path), $"unrecognised Pulumi signature {PropertyDecoder.Quoted(signature, secret)}");
        }
    }

    private static PropertyValue DecodeSecret(Struct value, string path, int depth)
    {
        if (value.Fields.TryGetValue("value", out var inner))
        {
            return Decode(inner, path, true, depth + 1);
        }

        if (value.Fields.TryGetValue("plaintext", out var plaintext))
        {
            if (plaintext.KindCase != Value.KindOneofCase.StringValue)
            {
                throw new PropertyFormatException(Where(path), "secret plaintext is not a string");
            }

            try
            {
                // State files keep a secret's JSON encoding as a string; the file decoder already knows that shape.
                using var document = JsonDocument.Parse(plaintext.StringValue, PropertyDecoder.DocumentOptions);
                return PropertyDecoder.DecodeSecretValue(document.RootElement, path);
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                // Never echo the plaintext: the reason alone names the problem.
                throw new PropertyFormatException(Where(path), "secret plaintext is not valid JSON");
            }
        }

        if (value.Fields.ContainsKey("ciphertext"))
        {
            return PropertyValue.RedactedSecret();
        }

        throw new PropertyFormatException(Where(path), "secret without value, plaintext or ciphertext");
    }

    private static Dictionary<string, string> StringAttributes(Struct value, string path, bool secret, params string[] names)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!value.Fields.TryGetValue(name, out var v) || v.KindCase == Value.KindOneofCase.NullValue)
            {
                continue;
            }

            if (v.KindCase != Value.KindOneofCase.StringValue)
            {
                throw new PropertyFormatException(PropertyDecoder.FieldPath(path, name, secret), $"expected a string, found {v.KindCase}");
            }

            attributes[name] = v.StringValue;
        }

        return attributes;
    }

    private static string Where(string path) => path.Length == 0 ? "(root)" : path;
}
