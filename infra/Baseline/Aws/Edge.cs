using Baseline.Settings;
using Pulumi;
using Lb = Pulumi.Aws.LB;

namespace Baseline.Aws;

/// <summary>The internet-facing application load balancer: TLS 1.2+ on HTTPS, plain HTTP only redirected, invalid headers dropped, access logs on (§3, §9).</summary>
public sealed class Edge : ComponentResource
{
    public Edge(string name, StackSettings settings, Network network, Firewall firewall, Storage storage, ComponentResourceOptions? options = null)
        : base("baseline:aws:Edge", name, options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(firewall);
        ArgumentNullException.ThrowIfNull(storage);
        var child = new CustomResourceOptions { Parent = this };

        var loadBalancer = new Lb.LoadBalancer($"{name}-alb", new Lb.LoadBalancerArgs
        {
            Internal = false,
            LoadBalancerType = "application",
            SecurityGroups = { firewall.LoadBalancerGroupId },
            Subnets = network.PublicSubnets.Select(s => s.Id).ToArray(),
            DropInvalidHeaderFields = true,
            DesyncMitigationMode = "strictest",
            EnableDeletionProtection = settings.DeletionProtection,
            AccessLogs = new Lb.Inputs.LoadBalancerAccessLogsArgs
            {
                Bucket = storage.LogBucketName,
                Prefix = LogPrefixes.LoadBalancer,
                Enabled = true,
            },
            Tags = settings.Tags($"{settings.NamePrefix}-alb"),
        }, new CustomResourceOptions { Parent = this, DependsOn = { storage.LogBucketPolicy } });

        // Workloads terminate TLS too, so traffic inside the VPC stays encrypted (§3 covers internal channels).
        var workloads = new Lb.TargetGroup($"{name}-app", new Lb.TargetGroupArgs
        {
            VpcId = network.VpcId,
            TargetType = "ip",
            Port = settings.AppPort,
            Protocol = "HTTPS",
            HealthCheck = new Lb.Inputs.TargetGroupHealthCheckArgs
            {
                Enabled = true,
                Protocol = "HTTPS",
                Path = "/healthz",
                Matcher = "200-399",
            },
            Tags = settings.Tags(),
        }, child);

        _ = new Lb.Listener($"{name}-https", new Lb.ListenerArgs
        {
            LoadBalancerArn = loadBalancer.Arn,
            Port = SecurityDefaults.HttpsPort,
            Protocol = "HTTPS",
            SslPolicy = SecurityDefaults.LoadBalancerTlsPolicy,
            CertificateArn = settings.CertificateArn,
            DefaultActions = { new Lb.Inputs.ListenerDefaultActionArgs { Type = "forward", TargetGroupArn = workloads.Arn } },
            Tags = settings.Tags(),
        }, child);

        _ = new Lb.Listener($"{name}-http-redirect", new Lb.ListenerArgs
        {
            LoadBalancerArn = loadBalancer.Arn,
            Port = SecurityDefaults.HttpPort,
            Protocol = "HTTP",
            DefaultActions =
            {
                new Lb.Inputs.ListenerDefaultActionArgs
                {
                    Type = "redirect",
                    Redirect = new Lb.Inputs.ListenerDefaultActionRedirectArgs
                    {
                        Protocol = "HTTPS",
                        Port = SecurityDefaults.HttpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        StatusCode = SecurityDefaults.RedirectStatus,
                    },
                },
            },
            Tags = settings.Tags(),
        }, child);

        DnsName = loadBalancer.DnsName;
        LoadBalancerArn = loadBalancer.Arn;
        RegisterOutputs();
    }

    public Output<string> DnsName { get; }
    public Output<string> LoadBalancerArn { get; }
}
