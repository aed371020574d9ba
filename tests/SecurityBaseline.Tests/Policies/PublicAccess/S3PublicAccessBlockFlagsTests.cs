using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.PublicAccess;

namespace SecurityBaseline.Tests.Policies.PublicAccess;

public class S3PublicAccessBlockFlagsTests
{
    private const string BucketBlock = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    private const string AccountBlock = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
    private readonly S3PublicAccessBlockFlags policy = new();

    [Fact]
    public void AwsBucketBlock_WhenAllFourFlagsTrue_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, BucketBlock, """{"bucket":"acme-prod-data","blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":true}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsBucketBlock_WhenFlagsAbsentOrFalse_ShouldFailNamingEachFlag()
    {
        var result = Fixtures.Evaluate(policy, BucketBlock, """{"bucket":"acme-prod-data","blockPublicAcls":true,"blockPublicPolicy":false,"ignorePublicAcls":true}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Equal(2, result.Messages.Count);
        Assert.Contains(result.Messages, m => m.StartsWith("blockPublicPolicy is false", StringComparison.Ordinal));
        Assert.Contains(result.Messages, m => m.StartsWith("restrictPublicBuckets is absent", StringComparison.Ordinal));
    }

    [Fact]
    public void AwsBucketBlock_WhenEveryFlagAbsent_ShouldFailFourTimes()
    {
        var result = Fixtures.Evaluate(policy, BucketBlock, """{"bucket":"acme-prod-data"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(4, result.Messages.Count);
    }

    [Fact]
    public void AwsAccountBlock_WhenAllFourFlagsTrue_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, AccountBlock, """{"accountId":"123456789012","blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":true}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsAccountBlock_WhenIgnorePublicAclsFalse_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, AccountBlock, """{"blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":false,"restrictPublicBuckets":true}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("ignorePublicAcls is false", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucketBlock_WhenFlagUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, BucketBlock, """{"bucket":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","blockPublicAcls":true,"blockPublicPolicy":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7","ignorePublicAcls":true,"restrictPublicBuckets":true}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("blockPublicPolicy", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucketBlock_WhenOneFlagUnknownAndAnotherFalse_ShouldStillFail()
    {
        var result = Fixtures.Evaluate(policy, BucketBlock, """{"bucket":"acme-prod-data","blockPublicAcls":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7","blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":false}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("restrictPublicBuckets is false", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucketBlock_WhenRemediated_ShouldTurnAllFlagsOnAndKeepOtherProperties()
    {
        var resource = Fixtures.Resource(BucketBlock, """
            {"bucket":"acme-prod-data","region":"eu-central-1","blockPublicAcls":false,
             "skipDestroy":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":true},
             "__defaults":["skipDestroy"]}
            """);
        var configuration = PackConfiguration.Parse("""{"s3-public-access-block-flags":"remediate"}""", [policy]);
        var (_, properties, problem) = Assert.Single(new PolicyEngine([policy], configuration).Remediate(resource));
        Assert.Null(problem);
        Assert.NotNull(properties);
        Assert.All(PublicAccessBlockSettings.Flags, flag => Assert.True(properties[flag].BoolValue));
        Assert.Equal("acme-prod-data", properties["bucket"].StringValue);
        Assert.Equal("eu-central-1", properties["region"].StringValue);
        Assert.True(properties["skipDestroy"].IsSecret);
        Assert.True(properties["skipDestroy"].BoolValue);
        Assert.Equal("skipDestroy", Assert.Single(properties["__defaults"].Items).StringValue);
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(policy, resource with { Properties = properties }).Outcome);
    }

    [Fact]
    public void AwsAccountBlock_WhenAlreadyCompliant_ShouldNotRemediate()
    {
        var resource = Fixtures.Resource(AccountBlock, """{"blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":true}""");
        var configuration = PackConfiguration.Parse("""{"s3-public-access-block-flags":"remediate"}""", [policy]);
        Assert.Empty(new PolicyEngine([policy], configuration).Remediate(resource));
    }
}
