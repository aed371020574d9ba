using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.AtRest;

/// <summary>§7 policies: data encrypted at rest.</summary>
internal static class AtRestPolicies
{
    public static IReadOnlyList<Policy> All { get; } =
    [
        new S3BucketEncryption(),
        new S3BucketEncryptionConfigured(),
        new EbsVolumeEncrypted(),
        new EbsVolumeDefaultEncryption(),
        new InstanceBlockDevicesEncrypted(),
        new RdsStorageEncrypted(),
        new EfsEncrypted(),
        new DynamoDbTableEncrypted(),
        new SqsQueueEncrypted(),
        new SnsTopicEncrypted(),
        new LogGroupEncrypted(),
        new AzureDiskEncrypted(),
        new DataEncryptedAtRest(),
    ];
}
