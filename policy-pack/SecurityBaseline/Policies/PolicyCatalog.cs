using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies;

/// <summary>The pack: every policy, listed explicitly so the catalogue survives trimming and NativeAOT.</summary>
public static class PolicyCatalog
{
    /// <summary>The name Pulumi shows for the pack.</summary>
    public const string PackName = "security-baseline";
    /// <summary>The pack's version; the project file's Version must say the same (a test checks).</summary>
    public const string Version = "0.1.0";
    public const string DisplayName = "Security baseline";
    public const string Description = "Blocks deployments that break the company's network, access-management, encryption-in-transit, encryption-at-rest, public-link and logging rules.";

    public static IReadOnlyList<Policy> All { get; } =
    [
        .. Network.NetworkPolicies.All,
        .. PublicEndpoints.PublicEndpointPolicies.All,
        .. Transit.TransitPolicies.All,
        .. AtRest.AtRestPolicies.All,
        .. Keys.KeyPolicies.All,
        .. PublicAccess.PublicAccessPolicies.All,
        .. LeastPrivilege.LeastPrivilegePolicies.All,
        .. AccessManagement.AccessManagementPolicies.All,
        .. Logging.LoggingPolicies.All,
        .. LeastPrivilege.EscalationPolicies.All,
    ];

    /// <summary>The pack as the SDK hosts it: these policies, the company's sections, and the stack-wide allowlist.</summary>
    public static PackDefinition Pack { get; } = new()
    {
        Name = PackName,
        Version = Version,
        DisplayName = DisplayName,
        Description = Description,
        Policies = All,
        Controls = CompanyPolicy.Framework,
        StackParameters = [AllowedCidrsParameter],
    };

    /// <summary>The parameter a stack sets once for the pack (`security-baseline:allowedCidrs` in `Pulumi.&lt;stack&gt;.yaml`).</summary>
    public const string AllowedCidrsParameter = "allowedCidrs";
}
