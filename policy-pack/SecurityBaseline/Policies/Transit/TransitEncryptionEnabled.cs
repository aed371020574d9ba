using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Transit;

/// <summary>§3: caches, brokers, streams and data services encrypt the traffic to and between their nodes (one row per type).</summary>
public sealed partial class TransitEncryptionEnabled : ControlPolicy
{
    private const string ElastiCacheReplicationGroup = "aws:elasticache/replicationGroup:ReplicationGroup";

    private static IEnumerable<Requirement> CoreRows =>
    [
        new()
        {
            Type = ElastiCacheReplicationGroup,
            Path = "transitEncryptionEnabled",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default)"),
            Problem = "clients and replicas talk to the cache in plain text.",
            Fix = "Set `transitEncryptionEnabled: true` (with `transitEncryptionMode: \"required\"` once clients use TLS).",
        },
    ];

    private static readonly Requirement[] Rows = [.. CoreRows, .. AwsRows, .. AwsServiceRows, .. AzureRows];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.TransitEncryptionEnabled,
        Title = "Data services encrypt traffic in transit",
        Description = "Caches, message brokers, streams, search domains and database endpoints must accept only encrypted connections, between clients and nodes and between nodes.",
        Message = "The service accepts or sends unencrypted traffic.",
        Control = "§3",
        Severity = Severity.High,
        ResourceTypes = Requirement.TypesOf(Rows),
        Requirements = Rows,
        Help = "Turn transit encryption on with the property the table below names for the resource type; plain-text ports and protocols must be off.",
        AbsentMeans = "Per resource type, in the table below: absent takes the provider's default, which passes only where the service encrypts by default.",
        Tags = ["encryption", "in-transit"],
    };

    public override PolicyDescriptor Descriptor => Rule;
}
