using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Logging;

/// <summary>§9: CloudFront distributions write standard access logs.</summary>
public sealed class CloudFrontAccessLogs : ControlPolicy
{
    private static readonly Requirement[] Rows =
    [
        new()
        {
            Type = "aws:cloudfront/distribution:Distribution",
            Path = "loggingConfig.bucket",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("no standard logging (the provider's default)"),
            Problem = "requests reaching the distribution leave no record to investigate.",
            Fix = "Set `loggingConfig: { bucket: \"<log bucket>.s3.amazonaws.com\", includeCookies: false }`.",
        },
    ];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.CloudFrontAccessLogs,
        Title = "CloudFront distributions write access logs",
        Description = "Every CloudFront distribution must deliver standard access logs to an S3 bucket (loggingConfig.bucket).",
        Message = "The distribution keeps no access log.",
        Control = "§9",
        Severity = Severity.Medium,
        ResourceTypes = Requirement.TypesOf(Rows),
        Requirements = Rows,
        Help = "Set `loggingConfig.bucket` to the log bucket's regional domain name (`<bucket>.s3.amazonaws.com`); the bucket needs ACLs enabled for the awslogsdelivery account.",
        AbsentMeans = "`loggingConfig` absent means no standard logging (the provider's default): a violation.",
        Tags = ["cloudfront", "logging"],
    };

    public override PolicyDescriptor Descriptor => Rule;
}
