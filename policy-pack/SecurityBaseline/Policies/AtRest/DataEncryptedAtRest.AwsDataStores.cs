using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.AtRest;

public sealed partial class DataEncryptedAtRest
{
    /// <summary>AWS data stores whose at-rest encryption is one plain property.</summary>
    /// <remarks>
    /// Where the service always encrypts (an AWS-owned or AWS-managed key when no key is named) an absent key passes: §7 asks for
    /// encrypted data, and only secrets need the company's own key (§7's extra layer reachable only by the application's developers).
    /// </remarks>
    private static IEnumerable<Requirement> AwsDataStoreRows =>
    [
        // AWS Backup: every vault is encrypted; without a key AWS Backup uses its managed key.
        new()
        {
            Type = AwsDataStores.BackupVault,
            Path = "kmsKeyArn",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("the AWS Backup managed key `aws/backup` (vaults are always encrypted)"),
            Problem = "the vault names no key to encrypt its backups with.",
            Fix = "Remove `kmsKeyArn` or set it to the ARN of the company's KMS key.",
        },

        // DynamoDB Accelerator: the cache stores table items in plaintext unless server-side encryption is on.
        new()
        {
            Type = AwsDataStores.DaxCluster,
            Path = "serverSideEncryption.enabled",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default)"),
            Problem = "the DAX cluster caches table items unencrypted on its nodes.",
            Fix = "Set `serverSideEncryption.enabled: true`.",
        },

        // DynamoDB replicas: DynamoDB always encrypts; without a key the replica uses the DynamoDB key `alias/aws/dynamodb`.
        new()
        {
            Type = AwsDataStores.DynamoDbTableReplica,
            Path = "kmsKeyArn",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("the DynamoDB key `alias/aws/dynamodb` (DynamoDB always encrypts)"),
            Problem = "the replica names no key to encrypt its items with.",
            Fix = "Remove `kmsKeyArn` or set it to the ARN of the company's KMS key.",
        },

