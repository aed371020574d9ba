using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.AtRest;

/// <summary>What the S3 encryption policies require of a bucket's default encryption, from their two parameters.</summary>
internal sealed record BucketEncryptionRequirement(bool RequireKms, bool RequireCustomerManagedKey)
{
    public const string Schema = """
        {
          "requireKms": {
            "type": "boolean",
            "description": "Require SSE-KMS: sseAlgorithm must be aws:kms or aws:kms:dsse (SSE-S3 AES256 is refused).",
            "default": false
          },
          "requireCustomerManagedKey": {
            "type": "boolean",
            "description": "Require the company's own KMS key: SSE-KMS with kmsMasterKeyId set and not an AWS-managed alias such as alias/aws/s3. Implies requireKms.",
            "default": false
          }
        }
        """;

    public static BucketEncryptionRequirement From(PolicyParameters parameters) =>
        new(parameters.GetBool("requireKms", fallback: false), parameters.GetBool("requireCustomerManagedKey", fallback: false));

    /// <summary>A customer-managed key exists only under SSE-KMS, so either parameter asks for KMS.</summary>
    public bool NeedsKms => RequireKms || RequireCustomerManagedKey;

    private string KmsParameter => RequireKms ? "requireKms" : "requireCustomerManagedKey";

    /// <summary>What is wrong with <paramref name="rule"/>, or null when it meets the requirement.</summary>
    public string? Problem(BucketEncryptionRule rule)
    {
        if (rule.Algorithm is null)
        {
            return NeedsKms
                ? $"{rule.Path} sets no sseAlgorithm, so S3 applies its default SSE-S3 (AES256); {KmsParameter} needs aws:kms or aws:kms:dsse."
                : null;
        }

        var algorithm = rule.Algorithm.StringValue!;
        if (!BucketEncryption.Algorithms.Contains(algorithm, StringComparer.Ordinal))
        {
            return $"{rule.Path}.sseAlgorithm is {rule.Algorithm.Describe()}, not one of {string.Join(", ", BucketEncryption.Algorithms)}.";
        }

        if (NeedsKms && algorithm == "AES256")
        {
            return $"{rule.Path}.sseAlgorithm is \"AES256\" (SSE-S3, a key S3 manages); {KmsParameter} needs aws:kms or aws:kms:dsse.";
        }

        if (!RequireCustomerManagedKey)
        {
            return null;
        }

        if (rule.KmsKeyId is null)
        {
            return $"{rule.Path}.kmsMasterKeyId is absent, so S3 uses the AWS-managed key alias/aws/s3; requireCustomerManagedKey needs the company's own KMS key.";
        }

        return AwsManagedKey.Is(rule.KmsKeyId.StringValue!)
            ? $"{rule.Path}.kmsMasterKeyId is {rule.KmsKeyId.Describe()}, an AWS-managed key; requireCustomerManagedKey needs the company's own KMS key."
            : null;
    }

    /// <summary>What is wrong when nothing declares default encryption, so S3 applies SSE-S3 itself; null when that suffices.</summary>
    public string? ProblemWithS3Default() =>
        NeedsKms
            ? $"no server-side encryption configuration (inline or a BucketServerSideEncryptionConfiguration resource), so S3 applies only its default SSE-S3 (AES256); {KmsParameter} needs aws:kms or aws:kms:dsse."
            : null;
}
