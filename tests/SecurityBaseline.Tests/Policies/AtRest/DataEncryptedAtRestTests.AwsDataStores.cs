using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Tests.Policies;

public partial class DataEncryptedAtRestTests
{
    private const string StoreUnknown = PulumiSignatures.UnknownString;
    private const string StoreKeyArn = "arn:aws:kms:eu-west-1:123456789012:key/1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b";

    public static RowCases AwsDataStoreCases { get; } = new RowCases()
        // AWS Backup
        .Pass("aws:backup/vault:Vault", """{"name":"daily"}""")
        .Pass("aws:backup/vault:Vault", $$"""{"name":"daily","kmsKeyArn":"{{StoreKeyArn}}"}""")
        .Fail("aws:backup/vault:Vault", "kmsKeyArn is \"\"", """{"name":"daily","kmsKeyArn":""}""")

        // DAX
        .Pass("aws:dax/cluster:Cluster", """{"clusterName":"orders","iamRoleArn":"arn:aws:iam::123456789012:role/dax","nodeType":"dax.r5.large","replicationFactor":3,"serverSideEncryption":{"enabled":true}}""")
        .Fail("aws:dax/cluster:Cluster", "serverSideEncryption.enabled is absent", """{"clusterName":"orders","iamRoleArn":"arn:aws:iam::123456789012:role/dax","nodeType":"dax.r5.large","replicationFactor":3}""")
        .Fail("aws:dax/cluster:Cluster", "serverSideEncryption.enabled is false", """{"clusterName":"orders","iamRoleArn":"arn:aws:iam::123456789012:role/dax","nodeType":"dax.r5.large","replicationFactor":3,"serverSideEncryption":{"enabled":false}}""")
        .NotApplicable("aws:dax/cluster:Cluster", "serverSideEncryption.enabled", $$$"""{"clusterName":"orders","iamRoleArn":"arn:aws:iam::123456789012:role/dax","nodeType":"dax.r5.large","replicationFactor":3,"serverSideEncryption":{"enabled":"{{{StoreUnknown}}}"}}""")

        // DynamoDB replica
        .Pass("aws:dynamodb/tableReplica:TableReplica", """{"globalTableArn":"arn:aws:dynamodb:eu-west-1:123456789012:table/orders"}""")
        .Fail("aws:dynamodb/tableReplica:TableReplica", "kmsKeyArn is \"\"", """{"globalTableArn":"arn:aws:dynamodb:eu-west-1:123456789012:table/orders","kmsKeyArn":""}""")

        // Global clusters: their own setting without a source, the source's setting with one
        .Pass("aws:docdb/globalCluster:GlobalCluster", """{"globalClusterIdentifier":"orders","engine":"docdb","storageEncrypted":true}""")
        .Pass("aws:docdb/globalCluster:GlobalCluster", """{"globalClusterIdentifier":"orders","sourceDbClusterIdentifier":"arn:aws:rds:eu-west-1:123456789012:cluster:orders"}""")
        .Fail("aws:docdb/globalCluster:GlobalCluster", "storageEncrypted is absent", """{"globalClusterIdentifier":"orders","engine":"docdb"}""")
        .Fail("aws:docdb/globalCluster:GlobalCluster", "storageEncrypted is false", """{"globalClusterIdentifier":"orders","sourceDbClusterIdentifier":"arn:aws:rds:eu-west-1:123456789012:cluster:orders","storageEncrypted":false}""")
        .NotApplicable("aws:docdb/globalCluster:GlobalCluster", "sourceDbClusterIdentifier", $$"""{"globalClusterIdentifier":"orders","sourceDbClusterIdentifier":"{{StoreUnknown}}"}""")
        .Pass("aws:rds/globalCluster:GlobalCluster", """{"globalClusterIdentifier":"orders","engine":"aurora-postgresql","storageEncrypted":true}""")
        .Pass("aws:rds/globalCluster:GlobalCluster", """{"globalClusterIdentifier":"orders","sourceDbClusterIdentifier":"arn:aws:rds:eu-west-1:123456789012:cluster:orders","forceDestroy":true}""")
        .Fail("aws:rds/globalCluster:GlobalCluster", "storageEncrypted is absent", """{"globalClusterIdentifier":"orders","engine":"aurora-postgresql"}""")
        .Fail("aws:rds/globalCluster:GlobalCluster", "storageEncrypted is false", """{"globalClusterIdentifier":"orders","engine":"aurora-postgresql","storageEncrypted":false}""")

