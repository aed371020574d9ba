namespace Baseline.Settings;

/// <summary>Reads one stack-config value by key: `name` for the project's own keys, `namespace:name` for a provider's (`aws:region`).</summary>
public interface IConfigLookup
{
    /// <summary>The raw value, or null when the stack does not set the key. Structured values arrive as JSON text.</summary>
    string? Read(string key);
}

/// <summary>Stack config held in a dictionary: for tests, and for tools that read `Pulumi.&lt;stack&gt;.yaml` themselves.</summary>
public sealed class DictionaryConfigLookup(IReadOnlyDictionary<string, string> values) : IConfigLookup
{
    public string? Read(string key) => values.TryGetValue(key, out var value) ? value : null;
}
