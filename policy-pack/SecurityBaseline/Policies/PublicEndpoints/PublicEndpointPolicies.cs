using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.PublicEndpoints;

/// <summary>§1 policies against public IPs, public databases and open PaaS firewalls.</summary>
internal static class PublicEndpointPolicies
{
    public static IReadOnlyList<Policy> All { get; } =
    [
        new ComputeNoPublicIp(),
        new SubnetNoPublicIpOnLaunch(),
        new DatabaseNotPublic(),
        new StorageFirewallDefaultDeny(),
        new StorageFirewallConfigured(),
        new KeyVaultFirewallDefaultDeny(),
        new ServiceNotPublic(),
        new DefaultVpcNotUsed(),
        new DatabaseFirewallNoPublicRange(),
    ];
}
