using Google.Protobuf.WellKnownTypes;
using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Hosting.Analyzer;

/// <summary>The reverse of <see cref="StructDecoder"/>: property values back into the engine's Struct encoding (for Remediate).</summary>
/// <remarks>
/// A value marked secret is wrapped once, at the outermost secret, as `{sig: secret, value: …}` so secretness survives a remediation;
/// unknowns become their sentinel strings; assets, archives and resource references get their signatures back.
/// </remarks>
internal static class StructEncoder
{
    public static Struct EncodeProperties(IReadOnlyDictionary<string, PropertyValue> properties)
    {
        var result = new Struct();
        foreach (var (name, value) in properties)
        {
            result.Fields[name] = Encode(value, insideSecret: false);
        }

        return result;
    }

    public static Value Encode(PropertyValue value) => Encode(value, insideSecret: false);

    private static Value Encode(PropertyValue value, bool insideSecret)
    {
        // A redacted secret came in as the literal "[secret]" (its value was never sent); give back exactly that.
        if (value.Kind == ValueKind.Unknown && value.UnknownType == "secret")
        {
            return Value.ForString(PulumiSignatures.RedactedSecretText);
        }

        if (value.IsSecret && !insideSecret)
        {
            var wrapper = new Struct();
            wrapper.Fields[PulumiSignatures.Key] = Value.ForString(PulumiSignatures.Secret);
            wrapper.Fields["value"] = Encode(value, insideSecret: true);
            return Value.ForStruct(wrapper);
        }

        switch (value.Kind)
        {
            case ValueKind.Null:
                return Value.ForNull();
            case ValueKind.Bool:
                return Value.ForBool(value.BoolValue);
            case ValueKind.Number:
                return Value.ForNumber(value.NumberValue);
            case ValueKind.String:
                return Value.ForString(value.StringValue ?? string.Empty);
            case ValueKind.Array:
            {
                var list = new ListValue();
                foreach (var item in value.Items)
                {
                    list.Values.Add(Encode(item, insideSecret));
                }

                return new Value { ListValue = list };
            }

            case ValueKind.Object:
            {
                var fields = new Struct();
                foreach (var (name, field) in value.Fields)
                {
                    fields.Fields[name] = Encode(field, insideSecret);
                }

                return Value.ForStruct(fields);
            }

            case ValueKind.Unknown:
                return Value.ForString(Sentinel(value.UnknownType));
            case ValueKind.Asset:
                return Special(PulumiSignatures.Asset, value.Attributes);
            case ValueKind.Archive:
            {
                var archive = Special(PulumiSignatures.Archive, value.Attributes);
                if (value.Fields.Count > 0)
                {
                    var assets = new Struct();
                    foreach (var (name, asset) in value.Fields)
                    {
                        assets.Fields[name] = Encode(asset, insideSecret);
                    }

                    archive.StructValue.Fields["assets"] = Value.ForStruct(assets);
                }

                return archive;
            }

            case ValueKind.ResourceReference:
                return Special(PulumiSignatures.ResourceReference, value.Attributes);
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value.Kind.ToString(), "unknown value kind");
        }
    }

    private static Value Special(string signature, IReadOnlyDictionary<string, string> attributes)
    {
        var fields = new Struct();
        fields.Fields[PulumiSignatures.Key] = Value.ForString(signature);
        foreach (var (name, text) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            fields.Fields[name] = Value.ForString(text);
        }

        return Value.ForStruct(fields);
    }

    private static string Sentinel(string? unknownType) =>
        unknownType switch
        {
            "bool" => PulumiSignatures.UnknownBool,
            "number" => PulumiSignatures.UnknownNumber,
            "array" => PulumiSignatures.UnknownArray,
            "asset" => PulumiSignatures.UnknownAsset,
            "archive" => PulumiSignatures.UnknownArchive,
            "object" => PulumiSignatures.UnknownObject,

            // The engine itself sends every unknown as the string sentinel, whatever its type; outputs included.
            _ => PulumiSignatures.UnknownString,
        };
}
