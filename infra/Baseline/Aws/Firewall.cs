using Baseline.Settings;
using Pulumi;
using Ec2 = Pulumi.Aws.Ec2;

namespace Baseline.Aws;

/// <summary>Security groups: the load balancer admits HTTPS (and HTTP, only to redirect it) from the allowlist alone; the workloads admit only the load balancer (§1).</summary>
public sealed class Firewall : ComponentResource
{
    public Firewall(string name, StackSettings settings, Output<string> vpcId, ComponentResourceOptions? options = null)
        : base("baseline:aws:Firewall", name, options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var child = new CustomResourceOptions { Parent = this };

        var loadBalancer = new Ec2.SecurityGroup($"{name}-lb", new Ec2.SecurityGroupArgs
        {
            VpcId = vpcId,
            Description = "Load balancer: HTTPS from the company allowlist only",
            Ingress =
            {
                FromAllowlist(settings, SecurityDefaults.HttpsPort, "HTTPS from the allowlist"),
                FromAllowlist(settings, SecurityDefaults.HttpPort, "HTTP from the allowlist, answered only with a redirect to HTTPS"),
            },
            Egress =
            {
                new Ec2.Inputs.SecurityGroupEgressArgs
                {
                    Protocol = "tcp",
                    FromPort = settings.AppPort,
                    ToPort = settings.AppPort,
                    CidrBlocks = { settings.VpcCidr.ToString() },
                    Description = "to the workloads inside the VPC",
                },
            },
            RevokeRulesOnDelete = true,
            Tags = settings.Tags($"{settings.NamePrefix}-lb"),
        }, child);

        var app = new Ec2.SecurityGroup($"{name}-app", new Ec2.SecurityGroupArgs
        {
            VpcId = vpcId,
            Description = "Workloads: only from the load balancer",
            Ingress =
            {
                new Ec2.Inputs.SecurityGroupIngressArgs
                {
                    Protocol = "tcp",
                    FromPort = settings.AppPort,
                    ToPort = settings.AppPort,
                    SecurityGroups = { loadBalancer.Id },
                    Description = "TLS from the load balancer",
                },
            },
            Egress =
            {
                new Ec2.Inputs.SecurityGroupEgressArgs
                {
                    Protocol = "tcp",
                    FromPort = SecurityDefaults.HttpsPort,
                    ToPort = SecurityDefaults.HttpsPort,
                    CidrBlocks = { "0.0.0.0/0" },
                    Description = "HTTPS to AWS APIs and dependencies through the NAT gateways",
                },
            },
            RevokeRulesOnDelete = true,
            Tags = settings.Tags($"{settings.NamePrefix}-app"),
        }, child);

        LoadBalancerGroupId = loadBalancer.Id;
        AppGroupId = app.Id;
        RegisterOutputs();
    }

    public Output<string> LoadBalancerGroupId { get; }
    public Output<string> AppGroupId { get; }

    private static Ec2.Inputs.SecurityGroupIngressArgs FromAllowlist(StackSettings settings, int port, string description) =>
        new()
        {
            Protocol = "tcp",
            FromPort = port,
            ToPort = port,
            CidrBlocks = settings.AllowlistIPv4.ToArray(),
            Ipv6CidrBlocks = settings.AllowlistIPv6.ToArray(),
            Description = description,
        };
}
