using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Tests.Policies;

public partial class ServiceNotPublicTests
{
    public static RowCases AwsCases { get; } = new RowCases()
        .Pass("aws:apigateway/method:Method", """{"restApi":"a1b2c3d4e5","resourceId":"r3s0u7","httpMethod":"GET","authorization":"AWS_IAM"}""")
        .Pass("aws:apigateway/method:Method", """{"restApi":"a1b2c3d4e5","resourceId":"r3s0u7","httpMethod":"POST","authorization":"COGNITO_USER_POOLS","authorizerId":"au7h0r"}""")
        .Fail("aws:apigateway/method:Method", "authorization is \"NONE\"", """{"restApi":"a1b2c3d4e5","resourceId":"r3s0u7","httpMethod":"GET","authorization":"NONE"}""")
        .Fail("aws:apigateway/method:Method", "authorization is \"NONE\"", """{"restApi":"a1b2c3d4e5","resourceId":"r3s0u7","httpMethod":"GET","authorization":"NONE","apiKeyRequired":false}""")
        .NotApplicable("aws:apigateway/method:Method", "apiKeyRequired", """{"restApi":"a1b2c3d4e5","resourceId":"r3s0u7","httpMethod":"GET","authorization":"NONE","apiKeyRequired":true}""")
        .Pass("aws:ec2/vpcEndpointService:VpcEndpointService", """{"acceptanceRequired":true,"networkLoadBalancerArns":["arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/net/api/0123456789abcdef"]}""")
        .Fail("aws:ec2/vpcEndpointService:VpcEndpointService", "acceptanceRequired is false", """{"acceptanceRequired":false,"networkLoadBalancerArns":["arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/net/api/0123456789abcdef"]}""")
        .Pass("aws:elasticsearch/domain:Domain", """{"domainName":"logs","elasticsearchVersion":"7.10","vpcOptions":{"subnetIds":["subnet-0priv0"],"securityGroupIds":["sg-0search"]}}""")
        .Fail("aws:elasticsearch/domain:Domain", "vpcOptions.subnetIds is absent", """{"domainName":"logs","elasticsearchVersion":"7.10","clusterConfig":{"instanceType":"r6g.large.elasticsearch"}}""")
        .Pass("aws:opensearch/domain:Domain", """{"domainName":"search","engineVersion":"OpenSearch_2.13","vpcOptions":{"subnetIds":["subnet-0priv0","subnet-0priv1"]}}""")
        .Fail("aws:opensearch/domain:Domain", "vpcOptions.subnetIds is absent", """{"domainName":"search","engineVersion":"OpenSearch_2.13"}""")
        .Fail("aws:opensearch/domain:Domain", "vpcOptions.subnetIds is", """{"domainName":"search","engineVersion":"OpenSearch_2.13","vpcOptions":{"subnetIds":[]}}""")
        .Pass("aws:emr/blockPublicAccessConfiguration:BlockPublicAccessConfiguration", """{"blockPublicSecurityGroupRules":true,"permittedPublicSecurityGroupRuleRanges":[{"minRange":22,"maxRange":22}]}""")
        .Fail("aws:emr/blockPublicAccessConfiguration:BlockPublicAccessConfiguration", "blockPublicSecurityGroupRules is false", """{"blockPublicSecurityGroupRules":false}""")
        .Pass("aws:mq/broker:Broker", """{"brokerName":"orders","engineType":"ActiveMQ","engineVersion":"5.18","hostInstanceType":"mq.m5.large","subnetIds":["subnet-0priv0"]}""")
        .Fail("aws:mq/broker:Broker", "publiclyAccessible is true", """{"brokerName":"orders","engineType":"RabbitMQ","engineVersion":"3.13","hostInstanceType":"mq.m5.large","publiclyAccessible":true}""")
        .Pass("aws:msk/cluster:Cluster", """{"clusterName":"events","kafkaVersion":"3.6.0","numberOfBrokerNodes":3,"brokerNodeGroupInfo":{"instanceType":"kafka.m5.large","clientSubnets":["subnet-0priv0","subnet-0priv1","subnet-0priv2"],"securityGroups":["sg-0kafka"],"connectivityInfo":{"publicAccess":{"type":"DISABLED"}}}}""")
        .Fail("aws:msk/cluster:Cluster", "publicAccess.type is \"SERVICE_PROVIDED_EIPS\"", """{"clusterName":"events","kafkaVersion":"3.6.0","numberOfBrokerNodes":3,"brokerNodeGroupInfo":{"instanceType":"kafka.m5.large","clientSubnets":["subnet-0pub0","subnet-0pub1","subnet-0pub2"],"securityGroups":["sg-0kafka"],"connectivityInfo":{"publicAccess":{"type":"SERVICE_PROVIDED_EIPS"}}}}""")
        .Pass("aws:s3/accessPoint:AccessPoint", """{"bucket":"acme-reports","name":"reports-app"}""")
        .Pass("aws:s3/accessPoint:AccessPoint", """{"bucket":"acme-reports","name":"reports-vpc","vpcConfiguration":{"vpcId":"vpc-0main"},"publicAccessBlockConfiguration":{"blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":true}}""")
        .Fail("aws:s3/accessPoint:AccessPoint", "publicAccessBlockConfiguration.blockPublicPolicy is false", """{"bucket":"acme-reports","name":"reports-open","publicAccessBlockConfiguration":{"blockPublicAcls":true,"blockPublicPolicy":false,"ignorePublicAcls":true,"restrictPublicBuckets":true}}""")
        .Pass("aws:transfer/server:Server", """{"endpointType":"VPC","endpointDetails":{"vpcId":"vpc-0main","subnetIds":["subnet-0priv0"],"securityGroupIds":["sg-0sftp"]},"protocols":["SFTP"],"securityPolicyName":"TransferSecurityPolicy-2024-01"}""")
        .Fail("aws:transfer/server:Server", "endpointType is absent", """{"protocols":["SFTP"],"identityProviderType":"SERVICE_MANAGED"}""")
        .Fail("aws:transfer/server:Server", "endpointType is \"PUBLIC\"", """{"endpointType":"PUBLIC","protocols":["SFTP"]}""")
        .Pass("aws:dms/replicationInstance:ReplicationInstance", """{"replicationInstanceId":"migrate-orders","replicationInstanceClass":"dms.t3.medium","allocatedStorage":50,"publiclyAccessible":false,"replicationSubnetGroupId":"dms-private"}""")
        .Fail("aws:dms/replicationInstance:ReplicationInstance", "publiclyAccessible is absent", """{"replicationInstanceId":"migrate-orders","replicationInstanceClass":"dms.t3.medium","allocatedStorage":50}""")
        .Fail("aws:dms/replicationInstance:ReplicationInstance", "publiclyAccessible is true", """{"replicationInstanceId":"migrate-orders","replicationInstanceClass":"dms.t3.medium","publiclyAccessible":true}""")
        .Pass("aws:lb/loadBalancer:LoadBalancer", """{"loadBalancerType":"application","internal":false,"securityGroups":["sg-0lb"],"subnets":["subnet-0pub0","subnet-0pub1"],"dropInvalidHeaderFields":true}""")
        .Fail("aws:lb/loadBalancer:LoadBalancer", "dropInvalidHeaderFields is absent", """{"internal":false,"securityGroups":["sg-0lb"],"subnets":["subnet-0pub0","subnet-0pub1"]}""")
        .Fail("aws:lb/loadBalancer:LoadBalancer", "desyncMitigationMode is \"monitor\"", """{"loadBalancerType":"application","subnets":["subnet-0pub0","subnet-0pub1"],"dropInvalidHeaderFields":true,"desyncMitigationMode":"monitor"}""")
        .NotApplicable("aws:lb/loadBalancer:LoadBalancer", "loadBalancerType", """{"loadBalancerType":"network","internal":false,"subnets":["subnet-0pub0","subnet-0pub1"]}""")
        .Pass("aws:alb/loadBalancer:LoadBalancer", """{"loadBalancerType":"application","securityGroups":["sg-0lb"],"subnets":["subnet-0pub0","subnet-0pub1"],"dropInvalidHeaderFields":true,"desyncMitigationMode":"strictest"}""")
        .Fail("aws:alb/loadBalancer:LoadBalancer", "dropInvalidHeaderFields is false", """{"loadBalancerType":"application","securityGroups":["sg-0lb"],"subnets":["subnet-0pub0","subnet-0pub1"],"dropInvalidHeaderFields":false}""");

    [Theory]
    [MemberData(nameof(AwsCases))]
    public void AwsRow_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);
}
