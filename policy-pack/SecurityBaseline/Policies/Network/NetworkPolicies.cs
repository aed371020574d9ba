using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Network;

/// <summary>§1 policies on inbound firewall rules: security groups and network security groups.</summary>
internal static class NetworkPolicies
{
    public static IReadOnlyList<Policy> All { get; } =
    [
        new NoInternetIngress(),
        new IngressAllowlist(),
        new AdminPortsNotPublic(),
        new DefaultSecurityGroupClosed(),
        new NetworkAclNoInternetAdminPorts(),
        new PrefixListIngress(),
        new IngressAcrossRules(),
    ];
}
