using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies;
using SecurityBaseline.Policies.Keys;
using SecurityBaseline.Policies.PublicAccess;

namespace SecurityBaseline.Tests.Policies;

/// <summary>Whether a Condition really narrows a `Principal "*"` grant: operator, key and value together decide.</summary>
public class AccessPolicyConditionTests
{
    private static PolicyStatement Statement(string condition) =>
        Assert.Single(AccessPolicyDocument.Statements(
            Fixtures.Resource("aws:s3/bucketPolicy:BucketPolicy", "{\"bucket\":\"acme-data\",\"policy\":{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-data/*\",\"Condition\":" + condition + "}]}}").Root,
            "policy"));

    public static TheoryData<string> NotLimiting { get; } = new()
    {
        """{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}""",
        """{"IpAddress":{"aws:SourceIp":["::/0"]}}""",
        """{"IpAddress":{"aws:SourceIp":["0.0.0.0/1","128.0.0.0/1"]}}""",
        """{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","0.0.0.0/0"]}}""",
        """{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}""",
        """{"StringNotEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""",
        """{"StringNotLike":{"aws:SourceVpce":"vpce-0a1b2c3d"}}""",
        """{"ArnNotEquals":{"aws:PrincipalArn":"arn:aws:iam::123456789012:role/app"}}""",
        """{"ArnNotLike":{"aws:SourceArn":"arn:aws:sns:eu-west-1:123456789012:alerts"}}""",
        """{"StringNotEqualsIgnoreCase":{"aws:PrincipalAccount":"123456789012"}}""",
        """{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-0a1b2c3d"}}""",
        """{"IpAddressIfExists":{"aws:SourceIp":"10.0.0.0/8"}}""",
        """{"ArnLikeIfExists":{"aws:PrincipalArn":"arn:aws:iam::123456789012:role/*"}}""",
        """{"StringLike":{"aws:PrincipalOrgID":"*"}}""",
        """{"StringLike":{"aws:SourceAccount":["123456789012","*"]}}""",
        """{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/app"}}""",
        """{"ArnLike":{"aws:PrincipalArn":"*"}}""",
        """{"StringEquals":{"aws:PrincipalAccount":"${aws:PrincipalAccount}"}}""",
        """{"Bool":{"aws:SecureTransport":"true"}}""",
        """{"Bool":{"aws:PrincipalIsAWSService":"false"}}""",
        """{"Null":{"aws:PrincipalOrgID":"false"}}""",
        """{"ForAllValues:StringEquals":{"aws:PrincipalOrgPaths":["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/"]}}""",
        """{"StringLike":{"aws:SourceVpce":"vpce-*"}}""",
        """{"DateLessThan":{"aws:CurrentTime":"2027-01-01T00:00:00Z"}}""",
    };

    public static TheoryData<string> Limiting { get; } = new()
    {
        """{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""",
        """{"StringEquals":{"aws:PrincipalAccount":["123456789012","210987654321"]}}""",
        """{"StringEquals":{"aws:SourceVpce":"vpce-0a1b2c3d4e5f67890"}}""",
        """{"StringEquals":{"aws:SourceVpc":"vpc-0a1b2c3d4e5f67890"}}""",
        """{"StringEquals":{"aws:SourceAccount":"123456789012"}}""",
        """{"StringEquals":{"aws:SourceArn":"arn:aws:sns:eu-west-1:123456789012:alerts"}}""",
        """{"StringEqualsIgnoreCase":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""",
        """{"ForAnyValue:StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""",
        """{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8::/32"]}}""",
        """{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::123456789012:role/app"}}""",
        """{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::123456789012:role/app-*"}}""",
        """{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::acme-logs"}}""",
        """{"StringEquals":{"kms:CallerAccount":"123456789012"}}""",
        """{"Bool":{"aws:SecureTransport":"true"},"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""",
        """{"StringNotEquals":{"aws:PrincipalArn":"arn:aws:iam::123456789012:role/break-glass"},"StringEquals":{"aws:SourceVpce":"vpce-0a1b2c3d4e5f67890"}}""",
    };

    [Theory]
    [MemberData(nameof(NotLimiting))]
    public void RestrictsCaller_WhenTheConditionAdmitsEveryone_ShouldBeFalse(string condition)
    {
        Assert.False(Statement(condition).RestrictsCaller);
    }

    [Theory]
    [MemberData(nameof(Limiting))]
    public void RestrictsCaller_WhenTheConditionNarrowsTheCaller_ShouldBeTrue(string condition)
    {
        Assert.True(Statement(condition).RestrictsCaller);
    }

    [Fact]
    public void RestrictsCaller_WhenTheOnlyNarrowingValueIsUnknown_ShouldThrowNamingTheValue()
    {
        var unknown = Assert.Throws<UnknownValueException>(() => Statement("""{"StringEquals":{"aws:SourceVpce":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}}"""));
        Assert.Equal("policy.Statement[0].Condition.StringEquals.aws:SourceVpce", unknown.PropertyPath);
    }

    [Fact]
    public void S3BucketPolicy_WhenConditionIsNegated_ShouldFailNamingTheOperator()
    {
        var result = Fixtures.Evaluate(new S3BucketPolicyNotPublic(), "aws:s3/bucketPolicy:BucketPolicy", """
            {"bucket":"acme-data","policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-data/*\",\"Condition\":{\"NotIpAddress\":{\"aws:SourceIp\":\"198.51.100.0/24\"}}}]}"}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("NotIpAddress aws:SourceIp", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void S3BucketPolicy_WhenSourceIpIsTheWholeInternet_ShouldFail()
    {
        var result = Fixtures.Evaluate(new S3BucketPolicyNotPublic(), "aws:s3/bucket:Bucket", """
            {"bucket":"acme-site","policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-site/*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":[\"0.0.0.0/0\",\"::/0\"]}}}]}"}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void S3BucketPolicy_WhenSourceIpIsTheOfficeRange_ShouldPass()
    {
        var result = Fixtures.Evaluate(new S3BucketPolicyNotPublic(), "aws:s3/bucketV2:BucketV2", """
            {"bucket":"acme-site","policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-site/*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}}]}"}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void KmsKeyPolicy_WhenConditionIsIfExists_ShouldFail()
    {
        var result = Fixtures.Evaluate(new KmsKeyPolicyNotPublic(), "aws:kms/key:Key", """
            {"description":"app data","policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"StringEqualsIfExists\":{\"kms:CallerAccount\":\"123456789012\"}}}]}"}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("StringEqualsIfExists kms:CallerAccount", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void KmsKeyPolicy_WhenCallerAccountEquals_ShouldPass()
    {
        var result = Fixtures.Evaluate(new KmsKeyPolicyNotPublic(), "aws:kms/keyPolicy:KeyPolicy", """
            {"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab","policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"kms:CallerAccount\":\"123456789012\",\"kms:ViaService\":\"s3.eu-west-1.amazonaws.com\"}}}]}"}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }
}
