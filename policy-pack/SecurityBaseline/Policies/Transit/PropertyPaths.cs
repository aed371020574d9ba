namespace SecurityBaseline.Policies.Transit;

/// <summary>Sub-resource references the transit policies follow (Application Gateway links listeners, rules and redirects by id).</summary>
internal static class PropertyPaths
{
    /// <summary>The name a sub-resource id ends with (`…/httpListeners/web-http` → `web-http`).</summary>
    public static string LastSegment(string id)
    {
        var trimmed = id.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }
}
