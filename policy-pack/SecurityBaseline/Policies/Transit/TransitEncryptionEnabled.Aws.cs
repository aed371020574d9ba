using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Transit;

public sealed partial class TransitEncryptionEnabled
{
    private static IEnumerable<Requirement> AwsRows =>
    [
        // A cache cluster takes transit encryption only for Memcached; Redis and Valkey get it from a replication group.
        new()
        {
            Type = "aws:elasticache/cluster:Cluster",
            Path = "transitEncryptionEnabled",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default)"),
            When = new Condition("engine", Must.BeOneOf("memcached")),
            Problem = "clients talk to the Memcached nodes in plain text.",
            Fix = "Set `transitEncryptionEnabled: true` (Memcached 1.6.12 or later, in a VPC).",
        },
        new()
        {
            Type = "aws:elasticache/cluster:Cluster",
            Path = "replicationGroupId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("a standalone Redis/Valkey node, which cannot encrypt in transit"),
            When = new Condition("engine", Must.BeOneOf("redis", "valkey")),
            Problem = "a standalone Redis or Valkey cache cluster has no TLS, so clients talk to it in plain text.",
            Fix = "Create the cache as an `aws.elasticache.ReplicationGroup` with `transitEncryptionEnabled: true`, or join this cluster to one with `replicationGroupId`.",
        },
        .. SearchDomainEncryptionRows("aws:elasticsearch/domain:Domain"),
        .. SearchDomainEncryptionRows("aws:opensearch/domain:Domain"),
        new()
        {
            Type = "aws:msk/cluster:Cluster",
            Path = "encryptionInfo.encryptionInTransit.clientBroker",
            Expect = Must.BeOneOf("TLS"),
            Absent = AbsentReading.Passes("\"TLS\" (the provider's default)"),
            Problem = "clients may talk to the Kafka brokers in plain text.",
            Fix = "Set `encryptionInfo.encryptionInTransit.clientBroker: \"TLS\"`.",
        },
        new()
        {
            Type = "aws:msk/cluster:Cluster",
            Path = "encryptionInfo.encryptionInTransit.inCluster",
            Expect = Must.Be(true),
            Absent = AbsentReading.Passes("true (the provider's default)"),
            Problem = "the Kafka brokers replicate data among themselves in plain text.",
            Fix = "Set `encryptionInfo.encryptionInTransit.inCluster: true`.",
        },
        new()
        {
            Type = "aws:ses/configurationSet:ConfigurationSet",
            Path = "deliveryOptions.tlsPolicy",
            Expect = Must.BeOneOf("Require"),
            Absent = AbsentReading.Fails("\"Optional\" (the provider's default): mail falls back to plain text"),
            Problem = "SES delivers the set's messages in plain text when the receiving server offers no TLS.",
            Fix = "Set `deliveryOptions: { tlsPolicy: \"Require\" }`.",
        },
        new()
        {
            Type = "aws:transfer/server:Server",
            Path = "protocols",
            Expect = Must.NotContain("FTP"),
            Absent = AbsentReading.Passes("[\"SFTP\"] (the provider's default)"),
            Problem = "plain FTP sends credentials and files unencrypted.",
            Fix = "Remove `\"FTP\"` from `protocols`; use `\"SFTP\"` or `\"FTPS\"`.",
        },
        // Parameter groups list only what they change: a group without the entry keeps the family default, which this row does not see.
        new()
        {
            Type = "aws:redshift/parameterGroup:ParameterGroup",
            Within = "parameters[]",
            When = new Condition("name", Must.BeOneOf("require_ssl")),
            Path = "value",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("no value for require_ssl"),
            Problem = "clusters using the group accept unencrypted client connections.",
            Fix = "Set the `parameters` entry `{ name: \"require_ssl\", value: \"true\" }`.",
        },
        new()
        {
            Type = "aws:docdb/clusterParameterGroup:ClusterParameterGroup",
            Within = "parameters[]",
            When = new Condition("name", Must.BeOneOf("tls")),
            Path = "value",
            Expect = Must.NotBeOneOf("disabled"),
            Absent = AbsentReading.Fails("no value for tls"),
            Problem = "clusters using the group accept unencrypted client connections.",
            Fix = "Set the `parameters` entry `{ name: \"tls\", value: \"tls1.2+\" }`.",
        },
    ];

    private static IEnumerable<Requirement> SearchDomainEncryptionRows(string type) =>
    [
        new()
        {
            Type = type,
            Path = "domainEndpointOptions.enforceHttps",
            Expect = Must.Be(true),
            Absent = AbsentReading.Passes("true (the provider's default)"),
            Problem = "the domain endpoint answers plain HTTP.",
            Fix = "Set `domainEndpointOptions.enforceHttps: true`.",
        },
        new()
        {
            Type = type,
            Path = "nodeToNodeEncryption.enabled",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default without the block)"),
            Problem = "the domain's nodes exchange data in plain text.",
            Fix = "Set `nodeToNodeEncryption: { enabled: true }`.",
        },
    ];
}
