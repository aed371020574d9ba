using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Logging;

/// <summary>§9: application and network load balancers write access logs.</summary>
public sealed class LoadBalancerAccessLogs : ControlPolicy
{
    private static readonly Requirement[] Rows = [Row("aws:lb/loadBalancer:LoadBalancer"), Row("aws:alb/loadBalancer:LoadBalancer")];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.LoadBalancerAccessLogs,
        Title = "Load balancers write access logs",
        Description = "Every application and network load balancer must deliver access logs to S3 (accessLogs.enabled).",
        Message = "The load balancer keeps no access log.",
        Control = "§9",
        Severity = Severity.Medium,
        ResourceTypes = Requirement.TypesOf(Rows),
        Requirements = Rows,
        Help = "Set `accessLogs: { bucket: <log bucket>, enabled: true }`; the bucket policy must let the region's Elastic Load Balancing account (or the logdelivery service) write.",
        AbsentMeans = "`accessLogs` absent, or `enabled` absent inside it, means no access logs (the provider's default). Gateway load balancers have no access logs and are not judged.",
        Tags = ["load-balancer", "logging"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    private static Requirement Row(string type) => new()
    {
        Type = type,
        Path = "accessLogs.enabled",
        Expect = Must.Be(true),
        Absent = AbsentReading.Fails("false (the provider's default)"),
        Problem = "requests reaching the load balancer leave no record to investigate.",
        Fix = "Set `accessLogs: { bucket: <log bucket>, enabled: true }`.",

        // Gateway load balancers forward packets to appliances and have no access logs.
        When = new Condition("loadBalancerType", Must.NotBeOneOf("gateway"), WhenAbsent: true),
    };
}
