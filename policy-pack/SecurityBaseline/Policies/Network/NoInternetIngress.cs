using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Network;

/// <summary>§1: no inbound rule of a security group or network security group admits the whole internet.</summary>
public sealed class NoInternetIngress : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.NetworkNoInternetIngress,
        Title = "No inbound rule admits the whole internet",
        Description = "Inbound security group and network security group rules must not admit traffic from any address (0.0.0.0/0, ::/0, *, Internet, Any), neither in one source nor in several blocks of one group that together cover every IPv4 or IPv6 address on the same protocol and port (0.0.0.0/1 + 128.0.0.0/1).",
        Message = "An inbound rule admits traffic from the whole internet.",
        Control = "§1",
        Severity = Severity.Critical,
        ResourceTypes = InboundRules.ResourceTypes,
        Help = "Replace the open source with the company's own ranges: on AWS remove `0.0.0.0/0` from `cidrBlocks` (or `cidrIpv4`) and `::/0` from `ipv6CidrBlocks` (or `cidrIpv6`), or reference a security group (`securityGroups`, `referencedSecurityGroupId`) or prefix list instead; on Azure set `sourceAddressPrefix`/`sourceAddressPrefixes` to specific CIDRs or a service tag such as `VirtualNetwork`, never `*`, `Internet` or `Any`.",
        AbsentMeans = "An absent source list (`cidrBlocks`, `ipv6CidrBlocks`, `sourceAddressPrefix`, `sourceAddressPrefixes`) adds no source and is compliant; a security group without `ingress` admits nothing. Egress rules, Azure outbound rules and deny rules are not checked (AWS `securityGroupRule` with `type` egress and standalone Azure outbound/deny rules are not applicable). Within one network security group's `securityRules`, a source that a Deny rule of higher priority (lower `priority` number) covers completely, on every protocol and port of the Allow, is unreachable and not reported; a rule without a known priority shadows nothing. Separate rule resources are judged alone. Broad Azure service tags (`AzureCloud`, `Storage`, …) are public but not the whole internet: the allowlist policy rejects them.",
        Tags = ["network", "security-group", "nsg", "ingress"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var rules = new List<InboundRule>();
        InboundRules.ForEach(context, rule =>
        {
            rules.Add(rule);
            foreach (var source in rule.Sources.Where(s => s.IsInternet))
            {
                context.Report($"{rule.Prefix}{source} admits the whole internet, on {rule.PortsText}.");
            }

            rule.RequireKnownSources();
        });

        // Narrow blocks that add up to the internet (0.0.0.0/1 + 128.0.0.0/1) open the same door as 0.0.0.0/0.
        foreach (var reach in InboundRules.AddingUpToTheInternet(rules))
        {
            const int Shown = 6;
            var listed = string.Join(", ", reach.Sources.Take(Shown)) + (reach.Sources.Count > Shown ? $" and {reach.Sources.Count - Shown} more" : string.Empty);
            context.Report($"{listed} together admit the whole {reach.Family} internet, on {reach.PortsText}.");
        }
    }
}
