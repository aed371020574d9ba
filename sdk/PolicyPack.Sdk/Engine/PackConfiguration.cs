using System.Text.Json;
using PolicyPack.Sdk.Inputs;
using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Engine;

/// <summary>Bad policy-pack configuration; the message names the policy and the property, never a value.</summary>
public sealed class PolicyConfigException(string message) : Exception(message);

/// <summary>The effective level and parameters of one policy.</summary>
public sealed record PolicySettings(EnforcementLevel Level, PolicyParameters Parameters);

/// <summary>One entry of a configuration: a level, properties, or both (Pulumi's PolicyConfig).</summary>
public sealed record PolicyConfigEntry(EnforcementLevel? Level, IReadOnlyDictionary<string, JsonElement> Properties);

/// <summary>The pack's configuration in the shape of Pulumi's `--policy-pack-config` file, reconciled with each policy's defaults.</summary>
public sealed class PackConfiguration
{
    /// <summary>The reserved key that sets every policy's level.</summary>
    public const string AllKey = "all";

    private readonly Dictionary<string, PolicySettings> settings;

    private PackConfiguration(Dictionary<string, PolicySettings> settings, EnforcementLevel unevaluatedLevel)
    {
        this.settings = settings;
        UnevaluatedLevel = unevaluatedLevel;
    }

    /// <summary>How unevaluated aws, azure and azure-native resources count: advisory (reported) or mandatory (they block).</summary>
    public EnforcementLevel UnevaluatedLevel { get; }

    /// <summary>This configuration with unevaluated resources at <paramref name="level"/> (the scanner's `--fail-on-unevaluated`).</summary>
    public PackConfiguration WithUnevaluatedLevel(EnforcementLevel level) =>
        new(settings, level is EnforcementLevel.Advisory or EnforcementLevel.Mandatory
            ? level
            : throw new ArgumentOutOfRangeException(nameof(level), level, "unevaluated resources are advisory or mandatory"));

    /// <summary>Every policy at its default level with its schema defaults.</summary>
    public static PackConfiguration Default(PackDefinition pack) =>
        FromEntries(pack, new Dictionary<string, PolicyConfigEntry>(), ignoreUnknownPolicies: false);

    /// <summary>Every one of <paramref name="policies"/> at its default level with its schema defaults.</summary>
    public static PackConfiguration Default(IEnumerable<Policy> policies) => Default(PackDefinition.Of(policies));

    /// <summary>Parses a `--policy-pack-config` JSON document for <paramref name="policies"/> alone; <paramref name="source"/> names it in errors.</summary>
    public static PackConfiguration Parse(string json, IEnumerable<Policy> policies, string source = "policy config") =>
        Parse(json, PackDefinition.Of(policies), source);

