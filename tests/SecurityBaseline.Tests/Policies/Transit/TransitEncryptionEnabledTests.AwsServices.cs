using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Tests.Policies;

public partial class TransitEncryptionEnabledTests
{
    public static RowCases AwsServiceCases { get; } = new RowCases()
        .Pass("aws:appsync/apiCache:ApiCache", """{"apiId":"abcdefghijklmnopq","apiCachingBehavior":"FULL_REQUEST_CACHING","type":"SMALL","ttl":900,"atRestEncryptionEnabled":true,"transitEncryptionEnabled":true}""")
        .Fail("aws:appsync/apiCache:ApiCache", "transitEncryptionEnabled is absent", """{"apiId":"abcdefghijklmnopq","apiCachingBehavior":"FULL_REQUEST_CACHING","type":"SMALL","ttl":900,"atRestEncryptionEnabled":true}""")
        .Pass("aws:dms/endpoint:Endpoint", """{"endpointId":"orders-source","endpointType":"source","engineName":"postgres","serverName":"orders.internal","port":5432,"databaseName":"orders","sslMode":"verify-full","certificateArn":"arn:aws:dms:eu-west-1:111122223333:cert:rds-ca"}""")
        .Fail("aws:dms/endpoint:Endpoint", "sslMode is absent", """{"endpointId":"orders-source","endpointType":"source","engineName":"mysql","serverName":"orders.internal","port":3306,"databaseName":"orders"}""")
        .Fail("aws:dms/endpoint:Endpoint", "sslMode is \"none\"", """{"endpointId":"orders-source","endpointType":"source","engineName":"sqlserver","serverName":"orders.internal","port":1433,"databaseName":"orders","sslMode":"none"}""")
        .NotApplicable("aws:dms/endpoint:Endpoint", "engineName", """{"endpointId":"events-target","endpointType":"target","engineName":"kinesis","kinesisSettings":{"streamArn":"arn:aws:kinesis:eu-west-1:111122223333:stream/events","serviceAccessRoleArn":"arn:aws:iam::111122223333:role/dms"}}""")
        .Pass("aws:ecs/taskDefinition:TaskDefinition", """{"family":"api","containerDefinitions":"[{\"name\":\"api\",\"image\":\"api:1\",\"essential\":true}]","requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","cpu":"256","memory":"512","volumes":[{"name":"shared","efsVolumeConfiguration":{"fileSystemId":"fs-0123456789abcdef0","transitEncryption":"ENABLED","authorizationConfig":{"iam":"ENABLED"}}}]}""")
        .Fail("aws:ecs/taskDefinition:TaskDefinition", "volumes[1].efsVolumeConfiguration.transitEncryption is absent", """{"family":"api","containerDefinitions":"[{\"name\":\"api\",\"image\":\"api:1\",\"essential\":true}]","volumes":[{"name":"scratch","hostPath":"/tmp"},{"name":"shared","efsVolumeConfiguration":{"fileSystemId":"fs-0123456789abcdef0","rootDirectory":"/"}}]}""")
        .Fail("aws:ecs/taskDefinition:TaskDefinition", "transitEncryption is \"DISABLED\"", """{"family":"api","containerDefinitions":"[{\"name\":\"api\",\"image\":\"api:1\",\"essential\":true}]","volumes":[{"name":"shared","efsVolumeConfiguration":{"fileSystemId":"fs-0123456789abcdef0","transitEncryption":"DISABLED"}}]}""")
        .NotApplicable("aws:ecs/taskDefinition:TaskDefinition", "volumes[].efsVolumeConfiguration", """{"family":"api","containerDefinitions":"[{\"name\":\"api\",\"image\":\"api:1\",\"essential\":true}]"}""")
        .Pass("aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition", """{"name":"drift","roleArn":"arn:aws:iam::111122223333:role/service","dataQualityAppSpecification":{"imageUri":"123456789012.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-model-monitor-analyzer"},"dataQualityJobInput":{"endpointInput":{"endpointName":"scoring"}},"dataQualityJobOutputConfig":{"monitoringOutputs":{"s3Output":{"s3Uri":"s3://monitoring/drift"}}},"jobResources":{"clusterConfig":{"instanceCount":2,"instanceType":"ml.m5.large","volumeSizeInGb":20}},"networkConfig":{"enableInterContainerTrafficEncryption":true}}""")
        .Fail("aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition", "networkConfig.enableInterContainerTrafficEncryption is absent", """{"name":"drift","roleArn":"arn:aws:iam::111122223333:role/service","dataQualityAppSpecification":{"imageUri":"123456789012.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-model-monitor-analyzer"},"dataQualityJobInput":{"endpointInput":{"endpointName":"scoring"}},"dataQualityJobOutputConfig":{"monitoringOutputs":{"s3Output":{"s3Uri":"s3://monitoring/drift"}}},"jobResources":{"clusterConfig":{"instanceCount":3,"instanceType":"ml.m5.large","volumeSizeInGb":20}}}""")
        .NotApplicable("aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition", "instanceCount", """{"name":"drift","roleArn":"arn:aws:iam::111122223333:role/service","dataQualityAppSpecification":{"imageUri":"123456789012.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-model-monitor-analyzer"},"dataQualityJobInput":{"endpointInput":{"endpointName":"scoring"}},"dataQualityJobOutputConfig":{"monitoringOutputs":{"s3Output":{"s3Uri":"s3://monitoring/drift"}}},"jobResources":{"clusterConfig":{"instanceCount":1,"instanceType":"ml.t3.medium","volumeSizeInGb":20}}}""");

    [Theory]
    [MemberData(nameof(AwsServiceCases))]
    public void AwsServiceRow_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);
}
