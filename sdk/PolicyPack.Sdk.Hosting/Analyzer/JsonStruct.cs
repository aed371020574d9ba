using System.Text.Json;
using Google.Protobuf.WellKnownTypes;

namespace PolicyPack.Sdk.Hosting.Analyzer;

/// <summary>Plain JSON ↔ Struct for the parts of the protocol that carry no Pulumi signatures (config schemas, policy config).</summary>
/// <remarks>Hand-written rather than Google.Protobuf's JsonFormatter/JsonParser so NativeAOT needs no reflection over messages.</remarks>
internal static class JsonStruct
{
    public static Struct ToStruct(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"expected a JSON object, found {element.ValueKind}", nameof(element));
        }

        return ToValue(element).StructValue;
    }

    public static Value ToValue(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
            {
                var fields = new Struct();
                foreach (var property in element.EnumerateObject())
                {
                    fields.Fields[property.Name] = ToValue(property.Value);
                }

                return Value.ForStruct(fields);
            }

            case JsonValueKind.Array:
            {
                var list = new ListValue();
                foreach (var item in element.EnumerateArray())
                {
                    list.Values.Add(ToValue(item));
                }

                return new Value { ListValue = list };
            }

            case JsonValueKind.String:
                return Value.ForString(element.GetString()!);
            case JsonValueKind.Number:
                return Value.ForNumber(element.GetDouble());
            case JsonValueKind.True:
                return Value.ForBool(true);
            case JsonValueKind.False:
                return Value.ForBool(false);
            default:
                return Value.ForNull();
        }
    }

    /// <summary>The Struct's fields as JSON elements (cloned, so they outlive the document).</summary>
    /// <exception cref="FormatException">A number is NaN or infinite, or a value has no kind: JSON cannot say either.</exception>
    public static Dictionary<string, JsonElement> ToElements(Struct? value)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (value is null)
        {
            return result;
        }

        foreach (var (name, field) in value.Fields)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { MaxDepth = 4096, SkipValidation = false }))
            {
                Write(field, writer, name);
            }

            using var document = JsonDocument.Parse(stream.ToArray(), new JsonDocumentOptions { MaxDepth = 4096 });
            result[name] = document.RootElement.Clone();
        }

        return result;
    }

    private static void Write(Value value, Utf8JsonWriter writer, string path)
    {
        switch (value.KindCase)
        {
            case Value.KindOneofCase.NullValue:
                writer.WriteNullValue();
                break;
            case Value.KindOneofCase.BoolValue:
                writer.WriteBooleanValue(value.BoolValue);
                break;
            case Value.KindOneofCase.NumberValue:
                if (!double.IsFinite(value.NumberValue))
                {
                    throw new FormatException($"{path} is not a finite number");
                }

                writer.WriteNumberValue(value.NumberValue);
                break;
            case Value.KindOneofCase.StringValue:
                writer.WriteStringValue(value.StringValue);
                break;
            case Value.KindOneofCase.ListValue:
                writer.WriteStartArray();
                for (var i = 0; i < value.ListValue.Values.Count; i++)
                {
                    Write(value.ListValue.Values[i], writer, $"{path}[{i}]");
                }

                writer.WriteEndArray();
                break;
            case Value.KindOneofCase.StructValue:
                writer.WriteStartObject();
                foreach (var (name, field) in value.StructValue.Fields)
                {
                    writer.WritePropertyName(name);
                    Write(field, writer, $"{path}.{name}");
                }

                writer.WriteEndObject();
                break;
            default:
                throw new FormatException($"{path} has no value");
        }
    }
}
