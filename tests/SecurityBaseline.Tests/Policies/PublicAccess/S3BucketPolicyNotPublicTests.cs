using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.PublicAccess;

namespace SecurityBaseline.Tests.Policies.PublicAccess;

public class S3BucketPolicyNotPublicTests
{
    private const string BucketPolicy = "aws:s3/bucketPolicy:BucketPolicy";
    private readonly S3BucketPolicyNotPublic policy = new();

    private static string Quote(string json) => System.Text.Json.JsonSerializer.Serialize(json);

    private const string DenyInsecureTransport = """
        {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",
         "Resource":["arn:aws:s3:::acme-data","arn:aws:s3:::acme-data/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}
        """;

    [Fact]
    public void AwsBucketPolicy_WhenOnlyDenyForEveryoneAndNamedAllow_ShouldPass()
    {
        var document = $$"""{"Version":"2012-10-17","Statement":[{{DenyInsecureTransport}},{"Sid":"AppRead","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/app"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-data/*"}]}""";
        var result = Fixtures.Evaluate(policy, BucketPolicy, $$"""{"bucket":"acme-data","policy":{{Quote(document)}}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsBucketPolicy_WhenAllowStarWithoutCondition_ShouldFailNamingTheStatement()
    {
        var document = """{"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::acme-data/*"}]}""";
        var result = Fixtures.Evaluate(policy, BucketPolicy, $$"""{"bucket":"acme-data","policy":{{Quote(document)}}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        var message = Assert.Single(result.Messages);
        Assert.Contains("statement \"PublicRead\"", message, StringComparison.Ordinal);
        Assert.Contains("s3:GetObject", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucketPolicy_WhenAllowAwsStarAsObjectDocument_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, BucketPolicy, """
            {"bucket":"acme-data","policy":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["*"]},"Action":"s3:ListBucket","Resource":"arn:aws:s3:::acme-data"}]}}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("statement 0", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucketPolicy_WhenAllowStarWithCondition_ShouldPass()
    {
        var document = """{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-data/*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}]}""";
        var result = Fixtures.Evaluate(policy, BucketPolicy, $$"""{"bucket":"acme-data","policy":{{Quote(document)}}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsBucket_WhenInlinePolicyAllowsEveryone_ShouldFail()
    {
        var document = """{"Statement":[{"Sid":"Website","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-site/*"}]}""";
        var result = Fixtures.Evaluate(policy, "aws:s3/bucket:Bucket", $$"""{"bucket":"acme-site","policy":{{Quote(document)}}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void AwsBucketV2_WhenPolicyAbsent_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucketV2:BucketV2", """{"bucket":"acme-data"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsBucketPolicy_WhenPolicyUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, BucketPolicy, """{"bucket":"acme-data","policy":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("policy", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucketPolicy_WhenConditionUnknownDuringPreview_ShouldBeNotApplicableWithReason()
    {
        // The condition is built from an output (a VPC endpoint's policy block) that is computed during the preview.
        var result = Fixtures.Evaluate(policy, BucketPolicy, """
            {"bucket":"acme-data","policy":{"Version":"2012-10-17","Statement":[{"Sid":"ReadThroughEndpoint","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-data/*","Condition":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}]}}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("policy.Statement[0].Condition", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucketPolicy_WhenSecretPolicyAllowsEveryone_ShouldFailWithoutPrintingItsContent()
    {
        var document = """{"Statement":[{"Sid":"TopSecretSid","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}""";
        var result = Fixtures.Evaluate(policy, BucketPolicy, $$$"""{"bucket":"acme-data","policy":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":{{{Quote(document)}}}}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.DoesNotContain("TopSecretSid", message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3:GetObject", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucketPolicy_WhenNotJson_ShouldFailClosed()
    {
        var result = Fixtures.Evaluate(policy, BucketPolicy, """{"bucket":"acme-data","policy":"{not json"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("fail closed", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucketPolicy_WhenEveryoneIsAllowedWithOnlyATransportCondition_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucketPolicy:BucketPolicy", """
            {"bucket":"acme-data","policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadOverTls\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-data/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}"}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("do not limit the caller (Bool aws:SecureTransport)", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucketPolicy_WhenEveryoneIsLimitedToTheCompanyVpcEndpoint_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucketPolicy:BucketPolicy", """
            {"bucket":"acme-data","policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-data/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"},\"StringEquals\":{\"aws:SourceVpce\":\"vpce-0a1b2c3d4e5f60718\"}}}]}"}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }
}
