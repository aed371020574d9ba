using System.Text.Json;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Waivers;

namespace PolicyPack.Sdk.Hosting.Analyzer;

/// <summary>The stack the engine is deploying, as ConfigureStack describes it.</summary>
internal sealed record StackSettings(string Stack, string Project, string Organization, bool DryRun, IReadOnlyDictionary<string, string> Tags);

/// <summary>The analyzer's effective configuration: Configure's policy entries plus parameters taken from stack config.</summary>
/// <remarks>
/// The engine calls ConfigureStack before Configure, and may in principle call either again, so both inputs are kept and the
/// engine is rebuilt from them each time. Reads take the current engine without locking; it is immutable once built.
/// </remarks>
internal sealed class AnalyzerConfiguration
{
    private static readonly IReadOnlyDictionary<string, JsonElement> NoStackParameters = new Dictionary<string, JsonElement>();

    private readonly PackDefinition pack;
    private readonly IReadOnlyList<Policy> policies;
    private readonly Lock gate = new();
    private IReadOnlyDictionary<string, PolicyConfigEntry> configured = new Dictionary<string, PolicyConfigEntry>();
    private IReadOnlyDictionary<string, JsonElement> stackParameters = NoStackParameters;
    private EnforcementLevel stackUnevaluated = EnforcementLevel.Advisory;
    private PolicyEngine engine;

    public AnalyzerConfiguration(PackDefinition pack)
    {
        this.pack = pack;
        policies = pack.Policies;
        engine = Build(configured, stackParameters);
    }

    public PackDefinition Pack => pack;

    public IReadOnlyList<Policy> Policies => policies;

    /// <summary>The stack config key naming the waiver file (relative to the Pulumi project, where the CLI starts the pack).</summary>
    public string WaiversConfigKey => pack.StackConfigKey("waivers");

    /// <summary>The stack config key that turns on the closed world (`mandatory`): unevaluated aws, azure and azure-native resources block.</summary>
    /// <remarks>The same name as the policy-config key, which Pulumi's CLI may not pass on since it names no policy of the pack.</remarks>
    public string UnevaluatedConfigKey => pack.UnevaluatedKey;

    /// <summary>The environment variable naming the waiver file where no stack config reaches the pack (`pulumi policy analyze`), e.g. SECURITY_BASELINE_WAIVERS.</summary>
    public string WaiversVariable => $"{pack.Name.ToUpperInvariant().Replace('-', '_')}_WAIVERS";

    public PolicyEngine Engine => Volatile.Read(ref engine);

    public StackSettings? Stack { get; private set; }

    /// <summary>The accepted exceptions that CI honours too; an active one turns a violation into an advisory note.</summary>
    public WaiverSet Waivers { get; private set; } = WaiverSet.Empty;

    /// <summary>Reads and validates the waiver file at <paramref name="path"/>; throws <see cref="PolicyConfigException"/> naming file and line.</summary>
    public void LoadWaivers(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyConfigException($"waiver file {path}: cannot be read ({e.GetType().Name})");
        }

        try
        {
            Waivers = WaiverSet.Parse(text, path, policies.Select(p => p.Descriptor.Id).ToArray());
        }
        catch (WaiverFormatException e)
        {
            throw new PolicyConfigException(e.Message);
        }
    }

    /// <summary>Applies Configure's entries (keys naming no policy are ignored); throws <see cref="PolicyConfigException"/> and keeps the old state on bad values.</summary>
    public void Configure(IReadOnlyDictionary<string, PolicyConfigEntry> entries)
    {
        lock (gate)
        {
            var built = Build(entries, stackParameters);
            configured = entries;
            Volatile.Write(ref engine, built);
        }
    }

    /// <summary>Records the stack and the values of the pack's stack parameters it sets (by parameter name); throws <see cref="PolicyConfigException"/> when they do not validate.</summary>
    public void ConfigureStack(StackSettings stack, IReadOnlyDictionary<string, JsonElement> parameters)
    {
        lock (gate)
        {
            var built = Build(configured, parameters);
            stackParameters = parameters;
            Stack = stack;
            Volatile.Write(ref engine, built);
        }
    }

    /// <summary>Checks one stack parameter's values against every policy that takes it, without changing the configuration.</summary>
    public void ValidateStackParameter(string parameter, JsonElement values)
    {
        var effective = new Dictionary<string, PolicyConfigEntry>(StringComparer.Ordinal);
        PackConfiguration.ApplyStackParameter(effective, policies, parameter, values, defaultCountsAsUnset: true);
        PackConfiguration.FromEntries(pack, effective, ignoreUnknownPolicies: true, source: "policy config");
    }

    /// <summary>Sets the stack config's level for unevaluated resources; throws <see cref="PolicyConfigException"/> on anything but advisory or mandatory.</summary>
    public void ConfigureUnevaluated(string? level)
    {
        var parsed = level?.Trim().Trim('"') switch
        {
            null => EnforcementLevel.Advisory,
            "advisory" => EnforcementLevel.Advisory,
            "mandatory" => EnforcementLevel.Mandatory,
            _ => throw new PolicyConfigException("expected \"advisory\" or \"mandatory\""),
        };
        lock (gate)
        {
            var built = Build(configured, stackParameters, parsed);
            stackUnevaluated = parsed;
            Volatile.Write(ref engine, built);
        }
    }

    private PolicyEngine Build(IReadOnlyDictionary<string, PolicyConfigEntry> entries, IReadOnlyDictionary<string, JsonElement> parameters) => Build(entries, parameters, stackUnevaluated);

    private PolicyEngine Build(IReadOnlyDictionary<string, PolicyConfigEntry> entries, IReadOnlyDictionary<string, JsonElement> parameters, EnforcementLevel unevaluated)
    {
        var effective = new Dictionary<string, PolicyConfigEntry>(StringComparer.Ordinal);
        foreach (var (key, entry) in entries)
        {
            // Configure sends one entry per policy and maybe "all"; anything else is not ours to judge.
            if (key == PackConfiguration.AllKey)
            {
                // The engine already folded "all" into each policy's entry; only its level means anything here.
                effective[key] = entry with { Properties = new Dictionary<string, JsonElement>() };
            }
            else if (key == pack.UnevaluatedKey || policies.Any(p => p.Descriptor.Id == key))
            {
                effective[key] = entry;
            }
        }

        foreach (var (parameter, values) in parameters)
        {
            PackConfiguration.ApplyStackParameter(effective, policies, parameter, values, defaultCountsAsUnset: true);
        }

        var configuration = PackConfiguration.FromEntries(pack, effective, ignoreUnknownPolicies: true, source: "policy config");

        // The closed world is opt-in from either place; one that asks for it is enough.
        if (unevaluated == EnforcementLevel.Mandatory)
        {
            configuration = configuration.WithUnevaluatedLevel(EnforcementLevel.Mandatory);
        }

        return new PolicyEngine(policies, configuration);
    }
}
