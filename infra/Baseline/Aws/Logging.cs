using Baseline.Settings;
using Pulumi;
using CloudTrail = Pulumi.Aws.CloudTrail;
using CloudWatch = Pulumi.Aws.CloudWatch;
using Iam = Pulumi.Aws.Iam;

namespace Baseline.Aws;

/// <summary>The audit trail: CloudTrail in every region with log-file validation, encrypted with the stack's key, into the log bucket and a retained log group (§9).</summary>
public sealed class Logging : ComponentResource
{
    public Logging(string name, StackSettings settings, Output<string> accountId, Output<string> keyArn, Storage storage, ComponentResourceOptions? options = null)
        : base("baseline:aws:Logging", name, options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(storage);
        var (logGroup, role) = LogDelivery.Create(this, $"{name}-trail", settings, accountId, keyArn, "cloudtrail.amazonaws.com");

        var trail = new CloudTrail.Trail($"{name}-trail", new CloudTrail.TrailArgs
        {
            Name = settings.TrailName,
            S3BucketName = storage.LogBucketName,
            S3KeyPrefix = LogPrefixes.CloudTrail,
            IsMultiRegionTrail = true,
            IncludeGlobalServiceEvents = true,
            EnableLogFileValidation = true,
            EnableLogging = true,
            KmsKeyId = keyArn,
            CloudWatchLogsGroupArn = logGroup.Arn.Apply(arn => $"{arn}:*"),
            CloudWatchLogsRoleArn = role.Arn,
            Tags = settings.Tags(),
        }, new CustomResourceOptions { Parent = this, DependsOn = { storage.LogBucketPolicy } });

        TrailArn = trail.Arn;
        RegisterOutputs();
    }

    public Output<string> TrailArn { get; }
}

/// <summary>A KMS-encrypted, retained CloudWatch log group and a role that only one service of this account may assume to write into it.</summary>
internal static class LogDelivery
{
    public static (CloudWatch.LogGroup Group, Iam.Role Role) Create(Resource parent, string name, StackSettings settings, Output<string> accountId, Output<string> keyArn, string servicePrincipal)
    {
        var child = new CustomResourceOptions { Parent = parent };
        var group = new CloudWatch.LogGroup($"{name}-logs", new CloudWatch.LogGroupArgs
        {
            RetentionInDays = settings.LogRetentionDays,
            KmsKeyId = keyArn,
            Tags = settings.Tags(),
        }, child);

        var role = new Iam.Role($"{name}-delivery", new Iam.RoleArgs
        {
            Description = $"{servicePrincipal} writes {name} logs",
            AssumeRolePolicy = accountId.Apply(id => PolicyDocuments.AssumeRoleBy(servicePrincipal, id)),
            Tags = settings.Tags(),
        }, child);

        _ = new Iam.RolePolicy($"{name}-delivery", new Iam.RolePolicyArgs
        {
            Role = role.Id,
            Policy = group.Arn.Apply(arn => PolicyDocuments.WriteToLogGroup(arn)),
        }, child);

        return (group, role);
    }
}
