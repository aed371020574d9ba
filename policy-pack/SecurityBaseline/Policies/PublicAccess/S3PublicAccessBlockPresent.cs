using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.PublicAccess;

/// <summary>§7: every S3 bucket sits behind a public access block with all four switches on (its own or the account's).</summary>
public sealed class S3PublicAccessBlockPresent : StackPolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.S3PublicAccessBlockPresent,
        Title = "Every S3 bucket has a public access block",
        Description = "Every S3 bucket must have a BucketPublicAccessBlock with all four flags true, unless the stack holds an AccountPublicAccessBlock with all four flags true.",
        Message = "The S3 bucket has no public access block that closes every public path.",
        Control = "§7",
        Severity = Severity.Critical,
        ResourceTypes = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
        Help = "Add an `aws.s3.BucketPublicAccessBlock` with `bucket: <bucket>.id` and `blockPublicAcls`, `blockPublicPolicy`, `ignorePublicAcls`, `restrictPublicBuckets` all `true` (or an `aws.s3.AccountPublicAccessBlock` with the four flags `true`).",
        AbsentMeans = "A bucket without a public access block has none (S3 applies only what the account-level block says); a block's flags absent mean false. Either way the bucket is not protected: a violation.",
        Tags = ["s3", "public-access"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(StackContext context)
    {
        // An account block whose flags are unknown could still cover every bucket, so nothing is decided until it is known.
        var accountBlocks = context.Stack.OfType(PublicAccessBlockSettings.AccountBlockType).Select(block => IsFullyOn(context, block)).ToArray();
        if (accountBlocks.Any(on => on != false))
        {
            return;
        }

        var protectedBuckets = new HashSet<string>(StringComparer.Ordinal);
        var undecided = new HashSet<string>(StringComparer.Ordinal);
        var weakBlocks = new Dictionary<string, CompanionList>(StringComparer.Ordinal);

        // A block whose bucket is not known yet (a new bucket in a preview) may protect any bucket: an unblocked-looking bucket is then undecided.
        var unresolved = false;
        foreach (var block in context.Stack.OfType(PublicAccessBlockSettings.BucketBlockType))
        {
            var buckets = context.Stack.Referenced(block, "bucket");
            if (buckets.Count == 0 && block["bucket"] is { IsUnknown: true })
            {
                unresolved = true;
                context.Guard(() => throw new UnknownValueException($"{NameOf(block)}.bucket"));
            }

            IReadOnlyList<string>? off = null;
            context.Guard(() => off = PublicAccessBlockSettings.FlagsNotOn(block.Root));
            foreach (var bucket in buckets)
            {
                if (off is null)
                {
                    undecided.Add(bucket.Urn);
                }
                else if (off.Count == 0)
                {
                    protectedBuckets.Add(bucket.Urn);
                }
                else
                {
                    if (!weakBlocks.TryGetValue(bucket.Urn, out var problems))
                    {
                        weakBlocks[bucket.Urn] = problems = new CompanionList();
                    }

                    problems.Add($"its public access block {NameOf(block)} has {string.Join(", ", off)}");
                }
            }
        }

        foreach (var bucket in context.Stack.OfType(Rule.ResourceTypes))
        {
            if (protectedBuckets.Contains(bucket.Urn) || undecided.Contains(bucket.Urn) || (unresolved && !weakBlocks.ContainsKey(bucket.Urn)))
            {
                continue;
            }

            context.Report(bucket, weakBlocks.TryGetValue(bucket.Urn, out var problems)
                ? $"The bucket is not fully blocked from public access: {problems.Join("; ")}."
                : "No aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock names this bucket in `bucket`, and no account-level public access block has all four flags true.");
        }
    }

    /// <summary>True when all four flags are on, false when one is off, null when one is unknown.</summary>
    private static bool? IsFullyOn(StackContext context, PulumiResource block)
    {
        bool? on = null;
        context.Guard(() => on = PublicAccessBlockSettings.FlagsNotOn(block.Root).Count == 0);
        return on;
    }

    private static string NameOf(PulumiResource resource) =>
        string.IsNullOrEmpty(resource.Name) ? PulumiResource.NameFromUrn(resource.Urn) : resource.Name;
}
