using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.PublicAccess;

/// <summary>§7: no S3 static website hosting, whose endpoints are plain-HTTP public links.</summary>
public sealed class S3NoWebsiteHosting : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.S3NoWebsiteHosting,
        Title = "S3 buckets do not host static websites",
        Description = "S3 buckets must not be configured for static website hosting.",
        Message = "The S3 bucket serves a public website endpoint.",
        Control = "§7",
        Severity = Severity.High,
        ResourceTypes =
        [
            "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration",
            "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2",
            "aws:s3/bucket:Bucket",
            "aws:s3/bucketV2:BucketV2",
        ],
        Help = "Remove the `aws.s3.BucketWebsiteConfiguration` resource (or the bucket's `website` / `websites` block) and serve the content through CloudFront with an origin access control and HTTPS viewers.",
        AbsentMeans = "`website` (v7 and v6 legacy Bucket) or `websites` (v6 BucketV2) absent or empty means no website hosting: compliant. A BucketWebsiteConfiguration resource is a violation by existing.",
        Tags = ["s3", "public-access", "website"],
    };

    /// <summary>The fields of a bucket's inline website block; the provider requires an index document or a redirect.</summary>
    private static readonly string[] WebsiteFields = ["indexDocument", "redirectAllRequestsTo", "errorDocument", "routingRules"];

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        if (context.Resource.Type.StartsWith("aws:s3/bucketWebsiteConfiguration", StringComparison.Ordinal))
        {
            var bucket = context.Resource["bucket"]?.Describe() ?? "(no bucket)";
            context.Report($"bucket {bucket} has a website configuration: S3 serves it at a public plain-HTTP website endpoint.");
            return;
        }

        // v7 Bucket (and v6 legacy Bucket) carries one `website` object; v6 BucketV2 a `websites` list.
        foreach (var path in new[] { "website", "websites" })
        {
            context.Guard(() =>
            {
                var single = context.Properties.Known(path)?.Kind == ValueKind.Object;
                var blocks = context.Properties.GetList(path);
                for (var i = 0; i < blocks.Count; i++)
                {
                    var at = single ? path : $"{path}[{i}]";
                    if (blocks[i].IsUnknown)
                    {
                        throw new UnknownValueException(at);
                    }

                    if (ConfiguredField(blocks[i]) is { } field)
                    {
                        context.Report($"{at}.{field} is {blocks[i][field]!.Describe()}: the bucket is hosted as a public plain-HTTP website.");
                    }
                }
            });
        }
    }

    /// <summary>The first field that configures hosting; an empty block (a computed output) configures nothing.</summary>
    private static string? ConfiguredField(PropertyValue block) =>
        WebsiteFields.FirstOrDefault(field => block[field] is { IsNull: false } value && !(value.Kind == ValueKind.String && value.StringValue!.Length == 0));
}
