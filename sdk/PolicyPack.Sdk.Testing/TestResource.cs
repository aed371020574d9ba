using System.Text.Json;
using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Testing;

/// <summary>Resources as the Pulumi engine hands them to a policy: a type token, a name, a URN and decoded inputs.</summary>
public static class TestResource
{
    /// <summary>
    /// A resource of <paramref name="type"/> (e.g. "aws:s3/bucketV2:BucketV2") whose inputs are <paramref name="inputsJson"/>,
    /// written in the provider's wire shape (camelCase input names; <see cref="Wire"/> for secrets and unknowns).
    /// </summary>
    /// <exception cref="ArgumentException">The JSON is not an object or not valid Pulumi property encoding.</exception>
    public static PulumiResource Of(string type, string inputsJson, string name = "subject", string stack = "test", string project = "project")
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(inputsJson);
        try
        {
            using var document = JsonDocument.Parse(inputsJson, PropertyDecoder.DocumentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException($"inputs of {name} must be a JSON object, found {document.RootElement.ValueKind}", nameof(inputsJson));
            }

            return new PulumiResource
            {
                Type = type,
                Name = name,
                Urn = $"urn:pulumi:{stack}::{project}::{type}::{name}",
                Properties = PropertyDecoder.DecodeProperties(document.RootElement),
            };
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"inputs of {name} are not valid JSON (line {e.LineNumber + 1})", nameof(inputsJson), e);
        }
        catch (PropertyFormatException e)
        {
            throw new ArgumentException($"inputs of {name}: {e.Message}", nameof(inputsJson), e);
        }
    }

    /// <summary>Every resource of a `pulumi stack export` or `pulumi preview --json` document, inputs as the engine would send them.</summary>
    public static IReadOnlyList<PulumiResource> FromStackFile(string json, string source = "stack")
    {
        ArgumentNullException.ThrowIfNull(json);
        return Inputs.StackInputReader.Read(json, source).Inputs;
    }
}
