using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.PublicAccess;

namespace SecurityBaseline.Tests.Policies.PublicAccess;

public class S3NoPublicAclTests
{
    private const string AllUsers = "http://acs.amazonaws.com/groups/global/AllUsers";
    private const string AuthenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    private const string Owner = """{"type":"CanonicalUser","id":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}""";
    private readonly S3NoPublicAcl policy = new();

    [Theory]
    [InlineData("aws:s3/bucketAcl:BucketAcl", "private")]
    [InlineData("aws:s3/bucketAclV2:BucketAclV2", "log-delivery-write")]
    [InlineData("aws:s3/bucket:Bucket", "bucket-owner-full-control")]
    [InlineData("aws:s3/bucketObjectv2:BucketObjectv2", "aws-exec-read")]
    public void AwsAcl_WhenCannedAclIsNotPublic_ShouldPass(string type, string acl)
    {
        var result = Fixtures.Evaluate(policy, type, $$"""{"bucket":"acme-data","acl":"{{acl}}"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Theory]
    [InlineData("aws:s3/bucketAcl:BucketAcl", "public-read")]
    [InlineData("aws:s3/bucketAclV2:BucketAclV2", "public-read-write")]
    [InlineData("aws:s3/bucket:Bucket", "authenticated-read")]
    [InlineData("aws:s3/bucketV2:BucketV2", "public-read")]
    [InlineData("aws:s3/bucketObject:BucketObject", "public-read")]
    [InlineData("aws:s3/bucketObjectv2:BucketObjectv2", "public-read-write")]
    public void AwsAcl_WhenCannedAclIsPublic_ShouldFailNamingTheValue(string type, string acl)
    {
        var result = Fixtures.Evaluate(policy, type, $$"""{"bucket":"acme-data","key":"index.html","acl":"{{acl}}"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains($"acl is \"{acl}\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucket_WhenAuthenticatedRead_ShouldSayEveryAwsAccountCanRead()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucket:Bucket", """{"bucket":"acme-data","acl":"authenticated-read"}""");
        Assert.Contains("every AWS account can read", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucket_WhenAclAndGrantsAbsent_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucket:Bucket", """{"bucket":"acme-data","forceDestroy":false}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsBucketAclV2_WhenGrantToAllUsers_ShouldFailNamingTheGrant()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucketAclV2:BucketAclV2", $$$"""
            {"bucket":"acme-data","accessControlPolicy":{"owner":{"id":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},
             "grants":[{"grantee":{{{Owner}}},"permission":"FULL_CONTROL"},{"grantee":{"type":"Group","uri":"{{{AllUsers}}}"},"permission":"READ"}]}}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("accessControlPolicy.grants[1].grantee.uri", message, StringComparison.Ordinal);
        Assert.Contains("\"READ\"", message, StringComparison.Ordinal);
        Assert.Contains("everyone on the internet", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucketAcl_WhenGrantsOnlyToOwnerAndLogDelivery_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucketAcl:BucketAcl", $$$"""
            {"bucket":"acme-logs","accessControlPolicy":{"owner":{"id":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},
             "grants":[{"grantee":{{{Owner}}},"permission":"FULL_CONTROL"},{"grantee":{"type":"Group","uri":"http://acs.amazonaws.com/groups/s3/LogDelivery"},"permission":"WRITE"}]}}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsBucket_WhenGrantToAuthenticatedUsers_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucket:Bucket", $$"""
            {"bucket":"acme-data","grants":[{"type":"Group","uri":"{{AuthenticatedUsers}}","permissions":["READ","READ_ACP"]}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("grants[0].uri", message, StringComparison.Ordinal);
        Assert.Contains("every AWS account", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucketV2_WhenGrantToCanonicalUserOnly_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucketV2:BucketV2", """
            {"bucket":"acme-data","grants":[{"type":"CanonicalUser","id":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be","permissions":["FULL_CONTROL"]}]}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsBucketAcl_WhenAclUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucketAcl:BucketAcl", """{"bucket":"acme-data","acl":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("acl", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucketAcl_WhenGranteeUnknown_ShouldBeNotApplicableNamingTheGrant()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucketAcl:BucketAcl", """
            {"bucket":"acme-data","accessControlPolicy":{"owner":{"id":"abc"},"grants":[{"grantee":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","permission":"READ"}]}}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("accessControlPolicy.grants[0].grantee", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucket_WhenOneGrantUnknownAndAnotherPublic_ShouldStillFail()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucket:Bucket", $$"""
            {"bucket":"acme-data","grants":[{"type":"Group","uri":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","permissions":["READ"]},{"type":"Group","uri":"{{AllUsers}}","permissions":["READ"]}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("grants[1].uri", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucket_WhenPublicGrantUriIsSecret_ShouldFailWithoutPrintingIt()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucket:Bucket", $$"""
            {"bucket":"acme-data","grants":[{"type":"Group","uri":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":"{{AllUsers}}"},"permissions":["READ"]}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("[secret]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("acs.amazonaws.com", message, StringComparison.Ordinal);
    }
}
