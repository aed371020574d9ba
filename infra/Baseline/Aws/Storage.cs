using Baseline.Settings;
using Pulumi;
using S3 = Pulumi.Aws.S3;

namespace Baseline.Aws;

/// <summary>The data bucket (SSE-KMS under the stack's key) and the log bucket (SSE-S3, which load balancer access logs require); both private, versioned and TLS-only.</summary>
public sealed class Storage : ComponentResource
{
    public Storage(string name, StackSettings settings, Output<string> accountId, Output<string> keyArn, ComponentResourceOptions? options = null)
        : base("baseline:aws:Storage", name, options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var child = new CustomResourceOptions { Parent = this };

        var logBucket = new S3.Bucket($"{name}-logs", new S3.BucketArgs { Tags = settings.Tags($"{settings.NamePrefix}-logs") }, child);
        var logPolicy = Output.Tuple(logBucket.Arn, accountId)
            .Apply(t => PolicyDocuments.LogBucketPolicy(t.Item1, t.Item2, settings.AwsRegion, settings.AwsPartition, settings.TrailName));
        LogBucketPolicy = Harden($"{name}-logs", logBucket, "AES256", null, logPolicy);

        var dataBucket = new S3.Bucket($"{name}-data", new S3.BucketArgs { Tags = settings.Tags($"{settings.NamePrefix}-data") }, child);
        _ = Harden($"{name}-data", dataBucket, "aws:kms", keyArn, dataBucket.Arn.Apply(arn => PolicyDocuments.DataBucketPolicy(arn)));
        _ = new S3.BucketLogging($"{name}-data-access-logs", new S3.BucketLoggingArgs
        {
            Bucket = dataBucket.Id,
            TargetBucket = logBucket.Id,
            TargetPrefix = $"{LogPrefixes.BucketAccess}/data/",
        }, child);

        LogBucketName = logBucket.Id;
        LogBucketArn = logBucket.Arn;
        DataBucketName = dataBucket.Id;
        RegisterOutputs();
    }

    /// <summary>The bucket's id is its name.</summary>
    public Output<string> LogBucketName { get; }
    public Output<string> LogBucketArn { get; }
    public Output<string> DataBucketName { get; }

    /// <summary>CloudTrail checks the log bucket's policy when the trail is created, so the trail waits for it.</summary>
    public Resource LogBucketPolicy { get; }

    /// <summary>Blocks public access, enforces bucket-owner object ownership, turns on versioning and default encryption, and attaches the policy.</summary>
    private S3.BucketPolicy Harden(string name, S3.Bucket bucket, string sseAlgorithm, Output<string>? kmsKeyArn, Output<string> policy)
    {
        var child = new CustomResourceOptions { Parent = this };
        var publicAccess = new S3.BucketPublicAccessBlock($"{name}-public-access", new S3.BucketPublicAccessBlockArgs
        {
            Bucket = bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, child);

        _ = new S3.BucketOwnershipControls($"{name}-ownership", new S3.BucketOwnershipControlsArgs
        {
            Bucket = bucket.Id,
            Rule = new S3.Inputs.BucketOwnershipControlsRuleArgs { ObjectOwnership = "BucketOwnerEnforced" },
        }, child);

        _ = new S3.BucketVersioning($"{name}-versioning", new S3.BucketVersioningArgs
        {
            Bucket = bucket.Id,
            VersioningConfiguration = new S3.Inputs.BucketVersioningVersioningConfigurationArgs { Status = "Enabled" },
        }, child);

        var byDefault = new S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs { SseAlgorithm = sseAlgorithm };
        if (kmsKeyArn is not null)
        {
            byDefault.KmsMasterKeyId = kmsKeyArn;
        }

        _ = new S3.BucketServerSideEncryptionConfiguration($"{name}-encryption", new S3.BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules =
            {
                new S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                {
                    ApplyServerSideEncryptionByDefault = byDefault,
                    // S3 Bucket Keys cut KMS calls; they only apply to SSE-KMS.
                    BucketKeyEnabled = kmsKeyArn is not null,
                },
            },
        }, child);

        return new S3.BucketPolicy($"{name}-policy", new S3.BucketPolicyArgs
        {
            Bucket = bucket.Id,
            Policy = policy,
        }, new CustomResourceOptions { Parent = this, DependsOn = { publicAccess } });
    }
}
