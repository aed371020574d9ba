using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Keys;

/// <summary>How a resource carries its name/value settings.</summary>
public enum SettingsShape
{
    /// <summary>A list of objects with a name field and a value field (`[{name, value}]`).</summary>
    NameValueList,

    /// <summary>A map from setting name to string value.</summary>
    Map,

    /// <summary>A map from setting name to an object holding the value (`{Main: {value, type}}`).</summary>
    MapOfValueObjects,

    /// <summary>An ECS `containerDefinitions` JSON string whose containers carry `environment[]` name/value pairs.</summary>
    EcsContainerDefinitions,
}

/// <summary>Where a resource keeps app settings, connection strings or environment variables.</summary>
/// <param name="Path">The property path; `list[].inner` visits `inner` in every item of `list`.</param>
/// <param name="Shape">How the settings are laid out.</param>
/// <param name="ValueField">The field holding the value, for list and object shapes.</param>
/// <param name="ConnectionStrings">True when every entry is a connection string, so an unknown value may be a secret whatever its name.</param>
public sealed record SettingsInput(string Path, SettingsShape Shape, string ValueField = "value", bool ConnectionStrings = false);

/// <summary>Finds secrets set in plaintext among settings: a secret-looking name with a plaintext value, or a value that is itself a credential.</summary>
public static partial class SecretSettings
{
    /// <summary>Settings inputs by type token (paths checked against the provider SDKs).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<SettingsInput>> ByType { get; } = new Dictionary<string, IReadOnlyList<SettingsInput>>(StringComparer.Ordinal)
    {
        ["azure-native:web:WebApp"] =
        [
            new("siteConfig.appSettings", SettingsShape.NameValueList),
            new("siteConfig.connectionStrings", SettingsShape.NameValueList, "connectionString", ConnectionStrings: true),
        ],
        ["azure-native:web:WebAppApplicationSettings"] = [new("properties", SettingsShape.Map)],
        ["azure-native:web:WebAppConnectionStrings"] = [new("properties", SettingsShape.MapOfValueObjects, ConnectionStrings: true)],
        ["azure:appservice/linuxWebApp:LinuxWebApp"] = ClassicAppService,
        ["azure:appservice/windowsWebApp:WindowsWebApp"] = ClassicAppService,
        ["azure:appservice/linuxFunctionApp:LinuxFunctionApp"] = ClassicAppService,
        ["azure:appservice/windowsFunctionApp:WindowsFunctionApp"] = ClassicAppService,

        // `secureValue` is the place for secrets: Azure never returns it; only `value` is judged.
        ["azure-native:containerinstance:ContainerGroup"] =
        [
            new("containers[].environmentVariables", SettingsShape.NameValueList),
            new("initContainers[].environmentVariables", SettingsShape.NameValueList),
        ],

        // `secrets[].valueFrom` is the place for secrets; `environment[]` is stored and shown in clear.
        ["aws:ecs/taskDefinition:TaskDefinition"] = [new("containerDefinitions", SettingsShape.EcsContainerDefinitions)],
        ["aws:lambda/function:Function"] = [new("environment.variables", SettingsShape.Map)],
    };

    private static SettingsInput[] ClassicAppService =>
    [
        new("appSettings", SettingsShape.Map),
        new("connectionStrings", SettingsShape.NameValueList, ConnectionStrings: true),
    ];

    /// <summary>Name words that mark a secret; matched on the name with separators removed and case ignored.</summary>
    private static readonly string[] SecretWords =
    [
        "password", "passwd", "secret", "token", "apikey", "accesskey", "privatekey", "connectionstring", "connstr", "accountkey",
        "credential", "signingkey", "encryptionkey", "sharedaccesskey", "databaseurl",
    ];