        // Neptune
        .Pass("aws:neptune/cluster:Cluster", $$"""{"clusterIdentifier":"graph","engine":"neptune","storageEncrypted":true,"kmsKeyArn":"{{StoreKeyArn}}"}""")
        .Fail("aws:neptune/cluster:Cluster", "storageEncrypted is absent", """{"clusterIdentifier":"graph","engine":"neptune"}""")
        .Fail("aws:neptune/cluster:Cluster", "storageEncrypted is false", """{"clusterIdentifier":"graph","engine":"neptune","storageEncrypted":false}""")

        // RDS copies, replicas and activity streams
        .Pass("aws:rds/snapshotCopy:SnapshotCopy", $$"""{"sourceDbSnapshotIdentifier":"orders-2024-05-01","targetDbSnapshotIdentifier":"orders-2024-05-01-copy","kmsKeyId":"{{StoreKeyArn}}"}""")
        .Fail("aws:rds/snapshotCopy:SnapshotCopy", "kmsKeyId is absent", """{"sourceDbSnapshotIdentifier":"orders-2024-05-01","targetDbSnapshotIdentifier":"orders-2024-05-01-copy"}""")
        .NotApplicable("aws:rds/snapshotCopy:SnapshotCopy", "kmsKeyId", $$"""{"sourceDbSnapshotIdentifier":"orders-2024-05-01","targetDbSnapshotIdentifier":"orders-2024-05-01-copy","kmsKeyId":"{{StoreUnknown}}"}""")
        .Pass("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", $$"""{"sourceDbInstanceArn":"arn:aws:rds:eu-west-1:123456789012:db:orders","kmsKeyId":"{{StoreKeyArn}}","retentionPeriod":14}""")
        .Fail("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", "kmsKeyId is absent", """{"sourceDbInstanceArn":"arn:aws:rds:eu-west-1:123456789012:db:orders","retentionPeriod":14}""")
        .Pass("aws:rds/clusterActivityStream:ClusterActivityStream", $$"""{"resourceArn":"arn:aws:rds:eu-west-1:123456789012:cluster:orders","mode":"async","kmsKeyId":"{{StoreKeyArn}}"}""")
        .Fail("aws:rds/clusterActivityStream:ClusterActivityStream", "kmsKeyId is absent", """{"resourceArn":"arn:aws:rds:eu-west-1:123456789012:cluster:orders","mode":"async"}""")

        // AMIs: devices without a snapshot must ask for encryption; a snapshot's device keeps the snapshot's
        .Pass("aws:ec2/ami:Ami", """{"name":"base","virtualizationType":"hvm","rootDeviceName":"/dev/xvda","ebsBlockDevices":[{"deviceName":"/dev/xvda","snapshotId":"snap-0a1b2c3d4e5f60718"},{"deviceName":"/dev/xvdb","volumeSize":20,"encrypted":true}]}""")
        .Fail("aws:ec2/ami:Ami", "ebsBlockDevices[1].encrypted is absent", """{"name":"base","virtualizationType":"hvm","rootDeviceName":"/dev/xvda","ebsBlockDevices":[{"deviceName":"/dev/xvda","snapshotId":"snap-0a1b2c3d4e5f60718"},{"deviceName":"/dev/xvdb","volumeSize":20}]}""")
        .Fail("aws:ec2/ami:Ami", "ebsBlockDevices[0].encrypted is false", """{"name":"base","virtualizationType":"hvm","rootDeviceName":"/dev/xvda","ebsBlockDevices":[{"deviceName":"/dev/xvda","volumeSize":8,"encrypted":false}]}""")
        .NotApplicable("aws:ec2/ami:Ami", "snapshotId", """{"name":"base","virtualizationType":"hvm","rootDeviceName":"/dev/xvda","ebsBlockDevices":[{"deviceName":"/dev/xvda","snapshotId":"snap-0a1b2c3d4e5f60718"}]}""")
        .Pass("aws:ec2/amiCopy:AmiCopy", $$"""{"name":"base-copy","sourceAmiId":"ami-0a1b2c3d4e5f60718","sourceAmiRegion":"eu-west-1","encrypted":true,"kmsKeyId":"{{StoreKeyArn}}"}""")
        .Fail("aws:ec2/amiCopy:AmiCopy", "encrypted is absent", """{"name":"base-copy","sourceAmiId":"ami-0a1b2c3d4e5f60718","sourceAmiRegion":"eu-west-1"}""")

