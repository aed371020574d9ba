using Baseline.Settings;
using Pulumi;

namespace Baseline;

/// <summary>Feeds Pulumi's stack config to the settings: `name` reads the project's namespace, `aws:region` the provider's.</summary>
internal sealed class PulumiConfigLookup : IConfigLookup
{
    private readonly Dictionary<string, Config> namespaces = new(StringComparer.Ordinal);

    public string? Read(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var space = colon < 0 ? string.Empty : key[..colon];
        if (!namespaces.TryGetValue(space, out var config))
        {
            namespaces[space] = config = space.Length == 0 ? new Config() : new Config(space);
        }

        return config.Get(colon < 0 ? key : key[(colon + 1)..]);
    }
}
