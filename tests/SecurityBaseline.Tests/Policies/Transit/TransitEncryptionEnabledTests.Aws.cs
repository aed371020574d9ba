using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Tests.Policies;

public partial class TransitEncryptionEnabledTests
{
    public static RowCases AwsCases { get; } = new RowCases()
        .Pass("aws:elasticache/cluster:Cluster", """{"clusterId":"sessions","engine":"memcached","engineVersion":"1.6.22","nodeType":"cache.t4g.small","numCacheNodes":2,"transitEncryptionEnabled":true}""")
        .Fail("aws:elasticache/cluster:Cluster", "transitEncryptionEnabled is absent", """{"clusterId":"sessions","engine":"memcached","nodeType":"cache.t4g.small","numCacheNodes":2}""")
        .Fail("aws:elasticache/cluster:Cluster", "replicationGroupId is absent", """{"clusterId":"tokens","engine":"redis","engineVersion":"7.1","nodeType":"cache.t4g.small","numCacheNodes":1}""")
        .Pass("aws:elasticache/cluster:Cluster", """{"clusterId":"tokens-replica","engine":"valkey","replicationGroupId":"tokens"}""")
        .NotApplicable("aws:elasticache/cluster:Cluster", "engine", """{"clusterId":"tokens-replica-2","replicationGroupId":"tokens"}""")
        .Pass("aws:elasticsearch/domain:Domain", """{"domainName":"logs","elasticsearchVersion":"7.10","nodeToNodeEncryption":{"enabled":true},"domainEndpointOptions":{"enforceHttps":true,"tlsSecurityPolicy":"Policy-Min-TLS-1-2-2019-07"}}""")
        .Fail("aws:elasticsearch/domain:Domain", "nodeToNodeEncryption.enabled is absent", """{"domainName":"logs","elasticsearchVersion":"7.10"}""")
        .Pass("aws:opensearch/domain:Domain", """{"domainName":"search","engineVersion":"OpenSearch_2.13","nodeToNodeEncryption":{"enabled":true}}""")
        .Fail("aws:opensearch/domain:Domain", "domainEndpointOptions.enforceHttps is false", """{"domainName":"search","engineVersion":"OpenSearch_2.13","nodeToNodeEncryption":{"enabled":true},"domainEndpointOptions":{"enforceHttps":false}}""")
        .Pass("aws:msk/cluster:Cluster", """{"clusterName":"events","kafkaVersion":"3.6.0","numberOfBrokerNodes":3,"brokerNodeGroupInfo":{"instanceType":"kafka.m5.large","clientSubnets":["subnet-0priv0","subnet-0priv1","subnet-0priv2"]}}""")
        .Pass("aws:msk/cluster:Cluster", """{"clusterName":"events","kafkaVersion":"3.6.0","numberOfBrokerNodes":3,"brokerNodeGroupInfo":{"instanceType":"kafka.m5.large","clientSubnets":["subnet-0priv0"]},"encryptionInfo":{"encryptionInTransit":{"clientBroker":"TLS","inCluster":true}}}""")
        .Fail("aws:msk/cluster:Cluster", "clientBroker is \"TLS_PLAINTEXT\"", """{"clusterName":"events","kafkaVersion":"3.6.0","numberOfBrokerNodes":3,"brokerNodeGroupInfo":{"instanceType":"kafka.m5.large","clientSubnets":["subnet-0priv0"]},"encryptionInfo":{"encryptionInTransit":{"clientBroker":"TLS_PLAINTEXT"}}}""")
        .Fail("aws:msk/cluster:Cluster", "inCluster is false", """{"clusterName":"events","kafkaVersion":"3.6.0","numberOfBrokerNodes":3,"brokerNodeGroupInfo":{"instanceType":"kafka.m5.large","clientSubnets":["subnet-0priv0"]},"encryptionInfo":{"encryptionInTransit":{"inCluster":false}}}""")
        .Pass("aws:ses/configurationSet:ConfigurationSet", """{"name":"transactional","deliveryOptions":{"tlsPolicy":"Require"}}""")
        .Fail("aws:ses/configurationSet:ConfigurationSet", "deliveryOptions.tlsPolicy is absent", """{"name":"transactional"}""")
        .Fail("aws:ses/configurationSet:ConfigurationSet", "deliveryOptions.tlsPolicy is \"Optional\"", """{"name":"transactional","deliveryOptions":{"tlsPolicy":"Optional"}}""")
        .Pass("aws:transfer/server:Server", """{"endpointType":"VPC","protocols":["SFTP","FTPS"],"certificate":"arn:aws:acm:ap-northeast-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"}""")
        .Pass("aws:transfer/server:Server", """{"endpointType":"VPC","identityProviderType":"SERVICE_MANAGED"}""")
        .Fail("aws:transfer/server:Server", "protocols is", """{"endpointType":"VPC","protocols":["SFTP","FTP"]}""")
        .Pass("aws:redshift/parameterGroup:ParameterGroup", """{"name":"warehouse","family":"redshift-1.0","parameters":[{"name":"enable_user_activity_logging","value":"true"},{"name":"require_ssl","value":"true"}]}""")
        .Fail("aws:redshift/parameterGroup:ParameterGroup", "parameters[1].value is \"false\"", """{"name":"warehouse","family":"redshift-1.0","parameters":[{"name":"enable_user_activity_logging","value":"true"},{"name":"require_ssl","value":"false"}]}""")
        .NotApplicable("aws:redshift/parameterGroup:ParameterGroup", "require_ssl", """{"name":"warehouse","family":"redshift-1.0","parameters":[{"name":"enable_user_activity_logging","value":"true"}]}""")
        .Pass("aws:docdb/clusterParameterGroup:ClusterParameterGroup", """{"name":"documents","family":"docdb5.0","parameters":[{"name":"tls","value":"enabled"}]}""")
        .Fail("aws:docdb/clusterParameterGroup:ClusterParameterGroup", "parameters[0].value is \"disabled\"", """{"name":"documents","family":"docdb5.0","parameters":[{"name":"tls","value":"disabled","applyMethod":"pending-reboot"}]}""");

    [Theory]
    [MemberData(nameof(AwsCases))]
    public void AwsRow_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);
}
