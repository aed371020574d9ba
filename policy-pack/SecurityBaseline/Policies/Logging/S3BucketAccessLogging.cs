using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Logging;

/// <summary>§9: every S3 bucket writes server access logs, inline or through a BucketLogging resource.</summary>
public sealed class S3BucketAccessLogging : StackPolicy
{
    private static readonly string[] LoggingTypes = ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.S3BucketAccessLogging,
        Title = "S3 buckets write server access logs",
        Description = "Every S3 bucket must log its requests: an aws.s3.BucketLogging names it, or it carries inline `logging` (v7 Bucket) / `loggings` (v6 BucketV2).",
        Message = "The bucket keeps no server access log.",
        Control = "§9",
        Severity = Severity.Medium,
        ResourceTypes = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
        Help = "Add an `aws.s3.BucketLogging` with `bucket: <bucket>.id`, `targetBucket: <log bucket>.id` and a `targetPrefix`.",
        AbsentMeans = "A bucket without inline logging and without a BucketLogging resource logs nothing (the S3 default): a violation. "
            + "A bucket of the stack that receives other buckets' access logs (the `targetBucket` of a BucketLogging or of inline logging) is the end of the chain and passes: "
            + "logging it into itself would loop, and into yet another bucket would only move the question.",
        Tags = ["s3", "logging"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(StackContext context)
    {
        var logging = Attachments.Collect(context, LoggingTypes, "bucket");
        var logTargets = LogTargets(context);
        foreach (var bucket in context.Stack.OfType(Rule.ResourceTypes))
        {
            if (logging.Cover(bucket) || logging.Unresolved || logTargets.Contains(bucket.Urn))
            {
                continue;
            }

            context.Guard(() =>
            {
                if (!HasInlineLogging(bucket.Root))
                {
                    context.Report(bucket, "No aws:s3/bucketLogging:BucketLogging names this bucket in `bucket` and it has no inline logging: requests to it leave no record. Fix: add an aws.s3.BucketLogging with a targetBucket.");
                }
            });
        }
    }

    /// <summary>The buckets of the stack that receive access logs, from BucketLogging resources and inline logging blocks.</summary>
    private static HashSet<string> LogTargets(StackContext context)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var logging in context.Stack.OfType(LoggingTypes))
        {
            targets.UnionWith(context.Stack.Referenced(logging, "targetBucket").Select(r => r.Urn));
        }

        foreach (var bucket in context.Stack.OfType(Rule.ResourceTypes))
        {
            var named = new[] { bucket.Root.Find("logging.targetBucket") }
                .Concat(bucket.Root.Find("loggings") is { Kind: ValueKind.Array } list ? list.Items.Select(i => i["targetBucket"]) : []);
            foreach (var target in named)
            {
                if (target is { Kind: ValueKind.String, StringValue: { Length: > 0 } name })
                {
                    targets.UnionWith(context.Stack.Designated(name).Where(r => r.Urn != bucket.Urn).Select(r => r.Urn));
                }
            }
        }

        return targets;
    }

    /// <summary>True when the v7 `logging.targetBucket` or a v6 `loggings[].targetBucket` is set; throws when unknown.</summary>
    private static bool HasInlineLogging(PropertyValue root) =>
        !string.IsNullOrEmpty(root.GetString("logging.targetBucket"))
        || root.ItemPaths("loggings").Any(path => !string.IsNullOrEmpty(root.GetString($"{path}.targetBucket")));
}
