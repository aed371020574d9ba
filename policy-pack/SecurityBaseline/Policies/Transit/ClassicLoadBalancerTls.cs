using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Transit;

/// <summary>§3: every listener of a classic load balancer accepts HTTPS or SSL only.</summary>
public sealed class ClassicLoadBalancerTls : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.ClassicLoadBalancerTls,
        Title = "Classic load balancer listeners use TLS",
        Description = "Every listener of a classic load balancer must use lbProtocol HTTPS or SSL.",
        Message = "A classic load balancer listener accepts plaintext traffic.",
        Control = "§3",
        Severity = Severity.Critical,
        ResourceTypes = ["aws:elb/loadBalancer:LoadBalancer", "aws:elasticloadbalancing/loadBalancer:LoadBalancer"],
        Help = "Set `lbProtocol: \"HTTPS\"` (or `\"SSL\"` for TCP traffic) with an `sslCertificateId` on every entry of `listeners`; remove HTTP and TCP listeners, or better, move to an Application/Network Load Balancer with a TLS listener.",
        AbsentMeans = "`listeners` is required by the provider; an absent or empty list declares no listener and passes. `lbProtocol` is required on each listener; an absent one is reported.",
        Tags = ["load-balancer", "elb", "tls", "encryption-in-transit"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var properties = context.Properties;
        context.Each(properties.ItemPaths("listeners"), listener =>
        {
            var protocol = properties.GetString($"{listener}.lbProtocol");
            if (!string.Equals(protocol, "HTTPS", StringComparison.OrdinalIgnoreCase) &&
                !string.Equals(protocol, "SSL", StringComparison.OrdinalIgnoreCase))
            {
                context.Report($"{listener}.lbProtocol is {properties.Show($"{listener}.lbProtocol")} on lbPort {properties.Show($"{listener}.lbPort")}: use HTTPS or SSL.");
            }
        });
    }
}