        // ECR
        .Pass("aws:ecr/repository:Repository", """{"name":"api"}""")
        .Pass("aws:ecr/repository:Repository", $$"""{"name":"api","encryptionConfigurations":[{"encryptionType":"KMS","kmsKey":"{{StoreKeyArn}}"}]}""")
        .Fail("aws:ecr/repository:Repository", "encryptionConfigurations[0].encryptionType is \"NONE\"", """{"name":"api","encryptionConfigurations":[{"encryptionType":"NONE"}]}""")

        // FSx
        .Pass("aws:fsx/lustreFileSystem:LustreFileSystem", """{"subnetIds":"subnet-0a1b2c3d","storageCapacity":1200,"deploymentType":"PERSISTENT_2","perUnitStorageThroughput":125}""")
        .Fail("aws:fsx/lustreFileSystem:LustreFileSystem", "kmsKeyId is \"\"", """{"subnetIds":"subnet-0a1b2c3d","storageCapacity":1200,"deploymentType":"PERSISTENT_2","perUnitStorageThroughput":125,"kmsKeyId":""}""")
        .Pass("aws:fsx/ontapFileSystem:OntapFileSystem", $$"""{"deploymentType":"MULTI_AZ_1","preferredSubnetId":"subnet-0a1b2c3d","subnetIds":["subnet-0a1b2c3d","subnet-4e5f6a7b"],"storageCapacity":1024,"throughputCapacity":512,"kmsKeyId":"{{StoreKeyArn}}"}""")
        .Fail("aws:fsx/ontapFileSystem:OntapFileSystem", "kmsKeyId is \"\"", """{"deploymentType":"MULTI_AZ_1","preferredSubnetId":"subnet-0a1b2c3d","subnetIds":["subnet-0a1b2c3d","subnet-4e5f6a7b"],"storageCapacity":1024,"throughputCapacity":512,"kmsKeyId":""}""")
        .Pass("aws:fsx/openZfsFileSystem:OpenZfsFileSystem", """{"deploymentType":"SINGLE_AZ_1","subnetIds":["subnet-0a1b2c3d"],"storageCapacity":64,"throughputCapacity":64}""")
        .Fail("aws:fsx/openZfsFileSystem:OpenZfsFileSystem", "kmsKeyId is \"\"", """{"deploymentType":"SINGLE_AZ_1","subnetIds":["subnet-0a1b2c3d"],"storageCapacity":64,"throughputCapacity":64,"kmsKeyId":""}""")
        .Pass("aws:fsx/windowsFileSystem:WindowsFileSystem", """{"subnetIds":["subnet-0a1b2c3d"],"storageCapacity":300,"throughputCapacity":32,"activeDirectoryId":"d-1234567890"}""")
        .Fail("aws:fsx/windowsFileSystem:WindowsFileSystem", "kmsKeyId is \"\"", """{"subnetIds":["subnet-0a1b2c3d"],"storageCapacity":300,"throughputCapacity":32,"activeDirectoryId":"d-1234567890","kmsKeyId":""}""")

        // Keyspaces
        .Pass("aws:keyspaces/table:Table", """{"keyspaceName":"shop","tableName":"orders","schemaDefinition":{"columns":[{"name":"id","type":"text"}],"partitionKeys":[{"name":"id"}]}}""")
        .Pass("aws:keyspaces/table:Table", $$$"""{"keyspaceName":"shop","tableName":"orders","schemaDefinition":{"columns":[{"name":"id","type":"text"}],"partitionKeys":[{"name":"id"}]},"encryptionSpecification":{"type":"CUSTOMER_MANAGED_KMS_KEY","kmsKeyIdentifier":"{{{StoreKeyArn}}}"}}""")
        .Fail("aws:keyspaces/table:Table", "encryptionSpecification.type is \"NONE\"", """{"keyspaceName":"shop","tableName":"orders","schemaDefinition":{"columns":[{"name":"id","type":"text"}],"partitionKeys":[{"name":"id"}]},"encryptionSpecification":{"type":"NONE"}}""")

