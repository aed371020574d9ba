namespace PolicyPack.Sdk.Model;

/// <summary>A resource as the engine describes it to policies: type token, name, URN and property tree.</summary>
public sealed record PulumiResource
{
    public required string Type { get; init; }
    public required string Urn { get; init; }

    /// <summary>The name part of the URN.</summary>
    public string Name { get; init; } = string.Empty;
    public IReadOnlyDictionary<string, PropertyValue> Properties { get; init; } = new Dictionary<string, PropertyValue>();

    /// <summary>The provider-assigned id, when known (stack exports).</summary>
    public string? Id { get; init; }
    public string? Parent { get; init; }

    /// <summary>The provider reference (`urn::id`) or provider URN.</summary>
    public string? Provider { get; init; }
    public IReadOnlyList<string> Dependencies { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PropertyDependencies { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Where the program declared the resource (`file:line`), when the input carries it.</summary>
    public string? SourcePosition { get; init; }

    /// <summary>The file (and, for event streams, the line) the resource was read from, when it came from one.</summary>
    public string? Origin { get; init; }

    /// <summary>The properties as one object value, for path reads such as `rule.applyServerSideEncryptionByDefault.sseAlgorithm`.</summary>
    public PropertyValue Root => PropertyValue.FromObject(Properties);

    /// <summary>The top-level property named <paramref name="name"/>, or null when absent.</summary>
    public PropertyValue? this[string name] => Properties.TryGetValue(name, out var v) ? v : null;

    /// <summary>The name part of a URN (`urn:pulumi:stack::project::type::name`).</summary>
    public static string NameFromUrn(string urn)
    {
        var index = urn.LastIndexOf("::", StringComparison.Ordinal);
        return index < 0 ? urn : urn[(index + 2)..];
    }
}
