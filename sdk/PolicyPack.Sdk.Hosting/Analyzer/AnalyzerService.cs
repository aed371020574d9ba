using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using PolicyPack.Sdk.Hosting.Protocol;
using PolicyPack.Sdk.Waivers;
using CoreLevel = PolicyPack.Sdk.Engine.EnforcementLevel;
using WireLevel = PolicyPack.Sdk.Hosting.Protocol.EnforcementLevel;

namespace PolicyPack.Sdk.Hosting.Analyzer;

/// <summary>The `pulumirpc.Analyzer` service: the Pulumi engine's calls answered by the policy engine.</summary>
internal sealed partial class AnalyzerService(AnalyzerConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<AnalyzerService> logger)
{
    private readonly Dictionary<string, Policy> byId = configuration.Policies.ToDictionary(p => p.Descriptor.Id, StringComparer.Ordinal);

    public Task<AnalyzerHandshakeResponse> Handshake(AnalyzerHandshakeRequest request, ServerCallContext context)
    {
        LogHandshake(logger, request.EngineAddress, request.HasRootDirectory ? request.RootDirectory : "(none)");
        return Task.FromResult(new AnalyzerHandshakeResponse());
    }

    private readonly PackDefinition pack = configuration.Pack;

    public Task<PluginInfo> GetPluginInfo(Empty request, ServerCallContext context) =>
        Task.FromResult(new PluginInfo { Version = pack.Version });

    public Task<AnalyzerInfo> GetAnalyzerInfo(Empty request, ServerCallContext context)
    {
        var info = new AnalyzerInfo
        {
            Name = pack.Name,
            DisplayName = pack.DisplayName,
            Version = pack.Version,
            Description = pack.Description,
            SupportsConfig = true,
        };
        foreach (var policy in configuration.Policies.OrderBy(p => p.Descriptor.Id, StringComparer.Ordinal))
        {
            info.Policies.Add(Describe(policy));
        }

        return Task.FromResult(info);
    }

    public Task<Empty> Configure(ConfigureAnalyzerRequest request, ServerCallContext context)
    {
        var entries = new Dictionary<string, PolicyConfigEntry>(StringComparer.Ordinal);
        foreach (var (name, config) in request.PolicyConfig)
        {
            if (name != PackConfiguration.AllKey && name != pack.UnevaluatedKey && !byId.ContainsKey(name))
            {
                continue;
            }

            Dictionary<string, JsonElement> properties;
            try
            {
                properties = JsonStruct.ToElements(config.Properties);
            }
            catch (FormatException e)
            {
                throw Invalid($"policy config: policy \"{name}\": {e.Message}");
            }

            // The engine adds `enforcementLevel` to every schema; it is the level, never a parameter.
            properties.Remove("enforcementLevel");
            entries[name] = new PolicyConfigEntry(ToCore(config.EnforcementLevel, name), properties);
        }

        try
        {
            configuration.Configure(entries);
        }
        catch (PolicyConfigException e)
        {
            throw Invalid(e.Message);
        }

        LogConfigured(logger, entries.Count);
        return Task.FromResult(new Empty());
    }

