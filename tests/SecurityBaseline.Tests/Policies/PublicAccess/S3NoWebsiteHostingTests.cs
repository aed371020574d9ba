using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.PublicAccess;

namespace SecurityBaseline.Tests.Policies.PublicAccess;

public class S3NoWebsiteHostingTests
{
    private readonly S3NoWebsiteHosting policy = new();

    [Theory]
    [InlineData("aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration")]
    [InlineData("aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2")]
    public void AwsWebsiteConfiguration_WhenItExists_ShouldFail(string type)
    {
        var result = Fixtures.Evaluate(policy, type, """{"bucket":"acme-site","indexDocument":{"suffix":"index.html"},"errorDocument":{"key":"error.html"}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("\"acme-site\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsWebsiteConfiguration_WhenBucketUnknown_ShouldStillFail()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration", """{"bucket":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","redirectAllRequestsTo":{"hostName":"www.example.com","protocol":"https"}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void AwsBucket_WhenWebsiteObjectSet_ShouldFailNamingTheField()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucket:Bucket", """{"bucket":"acme-site","website":{"indexDocument":"index.html","errorDocument":"error.html"}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("website.indexDocument is \"index.html\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucketV2_WhenWebsitesListSet_ShouldFailNamingTheItem()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucketV2:BucketV2", """{"bucket":"acme-site","websites":[{"redirectAllRequestsTo":"https://www.example.com"}]}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("websites[0].redirectAllRequestsTo", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucket_WhenWebsiteAbsent_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucket:Bucket", """{"bucket":"acme-data","forceDestroy":false}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsBucketV2_WhenWebsitesEmpty_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucketV2:BucketV2", """{"bucket":"acme-data","websites":[]}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsBucket_WhenWebsiteIsAnEmptyComputedBlock_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucket:Bucket", """{"bucket":"acme-data","website":{"indexDocument":"","errorDocument":"","redirectAllRequestsTo":"","routingRules":""}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsBucketV2_WhenWebsitesUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucketV2:BucketV2", """{"bucket":"acme-data","websites":"6a19a0b0-7e62-4c92-b797-7f8e31da9cc2"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("websites", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucket_WhenConfiguredAdvisoryWithWrittenConsent_ShouldFailWithoutBlocking()
    {
        var result = Fixtures.Evaluate(policy, "aws:s3/bucket:Bucket", """{"bucket":"acme-site","website":{"indexDocument":"index.html"}}""", """{"s3-no-website-hosting":"advisory"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Advisory, result.Level);
        Assert.False(result.Blocks);
    }

    [Fact]
    public void Config_WhenLevelIsNotAnEnforcementLevel_ShouldBeRejected()
    {
        Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse("""{"s3-no-website-hosting":"strict"}""", [policy]));
    }
}
