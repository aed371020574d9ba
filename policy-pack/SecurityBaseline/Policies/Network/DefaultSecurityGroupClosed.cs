using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Network;

/// <summary>§1: the VPC's default security group allows nothing, so resources never fall back on it.</summary>
public sealed class DefaultSecurityGroupClosed : ResourcePolicy
{
    private static readonly string[] RuleLists = ["ingress", "egress"];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.DefaultSecurityGroupClosed,
        Title = "Default security groups are closed",
        Description = "The VPC's default security group must have no ingress and no egress rules.",
        Message = "The default security group declares rules.",
        Control = "§1",
        Severity = Severity.High,
        ResourceTypes = [InboundRules.AwsDefaultSecurityGroup],
        Help = "Remove every item of `ingress` and `egress` from the `aws.ec2.DefaultSecurityGroup` (or set both to `[]`) and give each resource its own security group.",
        AbsentMeans = "Absent `ingress`/`egress` mean no rules, and are compliant: when Pulumi (Terraform) adopts the default security group it removes every rule not declared, including AWS's allow-all rules.",
        Tags = ["network", "security-group", "default"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        // Each list and each rule is guarded on its own: an unknown egress must not hide declared ingress rules.
        foreach (var list in RuleLists)
        {
            var (direction, preposition) = list == "ingress" ? ("inbound", "from") : ("outbound", "to");
            context.Guard(() => InboundRules.AwsGroupRules(context, list, rule =>
            {
                var peers = rule.Sources.Count == 0 ? "peers unknown during preview" : string.Join(", ", rule.Sources);
                context.Report($"{rule.Prefix}{rule.PortsText} {preposition} {peers}; the default security group must allow no {direction} traffic.");
            }));
        }
    }

    public override IReadOnlyDictionary<string, PropertyValue>? Remediate(ResourceContext context)
    {
        if (RuleLists.All(list => context.Properties.GetList(list).Count == 0))
        {
            return null;
        }

        return context.PropertiesWith(RuleLists.Select(list => (list, PropertyValue.FromArray([]))));
    }
}
