using System.Text.Json;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Inputs;
using SecurityBaseline.Policies;

namespace Infra.Tests;

/// <summary>Runs the whole policy pack over mocked resources, as `pulumi preview --policy-pack` would.</summary>
internal static class PackRun
{
    public static AnalysisResult Analyze(IReadOnlyList<MockResource> resources, IReadOnlyList<string> allowlist)
    {
        var engine = new PolicyEngine(PolicyCatalog.All, Configuration(allowlist));
        return engine.Analyze(resources.Select(r => r.Inputs).ToArray(), resources.Select(r => r.Outputs).ToArray());
    }

    /// <summary>The repository's policy-config.json with the stack's allowlist applied as the analyzer applies `security-baseline:allowedCidrs`; without the file, the allowlist handed to every policy that takes a list of CIDRs.</summary>
    public static PackConfiguration Configuration(IReadOnlyList<string> allowlist)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "policy-config.json");
        if (File.Exists(file))
        {
            return PackConfiguration.Parse(File.ReadAllText(file), PolicyCatalog.Pack, file, new Dictionary<string, IReadOnlyList<string>> { [PolicyCatalog.AllowedCidrsParameter] = allowlist });
        }

        var entries = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var policy in PolicyCatalog.All)
        {
            using var schema = JsonDocument.Parse(policy.Descriptor.ConfigSchema);
            var listParameter = schema.RootElement.EnumerateObject()
                .FirstOrDefault(p => p.Value.TryGetProperty("type", out var t) && t.GetString() == "array" && p.Name.Contains("cidr", StringComparison.OrdinalIgnoreCase));
            if (listParameter.Value.ValueKind != JsonValueKind.Undefined)
            {
                entries[policy.Descriptor.Id] = new Dictionary<string, object> { [listParameter.Name] = allowlist };
            }
        }

        return PackConfiguration.Parse(JsonSerializer.Serialize(entries), PolicyCatalog.All, "stack allowlist");
    }

    /// <summary>Findings as readable lines, for assertion messages.</summary>
    public static string Describe(AnalysisResult result) =>
        string.Join(Environment.NewLine, result.Findings.Select(f => $"{f.Policy.Id} {f.Resource.Type} {f.Resource.Name}: {f.Message}"));
}
