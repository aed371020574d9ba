using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Network;

/// <summary>§1: the inbound rules of one security group, spread over several resources, do not add up to the whole internet.</summary>
/// <remarks>A stack policy, because standalone rules name their group only by `securityGroupId`; one resource's own rules are judged by <see cref="NoInternetIngress"/>.</remarks>
public sealed class IngressAcrossRules : StackPolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.NetworkIngressAcrossRules,
        Title = "A security group's rules do not add up to the whole internet",
        Description = "The inbound rules of one AWS security group, inline (`ingress`) and standalone (`aws:ec2/securityGroupRule` of type ingress, `aws:vpc/securityGroupIngressRule`) together, must not admit every IPv4 or every IPv6 address on the same protocol and port (for example `0.0.0.0/1` in one rule and `128.0.0.0/1` in another).",
        Message = "Inbound rules of one security group together admit the whole internet.",
        Control = "§1",
        Severity = Severity.Critical,
        ResourceTypes = [InboundRules.AwsSecurityGroup, InboundRules.AwsSecurityGroupRule, InboundRules.AwsIngressRule],
        Help = "Replace the blocks with the company's own ranges (`cidrBlocks`, `ipv6CidrBlocks`, `cidrIpv4`, `cidrIpv6`), or reference a security group or prefix list instead.",
        AbsentMeans = "Rules are grouped by `securityGroupId` (resolved to the group resource when it is in the stack, else compared as written); a rule whose group is unknown is not grouped. Only sets that span several resources are reported here. Egress rules are not checked.",
        Tags = ["network", "security-group", "ingress"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(StackContext context)
    {
        var groups = new Dictionary<string, List<PulumiResource>>(StringComparer.Ordinal);
        foreach (var resource in context.Stack.OfType(Rule.ResourceTypes))
        {
            if (GroupOf(context.Stack, resource) is not { } key)
            {
                continue;
            }

            if (!groups.TryGetValue(key, out var members))
            {
                groups[key] = members = [];
            }

            members.Add(resource);
        }

        foreach (var members in groups.Values.Where(m => m.Count > 1))
        {
            var owner = new Dictionary<InboundRule, PulumiResource>(ReferenceEqualityComparer.Instance);
            var rules = new List<InboundRule>();
            foreach (var member in members)
            {
                var name = string.IsNullOrEmpty(member.Name) ? PulumiResource.NameFromUrn(member.Urn) : member.Name;
                try
                {
                    InboundRules.ForEach(new ResourceContext(member, context.Parameters), rule =>
                    {
                        var named = rule with { Path = rule.Path.Length == 0 ? name : $"{name}.{rule.Path}" };
                        owner[named] = member;
                        rules.Add(named);
                    });
                }
                catch (PolicyDataException)
                {
                    // A malformed rule is reported by the resource policies; it must not stop the judgement of the other groups.
                }
            }

            foreach (var reach in InboundRules.AddingUpToTheInternet(rules))
            {
                var contributors = reach.Rules.Select(r => owner[r]).Distinct().ToArray();
                if (contributors.Length < 2)
                {
                    continue;
                }

                const int Shown = 6;
                var listed = string.Join(", ", reach.Sources.Take(Shown)) + (reach.Sources.Count > Shown ? $" and {reach.Sources.Count - Shown} more" : string.Empty);
                foreach (var contributor in contributors)
                {
                    context.Report(contributor, $"{listed} together admit the whole {reach.Family} internet, on {reach.PortsText}.");
                }
            }
        }
    }

    /// <summary>The security group a resource's inbound rules belong to: its own URN, or the group its `securityGroupId` names.</summary>
    private static string? GroupOf(StackIndex stack, PulumiResource resource)
    {
        if (resource.Type == InboundRules.AwsSecurityGroup)
        {
            return resource.Urn;
        }

        var groups = stack.Referenced(resource, "securityGroupId").Where(r => r.Type == InboundRules.AwsSecurityGroup).ToArray();
        if (groups.Length == 1)
        {
            return groups[0].Urn;
        }

        return resource["securityGroupId"] is { Kind: ValueKind.String, StringValue: { Length: > 0 } id } ? $"id:{id}" : null;
    }
}
