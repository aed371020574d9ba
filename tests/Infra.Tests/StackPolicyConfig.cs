using System.Text.Json;
using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies;

namespace Infra.Tests;

/// <summary>The pack's configuration for these tests, as `pulumi preview --policy-pack` would read it for the stack.</summary>
internal static class StackPolicyConfig
{
    /// <summary>The repository's policy-config.json with the stack's allowlist applied as the analyzer applies `security-baseline:allowedCidrs`; without the file, the allowlist handed to every policy that takes a list of CIDRs.</summary>
    public static PackConfiguration For(IReadOnlyList<string> allowlist)
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
}
