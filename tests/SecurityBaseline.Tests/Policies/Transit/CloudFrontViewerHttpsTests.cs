using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Transit;

namespace SecurityBaseline.Tests.Policies.Transit;

public class CloudFrontViewerHttpsTests
{
    private const string Distribution = "aws:cloudfront/distribution:Distribution";
    private const string AcmCertificate = """{"acmCertificateArn":"arn:aws:acm:us-east-1:123456789012:certificate/9a8b7c6d","sslSupportMethod":"sni-only","minimumProtocolVersion":"TLSv1.2_2021"}""";
    private readonly CloudFrontViewerHttps policy = new();

    private static string Inputs(string defaultPolicy = "redirect-to-https", string apiPolicy = "https-only", string certificate = AcmCertificate) =>
        $$"""
        {"enabled":true,"aliases":["cdn.example.com"],"defaultRootObject":"index.html",
         "origins":[{"originId":"site","domainName":"site-bucket.s3.eu-central-1.amazonaws.com","originAccessControlId":"E2QWRUHAPOMQZL"}],
         "defaultCacheBehavior":{"targetOriginId":"site","viewerProtocolPolicy":"{{defaultPolicy}}","allowedMethods":["GET","HEAD"],"cachedMethods":["GET","HEAD"],"cachePolicyId":"658327ea-f89d-4fab-a63d-7e88639e58f6"},
         "orderedCacheBehaviors":[
           {"pathPattern":"/static/*","targetOriginId":"site","viewerProtocolPolicy":"redirect-to-https","allowedMethods":["GET","HEAD"],"cachedMethods":["GET","HEAD"]},
           {"pathPattern":"/api/*","targetOriginId":"site","viewerProtocolPolicy":"{{apiPolicy}}","allowedMethods":["GET","HEAD","OPTIONS"],"cachedMethods":["GET","HEAD"]}],
         "restrictions":{"geoRestriction":{"restrictionType":"none"} },
         "viewerCertificate":{{certificate}} }
        """;

    [Fact]
    public void AwsDistribution_WhenHttpsOnlyWithTls12Certificate_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, Distribution, Inputs());
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsDistribution_WhenDefaultBehaviorAllowsHttp_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Distribution, Inputs(defaultPolicy: "allow-all"));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("defaultCacheBehavior.viewerProtocolPolicy is \"allow-all\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsDistribution_WhenOrderedBehaviorAllowsHttp_ShouldFailNamingIndexAndPath()
    {
        var result = Fixtures.Evaluate(policy, Distribution, Inputs(apiPolicy: "allow-all"));
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("orderedCacheBehaviors[1].viewerProtocolPolicy is \"allow-all\"", message, StringComparison.Ordinal);
        Assert.Contains("\"/api/*\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsDistribution_WhenDefaultCertificateUsed_ShouldFailUnlessAllowed()
    {
        var inputs = Inputs(certificate: """{"cloudfrontDefaultCertificate":true}""");

        var strict = Fixtures.Evaluate(policy, Distribution, inputs);
        var allowed = Fixtures.Evaluate(policy, Distribution, inputs, """{"cloudfront-viewer-https":{"allowDefaultCertificate":true}}""");

        Assert.Equal(Outcome.Fail, strict.Outcome);
        Assert.Contains("default certificate", Assert.Single(strict.Messages), StringComparison.Ordinal);
        Assert.Equal(Outcome.Pass, allowed.Outcome);
    }

    [Fact]
    public void AwsDistribution_WhenCertificateArnEmptyWithDefaultCertificate_ShouldFail()
    {
        // The provider reads an empty acmCertificateArn as unset; with the default certificate CloudFront ignores minimumProtocolVersion and accepts TLSv1.
        var inputs = Inputs(certificate: """{"cloudfrontDefaultCertificate":true,"acmCertificateArn":"","iamCertificateId":"","minimumProtocolVersion":"TLSv1.2_2021"}""");
        var result = Fixtures.Evaluate(policy, Distribution, inputs);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("default certificate", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"acmCertificateArn":"arn:aws:acm:us-east-1:123456789012:certificate/9a8b7c6d","sslSupportMethod":"sni-only","minimumProtocolVersion":"TLSv1"}""", "\"TLSv1\"")]
    [InlineData("""{"acmCertificateArn":"arn:aws:acm:us-east-1:123456789012:certificate/9a8b7c6d","sslSupportMethod":"sni-only","minimumProtocolVersion":"TLSv1.1_2016"}""", "\"TLSv1.1_2016\"")]
    [InlineData("""{"iamCertificateId":"ASCAJEXAMPLE","sslSupportMethod":"sni-only","minimumProtocolVersion":"TLSv1.2_2017"}""", "\"TLSv1.2_2017\"")]
    [InlineData("""{"acmCertificateArn":"arn:aws:acm:us-east-1:123456789012:certificate/9a8b7c6d","sslSupportMethod":"sni-only"}""", "minimumProtocolVersion is absent")]
    public void AwsDistribution_WhenCustomCertificateAllowsOldTls_ShouldFail(string certificate, string expected)
    {
        var result = Fixtures.Evaluate(policy, Distribution, Inputs(certificate: certificate));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains(expected, Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TLSv1.2_2018")]
    [InlineData("TLSv1.2_2019")]
    [InlineData("TLSv1.2_2025")]
    [InlineData("TLSv1.3_2025")]
    public void AwsDistribution_WhenCustomCertificateRequiresTls12_ShouldPass(string version)
    {
        var certificate = $$"""{"acmCertificateArn":"arn:aws:acm:us-east-1:123456789012:certificate/9a8b7c6d","sslSupportMethod":"sni-only","minimumProtocolVersion":"{{version}}"}""";
        var result = Fixtures.Evaluate(policy, Distribution, Inputs(certificate: certificate));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsDistribution_WhenViewerProtocolPolicyUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, Distribution, Inputs(defaultPolicy: "04da6b54-80e4-46f7-96ec-b56ff0331ba9"));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("defaultCacheBehavior.viewerProtocolPolicy", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsDistribution_WhenCertificateArnUnknownAndBehaviorAllowsHttp_ShouldStillFail()
    {
        var certificate = """{"acmCertificateArn":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","sslSupportMethod":"sni-only","minimumProtocolVersion":"TLSv1.2_2021"}""";
        var result = Fixtures.Evaluate(policy, Distribution, Inputs(apiPolicy: "allow-all", certificate: certificate));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("viewerCertificate.acmCertificateArn", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_WhenAllowDefaultCertificateIsNotABoolean_ShouldBeRejected()
    {
        var error = Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse("""{"cloudfront-viewer-https":{"allowDefaultCertificate":"yes"} }""", [policy]));
        Assert.Contains("allowDefaultCertificate", error.Message, StringComparison.Ordinal);
    }
}
