namespace SecurityBaseline.Policies;

/// <summary>Every policy id of the pack, in one place: ids are stable, never reused, kebab-case.</summary>
public static class PolicyIds
{
    // ---------------------------------------------------------------------------------------------
    // §1 Network protection — inbound rules (Policies/Network)
    // ---------------------------------------------------------------------------------------------

    // (end of Network ids)

    // ---------------------------------------------------------------------------------------------
    // §1 Network protection — public IPs, public databases, PaaS firewalls (Policies/PublicEndpoints)
    // ---------------------------------------------------------------------------------------------

    // (end of PublicEndpoints ids)

    // ---------------------------------------------------------------------------------------------
    // §3 Encryption in transit (Policies/Transit)
    // ---------------------------------------------------------------------------------------------

    // (end of Transit ids)

    // ---------------------------------------------------------------------------------------------
    // §7 Encryption at rest (Policies/AtRest)
    // ---------------------------------------------------------------------------------------------

    public const string S3BucketEncryption = "s3-bucket-encryption";
    public const string S3BucketEncryptionConfigured = "s3-bucket-encryption-configured";
    public const string EbsVolumeEncrypted = "ebs-volume-encrypted";
    public const string InstanceBlockDevicesEncrypted = "instance-block-devices-encrypted";
    public const string RdsStorageEncrypted = "rds-storage-encrypted";
    public const string EfsEncrypted = "efs-encrypted";
    public const string DynamoDbTableEncrypted = "dynamodb-table-encrypted";
    public const string SqsQueueEncrypted = "sqs-queue-encrypted";
    public const string SnsTopicEncrypted = "sns-topic-encrypted";
    public const string LogGroupEncrypted = "log-group-encrypted";
    public const string AzureDiskEncrypted = "azure-disk-encrypted";

    // (end of AtRest ids)

    // ---------------------------------------------------------------------------------------------
    // §7 Key custody and secrets (Policies/Keys)
    // ---------------------------------------------------------------------------------------------
    public const string KmsKeyRotation = "kms-key-rotation-enabled";

    // (end of Keys ids)

    // ---------------------------------------------------------------------------------------------
    // §7 No public links (Policies/PublicAccess)
    // ---------------------------------------------------------------------------------------------

    // (end of PublicAccess ids)
}
