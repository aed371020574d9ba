using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.LeastPrivilege;

/// <summary>§8 least privilege across the stack: privilege escalation by the sum of a principal's documents.</summary>
public static class EscalationPolicies
{
    public static IReadOnlyList<Policy> All { get; } =
    [
        new IamNoPrivilegeEscalation(),
    ];
}
