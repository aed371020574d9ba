using Google.Protobuf.WellKnownTypes;
using PolicyPack.Sdk.Hosting.Protocol;

namespace SecurityBaseline.Analyzer.Tests;

/// <summary>What the Pulumi engine sends before analysis: handshake, stack, plugin/analyzer info and the reconciled Configure.</summary>
internal static class Engine
{
    public const string Address = "127.0.0.1:1";

    /// <summary>Runs the engine's start-up calls in its order and returns the AnalyzerInfo it got.</summary>
    public static async Task<AnalyzerInfo> StartSessionAsync(PolicyPack.Sdk.Hosting.Protocol.Analyzer.AnalyzerClient client, Func<PolicyInfo, PolicyConfig>? configure = null, IDictionary<string, string>? stackConfig = null)
    {
        await client.HandshakeAsync(new AnalyzerHandshakeRequest { EngineAddress = Address, RootDirectory = "/opt/packs", ProgramDirectory = "/opt/packs" });
        var stack = new AnalyzerStackConfigureRequest { Stack = "dev", Project = "infra", Organization = "company", DryRun = true };
        stack.Tags.Add("pulumi:project", "infra");
        if (stackConfig is not null)
        {
            stack.Config.Add(stackConfig);
        }

        await client.ConfigureStackAsync(stack);
        var plugin = await client.GetPluginInfoAsync(new Empty());
        Assert.False(string.IsNullOrEmpty(plugin.Version));
        var info = await client.GetAnalyzerInfoAsync(new Empty());
        await client.ConfigureAsync(Reconciled(info, configure));
        return info;
    }

    /// <summary>One entry per policy at its level with its schema defaults, as the engine's reconciliation produces.</summary>
    public static ConfigureAnalyzerRequest Reconciled(AnalyzerInfo info, Func<PolicyInfo, PolicyConfig>? configure = null)
    {
        var request = new ConfigureAnalyzerRequest();
        foreach (var policy in info.Policies)
        {
            request.PolicyConfig[policy.Name] = configure?.Invoke(policy) ?? Defaults(policy, policy.EnforcementLevel);
        }

        return request;
    }

    public static PolicyConfig Defaults(PolicyInfo policy, EnforcementLevel level)
    {
        var properties = new Struct();
        foreach (var (name, schema) in policy.ConfigSchema.Properties.Fields)
        {
            if (schema.StructValue.Fields.TryGetValue("default", out var fallback))
            {
                properties.Fields[name] = fallback;
            }
        }

        return new PolicyConfig { EnforcementLevel = level, Properties = properties };
    }
}
