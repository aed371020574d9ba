using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Transit;

/// <summary>§3: CloudFront reaches custom origins over HTTPS with TLS 1.2, so the internal leg is encrypted too.</summary>
public sealed class CloudFrontOriginHttps : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.CloudFrontOriginHttps,
        Title = "CloudFront reaches its origins over HTTPS with TLS 1.2",
        Description = "Every custom origin of a CloudFront distribution must be reached over HTTPS (`https-only`, or `match-viewer` when viewers are HTTPS-only) and must not allow SSLv3, TLSv1 or TLSv1.1.",
        Message = "CloudFront talks to an origin in plain HTTP or with TLS older than 1.2.",
        Control = "§3",
        Severity = Severity.High,
        ResourceTypes = ["aws:cloudfront/distribution:Distribution"],
        Help = "In every `origins[].customOriginConfig` set `originProtocolPolicy: \"https-only\"` and `originSslProtocols: [\"TLSv1.2\"]`. S3 and VPC origins need no setting: CloudFront always reaches S3 over HTTPS.",
        AbsentMeans = "An origin without `customOriginConfig` (S3 with an origin access control, or a VPC origin) is reached over HTTPS by CloudFront: compliant. `originProtocolPolicy` and `originSslProtocols` are required by the provider inside `customOriginConfig`; absent is read as the worst case (`http-only`, any protocol).",
        Tags = ["cloudfront", "cdn", "tls", "encryption-in-transit"],
    };

    private static readonly string[] OldProtocols = ["SSLv3", "TLSv1", "TLSv1.1"];

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var properties = context.Properties;
        context.Each(properties.ItemPaths("origins"), origin =>
        {
            var config = $"{origin}.customOriginConfig";
            if (properties.Known(config) is null)
            {
                return;
            }

            var policy = properties.GetString($"{config}.originProtocolPolicy");
            if (policy is null || string.Equals(policy, "http-only", StringComparison.OrdinalIgnoreCase))
            {
                context.Report($"{config}.originProtocolPolicy is {properties.Show($"{config}.originProtocolPolicy")}: CloudFront forwards to the origin in plain HTTP. Use \"https-only\".");
            }
            else if (string.Equals(policy, "match-viewer", StringComparison.OrdinalIgnoreCase) && !ViewersUseHttpsOnly(properties))
            {
                context.Report($"{config}.originProtocolPolicy is \"match-viewer\" while some cache behavior admits HTTP viewers: those requests reach the origin in plain HTTP. Use \"https-only\".");
            }

            var old = properties.GetStrings($"{config}.originSslProtocols").Where(p => OldProtocols.Contains(p, StringComparer.OrdinalIgnoreCase)).ToArray();
            if (old.Length > 0)
            {
                context.Report($"{config}.originSslProtocols allows {string.Join(", ", old)}: keep only \"TLSv1.2\".");
            }
        });
    }

    /// <summary>True when no cache behavior lets a viewer in over HTTP, so `match-viewer` always means HTTPS.</summary>
    private static bool ViewersUseHttpsOnly(PropertyValue properties) =>
        properties.ItemPaths("orderedCacheBehaviors").Select(b => $"{b}.viewerProtocolPolicy").Append("defaultCacheBehavior.viewerProtocolPolicy")
            .All(path => properties.GetString(path) is { } viewer && !string.Equals(viewer, "allow-all", StringComparison.OrdinalIgnoreCase));
}
