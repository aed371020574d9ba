using System.Text.Json;
using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Testing;

/// <summary>JSON fragments of Pulumi's property encoding, to embed in a resource's inputs: secrets and unknowns as the engine sends them.</summary>
public static class Wire
{
    /// <summary>A secret wrapping <paramref name="valueJson"/> (JSON text, e.g. "\"p4ss\"" or "[1,2]"), as the engine sends a secret input.</summary>
    public static string Secret(string valueJson)
    {
        ArgumentNullException.ThrowIfNull(valueJson);
        using var value = JsonDocument.Parse(valueJson);
        return $"{{\"{PulumiSignatures.Key}\":\"{PulumiSignatures.Secret}\",\"value\":{value.RootElement.GetRawText()}}}";
    }

    /// <summary>A secret string.</summary>
    public static string SecretString(string text) => Secret(JsonSerializer.Serialize(text, WireJson.Default.String));

    /// <summary>A string not known until the deployment runs (an id or ARN computed later), as a preview sends it.</summary>
    public static string UnknownString => Quote(PulumiSignatures.UnknownString);

    /// <summary>A boolean not known until the deployment runs.</summary>
    public static string UnknownBool => Quote(PulumiSignatures.UnknownBool);

    /// <summary>A number not known until the deployment runs.</summary>
    public static string UnknownNumber => Quote(PulumiSignatures.UnknownNumber);

    /// <summary>A list not known until the deployment runs.</summary>
    public static string UnknownArray => Quote(PulumiSignatures.UnknownArray);

    /// <summary>An object not known until the deployment runs.</summary>
    public static string UnknownObject => Quote(PulumiSignatures.UnknownObject);

    /// <summary>An output value (the engine's richer encoding) that is unknown, optionally secret.</summary>
    public static string UnknownOutput(bool secret = false) =>
        $"{{\"{PulumiSignatures.Key}\":\"{PulumiSignatures.OutputValue}\"{(secret ? ",\"secret\":true" : string.Empty)}}}";

    private static string Quote(string text) => $"\"{text}\"";
}
