using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Transit;

public sealed partial class TransitEncryptionEnabled
{
    private const string AppSyncApiCache = "aws:appsync/apiCache:ApiCache";
    private const string DmsEndpoint = "aws:dms/endpoint:Endpoint";
    private const string EcsTaskDefinition = "aws:ecs/taskDefinition:TaskDefinition";
    private const string SageMakerDataQualityJobDefinition = "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition";

    private static IEnumerable<Requirement> AwsServiceRows =>
    [
        new()
        {
            Type = AppSyncApiCache,
            Path = "transitEncryptionEnabled",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default)"),
            Problem = "AppSync talks to its cache in plain text.",
            Fix = "Set `transitEncryptionEnabled: true` (the cache is replaced: the flag cannot change after creation).",
        },
        new()
        {
            Type = DmsEndpoint,
            Path = "sslMode",
            Expect = Must.NotBeOneOf("none"),
            Absent = AbsentReading.Fails("\"none\" (AWS's default)"),
            Problem = "the replication instance reads or writes the database over an unencrypted connection.",
            Fix = "Set `sslMode: \"verify-full\"` (or `\"verify-ca\"`, `\"require\"`) with `certificateArn` for the verifying modes.",

            // Only the database engines take `sslMode`; streams, search, DynamoDB and Neptune have their own transport settings.
            When = new Condition("engineName", Must.BeOneOf(
                "aurora", "aurora-postgresql", "aurora-serverless", "aurora-postgresql-serverless", "azuredb", "azure-sql-managed-instance",
                "babelfish", "db2", "db2-zos", "docdb", "mariadb", "mongodb", "mysql", "oracle", "postgres", "sqlserver", "sybase")),
        },
        new()
        {
            Type = EcsTaskDefinition,
            Within = "volumes[].efsVolumeConfiguration",
            Path = "transitEncryption",
            Expect = Must.BeOneOf("ENABLED"),
            Absent = AbsentReading.Fails("\"DISABLED\" (the ECS default)"),
            Problem = "the task mounts its EFS volume over NFS in plain text.",
            Fix = "Set `transitEncryption: \"ENABLED\"` on every `efsVolumeConfiguration`.",
        },
        new()
        {
            Type = SageMakerDataQualityJobDefinition,
            Path = "networkConfig.enableInterContainerTrafficEncryption",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the service's default)"),
            Problem = "the monitoring job's instances exchange data in plain text.",
            Fix = "Set `networkConfig.enableInterContainerTrafficEncryption: true`.",

            // Inter-container traffic exists only between two or more instances.
            When = new Condition("jobResources.clusterConfig.instanceCount", Must.BeAtLeast(2)),
        },
    ];
}
