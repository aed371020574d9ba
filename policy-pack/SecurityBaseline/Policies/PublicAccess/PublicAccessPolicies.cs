using SecurityBaseline.Engine;

namespace SecurityBaseline.Policies.PublicAccess;

/// <summary>§7 policies: no public buckets, blobs or share links.</summary>
internal static class PublicAccessPolicies
{
    public static IReadOnlyList<Policy> All { get; } =
    [
    ];
}
