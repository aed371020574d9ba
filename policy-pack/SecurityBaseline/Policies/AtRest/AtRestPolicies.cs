using SecurityBaseline.Engine;

namespace SecurityBaseline.Policies.AtRest;

/// <summary>§7 policies: data encrypted at rest.</summary>
internal static class AtRestPolicies
{
    public static IReadOnlyList<Policy> All { get; } =
    [
    ];
}