    /// <summary>
    /// Parses a `--policy-pack-config` JSON document; <paramref name="source"/> names it in errors. Values the stack config gives
    /// for the pack's <see cref="PackDefinition.StackParameters"/> (<paramref name="stackParameters"/>, by parameter name) become
    /// that parameter of every policy that has it and whose entry in the file does not set it: the rule the analyzer applies to
    /// stack config, so a scan and `pulumi preview` agree.
    /// </summary>
    public static PackConfiguration Parse(string json, PackDefinition pack, string source = "policy config", IReadOnlyDictionary<string, IReadOnlyList<string>>? stackParameters = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(pack);
        JsonDocument document;
        try
        {
            document = StrictJson.Parse(json.Length == 0 ? "{}" : json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new PolicyConfigException($"{source}: invalid JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1} ({StackInputReader.Reason(e)})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new PolicyConfigException($"{source}: expected a JSON object whose keys are policy names or \"all\"");
            }

            var entries = new Dictionary<string, PolicyConfigEntry>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                // Pulumi's file may list ESC environments beside the policies; they configure the process, not the policies.
                if (property.Name == "environments")
                {
                    continue;
                }

                entries[property.Name] = ParseEntry(property.Name, property.Value, source);
            }

            foreach (var (parameter, values) in stackParameters ?? new Dictionary<string, IReadOnlyList<string>>())
            {
                ApplyStackParameter(entries, pack.Policies, parameter, StringArray(values), defaultCountsAsUnset: false);
            }

            return FromEntries(pack, entries, ignoreUnknownPolicies: false, source);
        }
    }

    /// <summary>
    /// Sets <paramref name="values"/> (a stack config value such as `security-baseline:allowedCidrs`) as <paramref name="parameter"/>
    /// of every policy that has the parameter and whose entry does not set it: the one rule `scan --stack-config` and the analyzer share.
    /// </summary>
    /// <remarks>With <paramref name="defaultCountsAsUnset"/> (the analyzer's Configure, where every schema default arrives filled
    /// in) only a value that differs from the default counts as set.</remarks>
    public static void ApplyStackParameter(IDictionary<string, PolicyConfigEntry> entries, IEnumerable<Policy> policies, string parameter, JsonElement values, bool defaultCountsAsUnset)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(policies);
        foreach (var policy in policies)
        {
            using var schema = JsonDocument.Parse(policy.Descriptor.ConfigSchema);
            if (schema.RootElement.ValueKind != JsonValueKind.Object || !schema.RootElement.TryGetProperty(parameter, out var declared))
            {
                continue;
            }

            entries.TryGetValue(policy.Descriptor.Id, out var entry);
            if (entry is not null && entry.Properties.TryGetValue(parameter, out var current) &&
                !(defaultCountsAsUnset && declared.TryGetProperty("default", out var fallback) && JsonElement.DeepEquals(fallback, current)))
            {
                continue;
            }

            var properties = new Dictionary<string, JsonElement>(entry?.Properties ?? new Dictionary<string, JsonElement>(), StringComparer.Ordinal)
            {
                [parameter] = values,
            };
            entries[policy.Descriptor.Id] = new PolicyConfigEntry(entry?.Level, properties);
        }
    }

    private static JsonElement StringArray(IReadOnlyList<string> items)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    /// <summary>Reconciles entries (from a file or from Pulumi's Configure call) with every policy's defaults and validates them.</summary>
    public static PackConfiguration FromEntries(PackDefinition pack, IReadOnlyDictionary<string, PolicyConfigEntry> entries, bool ignoreUnknownPolicies, string source = "policy config")
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(entries);
        var catalog = pack.Policies.ToDictionary(p => p.Descriptor.Id, StringComparer.Ordinal);
        var unevaluatedKey = pack.UnevaluatedKey;
        foreach (var key in entries.Keys.Where(k => k != AllKey && k != unevaluatedKey && !catalog.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            if (!ignoreUnknownPolicies)
            {
                var suggestion = catalog.Keys.Append(unevaluatedKey).OrderBy(k => Distance(k, key)).ThenBy(k => k, StringComparer.Ordinal).FirstOrDefault();
                throw new PolicyConfigException($"{source}: \"{key}\" is not a policy of this pack{(suggestion is null ? string.Empty : $" (did you mean \"{suggestion}\"?)")}");
            }
        }

        entries.TryGetValue(AllKey, out var all);
        if (all is not null && all.Properties.Count > 0)
        {
            throw new PolicyConfigException($"{source}: \"all\" accepts only an enforcement level, not properties ({string.Join(", ", all.Properties.Keys)})");
        }

        var unevaluated = entries.TryGetValue(unevaluatedKey, out var closedWorld) ? UnevaluatedLevelOf(closedWorld, unevaluatedKey, source) : EnforcementLevel.Advisory;
        var result = new Dictionary<string, PolicySettings>(StringComparer.Ordinal);
        foreach (var policy in catalog.Values)
        {
            var id = policy.Descriptor.Id;
            entries.TryGetValue(id, out var entry);
            var level = entry?.Level ?? all?.Level ?? policy.Descriptor.DefaultEnforcement;
            var parameters = Reconcile(policy, entry?.Properties, source);
            result[id] = new PolicySettings(level, parameters);
        }

        return new PackConfiguration(result, unevaluated);
    }

    private static EnforcementLevel UnevaluatedLevelOf(PolicyConfigEntry entry, string key, string source) =>
        entry is { Properties.Count: 0, Level: EnforcementLevel.Advisory or EnforcementLevel.Mandatory } ? entry.Level.GetValueOrDefault()
            : throw new PolicyConfigException($"{source}: \"{key}\" must be \"advisory\" (report resources no policy evaluates) or \"mandatory\" (they block)");

    public PolicySettings For(string policyId) =>
        settings.TryGetValue(policyId, out var s) ? s : throw new KeyNotFoundException($"no policy \"{policyId}\"");

    private static PolicyConfigEntry ParseEntry(string name, JsonElement value, string source)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return new PolicyConfigEntry(ParseLevel(name, value.GetString()!, source), new Dictionary<string, JsonElement>());
            case JsonValueKind.Object:
                EnforcementLevel? level = null;
                var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var property in value.EnumerateObject())
                {
                    if (property.Name == "enforcementLevel")
                    {
                        if (property.Value.ValueKind != JsonValueKind.String)
                        {
                            throw new PolicyConfigException($"{source}: policy \"{name}\": enforcementLevel must be a string");
                        }

                        level = ParseLevel(name, property.Value.GetString()!, source);
                    }
                    else
                    {
                        properties[property.Name] = property.Value.Clone();
                    }
                }

                return new PolicyConfigEntry(level, properties);
            default:
                throw new PolicyConfigException($"{source}: policy \"{name}\": expected an enforcement level string or an object, found {value.ValueKind}");
        }
    }

    private static EnforcementLevel ParseLevel(string name, string text, string source) =>
        LevelNames.TryParseLevel(text, out var level)
            ? level
            : throw new PolicyConfigException($"{source}: policy \"{name}\": enforcementLevel must be advisory, mandatory, remediate or disabled");

    private static PolicyParameters Reconcile(Policy policy, IReadOnlyDictionary<string, JsonElement>? configured, string source)
    {
        var id = policy.Descriptor.Id;
        using var schemaDocument = JsonDocument.Parse(policy.Descriptor.ConfigSchema);
        var schema = schemaDocument.RootElement;
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in schema.EnumerateObject())
        {
            if (property.Value.TryGetProperty("default", out var fallback))
            {
                values[property.Name] = fallback.Clone();
            }
        }

        foreach (var (name, value) in configured ?? new Dictionary<string, JsonElement>())
        {
            if (!schema.TryGetProperty(name, out var propertySchema))
            {
                var known = string.Join(", ", schema.EnumerateObject().Select(p => p.Name));
                throw new PolicyConfigException($"{source}: policy \"{id}\": unknown property \"{name}\" (known: {(known.Length == 0 ? "none" : known)})");
            }

            var errors = SchemaValidator.Validate(propertySchema, value, name);
            if (errors.Count > 0)
            {
                throw new PolicyConfigException($"{source}: policy \"{id}\": {string.Join("; ", errors)}");
            }

            values[name] = value;
        }

        var parameters = new PolicyParameters(values);
        var problems = policy.ValidateParameters(parameters).ToArray();
        if (problems.Length > 0)
        {
            throw new PolicyConfigException($"{source}: policy \"{id}\": {string.Join("; ", problems)}");
        }

        return parameters;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
