using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Network;

/// <summary>§1: every address an inbound rule admits lies inside the configured IP allowlist.</summary>
public sealed class IngressAllowlist : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.NetworkIngressAllowlist,
        Title = "Inbound sources stay inside the IP allowlist",
        Description = "Every CIDR or address an inbound security group or network security group rule admits must lie inside the configured allowlist (`allowedCidrs`).",
        Message = "An inbound rule admits addresses outside the IP allowlist.",
        Control = "§1",
        Severity = Severity.High,
        ResourceTypes = InboundRules.ResourceTypes,
        ConfigSchema = $$"""{ {{AllowlistParameter.Schema}} }""",
        Help = "Narrow the source to a block inside `allowedCidrs` (AWS `cidrBlocks`, `ipv6CidrBlocks`, `cidrIpv4`, `cidrIpv6`; Azure `sourceAddressPrefix`, `sourceAddressPrefixes`), reference a security group or prefix list instead, or, when the range really belongs to the company, add it to the policy's `allowedCidrs` parameter. An IPv6 source must lie inside an IPv6 allowlist block.",
        AbsentMeans = "An absent source list adds no source and is compliant. Security group references (`securityGroups`, `sourceSecurityGroupId`, `referencedSecurityGroupId`, `self`), prefix lists (`prefixListIds`, `prefixListId`) and Azure application security groups are not addresses and pass; of Azure service tags only `VirtualNetwork`, `AzureLoadBalancer` and the tags listed in `internalServiceTags` pass; every other tag (`AzureCloud`, `AzureCloud.<region>`, `Storage`, `AzureFrontDoor.Backend`, …) names addresses Microsoft shares among its customers and is outside. A source may lie across several allowlist blocks. Prefix lists declared in the stack are judged by `network-prefix-list-ingress`. An NSG Allow that higher-priority Deny rules of the same group cover is unreachable and passes. Absent `allowedCidrs` means the private ranges 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 and fc00::/7. Egress, outbound and deny rules are not checked.",
        Tags = ["network", "security-group", "nsg", "ingress", "allowlist"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override IEnumerable<string> ValidateParameters(PolicyParameters parameters) => AllowlistParameter.Validate(parameters);

    public override void Evaluate(ResourceContext context)
    {
        var allowlist = AllowlistParameter.Read(context.Parameters);
        InboundRules.ForEach(context, rule =>
        {
            foreach (var source in rule.Sources.Where(s => !s.IsInside(allowlist)))
            {
                context.Report($"{rule.Prefix}{source} is outside the allowlist ({AllowlistParameter.Name}), on {rule.PortsText}.");
            }

            rule.RequireKnownSources();
        });
    }
}