    /// <summary>Last name words that make the setting a pointer to a secret or its metadata, not the secret (`DB_PASSWORD_ARN`, `TOKEN_URL`).</summary>
    private static readonly HashSet<string> PointerWords = new(
        ["arn", "id", "name", "url", "uri", "endpoint", "path", "file", "ref", "reference", "version", "expiry", "ttl", "header", "type", "length", "enabled", "audience", "issuer"],
        StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKeyHeader();

    [GeneratedRegex(@"(^|;)\s*(password|pwd|accountkey|sharedaccesskey|sharedsecretvalue)\s*=\s*[^;\s]", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringSecret();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UrlWithPassword();

    [GeneratedRegex(@"^arn:aws[a-z-]*:(secretsmanager|ssm):", RegexOptions.CultureInvariant)]
    private static partial Regex SecretStoreArn();

    [GeneratedRegex(@"[^a-zA-Z0-9]+|(?<=[a-z0-9])(?=[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex WordBreak();

    /// <summary>Reports every setting of <paramref name="input"/> that holds a secret in plaintext; unknown values are recorded, not guessed.</summary>
    public static void Check(ResourceContext context, SettingsInput input)
    {
        if (input.Shape == SettingsShape.EcsContainerDefinitions)
        {
            context.Guard(() => CheckContainerDefinitions(context, input));
            return;
        }

        var at = input.Path.Split("[].", 2);
        var containers = at.Length == 2 ? context.Properties.ItemPaths(at[0]).Select(item => $"{item}.{at[1]}") : [input.Path];
        foreach (var path in containers)
        {
            context.Guard(() => CheckSettings(context, context.Properties, path, input));
        }
    }

    private static void CheckSettings(ResourceContext context, PropertyValue root, string path, SettingsInput input)
    {
        var settings = root.Find(path);
        if (settings is null || settings.IsSecret)
        {
            return;
        }

        if (settings.IsUnknown)
        {
            throw new UnknownValueException(path);
        }

        switch (input.Shape)
        {
            case SettingsShape.NameValueList:
                foreach (var item in root.ItemPaths(path))
                {
                    context.Guard(() =>
                    {
                        var entry = root.Known(item)!;
                        if (entry.IsSecret)
                        {
                            return;
                        }

                        var name = entry.Kind == ValueKind.Object && entry["name"] is { Kind: ValueKind.String } n ? n.StringValue! : string.Empty;
                        Judge(context, $"{item} ({name})", $"{item}.{input.ValueField}", name, entry.Kind == ValueKind.Object ? entry[input.ValueField] : null, input.ConnectionStrings);
                    });
                }

                break;
            case SettingsShape.Map or SettingsShape.MapOfValueObjects:
                foreach (var (name, value) in settings.Fields)
                {
                    var label = $"{path}.{name}";
                    context.Guard(() =>
                    {
                        var setting = input.Shape == SettingsShape.Map || value.IsSecret || value.IsUnknown || value.Kind != ValueKind.Object ? value : value[input.ValueField];
                        Judge(context, label, label, name, setting, input.ConnectionStrings);
                    });
                }

                break;
        }
    }

    private static void CheckContainerDefinitions(ResourceContext context, SettingsInput input)
    {
        var text = context.Properties.Known(input.Path);
        if (text is null || text.IsSecret || text.Kind != ValueKind.String || string.IsNullOrWhiteSpace(text.StringValue))
        {
            return;
        }

        PropertyValue containers;
        try
        {
            using var document = JsonDocument.Parse(text.StringValue!, PropertyDecoder.DocumentOptions);
            containers = PropertyDecoder.Decode(document.RootElement, input.Path);
        }
        catch (JsonException)
        {
            throw new PolicyDataException(input.Path, "the container definitions are not valid JSON");
        }

        for (var i = 0; i < containers.Items.Count; i++)
        {
            var environment = $"{input.Path}[{i}].environment";
            CheckSettings(context, PropertyValue.FromObject(new Dictionary<string, PropertyValue> { [input.Path] = containers }), environment, input with { Shape = SettingsShape.NameValueList });
        }
    }

    private static void Judge(ResourceContext context, string label, string valuePath, string name, PropertyValue? value, bool connectionString)
    {
        if (value is null || value.IsNull || value.IsSecret)
        {
            return;
        }

        var secretName = LooksLikeSecretName(name);
        if (value.IsUnknown)
        {
            if (secretName || connectionString)
            {
                throw new UnknownValueException(valuePath);
            }

            return;
        }

        if (value.Kind != ValueKind.String || value.StringValue!.Length == 0 || IsReference(value.StringValue))
        {
            return;
        }

        // Name what was recognised, never the value.
        if (CredentialKind(value.StringValue) is { } kind)
        {
            context.Report($"{label} holds {kind} in plaintext: store it in Key Vault or Secrets Manager and reference it (`@Microsoft.KeyVault(...)`, ECS `secrets[].valueFrom`), or make it a Pulumi secret. Treat the value as exposed and rotate it (§7).");
        }
        else if (secretName)
        {
            context.Report($"{label} is named like a secret and set in plaintext: store it in Key Vault or Secrets Manager and reference it (`@Microsoft.KeyVault(...)`, ECS `secrets[].valueFrom`), or make it a Pulumi secret. Treat the value as exposed and rotate it (§7).");
        }
    }

    /// <summary>True when the name says the value is a secret, unless its last word makes it a pointer to one.</summary>
    public static bool LooksLikeSecretName(string name)
    {
        var words = WordBreak().Split(name).Where(w => w.Length > 0).ToArray();
        if (words.Length == 0 || PointerWords.Contains(words[^1]))
        {
            return false;
        }

        var joined = string.Concat(words).ToLowerInvariant();
        return SecretWords.Any(word => joined.Contains(word, StringComparison.Ordinal))
               || words.Any(w => string.Equals(w, "pwd", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>What kind of credential the value is, or null when it does not look like one.</summary>
    public static string? CredentialKind(string value) =>
        AwsAccessKeyId().IsMatch(value) ? "an AWS access key id"
        : PrivateKeyHeader().IsMatch(value) ? "a private key"
        : ConnectionStringSecret().IsMatch(value) ? "a connection string with a password or account key"
        : UrlWithPassword().IsMatch(value) ? "a URL with a password"
        : null;

    /// <summary>True for values that point at a secret store instead of holding the secret.</summary>
    private static bool IsReference(string value) =>
        value.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) || SecretStoreArn().IsMatch(value);
}
