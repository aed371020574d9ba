using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Transit;

namespace SecurityBaseline.Tests.Policies.Transit;

public class CloudFrontOriginHttpsTests
{
    private const string Distribution = "aws:cloudfront/distribution:Distribution";
    private readonly CloudFrontOriginHttps policy = new();

    private static string WithOrigin(string customOriginConfig, string viewerPolicy = "redirect-to-https") => $$$"""
        {"enabled":true,"defaultCacheBehavior":{"targetOriginId":"app","viewerProtocolPolicy":"{{{viewerPolicy}}}","allowedMethods":["GET","HEAD"],"cachedMethods":["GET","HEAD"]},
         "origins":[{"originId":"assets","domainName":"acme-assets.s3.ap-northeast-1.amazonaws.com","originAccessControlId":"E2QWRUHAPOMQZL"},
                    {"originId":"app","domainName":"baseline-1234567890.ap-northeast-1.elb.amazonaws.com","customOriginConfig":{{{customOriginConfig}}}}],
         "restrictions":{"geoRestriction":{"restrictionType":"none"}},"viewerCertificate":{"acmCertificateArn":"arn:aws:acm:us-east-1:123456789012:certificate/0a1b","sslSupportMethod":"sni-only","minimumProtocolVersion":"TLSv1.2_2021"}}
        """;

    [Fact]
    public void AwsDistribution_WhenTheOriginIsHttpsOnlyWithTls12_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, Distribution, WithOrigin("""{"httpPort":80,"httpsPort":443,"originProtocolPolicy":"https-only","originSslProtocols":["TLSv1.2"]}"""));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsDistribution_WhenTheOriginIsHttpOnly_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Distribution, WithOrigin("""{"httpPort":80,"httpsPort":443,"originProtocolPolicy":"http-only","originSslProtocols":["TLSv1.2"]}"""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("origins[1].customOriginConfig.originProtocolPolicy is \"http-only\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsDistribution_WhenTheOriginAllowsOldTls_ShouldFailNamingTheProtocols()
    {
        var result = Fixtures.Evaluate(policy, Distribution, WithOrigin("""{"httpPort":80,"httpsPort":443,"originProtocolPolicy":"https-only","originSslProtocols":["TLSv1","TLSv1.1","TLSv1.2"]}"""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("allows TLSv1, TLSv1.1", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsDistribution_WhenMatchViewerMeetsHttpViewers_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Distribution, WithOrigin("""{"httpPort":80,"httpsPort":443,"originProtocolPolicy":"match-viewer","originSslProtocols":["TLSv1.2"]}""", "allow-all"));
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void AwsDistribution_WhenMatchViewerAndViewersAreHttpsOnly_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, Distribution, WithOrigin("""{"httpPort":80,"httpsPort":443,"originProtocolPolicy":"match-viewer","originSslProtocols":["TLSv1.2"]}""", "https-only"));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsDistribution_WhenTheOriginPolicyIsUnknown_ShouldBeNotApplicable()
    {
        var result = Fixtures.Evaluate(policy, Distribution, WithOrigin("""{"httpPort":80,"httpsPort":443,"originProtocolPolicy":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","originSslProtocols":["TLSv1.2"]}"""));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("originProtocolPolicy", result.Reason, StringComparison.Ordinal);
    }
}
