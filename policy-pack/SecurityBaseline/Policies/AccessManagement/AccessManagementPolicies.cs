using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.AccessManagement;

/// <summary>§2 policies: no long-lived user credentials, no default or shared logins, identity-based access, access reviews.</summary>
internal static class AccessManagementPolicies
{
    public static IReadOnlyList<Policy> All { get; } =
    [
        new IamUserNoLongLivedCredentials(),
        new DatabaseNoDefaultAdminName(),
        new DatabaseMasterPasswordManaged(),
        new LocalAuthDisabled(),
        new AccessReviewAnalyzer(),
    ];
}