        // DocumentDB and Aurora global clusters: unencrypted by default unless created from an encrypted source cluster, whose own
        // row judges it; an explicit false is refused either way.
        new()
        {
            Type = AwsDataStores.DocDbGlobalCluster,
            Path = "storageEncrypted",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default without a source cluster)"),
            Problem = "the global cluster stores its data unencrypted.",
            Fix = "Set `storageEncrypted: true`.",
            When = Condition.Unset("sourceDbClusterIdentifier"),
        },
        new()
        {
            Type = AwsDataStores.DocDbGlobalCluster,
            Path = "storageEncrypted",
            Expect = Must.Be(true),
            Absent = AbsentReading.Passes("the source cluster's encryption, judged on that cluster"),
            Problem = "the global cluster stores its data unencrypted.",
            Fix = "Set `storageEncrypted: true` or remove it so the global cluster takes the encrypted source cluster's setting.",
            When = new Condition("sourceDbClusterIdentifier", Must.BeSet()),
        },
        new()
        {
            Type = AwsDataStores.RdsGlobalCluster,
            Path = "storageEncrypted",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default without a source cluster)"),
            Problem = "the global cluster stores its data unencrypted.",
            Fix = "Set `storageEncrypted: true`.",
            When = Condition.Unset("sourceDbClusterIdentifier"),
        },
        new()
        {
            Type = AwsDataStores.RdsGlobalCluster,
            Path = "storageEncrypted",
            Expect = Must.Be(true),
            Absent = AbsentReading.Passes("the source cluster's encryption, judged on that cluster"),
            Problem = "the global cluster stores its data unencrypted.",
            Fix = "Set `storageEncrypted: true` or remove it so the global cluster takes the encrypted source cluster's setting.",
            When = new Condition("sourceDbClusterIdentifier", Must.BeSet()),
        },

        // Neptune: storage is unencrypted unless asked for.
        new()
        {
            Type = AwsDataStores.NeptuneCluster,
            Path = "storageEncrypted",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default)"),
            Problem = "the Neptune cluster stores its graph unencrypted.",
            Fix = "Set `storageEncrypted: true` and `kmsKeyArn` to the company's KMS key.",
        },

        // RDS copies and replicas: without a key the copy is only as encrypted as its source, which this resource does not show,
        // and an encrypted source copied across regions needs a key anyway.
        new()
        {
            Type = AwsDataStores.RdsSnapshotCopy,
            Path = "kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("the source snapshot's encryption, none when the source is unencrypted (strict: the source is not visible here)"),
            Problem = "the snapshot copy may be stored unencrypted.",
            Fix = "Set `kmsKeyId` to the company's KMS key in the copy's region.",
        },
        new()
        {
            Type = AwsDataStores.RdsInstanceAutomatedBackupsReplication,
            Path = "kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("the source instance's encryption, none when the source is unencrypted (strict: the source is not visible here)"),
            Problem = "the replicated automated backups may be stored unencrypted.",
            Fix = "Set `kmsKeyId` to the ARN of the company's KMS key in the destination region.",
        },

        // RDS activity streams are always encrypted with the key they name; the key is required.
        new()
        {
            Type = AwsDataStores.RdsClusterActivityStream,
            Path = "kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("no key (the provider requires one)"),
            Problem = "the activity stream names no key to encrypt its database activity records with.",
            Fix = "Set `kmsKeyId` to the company's KMS key.",
        },

        // AMIs: EBS-backed devices built from scratch are unencrypted unless asked for; a device from a snapshot keeps the
        // snapshot's encryption (`encrypted` cannot be set with `snapshotId`).
        new()
        {
            Type = AwsDataStores.Ami,
            Within = "ebsBlockDevices[]",
            Path = "encrypted",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (EBS's default for a device without a snapshot)"),
            Problem = "volumes launched from the image store their data unencrypted.",
            Fix = "Set `ebsBlockDevices[].encrypted: true` on every device without a `snapshotId`.",
            When = Condition.Unset("snapshotId"),
        },
        new()
        {
            Type = AwsDataStores.AmiCopy,
            Path = "encrypted",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default: the copy is encrypted only when the source image is)"),
            Problem = "the copied image's snapshots may be stored unencrypted.",
            Fix = "Set `encrypted: true` and `kmsKeyId` to the company's KMS key.",
        },

        // ECR always encrypts images, with AES256 when nothing is configured.
        new()
        {
            Type = AwsDataStores.EcrRepository,
            Path = "encryptionConfigurations[0].encryptionType",
            Expect = Must.BeOneOf("AES256", "KMS"),
            Absent = AbsentReading.Passes("\"AES256\" (the provider's default)"),
            Problem = "the repository names an encryption type ECR does not offer.",
            Fix = "Set `encryptionConfigurations[0].encryptionType: \"KMS\"` with `kmsKey` the company's KMS key, or `\"AES256\"`.",
        },

        // FSx: every file system is encrypted, with an AWS-managed key when none is named.
        new()
        {
            Type = AwsDataStores.FsxLustreFileSystem,
            Path = "kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("an AWS-managed key (FSx always encrypts)"),
            Problem = "the file system names no key to encrypt its data with.",
            Fix = "Remove `kmsKeyId` or set it to the ARN of the company's KMS key.",
        },
        new()
        {
            Type = AwsDataStores.FsxOntapFileSystem,
            Path = "kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("an AWS-managed key (FSx always encrypts)"),
            Problem = "the file system names no key to encrypt its data with.",
            Fix = "Remove `kmsKeyId` or set it to the ARN of the company's KMS key.",
        },
        new()
        {
            Type = AwsDataStores.FsxOpenZfsFileSystem,
            Path = "kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("an AWS-managed key (FSx always encrypts)"),
            Problem = "the file system names no key to encrypt its data with.",
            Fix = "Remove `kmsKeyId` or set it to the ARN of the company's KMS key.",
        },
        new()
        {
            Type = AwsDataStores.FsxWindowsFileSystem,
            Path = "kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("an AWS-managed key (FSx always encrypts)"),
            Problem = "the file system names no key to encrypt its data with.",
            Fix = "Remove `kmsKeyId` or set it to the ARN of the company's KMS key.",
        },

        // Keyspaces always encrypts, with an AWS-owned key by default.
        new()
        {
            Type = AwsDataStores.KeyspacesTable,
            Path = "encryptionSpecification.type",
            Expect = Must.BeOneOf("AWS_OWNED_KMS_KEY", "CUSTOMER_MANAGED_KMS_KEY"),
            Absent = AbsentReading.Passes("\"AWS_OWNED_KMS_KEY\" (the provider's default)"),
            Problem = "the table names an encryption type Keyspaces does not offer.",
            Fix = "Set `encryptionSpecification.type: \"CUSTOMER_MANAGED_KMS_KEY\"` with `kmsKeyIdentifier` the company's KMS key, or `\"AWS_OWNED_KMS_KEY\"`.",
        },

        // Firehose buffers records unencrypted unless server-side encryption is on; it can be turned on only for streams
        // fed directly: a stream read from Kinesis or MSK relies on its source's encryption.
        new()
        {
            Type = AwsDataStores.FirehoseDeliveryStream,
            Path = "serverSideEncryption.enabled",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default)"),
            Problem = "the delivery stream buffers records unencrypted.",
            Fix = "Set `serverSideEncryption.enabled: true` (with `keyType: \"CUSTOMER_MANAGED_CMK\"` and `keyArn` for the company's key).",
            When = Condition.Unset("kinesisSourceConfiguration") with { And = Condition.Unset("mskSourceConfiguration") },
        },

        // Kinesis Video Streams always encrypts, with `aws/kinesisvideo` when no key is named.
        new()
        {
            Type = AwsDataStores.KinesisVideoStream,
            Path = "kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("the Kinesis Video managed key `aws/kinesisvideo` (the provider's default)"),
            Problem = "the video stream names no key to encrypt its media with.",
            Fix = "Remove `kmsKeyId` or set it to the company's KMS key.",
        },

        // MemoryDB always encrypts clusters and snapshots at rest, with a service-managed key when none is named.
        new()
        {
            Type = AwsDataStores.MemoryDbCluster,
            Path = "kmsKeyArn",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("a MemoryDB-managed key (MemoryDB always encrypts at rest)"),
            Problem = "the cluster names no key to encrypt its data with.",
            Fix = "Remove `kmsKeyArn` or set it to the ARN of the company's KMS key.",
        },
        new()
        {
            Type = AwsDataStores.MemoryDbSnapshot,
            Path = "kmsKeyArn",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("a MemoryDB-managed key (MemoryDB always encrypts at rest)"),
            Problem = "the snapshot names no key to encrypt its data with.",
            Fix = "Remove `kmsKeyArn` or set it to the ARN of the company's KMS key.",
        },

        // Redshift: snapshot copy grants and serverless namespaces fall back to a default key; data stays encrypted.
        new()
        {
            Type = AwsDataStores.RedshiftSnapshotCopyGrant,
            Path = "kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("the account's default Redshift key (the provider's default)"),
            Problem = "the grant names no key to encrypt copied snapshots with.",
            Fix = "Remove `kmsKeyId` or set it to the company's KMS key.",
        },
        new()
        {
            Type = AwsDataStores.RedshiftServerlessNamespace,
            Path = "kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("an AWS-owned key (Redshift Serverless always encrypts)"),
            Problem = "the namespace names no key to encrypt its data with.",
            Fix = "Remove `kmsKeyId` or set it to the ARN of the company's KMS key.",
        },

        // S3 object copies: S3 encrypts every new object, with the bucket's default encryption when the copy names none.
        new()
        {
            Type = AwsDataStores.S3ObjectCopy,
            Path = "serverSideEncryption",
            Expect = Must.BeOneOf("AES256", "aws:kms", "aws:kms:dsse"),
            Absent = AbsentReading.Passes("the destination bucket's default encryption (S3 encrypts every new object, SSE-S3 at least)"),
            Problem = "the copy names a server-side encryption S3 does not offer.",
            Fix = "Set `serverSideEncryption: \"aws:kms\"` with `kmsKeyId` the company's KMS key, or remove it to take the bucket's default encryption.",
        },

        // Secrets Manager: the account-wide `aws/secretsmanager` key is usable by every principal allowed to call Secrets Manager;
        // §7's extra encryption layer reachable only by the application's developers needs a key of the company's own.
        new()
        {
            Type = AwsDataStores.SecretsManagerSecret,
            Path = "kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("the AWS-managed key `aws/secretsmanager`, open to every principal of the account with Secrets Manager access"),
            Problem = "the secret is not under a key whose policy limits it to the application's developers.",
            Fix = "Set `kmsKeyId` to the ARN of the company's customer-managed KMS key for the application's secrets.",
        },
        new()
        {
            Type = AwsDataStores.SecretsManagerSecret,
            Path = "kmsKeyId",
            Expect = Must.NotBeOneOf("alias/aws/secretsmanager", "aws/secretsmanager"),
            Absent = AbsentReading.Passes("the AWS-managed key, refused by the row above"),
            Problem = "the secret is under the AWS-managed key, open to every principal of the account with Secrets Manager access.",
            Fix = "Set `kmsKeyId` to the ARN of the company's customer-managed KMS key for the application's secrets.",
        },

        // Timestream always encrypts, with a Timestream-managed key when none is named.
        new()
        {
            Type = AwsDataStores.TimestreamDatabase,
            Path = "kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("a Timestream-managed key in the account (the provider's default)"),
            Problem = "the database names no key to encrypt its data with.",
            Fix = "Remove `kmsKeyId` or set it to the ARN of the company's KMS key.",
        },

        // WorkSpaces: both volumes are unencrypted unless asked for.
        new()
        {
            Type = AwsDataStores.Workspace,
            Path = "rootVolumeEncryptionEnabled",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (WorkSpaces' default)"),
            Problem = "the WorkSpace's root volume stores its data unencrypted.",
            Fix = "Set `rootVolumeEncryptionEnabled: true` and `volumeEncryptionKey` to the company's KMS key.",
        },
        new()
        {
            Type = AwsDataStores.Workspace,
            Path = "userVolumeEncryptionEnabled",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (WorkSpaces' default)"),
            Problem = "the WorkSpace's user volume stores the user's files unencrypted.",
            Fix = "Set `userVolumeEncryptionEnabled: true` and `volumeEncryptionKey` to the company's KMS key.",
        },

        // CloudTrail Lake and CodeArtifact always encrypt, with a key of the service when none is named.
        new()
        {
            Type = AwsDataStores.CloudTrailEventDataStore,
            Path = "kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("a key CloudTrail owns (event data stores are always encrypted)"),
            Problem = "the event data store names no key to encrypt its events with.",
            Fix = "Remove `kmsKeyId` or set it to the company's KMS key.",
        },
        new()
        {
            Type = AwsDataStores.CodeArtifactDomain,
            Path = "encryptionKey",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("the AWS-managed key `aws/codeartifact` (the provider's default)"),
            Problem = "the domain names no key to encrypt its packages with.",
            Fix = "Remove `encryptionKey` or set it to the ARN of the company's KMS key.",
        },

        // Athena writes results to S3, which encrypts every new object; a configured option must be one Athena offers.
        new()
        {
            Type = AwsDataStores.AthenaDatabase,
            Path = "encryptionConfiguration.encryptionOption",
            Expect = Must.BeOneOf("SSE_S3", "SSE_KMS", "CSE_KMS"),
            Absent = AbsentReading.Passes("the result bucket's default encryption (S3 encrypts every new object, SSE-S3 at least)"),
            Problem = "the database names an encryption option Athena does not offer.",
            Fix = "Set `encryptionConfiguration.encryptionOption: \"SSE_KMS\"` with `kmsKey` the company's KMS key.",
        },
        new()
        {
            Type = AwsDataStores.AthenaWorkgroup,
            Path = "configuration.resultConfiguration.encryptionConfiguration.encryptionOption",
            Expect = Must.BeOneOf("SSE_S3", "SSE_KMS", "CSE_KMS"),
            Absent = AbsentReading.Passes("the result bucket's default encryption (S3 encrypts every new object, SSE-S3 at least)"),
            Problem = "the workgroup names an encryption option Athena does not offer for query results.",
            Fix = "Set `configuration.resultConfiguration.encryptionConfiguration.encryptionOption: \"SSE_KMS\"` with `kmsKeyArn` the company's KMS key.",
        },

        // EBS encryption by default: the account setting that encrypts every new volume and snapshot copy.
        new()
        {
            Type = AwsDataStores.EbsEncryptionByDefault,
            Path = "enabled",
            Expect = Must.Be(true),
            Absent = AbsentReading.Passes("true (the provider's default)"),
            Problem = "new EBS volumes of the region are created unencrypted unless each asks for encryption.",
            Fix = "Set `enabled: true`.",
        },

        // OpenSearch and Elasticsearch domains store indexes unencrypted unless encryption at rest is on.
        new()
        {
            Type = AwsDataStores.OpenSearchDomain,
            Path = "encryptAtRest.enabled",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default without an `encryptAtRest` block)"),
            Problem = "the domain stores its indexes unencrypted.",
            Fix = "Set `encryptAtRest.enabled: true` and `encryptAtRest.kmsKeyId` to the company's KMS key.",
        },
        new()
        {
            Type = AwsDataStores.ElasticsearchDomain,
            Path = "encryptAtRest.enabled",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default without an `encryptAtRest` block)"),
            Problem = "the domain stores its indexes unencrypted.",
            Fix = "Set `encryptAtRest.enabled: true` and `encryptAtRest.kmsKeyId` to the company's KMS key.",
        },

        // MSK, Amazon MQ and DMS always encrypt storage, with a service key when none is named.
        new()
        {
            Type = AwsDataStores.MskCluster,
            Path = "encryptionInfo.encryptionAtRestKmsKeyArn",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("the AWS-managed key `aws/msk` (the provider's default)"),
            Problem = "the cluster names no key to encrypt its broker storage with.",
            Fix = "Remove `encryptionInfo.encryptionAtRestKmsKeyArn` or set it to the ARN of the company's KMS key.",
        },
        new()
        {
            Type = AwsDataStores.MqBroker,
            Path = "encryptionOptions.kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("an AWS-owned key (`useAwsOwnedKey` defaults to true) or `aws/mq` (Amazon MQ always encrypts)"),
            Problem = "the broker names no key to encrypt its messages with.",
            Fix = "Remove `encryptionOptions.kmsKeyId` or set it to the ARN of the company's KMS key with `useAwsOwnedKey: false`.",
        },
        new()
        {
            Type = AwsDataStores.DmsReplicationInstance,
            Path = "kmsKeyArn",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("the account's default DMS key (the provider's default)"),
            Problem = "the replication instance names no key to encrypt its storage with.",
            Fix = "Remove `kmsKeyArn` or set it to the ARN of the company's KMS key.",
        },
    ];

    /// <summary>Type tokens of the AWS data-store rows, apart from the other partial files' names.</summary>
    private static class AwsDataStores
    {
        public const string BackupVault = "aws:backup/vault:Vault";
        public const string DaxCluster = "aws:dax/cluster:Cluster";
        public const string DocDbGlobalCluster = "aws:docdb/globalCluster:GlobalCluster";
        public const string DynamoDbTableReplica = "aws:dynamodb/tableReplica:TableReplica";
        public const string RdsSnapshotCopy = "aws:rds/snapshotCopy:SnapshotCopy";
        public const string Ami = "aws:ec2/ami:Ami";
        public const string AmiCopy = "aws:ec2/amiCopy:AmiCopy";
        public const string EcrRepository = "aws:ecr/repository:Repository";
        public const string FsxLustreFileSystem = "aws:fsx/lustreFileSystem:LustreFileSystem";
        public const string FsxOntapFileSystem = "aws:fsx/ontapFileSystem:OntapFileSystem";
        public const string FsxOpenZfsFileSystem = "aws:fsx/openZfsFileSystem:OpenZfsFileSystem";
        public const string FsxWindowsFileSystem = "aws:fsx/windowsFileSystem:WindowsFileSystem";
        public const string KeyspacesTable = "aws:keyspaces/table:Table";
        public const string FirehoseDeliveryStream = "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream";
        public const string KinesisVideoStream = "aws:kinesis/videoStream:VideoStream";
        public const string MemoryDbCluster = "aws:memorydb/cluster:Cluster";
        public const string MemoryDbSnapshot = "aws:memorydb/snapshot:Snapshot";
        public const string NeptuneCluster = "aws:neptune/cluster:Cluster";
        public const string RdsClusterActivityStream = "aws:rds/clusterActivityStream:ClusterActivityStream";
        public const string RdsGlobalCluster = "aws:rds/globalCluster:GlobalCluster";
        public const string RdsInstanceAutomatedBackupsReplication = "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication";
        public const string RedshiftSnapshotCopyGrant = "aws:redshift/snapshotCopyGrant:SnapshotCopyGrant";
        public const string RedshiftServerlessNamespace = "aws:redshiftserverless/namespace:Namespace";
        public const string S3ObjectCopy = "aws:s3/objectCopy:ObjectCopy";
        public const string SecretsManagerSecret = "aws:secretsmanager/secret:Secret";
        public const string TimestreamDatabase = "aws:timestreamwrite/database:Database";
        public const string Workspace = "aws:workspaces/workspace:Workspace";
        public const string CloudTrailEventDataStore = "aws:cloudtrail/eventDataStore:EventDataStore";
        public const string CodeArtifactDomain = "aws:codeartifact/domain:Domain";
        public const string AthenaDatabase = "aws:athena/database:Database";
        public const string AthenaWorkgroup = "aws:athena/workgroup:Workgroup";
        public const string EbsEncryptionByDefault = "aws:ebs/encryptionByDefault:EncryptionByDefault";
        public const string OpenSearchDomain = "aws:opensearch/domain:Domain";
        public const string ElasticsearchDomain = "aws:elasticsearch/domain:Domain";
        public const string MskCluster = "aws:msk/cluster:Cluster";
        public const string MqBroker = "aws:mq/broker:Broker";
        public const string DmsReplicationInstance = "aws:dms/replicationInstance:ReplicationInstance";
    }
}
