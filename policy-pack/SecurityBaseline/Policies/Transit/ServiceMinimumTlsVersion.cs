using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Transit;

/// <summary>§3: service endpoints refuse TLS versions below 1.2 (one row per type).</summary>
public sealed partial class ServiceMinimumTlsVersion : ControlPolicy
{
    private const string AzureRedisCache = "azure:redis/cache:Cache";
    private const string AzureNativeRedis = "azure-native:redis:Redis";

    private static IEnumerable<Requirement> CoreRows =>
    [
        new()
        {
            Type = AzureRedisCache,
            Path = "minimumTlsVersion",
            Expect = Must.BeOneOf("1.2", "1.3"),
            Absent = AbsentReading.Fails("\"1.0\" (the provider's documented default)"),
            Problem = "clients may connect with TLS 1.0 or 1.1, whose ciphers are broken.",
            Fix = "Set `minimumTlsVersion: \"1.2\"`.",
        },
        new()
        {
            Type = AzureNativeRedis,
            Path = "minimumTlsVersion",
            Expect = Must.BeOneOf("1.2", "1.3"),
            Absent = AbsentReading.Fails("the API's default, which is not documented as 1.2 in API 2024-11-01"),
            Problem = "clients may connect with TLS 1.0 or 1.1, whose ciphers are broken.",
            Fix = "Set `minimumTlsVersion: \"1.2\"`.",
        },
    ];

    private static readonly Requirement[] Rows = [.. CoreRows, .. AwsRows, .. AzureRows];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.ServiceMinimumTlsVersion,
        Title = "Service endpoints require TLS 1.2 or later",
        Description = "Every managed service endpoint (API domains, search domains, caches, brokers, PaaS services) must refuse TLS 1.0 and 1.1.",
        Message = "The endpoint accepts TLS versions below 1.2.",
        Control = "§3",
        Severity = Severity.High,
        ResourceTypes = Requirement.TypesOf(Rows),
        Requirements = Rows,
        Help = "Set the minimum TLS version (or a TLS 1.2+ security policy) with the property the table below names for the resource type.",
        AbsentMeans = "Per resource type, in the table below: absent takes the service's default minimum version, which passes only where it is TLS 1.2 or later.",
        Tags = ["encryption", "in-transit", "tls"],
    };

    public override PolicyDescriptor Descriptor => Rule;
}