    public Task<AnalyzerStackConfigureResponse> ConfigureStack(AnalyzerStackConfigureRequest request, ServerCallContext context)
    {
        var parameters = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var parameter in pack.StackParameters)
        {
            var key = pack.StackConfigKey(parameter);
            if (!request.Config.TryGetValue(key, out var text))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                parameters[parameter] = document.RootElement.ValueKind == JsonValueKind.Array
                    ? document.RootElement.Clone()
                    : throw Invalid($"stack config {key}: expected a JSON array, found {document.RootElement.ValueKind}");
            }
            catch (JsonException)
            {
                throw Invalid($"stack config {key}: not valid JSON (expected an array)");
            }
        }

        var stack = new StackSettings(request.Stack, request.Project, request.Organization, request.DryRun, new Dictionary<string, string>(request.Tags));
        foreach (var (parameter, values) in parameters)
        {
            var key = pack.StackConfigKey(parameter);
            try
            {
                // Each parameter alone first, so that the error names the key that is wrong.
                configuration.ValidateStackParameter(parameter, values);
            }
            catch (PolicyConfigException e)
            {
                // A secret value must not reach an error message or a log; the key alone says where to look.
                throw Invalid(request.ConfigSecretKeys.Contains(key)
                    ? $"stack config {key}: the (secret) value is not valid for the policies that take {parameter}"
                    : $"stack config {key}: {e.Message}");
            }
        }

        try
        {
            configuration.ConfigureStack(stack, parameters);
        }
        catch (PolicyConfigException e)
        {
            throw Invalid(parameters.Keys.Any(p => request.ConfigSecretKeys.Contains(pack.StackConfigKey(p)))
                ? "stack config: a (secret) stack parameter is not valid"
                : $"stack config: {e.Message}");
        }

        // Absent means advisory again: a stack configured after another must not inherit its closed world.
        request.Config.TryGetValue(configuration.UnevaluatedConfigKey, out var unevaluated);
        try
        {
            configuration.ConfigureUnevaluated(unevaluated);
        }
        catch (PolicyConfigException e)
        {
            throw Invalid($"stack config {configuration.UnevaluatedConfigKey}: {e.Message}");
        }

        if (request.Config.TryGetValue(configuration.WaiversConfigKey, out var waiverPath))
        {
            try
            {
                configuration.LoadWaivers(waiverPath);
            }
            catch (PolicyConfigException e)
            {
                throw Invalid($"stack config {configuration.WaiversConfigKey}: {e.Message}");
            }
        }

        // Key names only: config values may be secrets (config_secret_keys) and are never logged.
        LogStack(logger, request.Organization, request.Project, request.Stack, request.DryRun, request.Config.Keys);
        return Task.FromResult(new AnalyzerStackConfigureResponse());
    }

    public Task<AnalyzeResponse> Analyze(AnalyzeRequest request, ServerCallContext context)
    {
        var engine = configuration.Engine;
        var response = new AnalyzeResponse();
        PulumiResource resource;
        try
        {
            resource = ToResource(request.Type, request.Urn, request.Name, request.Properties, request.Provider);
        }
        catch (PropertyFormatException e)
        {
            FailClosed(engine, request.Type, request.Urn, e, response);
            return Task.FromResult(response);
        }

        foreach (var evaluation in engine.AnalyzeResource(resource))
        {
            Report(evaluation, request.Urn, response, configuration.Waivers);
        }

        response.NotApplicable.AddRange(NotApplicableByType(engine, request.Type));
        return Task.FromResult(response);
    }

    /// <summary>The enabled resource policies that do not cover <paramref name="type"/>, as sent; the same for every call of one
    /// engine and type, so built once instead of per call (a walk over every policy and a formatted reason each).</summary>
    /// <remarks>Responses share the messages, which is safe because nothing changes a message once it is added. The cache is
    /// bounded so that a client inventing types cannot grow it; past the bound the list is built per call as before.</remarks>
    private static PolicyNotApplicable[] NotApplicableByType(PolicyEngine engine, string type)
    {
        var cache = NotApplicableCache.GetValue(engine, _ => new System.Collections.Concurrent.ConcurrentDictionary<string, PolicyNotApplicable[]>(StringComparer.Ordinal));
        if (cache.TryGetValue(type, out var cached))
        {
            return cached;
        }

        var built = engine.Policies.OfType<ResourcePolicy>()
            .Where(p => !p.Covers(type) && Enabled(engine, p))
            .Select(p => new PolicyNotApplicable { PolicyName = p.Descriptor.Id, Reason = $"does not apply to resources of type {type}" })
            .ToArray();
        if (cache.Count < MaxCachedTypes)
        {
            cache.TryAdd(type, built);
        }

        return built;
    }

    /// <summary>Far more resource types than the three providers declare; only a client inventing types reaches it.</summary>
    private const int MaxCachedTypes = 8192;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PolicyEngine, System.Collections.Concurrent.ConcurrentDictionary<string, PolicyNotApplicable[]>> NotApplicableCache = new();

    public Task<AnalyzeResponse> AnalyzeStack(AnalyzeStackRequest request, ServerCallContext context)
    {
        var engine = configuration.Engine;
        var response = new AnalyzeResponse();
        var resources = new List<PulumiResource>(request.Resources.Count);
        foreach (var r in request.Resources)
        {
            try
            {
                resources.Add(ToResource(r.Type, r.Urn, r.Name, r.Properties, r.Provider) with
                {
                    Parent = r.Parent.Length > 0 ? r.Parent : NullIfEmpty(r.Options?.Parent),
                    Dependencies = [.. r.Dependencies],
                    PropertyDependencies = r.PropertyDependencies.ToDictionary(d => d.Key, d => (IReadOnlyList<string>)[.. d.Value.Urns], StringComparer.Ordinal),
                });
            }
            catch (PropertyFormatException e)
            {
                foreach (var policy in engine.Policies.OfType<StackPolicy>().Where(p => p.Covers(r.Type) && Enabled(engine, p)))
                {
                    response.Diagnostics.Add(Diagnostic(policy.Descriptor, CoreLevel.Mandatory, r.Urn, Unreadable(e)));
                }
            }
        }

        var seen = new HashSet<(string, string)>();
        foreach (var evaluation in engine.AnalyzeStack(resources))
        {
            if (evaluation.Outcome == Outcome.NotApplicable && !seen.Add((evaluation.Policy.Id, evaluation.Reason ?? string.Empty)))
            {
                continue;
            }

            Report(evaluation, evaluation.Resource.Urn, response, configuration.Waivers);
        }

        // Type, URN and provider are all the rule needs, so a resource whose properties could not be read still counts.
        var unevaluated = engine.Unevaluated(request.Resources.Select(r => new PulumiResource { Type = r.Type, Urn = r.Urn, Provider = NullIfEmpty(r.Provider?.Urn) }));
        if (unevaluated.Count > 0)
        {
            response.Diagnostics.Add(UnevaluatedDiagnostic(unevaluated));
        }

        return Task.FromResult(response);
    }

    /// <summary>The policy name of the once-per-stack diagnostic listing resources no policy evaluated; no policy id has a colon.</summary>
    public string UnevaluatedDiagnosticName => pack.UnevaluatedKey;

    /// <summary>One stack-level diagnostic naming every type no enabled policy covers: advisory, mandatory when the closed world makes one block.</summary>
    private AnalyzeDiagnostic UnevaluatedDiagnostic(IReadOnlyList<UnevaluatedType> unevaluated)
    {
        const string description = "Every resource of the stack is evaluated by at least one policy of the pack.";
        var count = unevaluated.Sum(u => u.Count);
        var blocking = unevaluated.Where(u => u.Blocks).Sum(u => u.Count);
        var types = string.Join(", ", unevaluated.Select(u => $"{u.Type} ({u.Count})"));
        var closedWorld = blocking == 0 ? string.Empty : $" (closed world: {blocking} of them block)";
        return new AnalyzeDiagnostic
        {
            PolicyName = UnevaluatedDiagnosticName,
            PolicyPackName = pack.Name,
            PolicyPackVersion = pack.Version,
            Description = description,
            Message = $"{description}\n{count} resource(s) of {unevaluated.Count} type(s) were not evaluated by any policy{closedWorld}: {types}",
            EnforcementLevel = ToWire(blocking > 0 ? CoreLevel.Mandatory : CoreLevel.Advisory),
            Urn = string.Empty,
        };
    }

    public Task<RemediateResponse> Remediate(AnalyzeRequest request, ServerCallContext context)
    {
        var engine = configuration.Engine;
        var response = new RemediateResponse();
        PulumiResource resource;
        try
        {
            resource = ToResource(request.Type, request.Urn, request.Name, request.Properties, request.Provider);
        }
        catch (PropertyFormatException e)
        {
            foreach (var policy in engine.Policies.OfType<ResourcePolicy>().Where(p => p.Covers(request.Type) && engine.Configuration.For(p.Descriptor.Id).Level == CoreLevel.Remediate))
            {
                response.Remediations.Add(Remediation(policy.Descriptor, diagnostic: Unreadable(e)));
            }

            return Task.FromResult(response);
        }

        foreach (var (policy, properties, problem) in engine.Remediate(resource))
        {
            if (properties is null)
            {
                response.Remediations.Add(Remediation(policy, diagnostic: problem ?? $"policy {policy.Id} could not remediate the resource"));
                continue;
            }

            // An empty bag would wipe the resource's inputs; report instead of remediating. Judged before the internal keys
            // are copied back: a bag of nothing but `__defaults` wipes the inputs just the same.
            if (properties.Count == 0)
            {
                response.Remediations.Add(Remediation(policy, diagnostic: $"policy {policy.Id} produced an empty property bag; not applied"));
                continue;
            }

            var bag = StructEncoder.EncodeProperties(properties);

            // Engine-internal keys (`__defaults`, …) go back byte for byte: the engine replaces the whole bag with ours.
            foreach (var (name, value) in request.Properties?.Fields ?? [])
            {
                if (name.StartsWith(StructDecoder.InternalKeyPrefix, StringComparison.Ordinal))
                {
                    bag.Fields[name] = value.Clone();
                }
            }

            response.Remediations.Add(Remediation(policy, properties: bag));
        }

        return Task.FromResult(response);
    }

    public Task<Empty> Cancel(Empty request, ServerCallContext context)
    {
        LogCancel(logger);

        // Stop only once the reply is on its way, so the engine sees Cancel succeed rather than a dropped connection.
        context.GetHttpContext().Response.OnCompleted(() =>
        {
            lifetime.StopApplication();
            return Task.CompletedTask;
        });
        return Task.FromResult(new Empty());
    }

    private static PulumiResource ToResource(string type, string urn, string name, Struct? properties, AnalyzerProviderResource? provider) =>
        new()
        {
            Type = type,
            Urn = urn,
            Name = name.Length > 0 ? name : PulumiResource.NameFromUrn(urn),
            Properties = StructDecoder.DecodeProperties(properties),
            Provider = NullIfEmpty(provider?.Urn),
        };

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static bool Enabled(PolicyEngine engine, Policy policy) => engine.Configuration.For(policy.Descriptor.Id).Level != CoreLevel.Disabled;

    private void FailClosed(PolicyEngine engine, string type, string urn, PropertyFormatException e, AnalyzeResponse response)
    {
        // Properties that cannot be read block every policy that would have read them; other policies never look.
        foreach (var policy in engine.Policies.OfType<ResourcePolicy>().Where(p => Enabled(engine, p)))
        {
            if (policy.Covers(type))
            {
                response.Diagnostics.Add(Diagnostic(policy.Descriptor, CoreLevel.Mandatory, urn, Unreadable(e)));
            }
            else
            {
                response.NotApplicable.Add(new PolicyNotApplicable { PolicyName = policy.Descriptor.Id, Reason = $"does not apply to resources of type {type}" });
            }
        }
    }

    private static string Unreadable(PropertyFormatException e) =>
        $"the resource's properties could not be read ({e.Message}); blocked until they can (fail closed)";

    private void Report(Evaluation evaluation, string urn, AnalyzeResponse response, WaiverSet waivers)
    {
        switch (evaluation.Outcome)
        {
            case Outcome.Fail:
                // A violation that survives remediation blocks like a mandatory one, which is how Pulumi reports it.
                var level = evaluation.Level == CoreLevel.Remediate ? CoreLevel.Mandatory : evaluation.Level;
                var (waivedLevel, note) = WaiverNote(evaluation, waivers, DateOnly.FromDateTime(DateTime.UtcNow));
                foreach (var message in evaluation.Messages)
                {
                    response.Diagnostics.Add(Diagnostic(evaluation.Policy, waivedLevel ?? level, urn, message + note));
                }

                break;
            case Outcome.NotApplicable:
                response.NotApplicable.Add(new PolicyNotApplicable { PolicyName = evaluation.Policy.Id, Reason = evaluation.Reason ?? "not applicable" });
                break;
            default:
                break;
        }
    }

    /// <summary>An active waiver keeps the violation visible as advisory, as CI shows it waived; an expired one says so and counts in full.</summary>
    internal static (CoreLevel? Level, string Note) WaiverNote(Evaluation evaluation, WaiverSet waivers, DateOnly today)
    {
        if (waivers.Match(evaluation.Policy.Id, evaluation.Resource, today) is { } waiver)
        {
            return (CoreLevel.Advisory, $" [waived until {waiver.Expires:yyyy-MM-dd} by {waiver.Owner}: {waiver.Reason} ({waiver.Source} line {waiver.Line})]");
        }

        var expired = waivers.Expired(today).FirstOrDefault(w => w.Covers(evaluation.Policy.Id, evaluation.Resource));
        return expired is null
            ? (null, string.Empty)
            : (null, $" [waiver expired on {expired.Expires:yyyy-MM-dd} ({expired.Source} line {expired.Line}): renew it or fix the resource]");
    }

    private AnalyzeDiagnostic Diagnostic(PolicyDescriptor policy, CoreLevel level, string urn, string message) =>
        new()
        {
            PolicyName = policy.Id,
            PolicyPackName = pack.Name,
            PolicyPackVersion = pack.Version,
            Description = policy.Description,

            // As @pulumi/policy does: the policy's description, then what is wrong with this resource.
            Message = $"{policy.Description}\n{message}",
            EnforcementLevel = ToWire(level),
            Urn = urn,
            Severity = ToWire(policy.Severity),
        };

    private Remediation Remediation(PolicyDescriptor policy, Struct? properties = null, string? diagnostic = null)
    {
        var remediation = new Remediation
        {
            PolicyName = policy.Id,
            PolicyPackName = pack.Name,
            PolicyPackVersion = pack.Version,
            Description = policy.Description,
        };
        if (properties is not null)
        {
            remediation.Properties = properties;
        }

        if (diagnostic is not null)
        {
            remediation.Diagnostic = diagnostic;
        }

        return remediation;
    }

    private PolicyInfo Describe(Policy policy)
    {
        var d = policy.Descriptor;
        var info = new PolicyInfo
        {
            Name = d.Id,
            DisplayName = d.Title,
            Description = d.Description,
            Message = d.Message,
            EnforcementLevel = ToWire(d.DefaultEnforcement),
            PolicyType = policy is StackPolicy ? PolicyType.Stack : PolicyType.Resource,
            Severity = ToWire(d.Severity),
            Framework = new PolicyComplianceFramework
            {
                Name = pack.Controls.Name,
                Version = pack.Controls.Version,
                Reference = d.Control,
                Specification = pack.Controls.Title(d.Control),
            },
            RemediationSteps = d.Help,
            Url = $"{pack.PolicyDocs}#{d.Id}",
        };
        info.Tags.AddRange(d.Tags);

        using var schema = JsonDocument.Parse(d.ConfigSchema);
        info.ConfigSchema = new PolicyConfigSchema { Properties = JsonStruct.ToStruct(schema.RootElement) };
        info.ConfigSchema.Required.AddRange(Required(schema.RootElement));
        return info;
    }

    /// <summary>Parameters whose schema has no default: the policy cannot run without them.</summary>
    private static IEnumerable<string> Required(JsonElement schema) =>
        schema.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True).Select(p => p.Name);

    private static CoreLevel ToCore(WireLevel level, string policy) =>
        level switch
        {
            WireLevel.Advisory => CoreLevel.Advisory,
            WireLevel.Mandatory => CoreLevel.Mandatory,
            WireLevel.Disabled => CoreLevel.Disabled,
            WireLevel.Remediate => CoreLevel.Remediate,
            _ => throw Invalid($"policy config: policy \"{policy}\": unknown enforcement level {(int)level}"),
        };

    private static WireLevel ToWire(CoreLevel level) =>
        level switch
        {
            CoreLevel.Advisory => WireLevel.Advisory,
            CoreLevel.Mandatory => WireLevel.Mandatory,
            CoreLevel.Disabled => WireLevel.Disabled,
            CoreLevel.Remediate => WireLevel.Remediate,
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown enforcement level"),
        };

    private static PolicySeverity ToWire(Severity severity) =>
        severity switch
        {
            Severity.Low => PolicySeverity.Low,
            Severity.Medium => PolicySeverity.Medium,
            Severity.High => PolicySeverity.High,
            Severity.Critical => PolicySeverity.Critical,
            _ => PolicySeverity.Unspecified,
        };

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));

    [LoggerMessage(Level = LogLevel.Information, Message = "handshake from engine {EngineAddress}, root directory {RootDirectory}")]
    private static partial void LogHandshake(ILogger logger, string engineAddress, string rootDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "configured {Count} policy entries")]
    private static partial void LogConfigured(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "stack {Organization}/{Project}/{Stack} (dry run: {DryRun}); config keys: {Keys}")]
    private static partial void LogStack(ILogger logger, string organization, string project, string stack, bool dryRun, IEnumerable<string> keys);

    [LoggerMessage(Level = LogLevel.Information, Message = "cancel requested; shutting down")]
    private static partial void LogCancel(ILogger logger);
}