        // Firehose: server-side encryption for streams fed directly; a Kinesis-fed stream relies on the source stream
        .Pass("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", """{"name":"events","destination":"extended_s3","extendedS3Configuration":{"roleArn":"arn:aws:iam::123456789012:role/firehose","bucketArn":"arn:aws:s3:::events"},"serverSideEncryption":{"enabled":true,"keyType":"AWS_OWNED_CMK"}}""")
        .Fail("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "serverSideEncryption.enabled is absent", """{"name":"events","destination":"extended_s3","extendedS3Configuration":{"roleArn":"arn:aws:iam::123456789012:role/firehose","bucketArn":"arn:aws:s3:::events"}}""")
        .Fail("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "serverSideEncryption.enabled is false", """{"name":"events","destination":"extended_s3","extendedS3Configuration":{"roleArn":"arn:aws:iam::123456789012:role/firehose","bucketArn":"arn:aws:s3:::events"},"serverSideEncryption":{"enabled":false}}""")
        .NotApplicable("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "mskSourceConfiguration", """{"name":"events","destination":"extended_s3","extendedS3Configuration":{"roleArn":"arn:aws:iam::123456789012:role/firehose","bucketArn":"arn:aws:s3:::events"},"mskSourceConfiguration":{"mskClusterArn":"arn:aws:kafka:eu-west-1:123456789012:cluster/events/1a2b3c4d","topicName":"events","authenticationConfiguration":{"connectivity":"PRIVATE","roleArn":"arn:aws:iam::123456789012:role/firehose"}}}""")
        .NotApplicable("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "kinesisSourceConfiguration", """{"name":"events","destination":"extended_s3","extendedS3Configuration":{"roleArn":"arn:aws:iam::123456789012:role/firehose","bucketArn":"arn:aws:s3:::events"},"kinesisSourceConfiguration":{"kinesisStreamArn":"arn:aws:kinesis:eu-west-1:123456789012:stream/events","roleArn":"arn:aws:iam::123456789012:role/firehose"}}""")

        // Kinesis Video Streams
        .Pass("aws:kinesis/videoStream:VideoStream", """{"name":"cameras","dataRetentionInHours":24}""")
        .Fail("aws:kinesis/videoStream:VideoStream", "kmsKeyId is \"\"", """{"name":"cameras","dataRetentionInHours":24,"kmsKeyId":""}""")

        // MemoryDB
        .Pass("aws:memorydb/cluster:Cluster", """{"name":"sessions","aclName":"sessions-acl","nodeType":"db.t4g.small","tlsEnabled":true}""")
        .Fail("aws:memorydb/cluster:Cluster", "kmsKeyArn is \"\"", """{"name":"sessions","aclName":"sessions-acl","nodeType":"db.t4g.small","kmsKeyArn":""}""")
        .Pass("aws:memorydb/snapshot:Snapshot", $$"""{"clusterName":"sessions","name":"sessions-nightly","kmsKeyArn":"{{StoreKeyArn}}"}""")
        .Fail("aws:memorydb/snapshot:Snapshot", "kmsKeyArn is \"\"", """{"clusterName":"sessions","name":"sessions-nightly","kmsKeyArn":""}""")

        // Redshift
        .Pass("aws:redshift/snapshotCopyGrant:SnapshotCopyGrant", """{"snapshotCopyGrantName":"dr-grant"}""")
        .Fail("aws:redshift/snapshotCopyGrant:SnapshotCopyGrant", "kmsKeyId is \"\"", """{"snapshotCopyGrantName":"dr-grant","kmsKeyId":""}""")
        .Pass("aws:redshiftserverless/namespace:Namespace", $$"""{"namespaceName":"analytics","kmsKeyId":"{{StoreKeyArn}}"}""")
        .Fail("aws:redshiftserverless/namespace:Namespace", "kmsKeyId is \"\"", """{"namespaceName":"analytics","kmsKeyId":""}""")

        // S3 object copies
        .Pass("aws:s3/objectCopy:ObjectCopy", """{"bucket":"reports","key":"2024/05/summary.csv","source":"staging/2024/05/summary.csv"}""")
        .Pass("aws:s3/objectCopy:ObjectCopy", $$"""{"bucket":"reports","key":"2024/05/summary.csv","source":"staging/2024/05/summary.csv","serverSideEncryption":"aws:kms","kmsKeyId":"{{StoreKeyArn}}"}""")
        .Fail("aws:s3/objectCopy:ObjectCopy", "serverSideEncryption is \"NONE\"", """{"bucket":"reports","key":"2024/05/summary.csv","source":"staging/2024/05/summary.csv","serverSideEncryption":"NONE"}""")

        // Secrets Manager: the company's own key
        .Pass("aws:secretsmanager/secret:Secret", $$"""{"name":"payments/api-key","kmsKeyId":"{{StoreKeyArn}}"}""")
        .Fail("aws:secretsmanager/secret:Secret", "kmsKeyId is absent", """{"name":"payments/api-key"}""")
        .Fail("aws:secretsmanager/secret:Secret", "kmsKeyId is \"alias/aws/secretsmanager\"", """{"name":"payments/api-key","kmsKeyId":"alias/aws/secretsmanager"}""")
        .NotApplicable("aws:secretsmanager/secret:Secret", "kmsKeyId", $$"""{"name":"payments/api-key","kmsKeyId":"{{StoreUnknown}}"}""")

        // Timestream
        .Pass("aws:timestreamwrite/database:Database", """{"databaseName":"metrics"}""")
        .Fail("aws:timestreamwrite/database:Database", "kmsKeyId is \"\"", """{"databaseName":"metrics","kmsKeyId":""}""")

        // WorkSpaces
        .Pass("aws:workspaces/workspace:Workspace", $$"""{"directoryId":"d-1234567890","bundleId":"wsb-bh8rsxt14","userName":"jdoe","rootVolumeEncryptionEnabled":true,"userVolumeEncryptionEnabled":true,"volumeEncryptionKey":"{{StoreKeyArn}}"}""")
        .Fail("aws:workspaces/workspace:Workspace", "userVolumeEncryptionEnabled is absent", """{"directoryId":"d-1234567890","bundleId":"wsb-bh8rsxt14","userName":"jdoe","rootVolumeEncryptionEnabled":true}""")
        .Fail("aws:workspaces/workspace:Workspace", "rootVolumeEncryptionEnabled is false", """{"directoryId":"d-1234567890","bundleId":"wsb-bh8rsxt14","userName":"jdoe","rootVolumeEncryptionEnabled":false,"userVolumeEncryptionEnabled":true}""")

        // CloudTrail Lake, CodeArtifact
        .Pass("aws:cloudtrail/eventDataStore:EventDataStore", """{"name":"audit","retentionPeriod":365}""")
        .Fail("aws:cloudtrail/eventDataStore:EventDataStore", "kmsKeyId is \"\"", """{"name":"audit","retentionPeriod":365,"kmsKeyId":""}""")
        .Pass("aws:codeartifact/domain:Domain", $$"""{"domain":"packages","encryptionKey":"{{StoreKeyArn}}"}""")
        .Fail("aws:codeartifact/domain:Domain", "encryptionKey is \"\"", """{"domain":"packages","encryptionKey":""}""")

        // Athena
        .Pass("aws:athena/database:Database", """{"name":"reports","bucket":"athena-results"}""")
        .Pass("aws:athena/database:Database", $$$"""{"name":"reports","bucket":"athena-results","encryptionConfiguration":{"encryptionOption":"SSE_KMS","kmsKey":"{{{StoreKeyArn}}}"}}""")
        .Fail("aws:athena/database:Database", "encryptionConfiguration.encryptionOption is \"NONE\"", """{"name":"reports","bucket":"athena-results","encryptionConfiguration":{"encryptionOption":"NONE"}}""")
        .Pass("aws:athena/workgroup:Workgroup", $$$"""{"configuration":{"resultConfiguration":{"encryptionConfiguration":{"encryptionOption":"SSE_KMS","kmsKeyArn":"{{{StoreKeyArn}}}"},"outputLocation":"s3://athena-results/"}},"name":"analysts"}""")
        .Fail("aws:athena/workgroup:Workgroup", "configuration.resultConfiguration.encryptionConfiguration.encryptionOption is \"NONE\"", """{"name":"analysts","configuration":{"resultConfiguration":{"outputLocation":"s3://athena-results/","encryptionConfiguration":{"encryptionOption":"NONE"}}}}""")
        .NotApplicable("aws:athena/workgroup:Workgroup", "encryptionOption", $$$"""{"configuration":{"resultConfiguration":{"encryptionConfiguration":{"encryptionOption":"{{{StoreUnknown}}}"},"outputLocation":"s3://athena-results/"}},"name":"analysts"}""")

        // EBS encryption by default
        .Pass("aws:ebs/encryptionByDefault:EncryptionByDefault", "{}")
        .Pass("aws:ebs/encryptionByDefault:EncryptionByDefault", """{"enabled":true}""")
        .Fail("aws:ebs/encryptionByDefault:EncryptionByDefault", "enabled is false", """{"enabled":false}""")

        // OpenSearch and Elasticsearch
        .Pass("aws:opensearch/domain:Domain", """{"domainName":"search","engineVersion":"OpenSearch_2.13","encryptAtRest":{"enabled":true}}""")
        .Fail("aws:opensearch/domain:Domain", "encryptAtRest.enabled is absent", """{"domainName":"search","engineVersion":"OpenSearch_2.13"}""")
        .Fail("aws:opensearch/domain:Domain", "encryptAtRest.enabled is false", """{"domainName":"search","engineVersion":"OpenSearch_2.13","encryptAtRest":{"enabled":false}}""")
        .Pass("aws:elasticsearch/domain:Domain", $$$"""{"domainName":"logs","elasticsearchVersion":"7.10","encryptAtRest":{"enabled":true,"kmsKeyId":"{{{StoreKeyArn}}}"}}""")
        .Fail("aws:elasticsearch/domain:Domain", "encryptAtRest.enabled is absent", """{"domainName":"logs","elasticsearchVersion":"7.10"}""")

        // MSK, Amazon MQ, DMS
        .Pass("aws:msk/cluster:Cluster", """{"clusterName":"events","kafkaVersion":"3.6.0","numberOfBrokerNodes":3,"brokerNodeGroupInfo":{"instanceType":"kafka.m5.large","clientSubnets":["subnet-0a1b2c3d","subnet-4e5f6a7b","subnet-8c9d0e1f"],"securityGroups":["sg-0a1b2c3d"]}}""")
        .Fail("aws:msk/cluster:Cluster", "encryptionInfo.encryptionAtRestKmsKeyArn is \"\"", """{"clusterName":"events","kafkaVersion":"3.6.0","numberOfBrokerNodes":3,"brokerNodeGroupInfo":{"instanceType":"kafka.m5.large","clientSubnets":["subnet-0a1b2c3d","subnet-4e5f6a7b","subnet-8c9d0e1f"],"securityGroups":["sg-0a1b2c3d"]},"encryptionInfo":{"encryptionAtRestKmsKeyArn":""}}""")
        .Pass("aws:mq/broker:Broker", $$$"""{"brokerName":"orders","engineType":"ActiveMQ","engineVersion":"5.18","hostInstanceType":"mq.m5.large","encryptionOptions":{"useAwsOwnedKey":false,"kmsKeyId":"{{{StoreKeyArn}}}"}}""")
        .Pass("aws:mq/broker:Broker", """{"brokerName":"orders","engineType":"ActiveMQ","engineVersion":"5.18","hostInstanceType":"mq.m5.large"}""")
        .Fail("aws:mq/broker:Broker", "encryptionOptions.kmsKeyId is \"\"", """{"brokerName":"orders","engineType":"ActiveMQ","engineVersion":"5.18","hostInstanceType":"mq.m5.large","encryptionOptions":{"useAwsOwnedKey":false,"kmsKeyId":""}}""")
        .Pass("aws:dms/replicationInstance:ReplicationInstance", """{"replicationInstanceId":"migration","replicationInstanceClass":"dms.t3.medium","allocatedStorage":50}""")
        .Fail("aws:dms/replicationInstance:ReplicationInstance", "kmsKeyArn is \"\"", """{"replicationInstanceId":"migration","replicationInstanceClass":"dms.t3.medium","allocatedStorage":50,"kmsKeyArn":""}""");

    [Theory]
    [MemberData(nameof(AwsDataStoreCases))]
    public void AwsDataStoreRow_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);
}
