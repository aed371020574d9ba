using System.Text.Json;
using SecurityBaseline.Engine;
using SecurityBaseline.Waivers;

namespace SecurityBaseline.Pack.Analyzer;

/// <summary>The stack the engine is deploying, as ConfigureStack describes it.</summary>
internal sealed record StackSettings(string Stack, string Project, string Organization, bool DryRun, IReadOnlyDictionary<string, string> Tags);

/// <summary>The analyzer's effective configuration: Configure's policy entries plus parameters taken from stack config.</summary>
/// <remarks>
/// The engine calls ConfigureStack before Configure, and may in principle call either again, so both inputs are kept and the
/// engine is rebuilt from them each time. Reads take the current engine without locking; it is immutable once built.
/// </remarks>
internal sealed class AnalyzerConfiguration
{
    /// <summary>The stack config key whose JSON array sets `allowedCidrs` on every policy that has that parameter.</summary>
    public const string AllowedCidrsConfigKey = SecurityBaseline.Inputs.StackConfigFile.AllowedCidrsKey;

    /// <summary>The stack config key naming the waiver file (relative to the Pulumi project, where the CLI starts the pack).</summary>
    public const string WaiversConfigKey = "security-baseline:waivers";

    /// <summary>The stack config key that turns on the closed world (`mandatory`): unevaluated aws, azure and azure-native resources block.</summary>
    /// <remarks>The same name as the policy-config key, which Pulumi's CLI may not pass on since it names no policy of the pack.</remarks>
    public const string UnevaluatedConfigKey = PackConfiguration.UnevaluatedKey;

    /// <summary>The environment variable naming the waiver file where no stack config reaches the pack (`pulumi policy analyze`).</summary>
    public const string WaiversVariable = "SECURITY_BASELINE_WAIVERS";

    private readonly IReadOnlyList<Policy> policies;
    private readonly Lock gate = new();
    private IReadOnlyDictionary<string, PolicyConfigEntry> configured = new Dictionary<string, PolicyConfigEntry>();
    private JsonElement? stackAllowedCidrs;
    private EnforcementLevel stackUnevaluated = EnforcementLevel.Advisory;
    private PolicyEngine engine;

    public AnalyzerConfiguration(IReadOnlyList<Policy> policies)
    {
        this.policies = policies;
        engine = Build(configured, null);
    }

    public IReadOnlyList<Policy> Policies => policies;

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
            var built = Build(entries, stackAllowedCidrs);
            configured = entries;
            Volatile.Write(ref engine, built);
        }
    }

    /// <summary>Records the stack and its `allowedCidrs` (null when the stack config has none); throws <see cref="PolicyConfigException"/> when they do not validate.</summary>
    public void ConfigureStack(StackSettings stack, JsonElement? allowedCidrs)
    {
        lock (gate)
        {
            var built = Build(configured, allowedCidrs);
            stackAllowedCidrs = allowedCidrs;
            Stack = stack;
            Volatile.Write(ref engine, built);
        }
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
            var built = Build(configured, stackAllowedCidrs, parsed);
            stackUnevaluated = parsed;
            Volatile.Write(ref engine, built);
        }
    }

    private PolicyEngine Build(IReadOnlyDictionary<string, PolicyConfigEntry> entries, JsonElement? allowedCidrs) => Build(entries, allowedCidrs, stackUnevaluated);

    private PolicyEngine Build(IReadOnlyDictionary<string, PolicyConfigEntry> entries, JsonElement? allowedCidrs, EnforcementLevel unevaluated)
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
            else if (key == PackConfiguration.UnevaluatedKey || policies.Any(p => p.Descriptor.Id == key))
            {
                effective[key] = entry;
            }
        }

        if (allowedCidrs is { } cidrs)
        {
            PackConfiguration.ApplyStackAllowlist(effective, policies, cidrs, defaultCountsAsUnset: true);
        }

        var configuration = PackConfiguration.FromEntries(policies, effective, ignoreUnknownPolicies: true, source: "policy config");

        // The closed world is opt-in from either place; one that asks for it is enough.
        if (unevaluated == EnforcementLevel.Mandatory)
        {
            configuration = configuration.WithUnevaluatedLevel(EnforcementLevel.Mandatory);
        }

        return new PolicyEngine(policies, configuration);
    }
}
