using System.Globalization;
using System.Text.RegularExpressions;
using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Transit;

/// <summary>§3: CloudFront viewers connect over HTTPS only, with TLS 1.2+ on a custom certificate.</summary>
public sealed partial class CloudFrontViewerHttps : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.CloudFrontViewerHttps,
        Title = "CloudFront viewers use HTTPS with TLS 1.2",
        Description = "CloudFront cache behaviors must be https-only or redirect-to-https, and the viewer certificate must be a custom certificate with a TLS 1.2+ security policy.",
        Message = "The CloudFront distribution serves viewers over plain HTTP or TLS older than 1.2.",
        Control = "§3",
        Severity = Severity.High,
        ResourceTypes = ["aws:cloudfront/distribution:Distribution"],
        ConfigSchema = """
            {
              "allowDefaultCertificate": {
                "type": "boolean",
                "description": "Accept the *.cloudfront.net default certificate (viewerCertificate.cloudfrontDefaultCertificate), which always allows TLS 1.0.",
                "default": false
              }
            }
            """,
        Help = "Set `viewerProtocolPolicy: \"redirect-to-https\"` (or `\"https-only\"`) on `defaultCacheBehavior` and every `orderedCacheBehaviors[]` entry; use `viewerCertificate: { acmCertificateArn: …, sslSupportMethod: \"sni-only\", minimumProtocolVersion: \"TLSv1.2_2021\" }`.",
        AbsentMeans = "`viewerProtocolPolicy` is required; an absent one is reported. `viewerCertificate.minimumProtocolVersion` absent means TLSv1 (the provider's default) — a violation with a custom certificate. Without `acmCertificateArn` or `iamCertificateId` the distribution uses the default certificate, which allows TLSv1 — a violation unless `allowDefaultCertificate` is true.",
        Tags = ["cloudfront", "cdn", "tls", "encryption-in-transit"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var properties = context.Properties;
        context.Guard(() => CheckViewerProtocol(context, "defaultCacheBehavior"));
        context.Each(properties.ItemPaths("orderedCacheBehaviors"), behavior => CheckViewerProtocol(context, behavior));
        context.Guard(() => CheckCertificate(context));
    }

    private static void CheckViewerProtocol(ResourceContext context, string behavior)
    {
        var properties = context.Properties;
        var path = $"{behavior}.viewerProtocolPolicy";
        var policy = properties.GetString(path);
        if (policy is "https-only" or "redirect-to-https")
        {
            return;
        }

        var pattern = properties.Find($"{behavior}.pathPattern") is null ? string.Empty : $" (pathPattern {properties.Show($"{behavior}.pathPattern")})";
        context.Report($"{path} is {properties.Show(path)}{pattern}: viewers may use plain HTTP. Set \"redirect-to-https\" or \"https-only\".");
    }

    private static void CheckCertificate(ResourceContext context)
    {
        var properties = context.Properties;
        // The provider reads an empty certificate id as unset and falls back to the default certificate.
        var custom = !string.IsNullOrEmpty(properties.GetString("viewerCertificate.acmCertificateArn")) ||
                     !string.IsNullOrEmpty(properties.GetString("viewerCertificate.iamCertificateId"));
        if (!custom)
        {
            if (!context.Parameters.GetBool("allowDefaultCertificate", false))
            {
                context.Report($"viewerCertificate uses the CloudFront default certificate (cloudfrontDefaultCertificate {properties.Show("viewerCertificate.cloudfrontDefaultCertificate")}), which accepts TLSv1: use an ACM certificate with minimumProtocolVersion \"TLSv1.2_2021\".");
            }

            return;
        }

        var version = properties.GetString("viewerCertificate.minimumProtocolVersion");
        if (version is null)
        {
            context.Report("viewerCertificate.minimumProtocolVersion is absent, so CloudFront accepts TLSv1: set \"TLSv1.2_2021\".");
        }
        else if (!IsModern(version))
        {
            context.Report($"viewerCertificate.minimumProtocolVersion is {properties.Show("viewerCertificate.minimumProtocolVersion")}: use TLSv1.2_2018 or newer (TLSv1.2_2021 recommended).");
        }
    }

    /// <summary>CloudFront security policies are `TLSv1.2_YYYY` or `TLSv1.3_YYYY`; TLSv1.2_2018 is the oldest that refuses TLS 1.0/1.1.</summary>
    private static bool IsModern(string version)
    {
        var match = SecurityPolicyName().Match(version);
        if (!match.Success)
        {
            return false;
        }

        var minor = int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        return minor >= 3 || (minor == 2 && year >= 2018);
    }

    [GeneratedRegex(@"^TLSv1\.(?<minor>\d)_(?<year>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex SecurityPolicyName();
}
