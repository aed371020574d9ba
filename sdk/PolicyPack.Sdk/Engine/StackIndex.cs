using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Engine;

/// <summary>A stack's resources indexed by URN, type and the identifiers other resources use to point at them.</summary>
/// <remarks>Stack policies join through these indexes so a 50,000-resource stack stays linear.</remarks>
public sealed class StackIndex
{
    private readonly Dictionary<string, PulumiResource> byUrn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PulumiResource>> byType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PulumiResource>> byIdentifier = new(StringComparer.Ordinal);

    public StackIndex(IEnumerable<PulumiResource> resources)
    {
        Resources = resources.ToArray();
        foreach (var resource in Resources)
        {
            byUrn.TryAdd(resource.Urn, resource);
            Add(byType, resource.Type, resource);
            Add(byIdentifier, resource.Urn, resource);
            if (!string.IsNullOrEmpty(resource.Id))
            {
                Add(byIdentifier, resource.Id, resource);
            }

            foreach (var key in IdentifyingProperties)
            {
                if (resource[key] is { Kind: ValueKind.String, StringValue: { Length: > 0 } text })
                {
                    Add(byIdentifier, text, resource);
                }
            }
        }
    }

    /// <summary>Properties whose value other resources use to name this one (bucket names, ARNs, ids).</summary>
    private static readonly string[] IdentifyingProperties = ["id", "arn", "bucket", "name"];

    public IReadOnlyList<PulumiResource> Resources { get; }

    /// <summary>True when the input holds the root stack resource, i.e. the whole stack: only then can a policy conclude that something is missing.</summary>
    public bool IsWholeStack => byType.ContainsKey("pulumi:pulumi:Stack");

    public PulumiResource? ByUrn(string urn) => byUrn.GetValueOrDefault(urn);

    /// <summary>Every resource whose type token is one of <paramref name="types"/>, in stack order.</summary>
    public IEnumerable<PulumiResource> OfType(params IEnumerable<string> types) =>
        types.Distinct(StringComparer.Ordinal).SelectMany(t => byType.TryGetValue(t, out var list) ? list : []);

    /// <summary>Resources that an id, ARN, name or URN designates.</summary>
    public IReadOnlyList<PulumiResource> Designated(string identifier) =>
        byIdentifier.TryGetValue(identifier, out var list) ? list : [];

    /// <summary>The resources a property of <paramref name="resource"/> points at: by its property dependencies, else by value.</summary>
    public IReadOnlyList<PulumiResource> Referenced(PulumiResource resource, string property)
    {
        if (resource.PropertyDependencies.TryGetValue(property, out var urns) && urns.Count > 0)
        {
            return urns.Select(ByUrn).OfType<PulumiResource>().ToArray();
        }

        return resource[property] is { Kind: ValueKind.String or ValueKind.ResourceReference, StringValue: { Length: > 0 } text }
            ? Designated(text).Where(r => r.Urn != resource.Urn).ToArray()
            : [];
    }

    private static void Add(Dictionary<string, List<PulumiResource>> index, string key, PulumiResource resource)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        // The same resource can carry one identifier twice (an id equal to its name); keep it once.
        if (list.Count == 0 || !ReferenceEquals(list[^1], resource))
        {
            list.Add(resource);
        }
    }
}
