using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.AtRest;

/// <summary>§7: every data service whose at-rest encryption is a plain property stores its data encrypted (one row per type).</summary>
/// <remarks>Rows are grouped by provider family in the partial files beside this one; services with judgement of their own keep their own policy (S3, EBS, RDS, …).</remarks>
public sealed partial class DataEncryptedAtRest : ControlPolicy
{
    private const string KinesisStream = "aws:kinesis/stream:Stream";

    private static IEnumerable<Requirement> CoreRows =>
    [
        new()
        {
            Type = KinesisStream,
            Path = "encryptionType",
            Expect = Must.BeOneOf("KMS"),
            Absent = AbsentReading.Fails("\"NONE\" (the provider's default)"),
            Problem = "the stream stores its records unencrypted.",
            Fix = "Set `encryptionType: \"KMS\"` and `kmsKeyId` to the company's KMS key.",
        },
    ];

    private static readonly Requirement[] Rows = [.. CoreRows, .. AwsDataStoreRows, .. AwsServiceRows, .. AzureRows];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.DataEncryptedAtRest,
        Title = "Data services encrypt stored data",
        Description = "Every data store, stream, cache, file system, backup and analytics service must encrypt what it stores, with the company's keys where the service takes one.",
        Message = "The service stores data unencrypted.",
        Control = "§7",
        Severity = Severity.High,
        ResourceTypes = Requirement.TypesOf(Rows),
        Requirements = Rows,
        Help = "Turn encryption at rest on with the property the table below names for the resource type, and point it at the company's KMS key or Key Vault key where the service accepts one.",
        AbsentMeans = "Per resource type, in the table below: absent takes the provider's default, which passes where the service always encrypts and is a violation where it stores plaintext unless told otherwise.",
        Tags = ["encryption", "at-rest"],
    };

    public override PolicyDescriptor Descriptor => Rule;
}
