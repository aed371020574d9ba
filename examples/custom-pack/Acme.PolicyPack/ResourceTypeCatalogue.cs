namespace Acme.PolicyPack;

/// <summary>The pinned provider SDKs' resource types that declare a string-map `tags` input or a region/location input.</summary>
/// <remarks>
/// Generated from each resource's <c>&lt;Resource&gt;Args</c> declaration by tools/generate-resource-types.mjs, so the policies
/// cover every taggable or placed resource of @pulumi/aws 7.48.0, @pulumi/azure-native 3.28.0 and @pulumi/azure 6.40.0
/// rather than a hand-picked few; a provider upgrade is a regeneration and a reviewed diff.
/// </remarks>
public static class ResourceTypeCatalogue
{
    private const string ResourceName = "Acme.PolicyPack.resource-types.txt";

    private static readonly Lazy<(Dictionary<string, string> Tags, Dictionary<string, string> Places)> Entries = new(Load);

    /// <summary>Every type with a string-map tag input, mapped to that input's name (`tags` in all three SDKs).</summary>
    public static IReadOnlyDictionary<string, string> TagProperties => Entries.Value.Tags;

    /// <summary>Every type with a region (aws) or location (azure, azure-native) input, mapped to that input's name.</summary>
    public static IReadOnlyDictionary<string, string> PlaceProperties => Entries.Value.Places;

    private static (Dictionary<string, string>, Dictionary<string, string>) Load()
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var places = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = typeof(ResourceTypeCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from {typeof(ResourceTypeCatalogue).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 3)
            {
                throw new InvalidDataException($"{ResourceName}: expected 3 tab-separated columns, found {columns.Length}");
            }

            if (columns[1] != "-")
            {
                tags[columns[0]] = columns[1];
            }

            if (columns[2] != "-")
            {
                places[columns[0]] = columns[2];
            }
        }

        return (tags, places);
    }
}
