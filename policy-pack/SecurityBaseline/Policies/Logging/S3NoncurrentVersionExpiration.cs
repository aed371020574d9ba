using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Logging;

/// <summary>§5: a versioned or Object Lock bucket expires noncurrent versions, so a deleted object is eventually gone for good.</summary>
public sealed class S3NoncurrentVersionExpiration : StackPolicy
{
    private static readonly string[] VersioningTypes = ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"];
    private static readonly string[] ObjectLockTypes = ["aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration", "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2"];
    private static readonly string[] LifecycleTypes = ["aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2"];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.S3NoncurrentVersionExpiration,
        Title = "Versioned buckets expire noncurrent versions",
        Description = "An S3 bucket with versioning or Object Lock must carry an enabled lifecycle rule with a noncurrent-version expiration, so that a permanent-deletion request (§5) is completed once the versions age out.",
        Message = "Deleted objects live on as noncurrent versions with no end.",
        Control = "§5",
        Severity = Severity.Low,

        // Keeping versions longer is sometimes a legal hold; deletion requests are a process, so the rule advises.
        DefaultEnforcement = EnforcementLevel.Advisory,
        ResourceTypes = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
        Help = "Add an `aws.s3.BucketLifecycleConfiguration` with a rule `{ id, status: \"Enabled\", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 30 } }` (inline: `lifecycleRules[].noncurrentVersionExpiration` on a v7 Bucket, `noncurrentVersionExpirations` on a v6 BucketV2).",
        AbsentMeans = "A bucket is versioned when a BucketVersioning says `status: \"Enabled\"` or inline `versioning.enabled` / `versionings[].enabled` is true, and locked when it has `objectLockEnabled` or an Object Lock configuration; absent means neither, which passes. "
            + "Without a rule that expires noncurrent versions S3 keeps them forever (the default).",
        Tags = ["s3", "lifecycle", "deletion"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(StackContext context)
    {
        var versioning = Attachments.Collect(context, VersioningTypes, "bucket",
            side => string.Equals(side.Root.GetString("versioningConfiguration.status"), "Enabled", StringComparison.OrdinalIgnoreCase));
        var locks = Attachments.Collect(context, ObjectLockTypes, "bucket");
        var lifecycles = Attachments.Collect(context, LifecycleTypes, "bucket", side => ExpiresNoncurrent(side.Root, "rules", "noncurrentVersionExpiration", "status"));
        if (lifecycles.Unresolved)
        {
            return;
        }

        foreach (var bucket in context.Stack.OfType(Rule.ResourceTypes))
        {
            context.Guard(() =>
            {
                var root = bucket.Root;
                var kept = versioning.Cover(bucket) || locks.Cover(bucket) || IsVersionedInline(root);
                if (!kept || lifecycles.Cover(bucket)
                    || ExpiresNoncurrent(root, "lifecycleRules", "noncurrentVersionExpiration", "enabled")
                    || ExpiresNoncurrent(root, "lifecycleRules", "noncurrentVersionExpirations", "enabled"))
                {
                    return;
                }

                context.Report(bucket, "The bucket keeps object versions (versioning or Object Lock) but no enabled lifecycle rule expires noncurrent versions: a deleted object is never gone. Fix: add a lifecycle rule with noncurrentVersionExpiration.");
            });
        }
    }

    /// <summary>True when inline versioning is on or Object Lock is set (v7 `versioning`, v6 `versionings[]`, `objectLockEnabled`, `objectLockConfiguration`).</summary>
    private static bool IsVersionedInline(PropertyValue root) =>
        root.GetBool("versioning.enabled") == true
        || root.ItemPaths("versionings").Any(path => root.GetBool($"{path}.enabled") == true)
        || root.GetBool("objectLockEnabled") == true
        || string.Equals(root.GetString("objectLockConfiguration.objectLockEnabled"), "Enabled", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when a rule under <paramref name="list"/> is on (its <paramref name="switchPath"/> true or "Enabled") and sets <paramref name="expiration"/>.</summary>
    private static bool ExpiresNoncurrent(PropertyValue root, string list, string expiration, string switchPath) =>
        root.ItemPaths(list).Any(rule =>
        {
            var on = root.GetString($"{rule}.{switchPath}");
            return (string.Equals(on, "Enabled", StringComparison.OrdinalIgnoreCase) || string.Equals(on, "true", StringComparison.OrdinalIgnoreCase))
                && root.Known($"{rule}.{expiration}") is { } value
                && (value.Kind != ValueKind.Array || value.Items.Count > 0);
        });
}
