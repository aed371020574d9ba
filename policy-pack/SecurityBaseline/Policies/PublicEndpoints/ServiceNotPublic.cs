using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.PublicEndpoints;

/// <summary>§1: managed services are reached through private networks, not from the public internet (one row per type).</summary>
public sealed partial class ServiceNotPublic : ControlPolicy
{
    private const string AzureRedisCache = "azure:redis/cache:Cache";
    private const string AzureNativeRedis = "azure-native:redis:Redis";

    private static IEnumerable<Requirement> CoreRows =>
    [
        new()
        {
            Type = AzureRedisCache,
            Path = "publicNetworkAccessEnabled",
            Expect = Must.Be(false),
            Absent = AbsentReading.Fails("true (the provider's default)"),
            Problem = "the cache answers on a public endpoint.",
            Fix = "Set `publicNetworkAccessEnabled: false` and reach the cache through a private endpoint.",
        },
        new()
        {
            Type = AzureNativeRedis,
            Path = "publicNetworkAccess",
            Expect = Must.BeOneOf("Disabled"),
            Absent = AbsentReading.Fails("\"Enabled\" (the API's default)"),
            Problem = "the cache answers on a public endpoint.",
            Fix = "Set `publicNetworkAccess: \"Disabled\"` and reach the cache through a private endpoint.",
        },
    ];

    private static readonly Requirement[] Rows = [.. CoreRows, .. AwsRows, .. AwsServiceRows, .. AzureRows];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.ServiceNotPublic,
        Title = "Managed services are not public",
        Description = "Managed services (caches, brokers, search, registries, analytics and PaaS services) must not be reachable from the public internet; clients reach them through private endpoints or the VPC.",
        Message = "The service is reachable from the public internet.",
        Control = "§1",
        Severity = Severity.High,
        ResourceTypes = Requirement.TypesOf(Rows),
        Requirements = Rows,
        Help = "Turn public network access off with the property the table below names for the resource type, and reach the service through a private endpoint, VPC endpoint or the VPC itself.",
        AbsentMeans = "Per resource type, in the table below: absent takes the service's default, which for most PaaS services is public network access enabled (a violation).",
        Tags = ["network", "public-endpoint"],
    };

    public override PolicyDescriptor Descriptor => Rule;
}
