using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.LeastPrivilege;

/// <summary>§8 policies: identity, resource and trust policies and Azure roles grant the least rights.</summary>
internal static class LeastPrivilegePolicies
{
    public static IReadOnlyList<Policy> All { get; } =
    [
        new IamPolicyLeastPrivilege(),
        new ResourcePolicyLeastPrivilege(),
        new IamRoleTrustRestricted(),
        new AzureCustomRoleLeastPrivilege(),
        new AzurePrivilegedRoleAssignment(),
    ];
}
