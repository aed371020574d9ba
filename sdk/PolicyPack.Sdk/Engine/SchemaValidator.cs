using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PolicyPack.Sdk.Engine;

/// <summary>Validates policy parameters against the JSON-schema subset the pack's schemas use.</summary>
/// <remarks>Supported keywords: type, enum, const, items, properties, required, additionalProperties, minimum, maximum, minItems, maxItems, minLength, pattern.</remarks>
internal static class SchemaValidator
{
    /// <summary>Every problem found, each naming the JSON path inside the validated value.</summary>
    public static IReadOnlyList<string> Validate(JsonElement schema, JsonElement value, string path = "")
    {
        var errors = new List<string>();
        Check(schema, value, path, errors);
        return errors;
    }

    private static void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var where = path.Length == 0 ? "value" : path;
        if (schema.TryGetProperty("type", out var type) && !MatchesType(type, value))
        {
            errors.Add($"{where} must be {DescribeType(type)}, found {Describe(value)}");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && allowed.ValueKind == JsonValueKind.Array &&
            !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            errors.Add($"{where} must be one of {string.Join(", ", allowed.EnumerateArray().Select(a => a.GetRawText()))}");
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add($"{where} must be {constant.GetRawText()}");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                var number = value.GetDouble();
                if (schema.TryGetProperty("minimum", out var min) && number < min.GetDouble())
                {
                    errors.Add($"{where} must be at least {min.GetRawText()}");
                }

                if (schema.TryGetProperty("maximum", out var max) && number > max.GetDouble())
                {
                    errors.Add($"{where} must be at most {max.GetRawText()}");
                }

                break;
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (schema.TryGetProperty("minLength", out var minLength) && text.Length < minLength.GetInt32())
                {
                    errors.Add($"{where} must have at least {minLength.GetInt32()} character(s)");
                }

                if (schema.TryGetProperty("pattern", out var pattern) &&
                    !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                {
                    errors.Add($"{where} must match {pattern.GetString()}");
                }

                break;
            case JsonValueKind.Array:
                var count = value.GetArrayLength();
                if (schema.TryGetProperty("minItems", out var minItems) && count < minItems.GetInt32())
                {
                    errors.Add($"{where} must have at least {minItems.GetInt32()} item(s)");
                }

                if (schema.TryGetProperty("maxItems", out var maxItems) && count > maxItems.GetInt32())
                {
                    errors.Add($"{where} must have at most {maxItems.GetInt32()} item(s)");
                }

                if (schema.TryGetProperty("items", out var items))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Check(items, item, $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", errors);
                        i++;
                    }
                }

                break;
            case JsonValueKind.Object:
                CheckObject(schema, value, path, errors);
                break;
        }
    }

    private static void CheckObject(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        var hasProperties = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{Join(path, name)} is required");
                }
            }
        }

        var closed = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
        foreach (var property in value.EnumerateObject())
        {
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(propertySchema, property.Value, Join(path, property.Name), errors);
            }
            else if (closed)
            {
                var known = hasProperties ? string.Join(", ", properties.EnumerateObject().Select(p => p.Name)) : "none";
                errors.Add($"{Join(path, property.Name)} is not a known property (known: {known})");
            }
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static bool MatchesType(JsonElement type, JsonElement value) =>
        type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => MatchesType(t, value))
            : type.GetString() switch
            {
                "string" => value.ValueKind == JsonValueKind.String,
                "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                "number" => value.ValueKind == JsonValueKind.Number,
                "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
                "array" => value.ValueKind == JsonValueKind.Array,
                "object" => value.ValueKind == JsonValueKind.Object,
                "null" => value.ValueKind == JsonValueKind.Null,
                _ => true,
            };

    private static string DescribeType(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array
            ? string.Join(" or ", type.EnumerateArray().Select(t => Article(t.GetString()!)))
            : Article(type.GetString()!);

    private static string Article(string type) => type is "array" or "object" or "integer" ? $"an {type}" : $"a {type}";

    private static string Describe(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            JsonValueKind.Null => "null",
            _ => value.ValueKind.ToString(),
        };
}
