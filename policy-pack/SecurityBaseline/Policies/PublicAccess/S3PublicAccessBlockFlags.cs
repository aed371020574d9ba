using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.PublicAccess;

/// <summary>§7: every S3 public access block, bucket- or account-level, turns all four switches on.</summary>
public sealed class S3PublicAccessBlockFlags : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.S3PublicAccessBlockFlags,
        Title = "S3 public access blocks turn every switch on",
        Description = "S3 bucket and account public access blocks must set blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets to true.",
        Message = "The S3 public access block leaves a public path open.",
        Control = "§7",
        Severity = Severity.Critical,
        ResourceTypes = [PublicAccessBlockSettings.BucketBlockType, PublicAccessBlockSettings.AccountBlockType],
        Help = "Set `blockPublicAcls: true`, `blockPublicPolicy: true`, `ignorePublicAcls: true` and `restrictPublicBuckets: true` on the public access block.",
        AbsentMeans = "Each of the four flags absent means false (the AWS provider's default), which leaves that public path open: a violation.",
        Tags = ["s3", "public-access"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context) =>
        context.Each(PublicAccessBlockSettings.Flags, flag =>
        {
            if (PublicAccessBlockSettings.Problem(context.Properties, flag) is { } problem)
            {
                context.Report($"{problem}: the block must set all four public-access flags to true.");
            }
        });

    public override IReadOnlyDictionary<string, PropertyValue>? Remediate(ResourceContext context)
    {
        // Read without throwing: an unknown flag is overwritten with true just like an absent one.
        if (PublicAccessBlockSettings.Flags.All(flag => context.Resource[flag] is { Kind: ValueKind.Bool, BoolValue: true }))
        {
            return null;
        }

        return context.PropertiesWith(PublicAccessBlockSettings.Flags.Select(flag => (flag, PropertyValue.True)));
    }
}
