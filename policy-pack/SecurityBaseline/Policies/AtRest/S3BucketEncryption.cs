using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.AtRest;

/// <summary>§7: the default encryption an S3 bucket or its encryption configuration resource declares meets the pack's KMS requirements.</summary>
public sealed class S3BucketEncryption : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.S3BucketEncryption,
        Title = "S3 default encryption declared in code meets the KMS requirements",
        Description = "A bucket's inline server-side encryption configuration, and every BucketServerSideEncryptionConfiguration resource, must use a valid algorithm and, when configured, SSE-KMS with the company's own key.",
        Message = "The S3 default encryption declared here does not meet the encryption-at-rest requirements.",
        Control = "§7",
        Severity = Severity.High,
        ResourceTypes =
        [
            BucketEncryption.BucketType,
            BucketEncryption.BucketV2Type,
            BucketEncryption.ConfigurationType,
            BucketEncryption.ConfigurationV2Type,
        ],
        ConfigSchema = BucketEncryptionRequirement.Schema,
        Help = "Set `applyServerSideEncryptionByDefault.sseAlgorithm` to `aws:kms` (or `aws:kms:dsse`) and `kmsMasterKeyId` to the ARN of the company's KMS key: "
            + "on an `aws.s3.BucketServerSideEncryptionConfiguration` under `rules[0]` (preferred), inline on a v7 `aws.s3.Bucket` under `serverSideEncryptionConfiguration.rule`, "
            + "or on a v6 `aws.s3.BucketV2` under `serverSideEncryptionConfigurations[0].rules[0].applyServerSideEncryptionByDefaults[0]`. Never use an `alias/aws/…` key when requireCustomerManagedKey is on.",
        AbsentMeans = "A bucket without an inline configuration is not applicable here: its encryption may come from a separate configuration resource, which the stack policy s3-bucket-encryption-configured joins. "
            + "A rule without `applyServerSideEncryptionByDefault` leaves S3's default SSE-S3 (AES256, applied to every bucket since 2023-01-05), compliant unless requireKms or requireCustomerManagedKey is on. "
            + "`kmsMasterKeyId` absent under aws:kms means the AWS-managed key alias/aws/s3.",
        Tags = ["s3", "encryption", "kms"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var requirement = BucketEncryptionRequirement.From(context.Parameters);
        var isConfiguration = BucketEncryption.ConfigurationTypes.Contains(context.Resource.Type, StringComparer.Ordinal);
        var rules = isConfiguration ? BucketEncryption.Declared(context.Properties) : BucketEncryption.Inline(context.Properties);
        if (rules is null)
        {
            context.NotApplicable(
                $"no inline serverSideEncryptionConfiguration; the stack policy {PolicyIds.S3BucketEncryptionConfigured} checks the bucket's BucketServerSideEncryptionConfiguration resource or S3's default encryption");
            return;
        }

        foreach (var rule in rules)
        {
            if (requirement.Problem(rule) is { } problem)
            {
                context.Report(problem);
            }
        }
    }
}
